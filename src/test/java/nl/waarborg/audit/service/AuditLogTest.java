package nl.waarborg.audit.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.Verification;
import nl.waarborg.audit.Verification.Broken;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log on the embedded PostgreSQL: events commit and roll back with the change they record, the
 * database refuses to change them, concurrent appends keep one chain, and tampering is named by verify.
 */
class AuditLogTest extends ServiceTestBase {

    @Autowired
    AuditLog log;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    /** Stands for any capability's table: the change an event records. */
    @BeforeEach
    void changeTable() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS audit_test_change (id uuid PRIMARY KEY)").update();
    }

    private static AuditEvent.Draft read(UUID subject) {
        return AuditEvent.draft("staff", "DPO", "read").purpose("contract").subject(subject).categories("name", "email");
    }

    private int changes(UUID id) {
        return jdbc.sql("SELECT count(*) FROM audit_test_change WHERE id = ?").param(id).query(Integer.class).single();
    }

    private int events(UUID subject) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE subject_id = ?").param(subject).query(Integer.class).single();
    }

    private void changeAndRecord(UUID subject) {
        jdbc.sql("INSERT INTO audit_test_change (id) VALUES (?)").param(subject).update();
        log.append(read(subject));
    }

    /** What an attacker with the database owner's rights can do: switch the guard off for one statement. */
    private void asOwnerWithoutGuards(String sql, Object... params) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("ALTER TABLE audit_event DISABLE TRIGGER USER").update();
            jdbc.sql(sql).params(params).update();
            jdbc.sql("ALTER TABLE audit_event ENABLE TRIGGER USER").update();
        });
    }

    private Broken broken(Verification v) {
        assertThat(v).isInstanceOf(Broken.class);
        return (Broken) v;
    }

    @Test
    void anEventCommitsWithTheChangeItRecords() {
        UUID subject = UUID.randomUUID();
        long before = log.head().lastSeq();
        List<AuditEvent> appended = tx.execute(s -> {
            jdbc.sql("INSERT INTO audit_test_change (id) VALUES (?)").param(subject).update();
            return log.appendAll(List.of(read(subject), read(subject).outcome(Outcome.DENIED, "consent-withdrawn")));
        });
        assertThat(appended).extracting(AuditEvent::seq).containsExactly(before + 1, before + 2);
        assertThat(changes(subject)).isEqualTo(1);
        assertThat(log.events(before, 10)).isEqualTo(appended);
        assertThat(log.head()).isEqualTo(new AuditLog.Head(before + 2, appended.getLast().hash()));
        assertThat(log.verify().ok()).isTrue();
    }

    @Test
    void anEventRollsBackWithTheChangeItRecords() {
        UUID subject = UUID.randomUUID();
        AuditLog.Head before = log.head();
        tx.executeWithoutResult(s -> {
            changeAndRecord(subject);
            s.setRollbackOnly();
        });
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            changeAndRecord(subject);
            throw new IllegalStateException("the change failed after the event was written");
        })).hasMessageContaining("the change failed");
        assertThat(changes(subject)).isZero();
        assertThat(events(subject)).isZero();
        assertThat(log.head()).isEqualTo(before);

        AuditEvent next = tx.execute(s -> log.append(read(subject)));
        assertThat(next.seq()).as("no gap where the rolled-back events were").isEqualTo(before.lastSeq() + 1);
        assertThat(next.prevHash()).isEqualTo(before.lastHash());
        assertThat(log.verify().ok()).isTrue();
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        AuditLog.Head before = log.head();
        assertThatThrownBy(() -> log.append(read(UUID.randomUUID())))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> log.appendAll(List.of(read(UUID.randomUUID()))))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(log.head()).isEqualTo(before);
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveEvents() {
        long seq = tx.execute(s -> log.append(read(UUID.randomUUID()))).seq();
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET actor = 'someone-else' WHERE seq = ?").param(seq).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("audit_event is append-only: UPDATE refused");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE seq = ?").param(seq).update())
                .hasMessageContaining("audit_event is append-only: DELETE refused");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_event").update())
                .hasMessageContaining("audit_event is append-only: TRUNCATE refused");
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_head SET last_seq = 0").update())
                .hasMessageContaining("audit_head only moves forward");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_head").update())
                .hasMessageContaining("audit_head is append-only: DELETE refused");
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO audit_event (seq, occurred_at, actor, role, action, outcome, prev_hash, hash)
                SELECT last_seq + 5, now(), 'x', 'x', 'x', 'allowed', last_hash, last_hash FROM audit_head""").update())
                .as("no event can skip ahead").hasMessageContaining("the next event is");
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO audit_event (seq, occurred_at, actor, role, action, outcome, prev_hash, hash)
                SELECT last_seq + 1, now(), 'x', 'x', 'x', 'allowed', decode(repeat('01', 32), 'hex'), last_hash
                FROM audit_head""").update())
                .as("no event can start a second chain").hasMessageContaining("must name the hash of event");
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO audit_event (seq, occurred_at, actor, role, action, outcome, prev_hash, hash)
                SELECT last_seq + 1, now(), 'x', 'x', 'x', 'allowed', last_hash, decode(repeat('02', 32), 'hex') FROM audit_head
                UNION ALL
                SELECT last_seq + 2, now(), 'x', 'x', 'x', 'allowed', decode(repeat('03', 32), 'hex'), last_hash FROM audit_head""").update())
                .as("within one statement, each event names the one before").hasMessageContaining("must name the hash of event");
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO audit_event (seq, occurred_at, actor, role, action, outcome, prev_hash, hash)
                SELECT last_seq + 1, now(), 'x', 'x', 'x', 'allowed', last_hash, last_hash FROM audit_head
                UNION ALL
                SELECT last_seq + 3, now(), 'x', 'x', 'x', 'allowed', last_hash, last_hash FROM audit_head""").update())
                .as("within one statement, no gaps").hasMessageContaining("the next event is");
        assertThat(jdbc.sql("SELECT actor FROM audit_event WHERE seq = ?").param(seq).query(String.class).single())
                .isEqualTo("staff");
        assertThat(log.verify().ok()).isTrue();
    }

    @Test
    void aChangedRowIsNamedByVerify() {
        List<AuditEvent> appended = tx.execute(s -> log.appendAll(List.of(read(UUID.randomUUID()),
                read(UUID.randomUUID()), read(UUID.randomUUID()))));
        long seq = appended.get(1).seq();
        asOwnerWithoutGuards("UPDATE audit_event SET categories = '{name}' WHERE seq = ?", seq);
        try {
            Broken b = broken(log.verify());
            assertThat(b.seq()).isEqualTo(seq);
            assertThat(b.message()).isEqualTo("audit chain broken at event " + seq
                    + ": content changed: its stored hash does not match its content");
            String body = http.get("/api/v1/audit/verify", staffToken()).body();
            assertThat(body).contains("\"ok\":false").contains("\"brokenAt\":" + seq).contains("content changed");
        } finally {
            asOwnerWithoutGuards("UPDATE audit_event SET categories = '{name,email}' WHERE seq = ?", seq);
        }
        assertThat(log.verify().ok()).isTrue();
    }

    @Test
    void aRemovedRowIsAGapAndARemovedLastRowDiffersFromTheHead() {
        List<AuditEvent> appended = tx.execute(s -> log.appendAll(List.of(read(UUID.randomUUID()),
                read(UUID.randomUUID()), read(UUID.randomUUID()))));
        long middle = appended.get(1).seq();
        long last = appended.get(2).seq();
        asOwnerWithoutGuards("CREATE TABLE audit_saved AS SELECT * FROM audit_event WHERE seq >= ?", middle);
        try {
            asOwnerWithoutGuards("DELETE FROM audit_event WHERE seq = ?", middle);
            Broken gap = broken(log.verify());
            assertThat(gap.seq()).isEqualTo(middle);
            assertThat(gap.why()).isEqualTo(Verification.Why.GAP);

            asOwnerWithoutGuards("DELETE FROM audit_event WHERE seq >= ?", middle);
            Broken tail = broken(log.verify());
            assertThat(tail.seq()).isEqualTo(middle);
            assertThat(tail.why()).isEqualTo(Verification.Why.HEAD_MISMATCH);
            assertThat(tail.reason()).contains("events " + middle + ".." + last + " are missing");
        } finally {
            asOwnerWithoutGuards("INSERT INTO audit_event SELECT * FROM audit_saved WHERE seq NOT IN (SELECT seq FROM audit_event)");
            jdbc.sql("DROP TABLE audit_saved").update();
        }
        assertThat(log.verify().ok()).isTrue();
    }

    @Test
    void aRowThatNoLongerReadsAsAnEventIsNamed() {
        long seq = tx.execute(s -> log.append(read(UUID.randomUUID()))).seq();
        asOwnerWithoutGuards("UPDATE audit_event SET reasons = '{NULL}' WHERE seq = ?", seq);
        try {
            Broken b = broken(log.verify());
            assertThat(b.seq()).isEqualTo(seq);
            assertThat(b.reason()).startsWith("content changed: the row cannot be read as an event");
        } finally {
            asOwnerWithoutGuards("UPDATE audit_event SET reasons = '{}' WHERE seq = ?", seq);
        }
        assertThat(log.verify().ok()).isTrue();
    }

    @Test
    void concurrentAppendsFormOneUnbrokenChain() throws Exception {
        long before = log.head().lastSeq();
        int threads = 6;
        int transactions = 20;
        int perTransaction = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int n = 0; n < transactions; n++) {
                        String batch = "t" + thread + "-tx" + n;
                        tx.executeWithoutResult(s -> log.appendAll(java.util.Collections.nCopies(perTransaction,
                                AuditEvent.draft("system:test", "system", batch))));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        List<AuditEvent> appended = new ArrayList<>();
        log.forEach(before, appended::add);
        assertThat(appended).hasSize(threads * transactions * perTransaction);
        assertThat(log.verify().ok()).isTrue();
        // each transaction's events sit together: the head lock is held until the transaction commits
        Map<String, List<Long>> seqsByBatch = new TreeMap<>();
        appended.forEach(e -> seqsByBatch.computeIfAbsent(e.action(), k -> new ArrayList<>()).add(e.seq()));
        assertThat(seqsByBatch).hasSize(threads * transactions);
        seqsByBatch.values().forEach(seqs -> assertThat(seqs.getLast() - seqs.getFirst()).isEqualTo(perTransaction - 1));
    }

    @Test
    void theBinaryCopyReadsEveryFieldAsAQueryDoes() {
        // events with and without purpose, subject, categories, reasons and policy version
        tx.executeWithoutResult(st -> log.appendAll(List.of(
                AuditEvent.draft("key:abc", "front-desk", "read").purpose("rental").subject(UUID.randomUUID())
                        .categories("name", "email").outcome(nl.waarborg.audit.Outcome.DENIED, "consent-withdrawn", "role-not-allowed")
                        .policyVersion(1),
                AuditEvent.draft("system:retention", "system", "sweep"))));
        List<AuditEvent> queried = log.events(0, AuditLog.MAX_PAGE);
        List<AuditEvent> copied = new java.util.ArrayList<>();
        log.forEach(0, copied::add);
        assertThat(copied).hasSameSizeAs(queried);
        assertThat(copied).isEqualTo(queried);
    }
}
