package nl.waarborg.systems.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.waarborg.WaarborgApplication;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.database.RunningServiceDatabase;
import nl.waarborg.systems.LinkedSubjects;
import nl.waarborg.systems.SweepRequest;
import nl.waarborg.systems.SystemConnectors;
import nl.waarborg.systems.SystemResult;
import nl.waarborg.systems.check.CrmDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code kill -9} at the worst moment of a sweep of an organisation's table (issue 15): the service runs in a process of
 * its own ({@link SweepInAnotherProcess}); the test holds the audit log's table locked, so that the first batch commits
 * in the CRM and then waits to write its proof; the process is killed with SIGKILL right then. The next start of the
 * service on the same data folder, sweeping again, proves that batch once and sweeps the rest: every row deleted is in
 * exactly one proof.
 */
class JdbcSweepKilledTest {

    private static final int CALLS = 12;

    @Test
    void aSweepKilledBetweenTheSystemsCommitAndTheProofIsProvenOnceByTheNextStart() throws Exception {
        CrmDatabase crm = CrmDatabase.shared();
        String ddl = String.join("\n", Files.readString(Path.of("examples/crm/schema.sql")).lines()
                .filter(l -> !l.startsWith("--")).toList());
        List<String> statements = new ArrayList<>(List.of(ddl.split(";")).stream().filter(s -> !s.isBlank()).toList());
        statements.add("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + crm.user());
        statements.add("INSERT INTO customers (id, first_name, email, created_at, status) "
                + "VALUES (3, 'Cor', 'cor@example.org', TIMESTAMP '2020-01-01 09:00', 'active')");
        // call logs of a running contract, every one more than a year old: each its own batch of one row
        statements.add("INSERT INTO call_logs (id, customer_id, started_at, duration_seconds) SELECT g, 3, "
                + "TIMESTAMP '2023-01-01 10:00' + g * INTERVAL '1 day', 60 FROM generate_series(1, " + CALLS + ") g");
        crm.create("killed_crm", statements.toArray(String[]::new));

        Path root = Files.createDirectories(Path.of("target", "test-data"));
        Path data = Files.createTempDirectory(root, "killed-sweep");
        Path settings = Files.createTempFile(root, "killed-sweep", ".properties",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(settings, "CRM_JDBC_URL=" + crm.url("killed_crm").replace("\\", "\\\\").replace(":", "\\:")
                + "\nCRM_DB_USER=" + crm.user() + "\nCRM_DB_PASSWORD=" + crm.password() + "\n");

        Process sweep = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), SweepInAnotherProcess.class.getName(), data.toString(),
                settings.toString()).redirectErrorStream(true)
                .redirectOutput(data.resolveSibling(data.getFileName() + ".log").toFile()).start();
        try {
            await(Duration.ofMinutes(2), () -> Files.exists(data.resolveSibling(data.getFileName() + ".ready")));
            try (Connection waarborg = RunningServiceDatabase.connect(data)) {
                waarborg.setAutoCommit(false);
                try (Statement s = waarborg.createStatement()) {
                    s.execute("LOCK TABLE audit_event IN EXCLUSIVE MODE"); // the proof's insert waits for it
                }
                Files.writeString(data.resolveSibling(data.getFileName() + ".go"), "go");
                // the first batch committed in the CRM, and its proof waits for the lock
                await(Duration.ofMinutes(1), () -> count(crm, "SELECT count(*) FROM call_logs") == CALLS - 1
                        && waiting(waarborg) > 0);
                sweep.destroyForcibly(); // SIGKILL
                assertThat(sweep.waitFor(30, TimeUnit.SECONDS)).isTrue();
                waarborg.rollback();
            }
        } finally {
            sweep.destroyForcibly();
        }
        assertThat(count(crm, "SELECT count(*) FROM call_logs")).as("the batch committed whole").isEqualTo(CALLS - 1);

        try (ConfigurableApplicationContext again = new SpringApplicationBuilder(WaarborgApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .run("--waarborg.data-dir=" + data, "--waarborg.policy=examples/self-storage.yaml",
                        "--waarborg.systems.settings-file=" + settings, "--waarborg.systems.jdbc.batch=1",
                        "--waarborg.retention.sweep-interval=PT0S")) {
            JdbcClient jdbc = again.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT count(*) FROM system_sweep_batch").query(Integer.class).single())
                    .as("the killed batch's record").isEqualTo(1);
            AuditLog audit = again.getBean(AuditLog.class);
            long before = audit.head().lastSeq();
            SystemResult result = again.getBean(SystemConnectors.class).find("crm").orElseThrow().connector()
                    .sweep(new SweepRequest(Instant.now(), false, LinkedSubjects.NONE, "after-the-kill"));

            assertThat(result).isInstanceOf(SystemResult.Done.class);
            assertThat(count(crm, "SELECT count(*) FROM call_logs")).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM system_sweep_batch").query(Integer.class).single()).isZero();
            List<AuditEvent> proofs = audit.events(0, AuditLog.MAX_PAGE).stream()
                    .filter(e -> e.action().equals("retention-erased")).toList();
            assertThat(proofs.stream().flatMap(e -> e.reasons().stream()).filter(r -> r.startsWith("rows:"))
                    .mapToInt(r -> Integer.parseInt(r.substring(5))).sum())
                    .as("every row deleted is in exactly one proof").isEqualTo(CALLS);
            assertThat(proofs).filteredOn(e -> e.reasons().contains("recovered-after-interruption")).singleElement()
                    .satisfies(e -> assertThat(e.seq()).isGreaterThan(before));
        }
    }

    private static long count(CrmDatabase crm, String sql) {
        try (Connection c = DriverManager.getConnection(crm.url("killed_crm"), crm.user(), crm.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Backends of the service waiting for a lock (the proof's insert, waiting for the test's). */
    private static int waiting(Connection waarborg) {
        try (Statement s = waarborg.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls until the condition holds (a deadline, not a timing assertion: the test fails only if it never does). */
    private static void await(Duration limit, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("still waiting after " + limit).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
