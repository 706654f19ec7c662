package nl.waarborg.documents;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.PolicyLoader;
import org.junit.jupiter.api.Test;

/** The statement never says more than the policy enforces (issue 13): scope, anonymising and who sees the data. */
class StatementTruthTest {

    private static final String FISCAL = "    description: {nl: Fiscale administratie, en: Tax records}\n"
            + "    data: [name, billing-address, payment-details]\n    purposes: [fiscal-records]\n";

    /** The documents fixture with edits ({@code from} occurring exactly once each). */
    private static Policy fixtureWith(String... fromTo) throws IOException {
        String text = Files.readString(DocumentsFixture.path(), UTF_8);
        for (int i = 0; i < fromTo.length; i += 2) {
            int at = text.indexOf(fromTo[i]);
            assertThat(at).as("fixture text %s", fromTo[i]).isNotNegative();
            assertThat(text.indexOf(fromTo[i], at + 1)).as("fixture text %s once", fromTo[i]).isNegative();
            text = text.replace(fromTo[i], fromTo[i + 1]);
        }
        return PolicyLoader.load("documents-fixture.yaml", text.getBytes(UTF_8)).orThrow().policy();
    }

    private static String md(Policy policy, Lang lang) {
        return new String(StatementRenderer.render(policy, lang, StatementFormat.MD), UTF_8);
    }

    private static String section(String md, String heading) {
        int start = md.indexOf("\n## " + heading + "\n");
        assertThat(start).as("section " + heading).isNotNegative();
        int end = md.indexOf("\n## ", start + 1);
        return md.substring(start, end < 0 ? md.length() : end);
    }

    @Test
    void aRuleScopedByPurposeIsShownWithItsPurposeNeverAsAllData() throws IOException {
        Policy policy = fixtureWith(FISCAL, "    purposes: [fiscal-records]\n");
        String nl = md(policy, Lang.NL);
        String en = md(policy, Lang.EN);
        assertThat(nl).contains("| Gegevens voor het doel ‘Fiscale administratie’ | 7 jaar |").doesNotContain("Alle gegevens");
        assertThat(en).contains("| Data for the purpose ‘Tax records’ | 7 years |").doesNotContain("All data");
    }

    @Test
    void aPurposeScopedRuleWithItsOwnDescriptionAlsoNamesItsPurpose() throws IOException {
        Policy policy = fixtureWith(FISCAL, "    description: {nl: Fiscale administratie, en: Tax records}\n    purposes: [fiscal-records, quote]\n");
        assertThat(md(policy, Lang.NL)).contains(
                "| Fiscale administratie<br>Gegevens voor de doelen ‘Fiscale administratie’ en ‘Offerte opstellen’. | 7 jaar |");
        assertThat(md(policy, Lang.EN)).contains(
                "| Tax records<br>Data for the purposes ‘Tax records’ and ‘Preparing a quote’. | 7 years |");
    }

    @Test
    void aRuleScopedByDataAndPurposeNamesBoth() {
        Policy policy = DocumentsFixture.policy();
        assertThat(md(policy, Lang.NL)).contains("| E-mailadres en klikgedrag in nieuwsbrieven voor het doel ‘Nieuwsbrief’ | 2 jaar |");
        assertThat(md(policy, Lang.EN)).contains("| E-mail address and clicks in newsletters for the purpose ‘Newsletter’ | 2 years |");
    }

    @Test
    void aRuleWithoutPurposesStillReadsAsAllDataOfItsSubjects() throws IOException {
        Policy policy = fixtureWith("  - id: health\n    data: [health-needs]\n", "  - id: health\n    subjects: [customer]\n");
        assertThat(md(policy, Lang.NL)).contains("| Alle gegevens (Klanten) | 1 maand |");
        assertThat(md(policy, Lang.EN)).contains("| All data (Customers) | 1 month |");
    }

