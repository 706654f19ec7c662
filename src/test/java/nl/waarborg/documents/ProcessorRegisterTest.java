package nl.waarborg.documents;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.PolicyLoader;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The processor's record of Art. 30(2) GDPR, from the policy's {@code as-processor} section: (a) the processor with
 * its representative and DPO, and each controller acted for with its representative; (b) the categories of
 * processing; (c) transfers with countries and safeguard; (d) the security measures; and the systems. Cells quoted in
 * Dutch and English, in every format.
 */
class ProcessorRegisterTest {

    private static final Policy POLICY = RegisterLegalTextTest.fixture();

    private static Map<String, Map<String, String>> register(Lang lang) {
        return RegisterLegalTextTest.cells(RegisterRenderer.renderProcessor(POLICY, RegisterFormat.CSV, lang));
    }

    @Test
    void oneRowPerControllerActedForWithWhatArt30Paragraph2Asks() {
        Map<String, Map<String, String>> nl = register(Lang.NL);
        assertThat(nl.keySet()).containsExactlyInAnyOrder("client-acme", "client-globex");
        Map<String, String> globex = nl.get("client-globex");
        assertThat(globex.get("Verwerker")).isEqualTo("Example Staffing Inc.");
        assertThat(globex.get("Contactgegevens verwerker")).isEqualTo("1 Main Street, 10001 New York, Verenigde Staten\nprivacy@staffing.example");
        assertThat(globex.get("Vertegenwoordiger van de verwerker in de EU (art. 27 AVG)"))
                .isEqualTo("Vertegenwoordiging Voorbeeld B.V.\nKeizersgracht 1, 1015 AA Amsterdam\neu-rep@vertegenwoordiging.example");
        assertThat(globex.get("Functionaris gegevensbescherming")).isEqualTo("dpo@staffing.example");
        assertThat(globex.get("Verwerkingsverantwoordelijke voor wie wij verwerken")).isEqualTo("Globex Corp.");
        assertThat(globex.get("Contactgegevens verwerkingsverantwoordelijke")).isEqualTo("legal@globex.example, 2 Market Street, Boston");
        assertThat(globex.get("Vertegenwoordiger van de verwerkingsverantwoordelijke in de EU"))
                .isEqualTo("Globex EU Representative GmbH\nHauptstraße 1, 10115 Berlin\nrep@globex.example");
        assertThat(globex.get("Categorieën verwerkingen"))
                .isEqualTo("Bewaking van het distributiecentrum, met camerabeelden die de klant ontvangt");
        assertThat(globex.get("Doorgifte naar derde landen en waarborgen")).isEqualTo(
                "Globex Corp.: Verenigde Staten — standaardcontractbepalingen van de Europese Commissie (art. 46 lid 2 onder c AVG)\n"
                        + "Salarissysteem in de cloud: Verenigde Staten — standaardcontractbepalingen van de Europese Commissie "
                        + "(art. 46 lid 2 onder c AVG); doorgifterisico beoordeeld op 2025-05-01");
        assertThat(globex.get("Beveiligingsmaatregelen")).isEqualTo("Alleen medewerkers die de gegevens voor hun taak nodig "
                + "hebben, hebben toegang.\nWij versleutelen gegevens en loggen elke toegang.");
        assertThat(globex.get("Systemen")).isEqualTo("Salarissysteem in de cloud (Verenigde Staten)");
        Map<String, String> acme = nl.get("client-acme");
        assertThat(acme.get("Vertegenwoordiger van de verwerkingsverantwoordelijke in de EU")).isEqualTo("geen");
        assertThat(acme.get("Doorgifte naar derde landen en waarborgen")).isEqualTo("geen");
        assertThat(acme.get("Systemen")).isEqualTo("Klantdossiers (Nederland)");

        Map<String, String> en = register(Lang.EN).get("client-globex");
        assertThat(en.get("Controller on whose behalf we act")).isEqualTo("Globex Corp.");
        assertThat(en.get("Categories of processing")).isEqualTo("Guarding of the distribution centre, with camera footage the client receives");
        assertThat(en.get("Transfers to third countries and safeguards")).startsWith(
                "Globex Corp.: United States — standard contractual clauses of the European Commission (Art. 46(2)(c) GDPR)\n");
        assertThat(en.get("Processor's representative in the EU (Art. 27 GDPR)")).startsWith("Vertegenwoordiging Voorbeeld B.V.");
        assertThat(en.get("Security measures")).isEqualTo("Only staff who need the data for their task have access.\n"
                + "We encrypt data and log every access.");
    }

