package nl.waarborg.documents;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import nl.waarborg.policy.CalendarRounding;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.Policy;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class StatementRendererTest {

    private static final Policy POLICY = DocumentsFixture.policy();

    private static String md(Lang lang) {
        return new String(StatementRenderer.render(POLICY, lang, StatementFormat.MD), UTF_8);
    }

    private static String html(Policy policy, Lang lang) {
        return new String(StatementRenderer.render(policy, lang, StatementFormat.HTML), UTF_8);
    }

    /** The Markdown text of one purpose's subsection. */
    private static String purposeSection(String md, String heading) {
        int start = md.indexOf("\n### " + heading + "\n");
        assertThat(start).as("section for " + heading).isNotNegative();
        int end = md.indexOf("\n## ", start + 1);
        int next = md.indexOf("\n### ", start + 1);
        return md.substring(start, next > 0 && next < end ? next : end);
    }

    @Test
    void dutchStatementHasTheDutchSectionsAndTheController() {
        String md = md(Lang.NL);
        assertThat(md).startsWith("# Privacyverklaring van Opslag Voorbeeld B.V.\n");
        assertThat(md).contains("## Wie wij zijn", "## Welke gegevens wij van u gebruiken", "## Waar uw gegevens vandaan komen",
                "## Waarvoor wij uw gegevens gebruiken", "## Hoe lang wij uw gegevens bewaren",
                "## Met wie wij uw gegevens delen", "## Gegevens buiten Europa", "## Geautomatiseerde besluiten en profilering",
                "## Uw rechten", "## Zo gebruikt u uw rechten", "## Een klacht indienen",
                "## Hoe wij uw gegevens beveiligen", "## Kinderen", "## Versies van deze verklaring");
        assertThat(md).contains("Opslag Voorbeeld B.V.", "**KvK-nummer:** 12345678", "Havenweg 12, 1234 AB Rijswijk",
                "[privacy@opslag-voorbeeld.test](mailto:privacy@opslag-voorbeeld.test)", "070 123 4567",
                "functionaris gegevensbescherming (FG) is Mr. J. de Vries", "fg@opslag-voorbeeld.test");
        assertThat(md).doesNotContain("Who we are", "Legal basis", "Your rights");
    }

    @Test
    void englishStatementHasTheEnglishSectionsAndTheController() {
        String md = md(Lang.EN);
        assertThat(md).startsWith("# Privacy statement of Opslag Voorbeeld B.V.\n");
        assertThat(md).contains("## Who we are", "## What data we use", "## Where your data comes from",
                "## What we use your data for", "## How long we keep your data", "## Who we share your data with",
                "## Data outside Europe", "## Automated decisions and profiling", "## Your rights",
                "## How to use your rights", "## Making a complaint", "## How we protect your data", "## Children",
                "## Versions of this statement");
        assertThat(md).contains("Opslag Voorbeeld B.V.", "12345678", "privacy@opslag-voorbeeld.test",
                "data protection officer (DPO) is Mr. J. de Vries");
        assertThat(md).doesNotContain("Wie wij zijn", "Grondslag", "Uw rechten", "Klanten");
    }

    @Test
    void everyPurposeAppearsWithItsLegalBasisExplained() {
        String nl = md(Lang.NL);
        Map<String, String> basis = Map.of(
                "Offerte opstellen", "Grondslag: uitvoering van een overeenkomst.",
                "Uitvoeren van het huurcontract", "Grondslag: uitvoering van een overeenkomst.",
                "Cameratoezicht", "Grondslag: gerechtvaardigd belang.",
                "Fiscale administratie", "Grondslag: wettelijke verplichting.",
                "Nieuwsbrief", "Grondslag: toestemming.",
                "Toegankelijke opslag regelen", "Grondslag: toestemming.");
        basis.forEach((purpose, words) -> assertThat(purposeSection(nl, purpose)).contains(words));

        assertThat(purposeSection(nl, "Cameratoezicht")).contains(
                "Ons belang: de veiligheid van onze medewerkers, klanten en hun spullen.",
                "Zo hebben wij dat afgewogen tegen uw belangen: De camera's filmen alleen bij beweging",
                "bezwaar maken");
        assertThat(purposeSection(nl, "Fiscale administratie"))
                .contains("De wet die dit voorschrijft: artikel 52 Algemene wet inzake rijksbelastingen");
        assertThat(purposeSection(nl, "Nieuwsbrief")).contains(
                "U kunt uw toestemming op elk moment intrekken. Wat wij vóór het intrekken met uw gegevens deden, blijft rechtmatig.",
                "direct marketing");
        assertThat(purposeSection(nl, "Toegankelijke opslag regelen")).contains(
                "bijzondere persoonsgegevens", "u hebt daar uitdrukkelijk toestemming voor gegeven",
                "**Welke gegevens:** gezondheidsinformatie voor toegankelijkheid");

        String en = md(Lang.EN);
        assertThat(purposeSection(en, "Preparing a quote")).contains("Legal basis: performance of a contract.");
        assertThat(purposeSection(en, "Video surveillance")).contains("Legal basis: legitimate interest.",
                "Our interest: the safety of our staff", "How we weighed this against your interests:");
        assertThat(purposeSection(en, "Tax records")).contains("Legal basis: legal obligation.",
                "section 52 of the General Tax Act");
        assertThat(purposeSection(en, "Newsletter")).contains("Legal basis: consent.",
                "You can withdraw your consent at any time", "remains lawful");
        assertThat(purposeSection(en, "Arranging accessible storage")).contains("special categories of personal data",
                "you have given your explicit consent");
    }

    @Test
    void dataPerSubjectCategoryMarksExtraProtectedData() {
        String nl = md(Lang.NL);
        assertThat(nl).contains("### Geïnteresseerden", "### Klanten", "### Bezoekers van onze vestigingen",
                "- Gezondheidsinformatie voor toegankelijkheid — **bijzonder persoonsgegeven; extra beschermd**",
                "- Camerabeelden");
        assertThat(nl).contains("Van een marktonderzoeksbureau (alleen als u die partij toestemming gaf");
        assertThat(md(Lang.EN)).contains("Health information for accessibility — **special category of personal data; extra protected**");
    }

    @Test
    void retentionTableShowsPeriodsInWordsWithStartEndAndHolds() {
        String nl = md(Lang.NL);
        assertThat(nl).contains("| Welke gegevens | Hoe lang | Vanaf wanneer | Daarna | Langer bewaren |",
                "| Camerabeelden | 7 dagen | vanaf het moment dat wij de gegevens krijgen | verwijderd | tot 28 dagen als zich een incident heeft voorgedaan |",
                "| Tijdstippen van uw bezoeken | 160 weken | na het einde van het huurcontract | verwijderd | — |",
                "| Fiscale administratie | 7 jaar | na het einde van het huurcontract en de afhandeling van een klacht, wat het laatst gebeurt |",
                "| 2 jaar | na het intrekken van uw toestemming | geanonimiseerd: alleen cijfers op groepsniveau blijven over |",
                "| 6 maanden |", "| 1 maand |", "Hoort u daarna bij de groep ‘Klanten’, dan geldt deze termijn niet meer.");
        String en = md(Lang.EN);
        assertThat(en).contains("| Camera footage | 7 days | from the moment we receive the data | deleted | up to 28 days when an incident occurred |",
                "| 160 weeks | after the end of the rental contract |",
                "after the end of the rental contract and the closing of a complaint, whichever comes last",
                "anonymised: only group-level figures remain", "| 6 months |", "| 1 month |");
    }

    @Test
    void aZeroPeriodFromAnEventReadsAsKeptUntilThatEvent() throws Exception {
        Policy example = nl.waarborg.policy.PolicyLoader.load(java.nio.file.Path.of("examples/self-storage.yaml")).orThrow().policy();
        String nl = new String(StatementRenderer.render(example, Lang.NL, StatementFormat.MD), UTF_8);
        assertThat(nl).contains("| Klantgegevens bewaren wij zolang de overeenkomst loopt. | tot het einde van de klantovereenkomst "
                + "| vanaf het moment dat wij de gegevens krijgen | verwijderd |");
        String en = new String(StatementRenderer.render(example, Lang.EN, StatementFormat.MD), UTF_8);
        assertThat(en).contains("| Customer data is kept while the contract runs. | until the end of the customer contract "
                + "| from the moment we receive the data | deleted |");
        assertThat(en).doesNotContain("P0D").doesNotContain("| 0 days");
    }

    /** The declared hold kinds and maxima (top-level holds:) are what both statements promise, none open-ended. */
    @Test
    void theSelfStorageStatementShowsEveryHoldWithItsDeclaredMaximum() throws Exception {
        Policy example = nl.waarborg.policy.PolicyLoader.load(java.nio.file.Path.of("examples/self-storage.yaml")).orThrow().policy();
        String nl = new String(StatementRenderer.render(example, Lang.NL, StatementFormat.MD), UTF_8);
        assertThat(nl).contains("tot 28 dagen als zich een incident heeft voorgedaan",
                "tot 2 jaar zolang een juridisch geschil loopt", "tot 1 jaar zolang we een klacht behandelen");
        assertThat(nl).doesNotContain("zolang een incident dat nodig maakt");
        String en = new String(StatementRenderer.render(example, Lang.EN, StatementFormat.MD), UTF_8);
        assertThat(en).contains("up to 28 days when an incident occurred",
                "up to 2 years while a legal dispute is ongoing", "up to 1 year while a complaint is being handled");
        assertThat(en).doesNotContain("as long as an incident requires");
    }

    @Test
    void aRuleThatAppliesWhileConsentStandsSaysWithYourConsentAndThatWithdrawalEndsIt() throws Exception {
        Policy example = nl.waarborg.policy.PolicyLoader.load(java.nio.file.Path.of("examples/self-storage.yaml")).orThrow().policy();
        String nl = new String(StatementRenderer.render(example, Lang.NL, StatementFormat.MD), UTF_8);
        assertThat(nl).contains("| met uw toestemming tot 2 jaar | vanaf het moment dat wij de gegevens krijgen | verwijderd |",
                "Alleen als u toestemming geeft voor het doel ‘Uw cv bewaren voor toekomstige vacatures’. Na de gewone termijn "
                        + "gebruiken wij de gegevens alleen nog daarvoor. U kunt uw toestemming altijd intrekken. Dan stopt "
                        + "deze termijn en geldt alleen de gewone termijn. Is die al voorbij, dan verwijderen wij de gegevens meteen.");
        String en = new String(StatementRenderer.render(example, Lang.EN, StatementFormat.MD), UTF_8);
        assertThat(en).contains("| with your consent, up to 2 years | from the moment we receive the data | deleted |",
                "Only if you give consent for the purpose ‘Keeping your CV for future vacancies’. After the ordinary period we use the "
                        + "data only for that. You can withdraw your consent at any time. This period then ends and only the "
                        + "ordinary period applies. If that has passed, we delete the data straight away.");
        // an ordinary rule reads as before
        assertThat(en).doesNotContain("with your consent, up to 4 weeks");
    }

    @Test
    void aConsentRuleOverAnOrdinaryRuleThatAnonymisesDoesNotPromiseDeletion() throws Exception {
        String yaml = java.nio.file.Files.readString(java.nio.file.Path.of("examples/self-storage.yaml"))
                .replace("    period: P4W\n    start: collection\n", "    period: P4W\n    start: collection\n    end: anonymise\n");
        Policy anonymising = nl.waarborg.policy.PolicyLoader.load("anonymising.yaml", yaml.getBytes(UTF_8)).orThrow().policy();
        assertThat(new String(StatementRenderer.render(anonymising, Lang.NL, StatementFormat.MD), UTF_8))
                .contains("Is die al voorbij, dan verwijderen of anonimiseren wij de gegevens meteen.");
        assertThat(new String(StatementRenderer.render(anonymising, Lang.EN, StatementFormat.MD), UTF_8))
                .contains("If that has passed, we delete or anonymise the data straight away.");
    }

    @Test
    void aStartAtTheItemsOwnDateRoundedToTheYearReadsAsTheTaxLawCountsIt() throws Exception {
        Policy example = nl.waarborg.policy.PolicyLoader.load(java.nio.file.Path.of("examples/bookkeeping-saas.yaml")).orThrow().policy();
        String nl = new String(StatementRenderer.render(example, Lang.NL, StatementFormat.MD), UTF_8);
        assertThat(nl).contains("| 7 jaar | vanaf 1 januari na het jaar van de factuurdatum | verwijderd |",
                "| 7 jaar | vanaf 1 januari na het jaar van het einde van uw abonnement | verwijderd |");
        String en = new String(StatementRenderer.render(example, Lang.EN, StatementFormat.MD), UTF_8);
        assertThat(en).contains("| 7 years | from 1 January after the year of the invoice date | deleted |",
                "| 7 years | from 1 January after the year of the end of your subscription | deleted |");
        String register = new String(RegisterRenderer.render(example, RegisterFormat.CSV, Lang.EN), UTF_8);
        assertThat(register).contains("7 years from 1 January after the year of the invoice date");
    }

    @Test
    void everyRoundingIsWordedInBothLanguages() {
        Phrases nl = Phrases.of(Lang.NL);
        Phrases en = Phrases.of(Lang.EN);
        assertThat(java.util.Arrays.stream(CalendarRounding.values()).map(r -> nl.rounded(r, "X")).distinct())
                .hasSize(12);
        assertThat(java.util.Arrays.stream(CalendarRounding.values()).map(r -> en.rounded(r, "X")).distinct())
                .hasSize(12);
        assertThat(nl.rounded(CalendarRounding.START_OF_NEXT_YEAR, "de factuurdatum"))
                .isEqualTo("1 januari na het jaar van de factuurdatum");
        assertThat(nl.rounded(CalendarRounding.END_OF_NEXT_YEAR, "het laatste bezoek"))
                .isEqualTo("het einde van het jaar na het jaar van het laatste bezoek");
        assertThat(en.rounded(CalendarRounding.END_OF_NEXT_YEAR, "the last visit"))
                .isEqualTo("the end of the year after the year of the last visit");
        assertThat(nl.rounded(CalendarRounding.START_OF_CURRENT_QUARTER, "X")).isEqualTo("het begin van het kwartaal van X");
        assertThat(en.rounded(CalendarRounding.START_OF_NEXT_QUARTER, "X"))
                .isEqualTo("the start of the quarter after the quarter of X");
        assertThat(nl.rounded(CalendarRounding.END_OF_CURRENT_MONTH, "X")).isEqualTo("het einde van de maand van X");
        assertThat(en.rounded(CalendarRounding.START_OF_NEXT_MONTH, "X"))
                .isEqualTo("the first day of the month after the month of X");
        assertThat(en.rounded(CalendarRounding.START_OF_CURRENT_YEAR, "X")).isEqualTo("1 January of the year of X");
    }

    @Test
    void aZeroPeriodToARoundedMomentReadsAsKeptUntilThatMoment() {
        Policy p = DocumentsFixture.policy();
        Policy.RetentionRule first = p.retention().getFirst();
        Policy.RetentionRule until = new Policy.RetentionRule(first.id(), null, first.data(), first.subjects(), first.purposes(),
                nl.waarborg.policy.RetentionPeriod.parse("P0D"), nl.waarborg.policy.RetentionStart.COLLECTION,
                nl.waarborg.policy.EndAction.DELETE, List.of(), List.of(), null, CalendarRounding.END_OF_NEXT_YEAR);
        Words nl = new Words(p, Phrases.of(Lang.NL));
        Words en = new Words(p, Phrases.of(Lang.EN));
        assertThat(Words.untilEvent(until)).isTrue();
        assertThat(nl.howLong(until)).isEqualTo("tot het einde van het jaar na het jaar van het moment dat wij de gegevens krijgen");
        assertThat(en.howLong(until)).isEqualTo("until the end of the year after the year of the moment we receive the data");
    }

    @Test
    void recipientsAndTransfersNameRoleCountrySafeguard() {
        String nl = md(Lang.NL);
        // the table points to the transfers section, which explains the safeguard once (issue 14)
        assertThat(nl).contains("| **E-maildienst** | verwerker, in onze opdracht | Nieuwsbrief | Verenigde Staten | buiten de EER: zie ‘Gegevens buiten Europa’ |",
                "alleen gepseudonimiseerde gegevens, zonder naam", "| **Belastingdienst** | overheidsinstantie<br>alleen als de wet ons daartoe verplicht |",
                "Met deze ontvangers, en voor deze systemen, hebben wij de standaardcontractbepalingen van de Europese Commissie afgesproken:\n\n- E-maildienst (Verenigde Staten)",
                "Alleen de e-maildienst zit buiten de EER.");
        String en = md(Lang.EN);
        assertThat(en).contains("| United States | outside the EEA: see ‘Data outside Europe’ |",
                "pseudonymised data only, without a name", "inside the EEA: the GDPR applies",
                "With these recipients, and for these systems, we have agreed the standard contractual clauses of the European Commission:\n\n- E-mail service (United States)");
    }

    @Test
    void automatedDecisionsAndProfilingAreDeclared() {
        String nl = md(Lang.NL);
        assertThat(nl).contains("Wij nemen geen besluiten over u die alleen door een computer worden genomen.",
                "Nieuwsbrief: wij maken een profiel van u. Wij kiezen de onderwerpen van de nieuwsbrief op basis van waar u eerder op klikte. U kunt daar op elk moment bezwaar tegen maken; dan stoppen wij ermee.");
        assertThat(md(Lang.EN)).contains("Newsletter: we build a profile of you.");
    }

    @Test
    void everyRightComesWithHowToExerciseItAndTheResponseTime() {
        String nl = md(Lang.NL);
        assertThat(nl).contains("**Inzage.**", "**Correctie.**", "**Verwijdering.**", "**Beperking.**",
                "**Overdraagbaarheid.**", "**Bezwaar.**", "**Toestemming intrekken.**",
                "Dit geldt voor: cameratoezicht en nieuwsbrief.",
                "Dit geldt voor: nieuwsbrief en toegankelijke opslag regelen.",
                "- per e-mail aan [privacy@opslag-voorbeeld.test](mailto:privacy@opslag-voorbeeld.test)",
                "- per post aan Opslag Voorbeeld B.V., Havenweg 12, 1234 AB Rijswijk",
                "- wij sturen een bevestigingslink naar het e-mailadres dat wij van u hebben",
                "pasfoto en burgerservicenummer (BSN) onleesbaar",
                "Een verzoek kost u niets.", "Wij reageren binnen 4 weken", "met ten hoogste 2 maanden verlengen",
                "de Autoriteit Persoonsgegevens:", "https://autoriteitpersoonsgegevens.nl", "088 - 1805 250");
        String en = md(Lang.EN);
        assertThat(en).contains("**Access.**", "**Correction.**", "**Erasure.**", "**Restriction.**",
                "**Data portability.**", "**Objection.**", "**Withdrawing consent.**", "A request costs you nothing.",
                "We respond within 4 weeks", "by at most 2 months", "the Autoriteit Persoonsgegevens:");
    }

    @Test
    void archivePurposeAndAnonymisedRemainderChoiceAreSaidOnlyWhenDeclared() {
        String nlArchive = "Dit is een archiefdoel: wij bewaren deze gegevens alleen nog in een archief. Wij gebruiken ze "
                + "alleen nog bij juridische procedures of voor historisch onderzoek, en voor niets anders.";
        String nlChoice = "**Ook geen geanonimiseerde gegevens.** U mag ons van tevoren laten weten dat wij uw gegevens "
                + "helemaal verwijderen als de bewaartermijn afloopt, en er ook geen geanonimiseerde gegevens voor statistiek van bewaren.";
        String enArchive = "This is an archive purpose: we only keep this data in an archive. We use it only in legal "
                + "proceedings or for historical research, and for nothing else.";
        String enChoice = "**Nothing anonymised either.** You may tell us in advance that when the retention period of your "
                + "data ends, we delete it entirely and keep no anonymised statistics of it either.";

        assertThat(md(Lang.NL)).doesNotContain("archiefdoel", "Ook geen geanonimiseerde gegevens");
        assertThat(md(Lang.EN)).doesNotContain("archive purpose", "Nothing anonymised either");

        Policy declared = DocumentsFixture.withArchiveAndRemainderChoice();
        String nl = new String(StatementRenderer.render(declared, Lang.NL, StatementFormat.MD), UTF_8);
        assertThat(purposeSection(nl, "Fiscale administratie")).contains(nlArchive);
        assertThat(purposeSection(nl, "Cameratoezicht")).doesNotContain("archiefdoel");
        assertThat(nl.substring(nl.indexOf("## Uw rechten"), nl.indexOf("## Zo gebruikt u uw rechten"))).contains(nlChoice,
                "kunnen wij niet meer nagaan welke gegevens van u waren");
        String en = new String(StatementRenderer.render(declared, Lang.EN, StatementFormat.MD), UTF_8);
        assertThat(purposeSection(en, "Tax records")).contains(enArchive);
        assertThat(en.substring(en.indexOf("## Your rights"), en.indexOf("## How to use your rights"))).contains(enChoice,
                "we can no longer tell which data was yours");
        assertThat(html(declared, Lang.EN)).contains("This is an archive purpose", "Nothing anonymised either");
    }

    @Test
    void securityMinorsAndVersionsAreStatedWhenDeclared() {
        String nl = md(Lang.NL);
        assertThat(nl).contains("Alleen medewerkers die uw gegevens voor hun werk nodig hebben, kunnen erbij.",
                "geheimhoudingsverklaring", "datacentra in Nederland en Duitsland, binnen de Europese Economische Ruimte (EER).",
                "Bent u jonger dan 16 jaar?",
                "Dit is versie 3.1 van deze privacyverklaring, geldig vanaf 1 maart 2025.",
                "**Wat is er veranderd:** Bewaartermijn van camerabeelden toegevoegd.",
                "- versie 3.0, geldig vanaf 1 juni 2024: [https://opslag-voorbeeld.test/privacy/3.0](https://opslag-voorbeeld.test/privacy/3.0)");
        assertThat(md(Lang.EN)).contains("in effect from 1 March 2025", "Are you under 16?");
    }

    @Test
    void oneDocumentTreeFeedsEveryFormat() {
        Doc doc = StatementRenderer.document(POLICY, Lang.NL);
        assertThat(doc.lang()).isEqualTo("nl");
        assertThat(doc.blocks().stream().filter(b -> b instanceof Doc.Heading h && h.level() == 2)
                .map(b -> ((Doc.Heading) b).id()).toList())
                .containsExactly("controller", "data", "sources", "purposes", "retention", "recipients", "transfers",
                        "automated", "rights", "requests", "complaints", "security", "minors", "versions");
        String html = html(POLICY, Lang.NL);
        for (String id : List.of("controller", "retention", "rights", "versions")) {
            assertThat(html).contains("<h2 id=\"" + id + "\">").contains("<a href=\"#" + id + "\">");
        }
        assertThat(StatementRenderer.render(POLICY, Lang.NL, StatementFormat.MD))
                .isEqualTo(StatementRenderer.render(POLICY, Lang.NL, StatementFormat.MD));
    }

    @Test
    void htmlIsACompleteSelfContainedWellFormedPage() throws Exception {
        String html = html(POLICY, Lang.NL);
        assertThat(html).startsWith("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"nl\"");
        assertThat(html).contains("<meta charset=\"UTF-8\"/>", "<title>Privacyverklaring van Opslag Voorbeeld B.V.</title>",
                "<style>", "<h1>Privacyverklaring van Opslag Voorbeeld B.V.</h1>", "<table>", "<th scope=\"col\">Hoe lang</th>",
                "<td>7 dagen</td>", "<a href=\"mailto:privacy@opslag-voorbeeld.test\">");
        assertThat(html).doesNotContain("<script", "<link", " src=", "@import").endsWith("</html>\n");
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(UTF_8)));
        assertThat(html(POLICY, Lang.EN)).contains("lang=\"en\"", "<td>7 days</td>");
    }

    @Test
    void htmlEscapesEverythingThatComesFromThePolicy() throws Exception {
        Policy evil = DocumentsFixture.withControllerName(POLICY, "Evil <script>alert('x')</script> & \"Co\"");
        String html = html(evil, Lang.NL);
        assertThat(html).doesNotContain("<script>", "alert('x')");
        assertThat(html).contains("Evil &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;");
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(UTF_8)));

        String md = new String(StatementRenderer.render(evil, Lang.NL, StatementFormat.MD), UTF_8);
        assertThat(md).doesNotContain("<script>").contains("Evil \\<script\\>alert('x')\\</script\\> & \"Co\"");
    }

    @Test
    void linksWithUnsafeSchemesBecomePlainText() {
        Policy.Statement s = POLICY.statement();
        Policy odd = DocumentsFixture.withStatement(POLICY, new Policy.Statement(s.version(), s.effective(), s.languages(),
                s.changes(), List.of(new Policy.PreviousVersion("1.0", s.effective().minusYears(3), "javascript:alert(1)"))));
        String html = html(odd, Lang.NL);
        assertThat(html).doesNotContain("href=\"javascript:").contains("javascript:alert(1)");
        String md = new String(StatementRenderer.render(odd, Lang.NL, StatementFormat.MD), UTF_8);
        assertThat(md).doesNotContain("](javascript:");
    }

    @Test
    void pdfIsAPdfWhoseTextHasTheStatement() throws Exception {
        byte[] nl = StatementRenderer.render(POLICY, Lang.NL, StatementFormat.PDF);
        assertThat(new String(nl, 0, 5, UTF_8)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(nl)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Privacyverklaring van Opslag Voorbeeld B.V.", "Wie wij zijn", "Geïnteresseerden",
                    "7 dagen", "Autoriteit Persoonsgegevens");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Privacyverklaring van Opslag Voorbeeld B.V.");
        }
        byte[] en = StatementRenderer.render(POLICY, Lang.EN, StatementFormat.PDF);
        try (PDDocument doc = Loader.loadPDF(en)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Opslag Voorbeeld B.V.", "Who we are", "7 days");
        }
    }
}
