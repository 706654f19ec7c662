package nl.waarborg.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/verify-audit-export.py, a second implementation of docs/audit.md written from the document, agrees
 * with this one: it accepts an export and names the event a change breaks. Skipped where there is no python3.
 */
class IndependentVerifierTest {

    @TempDir
    Path dir;

    private static boolean python() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private String verify(List<String> lines) throws Exception {
        Path export = dir.resolve("export.jsonl");
        Files.write(export, lines);
        Process p = new ProcessBuilder("python3", "scripts/verify-audit-export.py").redirectInput(export.toFile())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue() + " " + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }

    private String run(Path export, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("python3", "scripts/verify-audit-export.py"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectInput(export.toFile()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue() + " " + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }

    @Test
    void theScriptReadsTheFileItIsGivenAndStandardInputWithNoneOrADash() throws Exception {
        assumeTrue(python(), "python3 is not installed");
        List<AuditEvent> chain = AuditFixtures.chain(25);
        Path export = dir.resolve("given.jsonl");
        Files.write(export, chain.stream().map(AuditJsonLines::line).toList());
        Path empty = dir.resolve("empty.jsonl");
        Files.writeString(empty, "");
        String intact = "0 25 events intact, last hash " + chain.getLast().hash().hex();
        assertThat(run(empty, export.toString())).as("the file named, not standard input").isEqualTo(intact);
        assertThat(run(export)).isEqualTo(intact);
        assertThat(run(export, "-")).isEqualTo(intact);
        assertThat(run(empty, dir.resolve("missing.jsonl").toString())).startsWith("2 ").contains("cannot read");
    }

    @Test
    void pythonVerifiesWhatJavaWrote() throws Exception {
        assumeTrue(python(), "python3 is not installed");
        List<AuditEvent> chain = AuditFixtures.chain(300);
        List<String> lines = chain.stream().map(AuditJsonLines::line).toList();
        assertThat(verify(lines)).isEqualTo("0 300 events intact, last hash " + chain.getLast().hash().hex());

        List<String> changed = new java.util.ArrayList<>(lines);
        changed.set(41, lines.get(41).replace("\"outcome\":\"allowed\"", "\"outcome\":\"failed\""));
        assertThat(verify(changed)).isEqualTo("1 content changed at event 42");
    }
}
