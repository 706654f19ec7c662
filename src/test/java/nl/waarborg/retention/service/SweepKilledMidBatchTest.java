package nl.waarborg.retention.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.waarborg.WaarborgApplication;
import nl.waarborg.audit.Verification;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.policy.service.ActivePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A sweeping process killed with SIGKILL in the middle of a batch loses nothing and deletes nothing twice. The
 * service here owns the database (the embedded PostgreSQL is its child and outlives the sweeper); the sweep runs
 * in a separate JVM, `waarborg retention sweep` on the same data folder, and is killed while one of its DELETEs is
 * running. Afterwards every item is either still there or counted in exactly one committed audit event, and the
 * next sweep erases precisely the rest.
 */
class SweepKilledMidBatchTest {

    private static final int DUE = 200_000;
    private static final int NOT_DUE = 1_000;

    @TempDir
    Path data;

    @Test
    void aSweepKilledMidBatchLosesNothingAndErasesNothingTwice() throws Exception {
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(WaarborgApplication.class)
                .web(WebApplicationType.NONE)
                .run("--waarborg.data-dir=" + data, "--waarborg.policy=examples/self-storage.yaml",
                        "--waarborg.retention.sweep-interval=PT0S")) {
            JdbcTemplate db = new JdbcTemplate(service.getBean(javax.sql.DataSource.class));
            long version = service.getBean(ActivePolicy.class).version().id();
            db.execute("INSERT INTO subject (id, created_at) SELECT gen_random_uuid(), now() FROM generate_series(1, 10000)");
            load(db, DUE, version, "now() - interval '1 day' + (i % 5000) * interval '1 second'");
            load(db, NOT_DUE, version, "now() + interval '30 days'");
            db.execute("ANALYZE item");

            Process sweep = new ProcessBuilder(javaCommand(), "-Dwaarborg.retention.batch=2000", "-cp",
                    System.getProperty("java.class.path"), "nl.waarborg.cli.WaarborgCommand",
                    "retention", "sweep", "--data", data.toString())
                    .redirectErrorStream(true).redirectOutput(data.resolve("sweep.log").toFile()).start();
            List<Integer> backends = awaitADeleteAfterACommittedBatch(db, sweep);
            sweep.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback from the JVM's side
            assertThat(sweep.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(sweep.exitValue()).as("killed, not finished").isEqualTo(137);
            assertThat(Files.readString(data.resolve("sweep.log"))).doesNotContain("items erased");
            awaitGone(db, backends); // PostgreSQL rolls the batch back once it sees its client gone

            long left = due(db);
            long audited = audited(db);
            assertThat(audited).as("some batches committed before the kill").isPositive();
            assertThat(left).as("the killed batch and the rest are still there").isPositive();
            assertThat(audited + left).as("every erased item is in exactly one committed audit event").isEqualTo(DUE);
            assertThat(service.getBean(AuditLog.class).verify()).isInstanceOf(Verification.Ok.class);

            Sweeper.Report next = service.getBean(Sweeper.class).sweep(false);
            assertThat(next.deleted()).as("the next sweep erases exactly what was left").isEqualTo(left);
            assertThat(due(db)).isZero();
            assertThat(audited(db)).isEqualTo(DUE);
            assertThat(db.queryForObject("SELECT count(*) FROM item", Long.class)).isEqualTo(NOT_DUE);
            assertThat(service.getBean(AuditLog.class).verify()).isInstanceOf(Verification.Ok.class);
        }
    }

    /** Waits until the sweeper committed at least one batch and another of its DELETEs is running; their backends. */
    private static List<Integer> awaitADeleteAfterACommittedBatch(JdbcTemplate db, Process sweep) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(sweep.isAlive()).as("the sweep is still running").isTrue();
            if (audited(db) > 0) {
                List<Integer> running = db.queryForList("SELECT pid FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
                        + "AND state = 'active' AND query LIKE 'DELETE FROM item%'", Integer.class);
                if (!running.isEmpty()) {
                    return running;
                }
            }
            Thread.sleep(5); // waiting on another process, not on time: nothing here depends on the clock
        }
        throw new AssertionError("the sweep never ran a second batch");
    }

    private static void awaitGone(JdbcTemplate db, List<Integer> backends) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            Integer alive = db.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE pid = ANY (?)", Integer.class,
                    (Object) backends.toArray(Integer[]::new));
            if (alive != null && alive == 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the killed sweeper's database sessions did not end");
    }

    private static long due(JdbcTemplate db) {
        return db.queryForObject("SELECT count(*) FROM item WHERE due_at <= now()", Long.class);
    }

    private static long audited(JdbcTemplate db) {
        return db.queryForObject("SELECT coalesce(sum(substring(r FROM 7)::bigint), 0) FROM audit_event, unnest(reasons) r "
                + "WHERE action = 'retention-erased' AND r LIKE 'items:%'", Long.class);
    }

    private static void load(JdbcTemplate db, int n, long version, String due) {
        db.execute("INSERT INTO item (id, subject_id, category, purposes, source, system, collected_at, policy_version, "
                + "value, due_at, end_action, retention_rule, scheduled_under) "
                + "SELECT gen_random_uuid(), s.ids[1 + i % 10000], 'camera-footage', ARRAY['camera-surveillance'], "
                + "'from-subject', 'cctv', now() - interval '8 days', " + version + ", '\\x00'::bytea, " + due
                + ", 'delete', 'camera-footage', " + version + " FROM generate_series(1, " + n + ") i, "
                + "(SELECT array_agg(id) ids FROM subject) s");
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
