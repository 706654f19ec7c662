package nl.waarborg.documents;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.PolicyLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the Art. 30 register says, read as a privacy officer reads it (issue 14): the article of each Art. 9
 * condition, neutral wording in this internal record, the representative, joint controllers, Art. 10 and UAVG art. 46
 * data with their law, and systems outside the EEA as transfers with their safeguard. Each cell is quoted in Dutch
 * and English. The policy is src/test/resources/policies/register-fixture.yaml.
 */
class RegisterLegalTextTest {

    static Policy fixture() {
        try {
            Path path = Path.of(RegisterLegalTextTest.class.getResource("/policies/register-fixture.yaml").toURI());
            return PolicyLoader.load(path).orThrow().policy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The register as CSV, by row id and column heading. */
    static Map<String, Map<String, String>> cells(byte[] csv) {
        List<List<String>> rows = RegisterRendererTest.parseCsv(new String(csv, UTF_8));
        List<String> header = rows.get(0);
        Map<String, Map<String, String>> out = new HashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, String> byColumn = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                byColumn.put(header.get(i), row.get(i));
            }
            out.put(row.get(0), byColumn);
        }
        return out;
    }

    private static Map<String, Map<String, String>> register(Policy policy, Lang lang) {
        return cells(RegisterRenderer.render(policy, RegisterFormat.CSV, lang));
    }

    @Test
    void theArt9ColumnNamesTheArticleNotTheFormatsWord() {
        Map<String, Map<String, String>> nl = register(DocumentsFixture.policy(), Lang.NL);
        assertThat(nl.get("accessibility").get("Uitzondering bijzondere gegevens (art. 9 lid 2 AVG)"))
                .isEqualTo("art. 9 lid 2 onder a AVG (uitdrukkelijke toestemming)");
        Map<String, Map<String, String>> en = register(DocumentsFixture.policy(), Lang.EN);
        assertThat(en.get("accessibility").get("Special-category condition (Art. 9(2) GDPR)"))
                .isEqualTo("Art. 9(2)(a) GDPR (explicit consent)");

        Policy fixture = fixture();
        assertThat(register(fixture, Lang.NL).get("emergencies").get("Uitzondering bijzondere gegevens (art. 9 lid 2 AVG)"))
                .isEqualTo("art. 9 lid 2 onder c AVG (vitaal belang van iemand die geen toestemming kan geven)");
        assertThat(register(fixture, Lang.EN).get("emergencies").get("Special-category condition (Art. 9(2) GDPR)"))
                .isEqualTo("Art. 9(2)(c) GDPR (vital interests of a person unable to give consent)");
        assertThat(new String(RegisterRenderer.render(fixture, RegisterFormat.CSV, Lang.EN), UTF_8)).doesNotContain("vital-interests");

        JsonNode art9 = handling(fixture, "emergencies").path("wb:art9Condition");
        assertThat(art9.path("@id").asString()).isEqualTo("eu-gdpr:A9-2-c");
        assertThat(art9.path("rdfs:label").findValuesAsString("@value")).containsExactly(
                "art. 9 lid 2 onder c AVG (vitaal belang van iemand die geen toestemming kan geven)",
                "Art. 9(2)(c) GDPR (vital interests of a person unable to give consent)");
    }

