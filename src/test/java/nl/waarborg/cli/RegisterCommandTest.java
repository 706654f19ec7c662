package nl.waarborg.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.waarborg.documents.DocumentsFixture;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RegisterCommandTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int run(String... args) {
        RegisterCommand command = new RegisterCommand();
        command.stdout = out;
        CommandLine cl = new CommandLine(command);
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void writesASpreadsheetWithO() throws Exception {
        Path xlsx = dir.resolve("register.xlsx");
        assertThat(run(DocumentsFixture.path().toString(), "--format", "xlsx", "-o", xlsx.toString())).as(err.toString()).isZero();
        try (ReadableWorkbook wb = new ReadableWorkbook(Files.newInputStream(xlsx))) {
            assertThat(wb.getFirstSheet().read()).hasSize(DocumentsFixture.PURPOSES.size() + 1);
        }
        assertThat(out.size()).isZero();
    }

    @Test
    void writesJsonLdToStandardOutputInTheLanguageAskedFor() throws Exception {
        assertThat(run(DocumentsFixture.path().toString(), "--format", "jsonld")).isZero();
        assertThat(out.toString(UTF_8)).contains("\"dpv\" : \"https://w3id.org/dpv#\"", "dpv:PersonalDataHandling");
        out.reset();
        assertThat(run(DocumentsFixture.path().toString(), "--format", "csv", "--lang", "en")).isZero();
        assertThat(out.toString(UTF_8)).startsWith("Purpose id,Purpose of processing,");
        assertThat(ReadableWorkbook.isOOXMLZipHeader(java.util.Arrays.copyOf(out.toByteArray(), 8))).isFalse();
    }

    @Test
    void refusesAPolicyWithLintErrors() throws Exception {
        Path bad = StatementCommandTest.policyWithErrors(dir);
        Path target = dir.resolve("register.csv");
        assertThat(run(bad.toString(), "--format", "csv", "-o", target.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("error retention-not-concrete");
        assertThat(target).doesNotExist();
    }

    @Test
    void anUnknownFormatIsAUsageErrorListingTheValidValues() {
        assertThat(run(DocumentsFixture.path().toString(), "--format", "pdf")).isEqualTo(2);
        assertThat(err.toString()).contains("csv, xlsx, html, jsonld");
    }
}
