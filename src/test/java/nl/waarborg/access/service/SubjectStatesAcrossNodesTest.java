package nl.waarborg.access.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import nl.waarborg.access.Caller;
import nl.waarborg.access.SubjectFactSource;
import nl.waarborg.database.ChangeNotifications;
import nl.waarborg.policy.CompiledPolicy;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.vault.Vault;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A second node on the same database caches a subject's state; a change committed on this node reaches it
 * through PostgreSQL LISTEN/NOTIFY and its next decision sees the change.
 */
class SubjectStatesAcrossNodesTest extends ServiceTestBase {

    @Autowired
    Vault vault;

    @Autowired
    List<SubjectFactSource> sources;

    @Autowired
    ActivePolicy policy;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aChangeOnOneNodeDropsTheCachedStateOnAnother() throws Exception {
        Caller app = new Caller("key:test", "staff", List.of("quote", "rental"), false);
        UUID subject = vault.createSubjects(app, List.of(new Vault.NewSubject(List.of(), List.of(), List.of("lead"))))
                .getFirst();
        CompiledPolicy compiled = policy.compiled();
        int customer = compiled.subjectCategoryId("customer");

        ChangeNotifications otherNodeNotifications = new ChangeNotifications(dataSource, jdbc);
        SubjectStates otherNode = new SubjectStates(sources, policy, otherNodeNotifications, 100);
        BlockingQueue<UUID> heard = new LinkedBlockingQueue<>();
        otherNode.onChange(heard::add); // told after the other node dropped its entry
        otherNodeNotifications.start();
        try {
            assertThat(otherNodeNotifications.awaitListening(java.time.Duration.ofSeconds(10))).isTrue();
            assertThat(otherNode.state(subject, compiled).memberOf(customer)).isFalse(); // now cached there
            assertThat(otherNode.cache().getIfPresent(subject, compiled)).isNotNull();

            vault.join(app, subject, "customer", null); // on this node

            assertThat(heardOf(heard, subject)).isTrue();
            assertThat(otherNode.cache().getIfPresent(subject, compiled)).as("dropped on the other node").isNull();
            assertThat(otherNode.state(subject, compiled).memberOf(customer)).isTrue();
        } finally {
            otherNodeNotifications.stop();
        }
    }

    /**
     * Whether the other node hears of this subject within 10 s. It hears of every subject changed on the shared
     * database, so changes other tests of the same context made just before (their notifications still on the way)
     * are passed over.
     */
    private static boolean heardOf(BlockingQueue<UUID> heard, UUID subject) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            if (subject.equals(heard.poll(left, TimeUnit.NANOSECONDS))) {
                return true;
            }
        }
        return false;
    }
}