    @Test
    void theBasisIsWordedForTheRecordNotAddressedToThePublic() {
        Map<String, Map<String, String>> nl = register(DocumentsFixture.policy(), Lang.NL);
        assertThat(nl.get("newsletter").get("Belang, afweging of wettelijke plicht"))
                .isEqualTo("Toestemming is op elk moment intrekbaar (art. 7 lid 3 AVG).");
        assertThat(nl.get("fiscal-records").get("Belang, afweging of wettelijke plicht"))
                .isEqualTo("Wet: artikel 52 Algemene wet inzake rijksbelastingen (fiscale bewaarplicht).");
        assertThat(nl.get("camera-surveillance").get("Belang, afweging of wettelijke plicht"))
                .startsWith("Belang: de veiligheid van onze medewerkers, klanten en hun spullen.\nAfweging: De camera's");

        Map<String, Map<String, String>> en = register(DocumentsFixture.policy(), Lang.EN);
        assertThat(en.get("newsletter").get("Interest, balancing or legal duty"))
                .isEqualTo("Consent can be withdrawn at any time (Art. 7(3) GDPR).");
        assertThat(en.get("fiscal-records").get("Interest, balancing or legal duty"))
                .isEqualTo("Law: section 52 of the General Tax Act (fiscal retention duty).");
        assertThat(en.get("camera-surveillance").get("Interest, balancing or legal duty"))
                .startsWith("Interest: the safety of our staff, our customers and their belongings.\nBalancing: The cameras");
    }

    @Test
    void retentionAndSecurityAreWordedWithoutJargon() {
        Map<String, Map<String, String>> nl = register(DocumentsFixture.policy(), Lang.NL);
        assertThat(nl.get("quote").get("Bewaartermijnen")).isEqualTo(
                "Naam, e-mailadres en telefoonnummer: 6 maanden vanaf verzameling, daarna verwijderd. "
                        + "Geldt niet meer zodra de betrokkene hoort bij ‘Klanten’.\n"
                        + "Naam, e-mailadres en telefoonnummer, zodra de betrokkene hoort bij ‘Klanten’: 1 jaar na het einde "
                        + "van het huurcontract, daarna verwijderd");
        assertThat(nl.get("quote").get("Beveiligingsmaatregelen"))
                .startsWith("Alleen medewerkers die de gegevens voor hun taak nodig hebben, hebben toegang.\n");

        Map<String, Map<String, String>> en = register(DocumentsFixture.policy(), Lang.EN);
        assertThat(en.get("quote").get("Time limits for erasure")).isEqualTo(
                "Name, e-mail address and phone number: 6 months from collection, then deleted. "
                        + "No longer applies once the data subject belongs to ‘Customers’.\n"
                        + "Name, e-mail address and phone number, once the data subject belongs to ‘Customers’: 1 year after "
                        + "the end of the rental contract, then deleted");
        assertThat(en.get("quote").get("Security measures"))
                .startsWith("Only staff who need the data for their task have access.\n");
    }

    /** Every example, in both languages: none of the statement's sentences to the reader, none of the old jargon. */
    @ParameterizedTest
    @ValueSource(strings = {"self-storage", "crm-saas", "coaching", "membership", "bookkeeping-saas", "public-library-be"})
    void noExamplesRegisterAddressesThePublicOrUsesJargon(String example) throws IOException {
        Policy policy = PolicyLoader.load(Path.of("examples/" + example + ".yaml")).orThrow().policy();
        for (Lang lang : Lang.values()) {
            String csv = new String(RegisterRenderer.render(policy, RegisterFormat.CSV, lang), UTF_8);
            String html = new String(RegisterRenderer.render(policy, RegisterFormat.HTML, lang), UTF_8);
            for (String text : List.of(csv, html)) {
                assertThat(text).as(example + " " + lang).doesNotContain(
                        "Zo hebben wij dat afgewogen tegen uw belangen", "U kunt uw toestemming", "Ons belang:",
                        "De wet die dit voorschrijft", "zodra u hoort bij", "Na conversie", "Need-to-know", "SCC",
                        "direct naar u wijzen", "als u die partij toestemming gaf", "werkt in onze opdracht",
                        "How we weighed this against your interests", "You can withdraw your consent", "Our interest:",
                        "The law that requires it", "once you belong to", "After conversion", "points directly to you",
                        "if you gave that party", "works on our instructions",
                        "explicit-consent", "vital-interests", "substantial-public-interest");
            }
        }
    }

