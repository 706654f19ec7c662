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
}
