package nl.waarborg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.waarborg.database.DataFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `waarborg serve` as a real second process: a folder held by a running instance is refused with a clear message. */
class ServeCommandTest {

    @TempDir
    Path data;

    @Test
    void secondProcessOnAHeldDataFolderStopsWithAClearMessage() throws Exception {
        try (DataFolder held = DataFolder.open(data)) {
            Process p = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    WaarborgCommand.class.getName(), "serve", "--data", data.toString(), "--port", "0",
                    "--policy", "src/test/resources/policies/clean.yaml"))
                    .redirectErrorStream(true).start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).isEqualTo(1);
            assertThat(output).contains("APPLICATION FAILED TO START").contains("the data folder " + data.toAbsolutePath()
                    + " is in use by another running Waarborg (pid " + ProcessHandle.current().pid() + ")")
                    .contains("waarborg serve --data DIR");
            assertThat(output).as("no stack trace for an operator's mistake").doesNotContain("\tat ");
        }
    }

    @Test
    void policyWithErrorsIsRefusedAtStartWithItsFindings() throws Exception {
        Path broken = data.resolve("broken.yaml");
        java.nio.file.Files.writeString(broken, java.nio.file.Files.readString(Path.of("src/test/resources/policies/clean.yaml"))
                .replace("  response-time: P4W", "  response-time: P3M"));
        Process p = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                WaarborgCommand.class.getName(), "serve", "--data", data.resolve("d").toString(), "--port", "0",
                "--policy", broken.toString()))
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(output).contains("the policy has errors:")
                .contains(broken + ":").contains("error response-time-too-long").doesNotContain("\tat ");
    }

    @Test
    void unreadablePolicyIsNamed() throws Exception {
        Process p = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                WaarborgCommand.class.getName(), "serve", "--data", data.resolve("d").toString(), "--port", "0",
                "--policy", data.resolve("missing.yaml").toString()))
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(output).contains("cannot read the policy " + data.resolve("missing.yaml")).doesNotContain("\tat ");
    }

    /**
     * The newcomer's commands, as real processes: `serve --demo`, then `retention sweep --dry-run` beside it shows what
     * the first sweep deletes from the demo CRM, `retention sweep` deletes exactly that, and a second dry run finds
     * nothing. The CRM's password is in no output.
     */
    @Test
    void serveDemoThenADryRunShowsWhatTheFirstSweepDeletesFromTheCrm() throws Exception {
        Path demo = data.resolve("demo");
        Process serve = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                WaarborgCommand.class.getName(), "serve", "--demo", "--data", demo.toString(), "--port", "0"))
                .redirectErrorStream(true).redirectOutput(data.resolve("serve.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            while (!java.nio.file.Files.readString(data.resolve("serve.log")).contains("subjects for the demo CRM")) {
                assertThat(serve.isAlive()).as(java.nio.file.Files.readString(data.resolve("serve.log"))).isTrue();
                assertThat(System.nanoTime()).as("the demo started within 4 minutes").isLessThan(deadline);
                Thread.sleep(500);
            }
            String dry = run("retention", "sweep", "--dry-run", "--data", demo.toString());
            String crm = line(dry, "crm\tjdbc\tdone\t");
            assertThat(crm).contains("delete:call_logs:call-metadata=", "delete:rentals:rental-details=",
                    "delete:invoices:payment-details=", "delete:customers:name=");
            String swept = run("retention", "sweep", "--data", demo.toString());
            assertThat(line(swept, "crm\tjdbc\tdone\t")).isEqualTo(crm);
            assertThat(line(run("retention", "sweep", "--dry-run", "--data", demo.toString()), "crm\tjdbc\tdone\t"))
                    .isEqualTo("crm\tjdbc\tdone\t{}\t");
            java.util.Properties settings = new java.util.Properties();
            try (var in = java.nio.file.Files.newBufferedReader(demo.resolve("demo-crm").resolve("crm-settings.properties"))) {
                settings.load(in);
            }
            String password = settings.getProperty("CRM_DB_PASSWORD");
            assertThat(password).isNotBlank();
            assertThat(java.nio.file.Files.readString(data.resolve("serve.log")) + dry + swept).doesNotContain(password);
        } finally {
            serve.destroy(); // SIGTERM: the service and the demo CRM stop
            assertThat(serve.waitFor(120, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(demo.resolve("demo-crm").resolve("postgres").resolve("postmaster.pid")).doesNotExist();
    }

    private static String run(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WaarborgCommand.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }

    private static String line(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + prefix + " in:\n" + output));
    }
}

