package nl.waarborg.documents;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import javax.xml.parsers.DocumentBuilderFactory;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.Policy;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RegisterRendererTest {

    private static final Policy POLICY = DocumentsFixture.policy();
    private static final List<String> IDS = DocumentsFixture.PURPOSES;

    /** An RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; records end in CRLF. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                assertThat(field).as("a quote only opens a field").isEmpty();
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                assertThat(text.charAt(i + 1)).as("records end in CRLF").isEqualTo('\n');
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                assertThat(c).as("bare line feed outside quotes").isNotEqualTo('\n');
                field.append(c);
            }
        }
        assertThat(quoted).isFalse();
        assertThat(record).as("the last record ends in CRLF").isEmpty();
        return records;
    }

    private static int column(List<String> header, String name) {
        int i = header.indexOf(name);
        assertThat(i).as("column " + name).isNotNegative();
        return i;
    }

    @Test
    void csvHasAHeaderAndOneRowPerPurposeAndParsesBack() {
        List<List<String>> rows = parseCsv(new String(RegisterRenderer.render(POLICY, RegisterFormat.CSV), UTF_8));
        assertThat(rows).hasSize(IDS.size() + 1);
        List<String> header = rows.get(0);
        assertThat(header).hasSize(24).startsWith("Doel-id", "Verwerkingsdoel").contains("Verwerkingsverantwoordelijke",
                "Functionaris gegevensbescherming", "Grondslag", "Categorieën betrokkenen", "Categorieën persoonsgegevens",
                "Categorieën ontvangers", "Doorgifte naar derde landen en waarborgen", "Bewaartermijnen",
                "Beveiligingsmaatregelen", "Bronnen", "Systemen", "Rollen met toegang");
        assertThat(rows.stream().skip(1).map(r -> r.get(0)).toList()).isEqualTo(IDS);
        rows.forEach(r -> assertThat(r).hasSize(header.size()));

        Map<String, List<String>> byId = new java.util.HashMap<>();
        rows.stream().skip(1).forEach(r -> byId.put(r.get(0), r));
        assertThat(byId.get("quote").get(column(header, "Verwerkingsverantwoordelijke")))
                .isEqualTo("Opslag Voorbeeld B.V.\nKvK-nummer: 12345678");
        assertThat(byId.get("quote").get(column(header, "Functionaris gegevensbescherming"))).contains("Mr. J. de Vries",
                "fg@opslag-voorbeeld.test");
        assertThat(byId.get("camera-surveillance").get(column(header, "Grondslag")))
                .isEqualTo("gerechtvaardigd belang (art. 6 lid 1 onder f AVG)");
        assertThat(byId.get("camera-surveillance").get(column(header, "Belang, afweging of wettelijke plicht")))
                .isEqualTo("Belang: de veiligheid van onze medewerkers, klanten en hun spullen.\n"
                        + "Afweging: De camera's filmen alleen bij beweging, hangen zichtbaar met borden en alleen twee "
                        + "managers kunnen de beelden zien.");
        assertThat(byId.get("fiscal-records").get(column(header, "Grondslag"))).startsWith("wettelijke verplichting");
        assertThat(byId.get("fiscal-records").get(column(header, "Belang, afweging of wettelijke plicht")))
                .isEqualTo("Wet: artikel 52 Algemene wet inzake rijksbelastingen (fiscale bewaarplicht).");
        assertThat(byId.get("accessibility").get(column(header, "Categorieën persoonsgegevens")))
                .isEqualTo("Gezondheidsinformatie voor toegankelijkheid [bijzonder persoonsgegeven]");
        assertThat(byId.get("accessibility").get(column(header, "Uitzondering bijzondere gegevens (art. 9 lid 2 AVG)")))
                .isEqualTo("art. 9 lid 2 onder a AVG (uitdrukkelijke toestemming)");
        assertThat(byId.get("camera-surveillance").get(column(header, "Categorieën betrokkenen")))
                .isEqualTo("Bezoekers van onze vestigingen\nKlanten");
        assertThat(byId.get("camera-surveillance").get(column(header, "Bewaartermijnen")))
                .isEqualTo("Camerabeelden: 7 dagen vanaf verzameling, daarna verwijderd; tot 28 dagen als zich een incident heeft voorgedaan");
        assertThat(byId.get("newsletter").get(column(header, "Categorieën ontvangers")))
                .contains("E-maildienst (verwerker (art. 28 AVG)", "verwerkersovereenkomst van 2024-02-01",
                        "Analysebureau (verwerker (art. 28 AVG); verwerkersovereenkomst van 2024-03-01; ontvangt alleen gepseudonimiseerde gegevens)");
        assertThat(byId.get("newsletter").get(column(header, "Doorgifte naar derde landen en waarborgen")))
                .startsWith("E-maildienst: Verenigde Staten — standaardcontractbepalingen van de Europese Commissie "
                        + "(art. 46 lid 2 onder c AVG); doorgifterisico beoordeeld op 2024-02-01")
                .doesNotContain("SCC");
        assertThat(byId.get("quote").get(column(header, "Doorgifte naar derde landen en waarborgen"))).startsWith("geen");
        assertThat(byId.get("newsletter").get(column(header, "Bewaartermijnen"))).contains("2 jaar na het intrekken van uw toestemming",
                "geanonimiseerd");
        assertThat(byId.get("fiscal-records").get(column(header, "Bewaartermijnen"))).contains("7 jaar",
                "wat het laatst gebeurt");
        assertThat(byId.get("quote").get(column(header, "Bewaartermijnen"))).isEqualTo(
                "Naam, e-mailadres en telefoonnummer: 6 maanden vanaf verzameling, daarna verwijderd. "
                        + "Geldt niet meer zodra de betrokkene hoort bij ‘Klanten’.\n"
                        + "Naam, e-mailadres en telefoonnummer, zodra de betrokkene hoort bij ‘Klanten’: 1 jaar na het einde "
                        + "van het huurcontract, daarna verwijderd");
        assertThat(byId.get("quote").get(column(header, "Beveiligingsmaatregelen"))).contains(
                "Alleen medewerkers die de gegevens voor hun taak nodig hebben, hebben toegang.",
                "geheimhoudingsverklaring", "Nederland en Duitsland").doesNotContain("Need-to-know");
        assertThat(byId.get("quote").get(column(header, "Bronnen"))).contains("Van een marktonderzoeksbureau (alleen als "
                + "de betrokkene die partij toestemming gaf om de gegevens te delen)");
        assertThat(byId.get("camera-surveillance").get(column(header, "Systemen"))).isEqualTo("Camerarecorder (Nederland)");
        assertThat(byId.get("fiscal-records").get(column(header, "Rollen met toegang"))).isEqualTo("Financiële administratie");
        assertThat(byId.get("newsletter").get(column(header, "Direct marketing, profilering, geautomatiseerde besluiten")))
                .isEqualTo("direct marketing\nprofilering");
        // no purpose of the fixture is an archive purpose (R2.7)
        assertThat(byId.values()).allSatisfy(r -> assertThat(r.get(column(header, "Archiefdoel"))).isEmpty());
    }

    @Test
    void anArchivePurposeSaysWhatItsDataIsStillUsedFor() {
        Policy declared = DocumentsFixture.withArchiveAndRemainderChoice();
        List<List<String>> nl = parseCsv(new String(RegisterRenderer.render(declared, RegisterFormat.CSV, Lang.NL), UTF_8));
        int archive = column(nl.get(0), "Archiefdoel");
        assertThat(archive).isEqualTo(column(nl.get(0), "Bewaartermijnen") + 1);
        Map<String, String> cells = new java.util.HashMap<>();
        nl.stream().skip(1).forEach(r -> cells.put(r.get(0), r.get(archive)));
        assertThat(cells.get("fiscal-records"))
                .isEqualTo("Alleen bewaard in een archief; alleen gebruikt bij juridische procedures of voor historisch onderzoek.");
        assertThat(cells.get("newsletter")).isEmpty();

        List<List<String>> en = parseCsv(new String(RegisterRenderer.render(declared, RegisterFormat.CSV, Lang.EN), UTF_8));
        assertThat(en.get(1 + IDS.indexOf("fiscal-records")).get(column(en.get(0), "Archive purpose")))
                .isEqualTo("Kept in an archive only; used only in legal proceedings or for historical research.");

        String html = new String(RegisterRenderer.render(declared, RegisterFormat.HTML), UTF_8);
        assertThat(html).contains("<th scope=\"col\">Archiefdoel</th>", "Alleen bewaard in een archief");

        JsonNode graph = JsonMapper.builder().build().readTree(RegisterRenderer.render(declared, RegisterFormat.JSONLD)).path("@graph");
        for (JsonNode entry : graph) {
            JsonNode uses = entry.path("wb:archiveOnlyFor");
            if (entry.path("dct:identifier").asString().equals("fiscal-records")) {
                assertThat(StreamSupport.stream(uses.spliterator(), false).map(JsonNode::asString))
                        .containsExactly("legal-claims", "historical");
            } else {
                assertThat(uses.isMissingNode()).as(entry.path("dct:identifier").asString()).isTrue();
            }
        }
    }

    @Test
    void aRetentionPeriodOnConsentSaysItHoldsOnlyWhileTheConsentStands() throws Exception {
        Policy example = nl.waarborg.policy.PolicyLoader.load(java.nio.file.Path.of("examples/self-storage.yaml")).orThrow().policy();
        List<List<String>> nl = parseCsv(new String(RegisterRenderer.render(example, RegisterFormat.CSV, Lang.NL), UTF_8));
        int retention = column(nl.get(0), "Bewaartermijnen");
        String row = nl.stream().filter(r -> r.get(0).equals("talent-pool")).findFirst().orElseThrow().get(retention);
        assertThat(row).contains("2 jaar vanaf verzameling, daarna verwijderd. Alleen zolang de toestemming voor "
                + "Uw cv bewaren voor toekomstige vacatures geldt; na intrekking geldt alleen de gewone termijn.")
                .contains("4 weken vanaf verzameling");
        List<List<String>> en = parseCsv(new String(RegisterRenderer.render(example, RegisterFormat.CSV, Lang.EN), UTF_8));
        assertThat(en.stream().filter(r -> r.get(0).equals("talent-pool")).findFirst().orElseThrow()
                .get(column(en.get(0), "Time limits for erasure")))
                .contains("Only while the consent for Keeping your CV for future vacancies stands");

        JsonNode graph = JsonMapper.builder().build().readTree(RegisterRenderer.render(example, RegisterFormat.JSONLD)).path("@graph");
        JsonNode pool = StreamSupport.stream(graph.spliterator(), false)
                .filter(e -> e.path("dct:identifier").asString().equals("talent-pool")).findFirst().orElseThrow();
        List<String> conditions = StreamSupport.stream(pool.path("dpv:hasStorageCondition").spliterator(), false)
                .map(c -> c.path("@id").asString() + " " + c.path("wb:whileConsentFor").path("@id").asString()).toList();
        assertThat(conditions).contains("local:retention/talent-pool local:purpose/talent-pool", "local:retention/applicants ");
    }

    @Test
    void csvFieldsAreQuotedAsRfc4180SaysAndFormulasAreDefused() {
        assertThat(RegisterRenderer.csvField("plain")).isEqualTo("plain");
        assertThat(RegisterRenderer.csvField("a,b")).isEqualTo("\"a,b\"");
        assertThat(RegisterRenderer.csvField("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(RegisterRenderer.csvField("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(RegisterRenderer.csvField("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(RegisterRenderer.csvField("+31 6")).isEqualTo("'+31 6");
        assertThat(RegisterRenderer.csvField(null)).isEmpty();
    }

    @Test
    void xlsxReadsBackWithOneRowPerPurpose() throws Exception {
        byte[] xlsx = RegisterRenderer.render(POLICY, RegisterFormat.XLSX);
        assertThat(ReadableWorkbook.isOOXMLZipHeader(xlsx)).isTrue();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(wb.getFirstSheet().getName()).isEqualTo("Register art. 30");
            assertThat(rows).hasSize(IDS.size() + 1);
            assertThat(rows.get(0).getCellText(0)).isEqualTo("Doel-id");
            assertThat(rows.get(0).getCellText(1)).isEqualTo("Verwerkingsdoel");
            assertThat(rows.stream().skip(1).map(r -> r.getCellText(0)).toList()).isEqualTo(IDS);
            assertThat(rows.get(1).getCellText(1)).isEqualTo("Offerte opstellen");
            assertThat(rows.get(3).getCellText(8)).isEqualTo("gerechtvaardigd belang (art. 6 lid 1 onder f AVG)");
            assertThat(rows.get(3).getCellText(18)).contains("7 dagen");
        }
    }

    @Test
    void htmlRegisterIsACompleteTableWithOneRowPerPurpose() throws Exception {
        String html = new String(RegisterRenderer.render(POLICY, RegisterFormat.HTML), UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>Register van verwerkingsactiviteiten van Opslag Voorbeeld B.V.</title>",
                "<th scope=\"col\">Bewaartermijnen</th>", "artikel 30 lid 1 AVG", "versie 3.1");
        assertThat(html.split("<tr>", -1)).hasSize(IDS.size() + 2); // header row + one per purpose
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(UTF_8)));

        Policy evil = DocumentsFixture.withControllerName(POLICY, "<b>Bold</b> & Co");
        String escaped = new String(RegisterRenderer.render(evil, RegisterFormat.HTML), UTF_8);
        assertThat(escaped).doesNotContain("<b>Bold</b>").contains("&lt;b&gt;Bold&lt;/b&gt; &amp; Co");
    }

    @Test
    void theRegisterFollowsThePolicysFirstLanguageOrTheOneAskedFor() {
        assertThat(RegisterRenderer.render(POLICY, RegisterFormat.CSV))
                .isEqualTo(RegisterRenderer.render(POLICY, RegisterFormat.CSV, Lang.NL));
        List<List<String>> en = parseCsv(new String(RegisterRenderer.render(POLICY, RegisterFormat.CSV, Lang.EN), UTF_8));
        assertThat(en.get(0)).startsWith("Purpose id", "Purpose of processing").contains("Controller",
                "Categories of data subjects", "Categories of personal data", "Categories of recipients",
                "Transfers to third countries and safeguards", "Time limits for erasure", "Security measures");
        assertThat(en.get(3).get(8)).isEqualTo("legitimate interest (Art. 6(1)(f) GDPR)");
        assertThat(en.get(3).get(18)).contains("Camera footage: 7 days from collection, then deleted; up to 28 days when an incident occurred");
    }

    @Test
    void jsonLdStatesTheDpvReleaseItsTermsAreCheckedAgainst() {
        JsonNode root = JsonMapper.builder().build().readTree(RegisterRenderer.render(POLICY, RegisterFormat.JSONLD));
        assertThat(root.path("dct:conformsTo").findValuesAsString("@id"))
                .containsExactly("https://w3id.org/dpv/2.3", "https://w3id.org/dpv/2.3/pd");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"self-storage", "crm-saas", "coaching", "membership", "bookkeeping-saas"})
    void everyPdTermAnExamplesRegisterPointsAtIsDefinedInThatRelease(String example) throws Exception {
        Policy policy = nl.waarborg.policy.PolicyLoader.load(java.nio.file.Path.of("examples/" + example + ".yaml")).orThrow().policy();
        JsonNode root = JsonMapper.builder().build().readTree(RegisterRenderer.render(policy, RegisterFormat.JSONLD));
        List<String> pd = root.findValuesAsString("@id").stream().filter(id -> id.startsWith("pd:")).distinct().toList();
        assertThat(pd).isNotEmpty().contains("pd:Name")
                .allSatisfy(term -> assertThat(nl.waarborg.policy.DpvTerms.shipped().known(term)).as(term).isTrue())
                .doesNotContain("pd:BrowsingBehavior");
    }

    @Test
    void aStartAtAnItemDateRoundedToTheCalendarIsInEveryRegisterFormat() throws Exception {
        Policy example = nl.waarborg.policy.PolicyLoader.load(java.nio.file.Path.of("examples/bookkeeping-saas.yaml"))
                .orThrow().policy();
        String dutch = new String(RegisterRenderer.render(example, RegisterFormat.CSV, Lang.NL),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(dutch).contains("7 jaar vanaf 1 januari na het jaar van de factuurdatum");
        String jsonLd = new String(RegisterRenderer.render(example, RegisterFormat.JSONLD),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(jsonLd).contains("\"wb:startsAtItemDate\"").contains("local:item-date/invoice-date")
                .contains("\"wb:startRoundedTo\" : \"start-of-next-year\"");
    }

    @Test
    void jsonLdUsesDpvWithOneProcessingEntryPerPurpose() {
        JsonNode root = JsonMapper.builder().build().readTree(RegisterRenderer.render(POLICY, RegisterFormat.JSONLD));
        assertThat(root.path("@context").path("dpv").asString()).isEqualTo("https://w3id.org/dpv#");
        assertThat(root.path("@context").path("pd").asString()).isEqualTo("https://w3id.org/dpv/pd#");
        JsonNode graph = root.path("@graph");
        assertThat(graph.isArray()).isTrue();
        assertThat(graph.size()).isEqualTo(IDS.size());

        Map<String, String> basis = Map.of("quote", "dpv:Contract", "rental-contract", "dpv:Contract",
                "camera-surveillance", "dpv:LegitimateInterest", "fiscal-records", "dpv:LegalObligation",
                "newsletter", "dpv:Consent", "accessibility", "dpv:Consent");
        Map<String, JsonNode> byId = new java.util.HashMap<>();
        for (JsonNode entry : graph) {
            assertThat(entry.path("@type").asString()).isEqualTo("dpv:PersonalDataHandling");
            String id = entry.path("dct:identifier").asString();
            byId.put(id, entry);
            assertThat(entry.path("dpv:hasLegalBasis").path("@id").asString()).as(id).isEqualTo(basis.get(id));
            assertThat(entry.path("dpv:hasPurpose").path("@type").toString()).contains("dpv:Purpose");
            assertThat(entry.path("dpv:hasDataController").path("@type").asString()).isEqualTo("dpv:DataController");
            assertThat(entry.path("dpv:hasDataController").path("schema:name").asString()).isEqualTo("Opslag Voorbeeld B.V.");
            assertThat(entry.path("dpv:hasDataSubject").size()).isPositive();
            assertThat(entry.path("dpv:hasStorageCondition").size()).isPositive();
        }
        assertThat(byId.keySet()).containsExactlyInAnyOrderElementsOf(IDS);

        JsonNode controller = byId.get("quote").path("dpv:hasDataController");
        assertThat(controller.path("dpv:hasDataProtectionOfficer").path("schema:email").asString())
                .isEqualTo("fg@opslag-voorbeeld.test");

        JsonNode newsletter = byId.get("newsletter");
        assertThat(ids(newsletter.path("dpv:hasPersonalData"))).contains("pd:EmailAddress", "local:data/newsletter-clicks");
        assertThat(newsletter.path("dpv:hasPurpose").path("@type").toString()).contains("dpv:DirectMarketing");
        JsonNode mail = StreamSupport.stream(newsletter.path("dpv:hasRecipient").spliterator(), false)
                .filter(r -> r.path("@id").asString().equals("local:recipient/mail-service")).findFirst().orElseThrow();
        assertThat(mail.path("@type").toString()).contains("dpv:Recipient", "dpv:DataProcessor");
        assertThat(ids(mail.path("dpv:hasLocation"))).containsExactly("loc:US");
        JsonNode transfer = newsletter.path("wb:thirdCountryTransfer").get(0);
        assertThat(transfer.path("wb:safeguard").asString()).isEqualTo("scc");
        assertThat(transfer.path("dpv:hasRecipient").path("@id").asString()).isEqualTo("local:recipient/mail-service");
        JsonNode newsletterRetention = newsletter.path("dpv:hasStorageCondition").get(0);
        assertThat(newsletterRetention.path("wb:endAction").asString()).isEqualTo("anonymise");

        JsonNode health = byId.get("accessibility").path("dpv:hasPersonalData").get(0);
        assertThat(health.path("@id").asString()).isEqualTo("local:data/health-needs");
        assertThat(health.path("@type").toString()).contains("dpv:SpecialCategoryPersonalData");
        assertThat(byId.get("accessibility").path("wb:art9Condition").path("@id").asString()).isEqualTo("eu-gdpr:A9-2-a");
        assertThat(byId.get("accessibility").path("wb:art9Condition").path("rdfs:label").findValuesAsString("@value"))
                .containsExactly("art. 9 lid 2 onder a AVG (uitdrukkelijke toestemming)", "Art. 9(2)(a) GDPR (explicit consent)");

        JsonNode footage = byId.get("camera-surveillance").path("dpv:hasStorageCondition").get(0);
        assertThat(footage.path("@type").asString()).isEqualTo("dpv:StorageDuration");
        assertThat(footage.path("dpv:hasDuration").path("@type").asString()).isEqualTo("dpv:TemporalDuration");
        assertThat(footage.path("dpv:hasDuration").path("rdf:value").path("@value").asString()).isEqualTo("P7D");
        assertThat(footage.path("wb:hold").get(0).path("wb:kind").asString()).isEqualTo("incident");
        assertThat(footage.path("wb:hold").get(0).path("wb:max").path("@value").asString()).isEqualTo("P28D");
        assertThat(byId.get("camera-surveillance").path("wb:legitimateInterest").toString()).contains("de veiligheid");

        JsonNode quoteRetention = byId.get("quote").path("dpv:hasStorageCondition");
        assertThat(quoteRetention.size()).isEqualTo(2);
        assertThat(quoteRetention.get(1).path("@id").asString()).isEqualTo("local:retention/customer-contact");
        assertThat(ids(quoteRetention.get(1).path("wb:appliesAfterConversionTo"))).containsExactly("local:subject/customer");

        JsonNode fiscal = byId.get("fiscal-records").path("dpv:hasStorageCondition");
        assertThat(StreamSupport.stream(fiscal.spliterator(), false).map(n -> n.path("@id").asString()))
                .contains("local:retention/fiscal");
    }

    private static List<String> ids(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path("@id").asString()));
        return out;
    }
}
