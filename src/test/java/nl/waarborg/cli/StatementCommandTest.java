package nl.waarborg.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.waarborg.documents.DocumentsFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StatementCommandTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int run(String... args) {
        StatementCommand command = new StatementCommand();
        command.stdout = out;
        CommandLine cl = new CommandLine(command);
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    /** The fixture with one retention period made vague: lint error retention-not-concrete (R2.8). */
    static Path policyWithErrors(Path dir) throws Exception {
        String text = Files.readString(DocumentsFixture.path());
        assertThat(text).contains("    period: P7D\n");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, text.replace("    period: P7D\n", "    period: as long as necessary\n"));
        return bad;
    }

    @Test
    void writesTheStatementToTheFileGivenWithO() throws Exception {
        Path html = dir.resolve("statement.html");
        assertThat(run(DocumentsFixture.path().toString(), "--lang", "nl", "--format", "html", "-o", html.toString()))
                .as(err.toString()).isZero();
        String text = Files.readString(html);
        assertThat(text).startsWith("<!DOCTYPE html>").contains("Privacyverklaring van Opslag Voorbeeld B.V.", "7 dagen");
        assertThat(out.size()).isZero();
        assertThat(err.toString()).isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("statement.html");
        }
    }

    @Test
    void writesAPdfFile() throws Exception {
        Path pdf = dir.resolve("statement.pdf");
        assertThat(run(DocumentsFixture.path().toString(), "--lang", "en", "--format", "pdf", "--output", pdf.toString()))
                .isZero();
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, UTF_8)).isEqualTo("%PDF-");
    }

    @Test
    void writesToStandardOutputWithoutO() {
        assertThat(run(DocumentsFixture.path().toString(), "--lang", "en", "--format", "md")).isZero();
        assertThat(out.toString(UTF_8)).startsWith("# Privacy statement of Opslag Voorbeeld B.V.").contains("| 7 days |");
    }

    @Test
    void refusesAPolicyWithLintErrors() throws Exception {
        Path bad = policyWithErrors(dir);
        Path target = dir.resolve("statement.md");
        assertThat(run(bad.toString(), "--lang", "nl", "--format", "md", "-o", target.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("bad.yaml:", "error retention-not-concrete",
                "has 1 error; fix them before rendering");
        assertThat(target).doesNotExist();
        assertThat(out.size()).isZero();
    }

    @Test
    void anUnreadablePolicyExitsWithTwo() {
        assertThat(run(dir.resolve("missing.yaml").toString(), "--lang", "nl", "--format", "md")).isEqualTo(2);
        assertThat(err.toString()).contains("missing.yaml: cannot read");
    }

    @Test
    void anUnknownFormatOrLanguageIsAUsageErrorListingTheValidValues() {
        assertThat(run(DocumentsFixture.path().toString(), "--lang", "nl", "--format", "docx")).isEqualTo(2);
        assertThat(err.toString()).contains("md, html, pdf");
        assertThat(run(DocumentsFixture.path().toString(), "--lang", "de", "--format", "md")).isEqualTo(2);
        assertThat(err.toString()).contains("nl or en");
    }
}
