package nl.waarborg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `waarborg lint`: exit 0 clean or warnings only, 1 errors, 2 unreadable; one finding per line. */
class LintCommandTest {

    private static final Path CLEAN = Path.of("src/test/resources/policies/clean.yaml");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = WaarborgCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void cleanPolicyExitsZeroSilently() {
        assertThat(run("lint", CLEAN.toString())).isZero();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void warningsOnlyStillExitZero() throws Exception {
        Path p = dir.resolve("warn.yaml");
        Files.writeString(p, Files.readString(CLEAN).replace("  identity-verification: [email-link, in-person-id]\n", ""));
        assertThat(run("lint", p.toString())).isZero();
        assertThat(out.toString()).isEqualTo(p + ":128:3: warning identity-verification-missing: no `identity-verification` "
                + "methods are declared; add e.g. [email-link, in-person-id]" + System.lineSeparator());
    }

    @Test
    void errorsExitOneWithOneFindingPerLine() throws Exception {
        Path p = dir.resolve("err.yaml");
        Files.writeString(p, Files.readString(CLEAN).replace("    period: P7D", "    period: zolang als nodig")
                .replace("  extension: P2M", "  extension: P3M"));
        assertThat(run("lint", p.toString(), CLEAN.toString())).isEqualTo(1);
        String[] lines = out.toString().split(System.lineSeparator());
        assertThat(lines).hasSize(2);
        assertThat(lines).allSatisfy(l -> assertThat(l).matches(
                java.util.regex.Pattern.quote(p.toString()) + ":\\d+:\\d+: error [a-z-]+: .+"));
    }

    @Test
    void missingFileExitsTwo() {
        assertThat(run("lint", dir.resolve("nope.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("nope.yaml: cannot read");
    }

    @Test
    void unknownOptionExitsTwoWithUsage() {
        assertThat(run("lint", "--frobnicate", CLEAN.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option");
    }

    @Test
    void aFileThatIsNotUtf8IsReportedAtItsPositionAndExitsTwo() throws java.io.IOException {
        Path bad = java.nio.file.Files.write(dir.resolve("bad.yaml"), new byte[] {'a', ':', ' ', (byte) 0xff});
        assertThat(run("lint", bad.toString())).isEqualTo(2);
        assertThat(out.toString()).startsWith(bad + ":1:4: error encoding: ");
    }
}