    @Test
    void theRepresentativeAndJointControllersAreListed() {
        Map<String, String> nl = register(fixture(), Lang.NL).get("screening");
        assertThat(nl.get("Vertegenwoordiger in de EU (art. 27 AVG)"))
                .isEqualTo("Vertegenwoordiging Voorbeeld B.V.\nKeizersgracht 1, 1015 AA Amsterdam\neu-rep@vertegenwoordiging.example");
        assertThat(nl.get("Gezamenlijke verwerkingsverantwoordelijken (art. 26 AVG)")).isEqualTo("Franchisegever (regeling: "
                + "de franchisegever beantwoordt alle verzoeken van betrokkenen; wij leveren de gegevens daarvoor aan)");
        assertThat(nl.get("Categorieën ontvangers")).isEqualTo("Franchisegever (gezamenlijk verwerkingsverantwoordelijke (art. 26 AVG))");
        Map<String, String> en = register(fixture(), Lang.EN).get("screening");
        assertThat(en.get("Representative in the EU (Art. 27 GDPR)"))
                .isEqualTo("Vertegenwoordiging Voorbeeld B.V.\nKeizersgracht 1, 1015 AA Amsterdam\neu-rep@vertegenwoordiging.example");
        assertThat(en.get("Joint controllers (Art. 26 GDPR)")).isEqualTo("Franchisor (arrangement: "
                + "the franchisor answers all data subject requests; we supply the data for them)");
        // a Dutch controller without one says so, as for the DPO
        assertThat(register(DocumentsFixture.policy(), Lang.NL).get("quote").get("Vertegenwoordiger in de EU (art. 27 AVG)"))
                .isEqualTo("geen");
        assertThat(register(DocumentsFixture.policy(), Lang.NL).get("quote").get("Gezamenlijke verwerkingsverantwoordelijken (art. 26 AVG)"))
                .isEmpty();

        JsonNode screening = handling(fixture(), "screening");
        JsonNode rep = screening.path("dpv:hasDataController").path("dpv:hasRepresentative");
        assertThat(rep.path("@type").asString()).isEqualTo("dpv:Representative");
        assertThat(rep.path("schema:name").asString()).isEqualTo("Vertegenwoordiging Voorbeeld B.V.");
        JsonNode franchisor = screening.path("dpv:hasRecipient").get(0);
        assertThat(franchisor.path("@type").toString()).contains("dpv:JointDataControllers");
        assertThat(franchisor.path("wb:arrangement").path("@type").asString()).isEqualTo("dpv:JointDataControllersAgreement");
        assertThat(franchisor.path("wb:arrangement").path("dct:description").findValuesAsString("@value"))
                .contains("the franchisor answers all data subject requests; we supply the data for them");
    }

    @Test
    void criminalOffenceDataAndNationalNumbersAreListedWithTheirLaw() {
        Map<String, Map<String, String>> nl = register(fixture(), Lang.NL);
        assertThat(nl.get("screening").get("Strafrechtelijke gegevens (art. 10 AVG, art. 31-33 UAVG)")).isEqualTo(
                "Strafrechtelijke veroordelingen (wet: artikel 7 Wet particuliere beveiligingsorganisaties en recherchebureaus)");
        assertThat(nl.get("screening").get("Burgerservicenummer of ander identificatienummer (art. 46 UAVG)")).isEmpty();
        assertThat(nl.get("payroll").get("Burgerservicenummer of ander identificatienummer (art. 46 UAVG)"))
                .isEqualTo("Burgerservicenummer (wet: artikel 28 Wet op de loonbelasting 1964)");
        assertThat(nl.get("payroll").get("Strafrechtelijke gegevens (art. 10 AVG, art. 31-33 UAVG)")).isEmpty();

        Map<String, Map<String, String>> en = register(fixture(), Lang.EN);
        assertThat(en.get("screening").get("Criminal-offence data (Art. 10 GDPR, Art. 31-33 UAVG)")).isEqualTo(
                "Criminal convictions (law: section 7 of the Private Security Organisations and Detective Agencies Act)");
        assertThat(en.get("payroll").get("National identification number (Art. 46 UAVG)"))
                .isEqualTo("Citizen service number (law: section 28 of the Wage Tax Act 1964)");

        assertThat(handling(fixture(), "screening").path("wb:criminalOffenceData").findValuesAsString("@id"))
                .containsExactly("local:data/criminal-record");
        assertThat(handling(fixture(), "payroll").path("wb:nationalIdentificationNumber").findValuesAsString("@id"))
                .containsExactly("local:data/bsn");
    }