    @Test
    void theProcessorsRegisterComesInEveryFormat() throws Exception {
        byte[] xlsx = RegisterRenderer.renderProcessor(POLICY, RegisterFormat.XLSX, Lang.NL);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getFirstSheet().getName()).isEqualTo("Register art. 30 lid 2");
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0).getCellText(0)).isEqualTo("Activiteit-id");
            assertThat(rows.get(0).getCellCount()).isEqualTo(RegisterTable.ProcessorColumn.values().length);
            assertThat(rows.get(1).getCellText(5)).isEqualTo("Acme Retail B.V.");
        }

        String html = new String(RegisterRenderer.renderProcessor(POLICY, RegisterFormat.HTML, Lang.EN), UTF_8);
        assertThat(html).contains("<title>Record of processing activities of Example Staffing Inc. as a processor</title>",
                "Record under Article 30(2) GDPR", "<th scope=\"col\">Categories of processing</th>", "Acme Retail B.V.");
        assertThat(html.split("<tr>", -1)).hasSize(4); // header + two controllers

        JsonNode root = JsonMapper.builder().build().readTree(RegisterRenderer.renderProcessor(POLICY, RegisterFormat.JSONLD));
        assertThat(root.path("@id").asString()).isEqualTo("local:register/processor");
        JsonNode globex = StreamSupport.stream(root.path("@graph").spliterator(), false)
                .filter(e -> e.path("dct:identifier").asString().equals("client-globex")).findFirst().orElseThrow();
        assertThat(globex.path("@type").asString()).isEqualTo("dpv:PersonalDataHandling");
        assertThat(globex.path("dpv:hasDataProcessor").path("@type").asString()).isEqualTo("dpv:DataProcessor");
        assertThat(globex.path("dpv:hasDataProcessor").path("dpv:hasRepresentative").path("schema:name").asString())
                .isEqualTo("Vertegenwoordiging Voorbeeld B.V.");
        assertThat(globex.path("dpv:hasDataController").path("schema:name").asString()).isEqualTo("Globex Corp.");
        assertThat(globex.path("dpv:hasDataController").path("dpv:hasRepresentative").path("schema:email").asString())
                .isEqualTo("rep@globex.example");
        assertThat(globex.path("dct:description").findValuesAsString("@value"))
                .contains("Guarding of the distribution centre, with camera footage the client receives");
        assertThat(globex.path("wb:thirdCountryTransfer").get(0).path("wb:safeguard").asString()).isEqualTo("scc");
        assertThat(globex.path("dpv:hasTechnicalOrganisationalMeasure").size()).isPositive();
    }

    @Test
    void theBookkeepingExampleKeepsAProcessorsRegister() throws Exception {
        Policy example = PolicyLoader.load(Path.of("examples/bookkeeping-saas.yaml")).orThrow().policy();
        assertThat(RegisterRenderer.hasProcessorRegister(example)).isTrue();
        Map<String, Map<String, String>> nl = RegisterLegalTextTest.cells(
                RegisterRenderer.renderProcessor(example, RegisterFormat.CSV, Lang.NL));
        assertThat(nl.get("accountancy-firm").get("Verwerkingsverantwoordelijke voor wie wij verwerken")).isEqualTo("Voorbeeld Accountants B.V.");
        assertThat(nl.get("subscriber-administrations").get("Systemen")).isEqualTo("SaaS-dienst");
    }

    @Test
    void aPolicyWithoutAsProcessorHasNoProcessorsRegister() {
        Policy policy = DocumentsFixture.policy();
        assertThat(RegisterRenderer.hasProcessorRegister(policy)).isFalse();
        assertThatThrownBy(() -> RegisterRenderer.renderProcessor(policy, RegisterFormat.CSV))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("as-processor");
    }
}