    @Test
    void theRetentionIntroductionSpeaksOfAnonymisingOnlyWhereARuleAnonymises() throws IOException {
        Policy anonymising = DocumentsFixture.policy();
        assertThat(section(md(anonymising, Lang.NL), "Hoe lang wij uw gegevens bewaren"))
                .contains("dan verwijderen wij de gegevens, of maken wij ze anoniem");
        assertThat(section(md(anonymising, Lang.EN), "How long we keep your data"))
                .contains("we delete the data, or make it anonymous");

        Policy deleting = fixtureWith("    start: consent-withdrawn\n    end: anonymise\n", "    start: consent-withdrawn\n");
        String nl = section(md(deleting, Lang.NL), "Hoe lang wij uw gegevens bewaren");
        String en = section(md(deleting, Lang.EN), "How long we keep your data");
        assertThat(nl).contains("Is die voorbij, dan verwijderen wij de gegevens.").doesNotContainIgnoringCase("anonie", "anonim");
        assertThat(en).contains("When it ends, we delete the data.").doesNotContainIgnoringCase("anonym");
    }

    @Test
    void theRolesEachPurposeAllowsAreStatedWhereTheStatementSaysWhoSeesTheData() {
        Policy policy = DocumentsFixture.policy();
        String nl = section(md(policy, Lang.NL), "Hoe wij uw gegevens beveiligen");
        assertThat(nl).contains("Alleen medewerkers die uw gegevens voor hun werk nodig hebben, kunnen erbij.",
                "Per doel mogen bij ons alleen deze functies uw gegevens gebruiken:",
                "- Offerte opstellen: klantenservice.",
                "- Uitvoeren van het huurcontract: klantenservice en financiële administratie.",
                "- Cameratoezicht: vestigingsmanager.",
                "- Nieuwsbrief: marketing.",
                "Daarnaast kunnen de medewerkers die uw privacyverzoeken behandelen uw gegevens inzien.");
        String en = section(md(policy, Lang.EN), "How we protect your data");
        assertThat(en).contains("For each purpose, only these roles in our organisation may use your data:",
                "- Preparing a quote: customer service.",
                "- Performing the rental contract: customer service and finance.",
                "- Video surveillance: site manager.",
                "Besides them, the staff who handle your privacy requests can see your data.");
    }

    @Test
    void aPurposeNoRoleMayUseIsNotListedAndRolesAreStatedWithoutASecuritySection() throws IOException {
        Policy policy = fixtureWith("    roles: [marketing]\n", "    roles: []\n",
                "security:\n  confidentiality-agreements: true\n  need-to-know: true\n  data-centres: [NL, DE]\n"
                        + "  measures:\n    nl: Wij versleutelen gegevens en controleren wie erbij kan.\n"
                        + "    en: We encrypt data and check who can access it.\n", "");
        assertThat(policy.security()).isNull();
        String nl = section(md(policy, Lang.NL), "Hoe wij uw gegevens beveiligen");
        assertThat(nl).contains("- Cameratoezicht: vestigingsmanager.", "Autoriteit Persoonsgegevens")
                .doesNotContain("Nieuwsbrief:", "geheimhoudingsverklaring");
        assertThat(section(md(policy, Lang.EN), "How we protect your data")).contains("- Video surveillance: site manager.")
                .doesNotContain("Newsletter:");
    }

    private static Policy example(String name) throws IOException {
        return PolicyLoader.load(java.nio.file.Path.of("examples/" + name + ".yaml")).orThrow().policy();
    }

    @Test
    void theExamplesStatementsSayWhatTheirPoliciesEnforce() throws IOException {
        Policy storage = example("self-storage");
        String nl = md(storage, Lang.NL);
        String en = md(storage, Lang.EN);
        // no rule anonymises: deleting only
        assertThat(section(nl, "Hoe lang wij uw gegevens bewaren")).contains("Is die voorbij, dan verwijderen wij de gegevens.")
                .doesNotContain("anoniem");
        assertThat(section(en, "How long we keep your data")).contains("When it ends, we delete the data.").doesNotContain("anonymous");
        // camera footage: the only role of camera-surveillance, in both languages
        assertThat(section(nl, "Hoe wij uw gegevens beveiligen"))
                .contains("- Cameratoezicht op onze opslaglocaties: managementteam (een beperkt aantal leden).");
        assertThat(section(en, "How we protect your data"))
                .contains("- Video surveillance of our storage locations: management team (a limited number of members).");

        // membership's statutory rule is scoped by purpose: its purpose is named under its own words, and it anonymises
        Policy membership = example("membership");
        assertThat(md(membership, Lang.NL)).contains("<br>Gegevens voor het doel ‘Verstrekken aan overheidsinstanties",
                "of maken wij ze anoniem");
        assertThat(md(membership, Lang.EN)).contains("<br>Data for the purpose ‘Disclosure to government bodies",
                "or make it anonymous");
    }
}
