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
    void withProcessorWritesTheProcessorsRegisterOfArt30Paragraph2() throws Exception {
        Path policy = dir.resolve("processor.yaml");
        Files.writeString(policy, Files.readString(DocumentsFixture.path(), UTF_8) + """

                as-processor:
                  - id: client-acme
                    controller: {name: Acme Retail B.V., contact: privacy@acme.example}
                    processing: {nl: Opslag van de archiefdozen van de klant, en: Storage of the client's archive boxes}
                    systems: [crm]
                """, UTF_8);
        assertThat(run(policy.toString(), "--format", "csv", "--processor")).as(err.toString()).isZero();
        assertThat(out.toString(UTF_8)).startsWith("Activiteit-id,Verwerker,")
                .contains("client-acme,\"Opslag Voorbeeld B.V.", "Acme Retail B.V.,privacy@acme.example,geen,", "Opslag van de archiefdozen van de klant");
        out.reset();
        assertThat(run(policy.toString(), "--format", "csv", "--processor", "--lang", "en")).isZero();
        assertThat(out.toString(UTF_8)).startsWith("Activity id,Processor,").contains("Storage of the client's archive boxes");
    }

    @Test
    void withProcessorAPolicyWithoutAsProcessorIsRefusedWithAClearMessage() {
        Path target = dir.resolve("processor.csv");
        assertThat(run(DocumentsFixture.path().toString(), "--format", "csv", "--processor", "-o", target.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("documents-fixture.yaml declares no as-processor activities, so there is no "
                + "processor's register (Art. 30(2) GDPR) to render");
        assertThat(target).doesNotExist();
        assertThat(out.size()).isZero();
    }

    @Test
    void anUnknownFormatIsAUsageErrorListingTheValidValues() {
        assertThat(run(DocumentsFixture.path().toString(), "--format", "pdf")).isEqualTo(2);
        assertThat(err.toString()).contains("csv, xlsx, html, jsonld");
    }
}
