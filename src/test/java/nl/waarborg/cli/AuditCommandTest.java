package nl.waarborg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import nl.waarborg.WaarborgApplication;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.AuditJsonLines;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.database.DataFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine;

/**
 * `waarborg audit verify|export` on a real data folder: exit 0 intact, 1 broken (naming the event), 2 the log
 * could not be read (no database there, or a running service holds the folder). One folder for the class; the
 * tampering tests come last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditCommandTest {

    @TempDir
    static Path data;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    /** The service's data folder with six events: the start's policy load, then five written by the service's own code. */
    @BeforeAll
    static void fiveEvents() {
        try (ConfigurableApplicationContext service = service()) {
            service.getBean(TransactionTemplate.class).executeWithoutResult(s -> service.getBean(AuditLog.class).appendAll(
                    List.of(AuditEvent.draft("staff", "DPO", "read").subject(UUID.randomUUID()).categories("name"),
                            AuditEvent.draft("staff", "DPO", "export").subject(UUID.randomUUID()).categories("name", "email"),
                            AuditEvent.draft("apikey:crm", "front-desk", "read").outcome(Outcome.DENIED, "no-purpose"),
                            AuditEvent.draft("system:retention", "system", "erase").categories("video-footage"),
                            AuditEvent.draft("staff", "DPO", "read").purpose("contract").policyVersion(1))));
        }
    }

    private static ConfigurableApplicationContext service() {
        return new SpringApplicationBuilder(WaarborgApplication.class).web(WebApplicationType.NONE)
                .run("--waarborg.data-dir=" + data, "--waarborg.policy=src/test/resources/policies/clean.yaml");
    }

    private int run(String... args) {
        CommandLine cl = WaarborgCommand.commandLine();
        if (!cl.getSubcommands().containsKey("audit")) {
            cl.addSubcommand(new AuditCommand()); // until WaarborgCommand lists it
        }
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        CommandLine export = cl.getSubcommands().get("audit").getSubcommands().get("export");
        ((AuditExportCommand) export.getCommand()).stdout = stdout;
        return cl.execute(args);
    }

    @Test
    @Order(1)
    void intactLogExitsZero() {
        assertThat(run("audit", "verify", "--data", data.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("audit chain intact: 6 events, the last is event 6 with hash ")
                .matches("(?s).*hash [0-9a-f]{64}\\R");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    @Order(2)
    void exportWritesEveryEventAsAJsonLineAndTheExportVerifies() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        assertThat(run("audit", "export", "--data", data.toString(), "-o", file.toString())).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(6);
        assertThat(lines).map(AuditJsonLines::parse).extracting(AuditEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(err.toString()).startsWith("exported 6 events; the last is event 6 with hash ");
        try (var listing = Files.list(dir)) {
            assertThat(listing).as("no temporary file left").containsExactly(file);
        }

        assertThat(run("audit", "verify", "--file", file.toString())).isZero();
        assertThat(out.toString()).startsWith("audit chain intact: 6 events");

        Files.write(file, lines.subList(2, 6));
        assertThat(run("audit", "verify", "--file", file.toString())).isZero();
        assertThat(out.toString()).contains("(the export starts at event 3; its link to event 2 is not checked)");

        Files.writeString(file, lines.get(0) + "\n" + lines.get(1) + "\n" + lines.get(2).replace("\"export\"", "\"read\"") + "\n");
        assertThat(run("audit", "verify", "--file", file.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("audit chain broken at event 3: content changed");
    }

    @Test
    @Order(3)
    void exportToStandardOutput() {
        assertThat(run("audit", "export", "--data", data.toString())).isZero();
        String text = stdout.toString(StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(6);
        assertThat(out.toString()).as("nothing but the lines on standard output").isEmpty();
    }

    @Test
    @Order(4)
    void aFolderHeldByARunningServiceExitsTwoAndPointsToTheEndpoint() throws Exception {
        try (DataFolder held = DataFolder.open(data)) {
            assertThat(run("audit", "verify", "--data", data.toString())).isEqualTo(2);
        }
        assertThat(err.toString()).contains("is in use by a running Waarborg (pid " + ProcessHandle.current().pid() + ")")
                .contains("GET /api/v1/audit/verify").doesNotContain("\tat ");
    }

    @Test
    @Order(4)
    void besideARunningServiceItsPublishedDatabaseIsVerified() {
        try (ConfigurableApplicationContext running = service()) {
            assertThat(run("audit", "verify", "--data", data.toString())).as(err.toString()).isZero();
        }
    }

    @Test
    @Order(5)
    void noDatabaseThereExitsTwo() {
        assertThat(run("audit", "verify", "--data", dir.resolve("typo").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no Waarborg database in " + dir.resolve("typo").toAbsolutePath());
        assertThat(Files.exists(dir.resolve("typo"))).as("nothing created").isFalse();
        assertThat(run("audit", "verify", "--file", dir.resolve("missing.jsonl").toString())).isEqualTo(2);
        assertThat(run("audit", "verify", "--file", "x.jsonl", "--data", data.toString())).isEqualTo(2);
    }

    @Test
    @Order(5)
    void anUnreachableDatabaseExitsTwo() {
        assertThat(run("audit", "verify", "--database-url", "jdbc:postgresql://127.0.0.1:1/waarborg")).isEqualTo(2);
        assertThat(err.toString()).startsWith("waarborg: cannot read the database: ").contains("refused")
                .doesNotContain("\tat ");
    }

    @Test
    @Order(6)
    void aTamperedRowExitsOneNamingIt() {
        try (ConfigurableApplicationContext service = service()) {
            JdbcClient jdbc = service.getBean(JdbcClient.class);
            service.getBean(TransactionTemplate.class).executeWithoutResult(s -> {
                jdbc.sql("ALTER TABLE audit_event DISABLE TRIGGER USER").update();
                jdbc.sql("UPDATE audit_event SET outcome = 'allowed', reasons = '{}' WHERE seq = 4").update(); // the denial
                jdbc.sql("ALTER TABLE audit_event ENABLE TRIGGER USER").update();
            });
            assertThat(jdbc.sql("SELECT count(*) FROM policy_load").query(Integer.class).single())
                    .as("the commands recorded no policy load; only the three service starts did").isEqualTo(3);
        }
        assertThat(run("audit", "verify", "--data", data.toString())).isEqualTo(1);
        assertThat(out.toString()).isEqualTo("audit chain broken at event 4: content changed: "
                + "its stored hash does not match its content" + System.lineSeparator());
    }

    @Test
    @Order(7)
    void checkpointsFindARemovedTailInAnExportAndABadCheckpointFileExitsTwo() throws Exception {
        List<AuditEvent> chain = nl.waarborg.audit.AuditFixtures.chain(10);
        Path export = dir.resolve("truncated.jsonl");
        Files.write(export, chain.subList(0, 7).stream().map(AuditJsonLines::line).toList());
        Path checkpoints = dir.resolve("audit-checkpoints");
        java.time.Instant at = java.time.Instant.parse("2026-12-04T03:00:00Z");
        Files.write(checkpoints, List.of(new nl.waarborg.audit.Checkpoint(at, 4, chain.get(3).hash()).line(),
                new nl.waarborg.audit.Checkpoint(at, 9, chain.get(8).hash()).line()));
        assertThat(run("audit", "verify", "--file", export.toString())).as("the chain alone holds").isZero();
        out.getBuffer().setLength(0);
        assertThat(run("audit", "verify", "--file", export.toString(), "--checkpoints", checkpoints.toString())).isEqualTo(1);
        assertThat(out.toString()).startsWith("audit chain broken at event 8: differs from a checkpoint kept outside the "
                + "database: the checkpoint of 2026-12-04T03:00:00Z names event 9");

        Files.write(checkpoints, List.of(new nl.waarborg.audit.Checkpoint(at, 4, chain.get(3).hash()).line()));
        out.getBuffer().setLength(0);
        assertThat(run("audit", "verify", "--file", export.toString(), "--checkpoints", checkpoints.toString())).isZero();
        assertThat(out.toString()).contains("audit chain intact: 7 events").contains("; 1 checkpoint holds");

        Files.write(checkpoints, List.of("2026-12-04T03:00:00Z seq=4 hash=zz"));
        assertThat(run("audit", "verify", "--file", export.toString(), "--checkpoints", checkpoints.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(checkpoints + ":1: not a checkpoint: hash is not 32 bytes in hex");
        assertThat(run("audit", "verify", "--file", export.toString(), "--checkpoints", dir.resolve("none").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("none: no such file");
    }
}