    @Test
    void aSystemOutsideTheEeaIsATransferWithItsSafeguard() {
        Map<String, String> nl = register(fixture(), Lang.NL).get("payroll");
        assertThat(nl.get("Doorgifte naar derde landen en waarborgen")).isEqualTo(
                "HR-platform: Verenigde Staten — adequaatheidsbesluit van de Europese Commissie (art. 45 AVG); "
                        + "gecertificeerd onder het EU-VS Data Privacy Framework\n"
                        + "Salarissysteem in de cloud: Verenigde Staten — standaardcontractbepalingen van de Europese Commissie "
                        + "(art. 46 lid 2 onder c AVG); doorgifterisico beoordeeld op 2025-05-01\n"
                        + "beleid: doorgifte zoals per ontvanger en systeem vermeld");
        Map<String, String> en = register(fixture(), Lang.EN).get("payroll");
        assertThat(en.get("Transfers to third countries and safeguards")).isEqualTo(
                "HR platform: United States — adequacy decision of the European Commission (Art. 45 GDPR); "
                        + "certified under the EU-US Data Privacy Framework\n"
                        + "Cloud payroll system: United States — standard contractual clauses of the European Commission "
                        + "(Art. 46(2)(c) GDPR); transfer risk assessed on 2025-05-01\n"
                        + "policy: transfers as listed per recipient and system");

        JsonNode transfers = handling(fixture(), "payroll").path("wb:thirdCountryTransfer");
        JsonNode system = StreamSupport.stream(transfers.spliterator(), false)
                .filter(t -> t.path("wb:system").path("@id").asString().equals("local:system/payroll-cloud")).findFirst().orElseThrow();
        assertThat(system.path("wb:safeguard").asString()).isEqualTo("scc");
        assertThat(system.path("dpv:hasLocation").findValuesAsString("@id")).containsExactly("loc:US");
        assertThat(system.path("wb:transferAssessment").path("@value").asString()).isEqualTo("2025-05-01");
    }

    @Test
    void theNewColumnsAreInEveryTableFormat() throws Exception {
        byte[] xlsx = RegisterRenderer.render(fixture(), RegisterFormat.XLSX, Lang.NL);
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            List<org.dhatim.fastexcel.reader.Row> rows = wb.getFirstSheet().read();
            List<String> header = java.util.stream.IntStream.range(0, rows.get(0).getCellCount())
                    .mapToObj(i -> rows.get(0).getCellText(i)).toList();
            assertThat(header).hasSize(RegisterTable.Column.values().length);
            int criminal = header.indexOf("Strafrechtelijke gegevens (art. 10 AVG, art. 31-33 UAVG)");
            assertThat(rows.get(1).getCellText(criminal)).startsWith("Strafrechtelijke veroordelingen (wet: artikel 7");
        }
        String html = new String(RegisterRenderer.render(fixture(), RegisterFormat.HTML, Lang.EN), UTF_8);
        assertThat(html).contains("<th scope=\"col\">Joint controllers (Art. 26 GDPR)</th>",
                "<th scope=\"col\">National identification number (Art. 46 UAVG)</th>",
                "<th scope=\"col\">Representative in the EU (Art. 27 GDPR)</th>", "Citizen service number (law: section 28");
    }

    private static JsonNode handling(Policy policy, String purpose) {
        JsonNode graph = JsonMapper.builder().build().readTree(RegisterRenderer.render(policy, RegisterFormat.JSONLD)).path("@graph");
        return StreamSupport.stream(graph.spliterator(), false)
                .filter(e -> e.path("dct:identifier").asString().equals(purpose)).findFirst().orElseThrow();
    }
}
