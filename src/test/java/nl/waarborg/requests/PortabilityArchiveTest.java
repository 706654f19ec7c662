package nl.waarborg.requests;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nl.waarborg.policy.Lang;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The portability archive (Art. 20): one zip, JSON and CSV of the same items, only what the person provided. */
class PortabilityArchiveTest {

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), new String(in.readAllBytes(), UTF_8));
            }
        }
        return entries;
    }

    @Test
    void theZipHoldsDataJsonAndDataCsvWithEscapedValues() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<AnswerItem> items = AnswerFixture.customerItems();

        PortabilityArchive.write(AnswerFixture.header(Lang.NL), items.iterator(), out);

        Map<String, String> zip = unzip(out.toByteArray());
        assertThat(zip.keySet()).containsExactly("data.json", "data.csv");
        String csv = zip.get("data.csv");
        assertThat(csv).startsWith("source,category,location,value,collected_at\r\n");
        // comma, quote and line break: the field is quoted and its quotes doubled (RFC 4180)
        assertThat(csv).contains("vault,name,,\"Ann \"\"de Vries\"\", Jr.\nline two\",2025-06-01T08:30:00Z\r\n");
        assertThat(csv).contains("crm,email,customers.email,ann@example.nl,2025-06-01T08:30:00Z\r\n");
        assertThat(csv.split("\r\n")).hasSize(6);
        JsonNode json = JsonMapper.builder().build().readTree(zip.get("data.json"));
        assertThat(json.get("itemCount").asLong()).isEqualTo(5);
        assertThat(json.get("items").get(3).get("value").asString()).isEqualTo("Ann \"de Vries\", Jr.\nline two");
    }

    @Test
    void portabilityHoldsOnlyWhatThePersonProvidedOnConsentOrContract() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        PortabilityArchive.write(AnswerFixture.header(Lang.EN), AnswerFixture.POLICY,
                AnswerFixture.customerItems().iterator(), out);

        String csv = unzip(out.toByteArray()).get("data.csv");
        // the name the person gave (origin: the person, for the contract) and the visit log their use of the access
        // system recorded (no origin, but its purpose declares only the person as source, on the contract)
        assertThat(csv).contains("vault,name,", "vault,visit-log,");
        // not: e-mail held for marketing on legitimate interest (Art. 20(1)(a)); company details from the organisation
        // the person represents; a CRM name whose purpose also declares that organisation as a source
        assertThat(csv).doesNotContain("ann@example.nl", "Opslag, Inc.", "customers.first_name");
    }

    @Test
    void aLargeArchiveStreams() throws IOException {
        AccessAnswerJsonTest.CountingOutputStream out = new AccessAnswerJsonTest.CountingOutputStream(Long.MAX_VALUE, () -> { });

        PortabilityArchive.write(AnswerFixture.header(Lang.EN), AnswerFixture.generated(200_000), out);

        assertThat(out.count).isGreaterThan(1_000_000L);
    }
}
