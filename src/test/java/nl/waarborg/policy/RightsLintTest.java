package nl.waarborg.policy;

import static nl.waarborg.policy.PolicyFixtures.cleanWith;
import static nl.waarborg.policy.PolicyFixtures.lint;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Minors (art. 5 UAVG, Art. 8(1) GDPR), fees (Art. 12(5), 15(3)), outdated references (Privacy Shield, CBP) and the
 * controller's identity (Art. 13(1)(a)) without demands the law does not make.
 */
class RightsLintTest {

    private static List<Finding> of(String rule, String yaml) {
        return lint(yaml).stream().filter(f -> f.rule().equals(rule)).toList();
    }

    private static String minors(String minors) {
        return cleanWith("transfers:", "minors: " + minors + "\ntransfers:");
    }

    @Test
    void aThresholdUnderSixteenInTheNetherlandsIsOneError() {
        List<Finding> findings = lint(minors("{age-threshold: 13}"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("minor-age-threshold");
            assertThat(f.isError()).isTrue();
            assertThat(f.message()).contains("below the age of digital consent in NL, 16", "art. 5 UAVG", "for any consent");
        });
    }

    @Test
    void aHigherThresholdIsLawful() {
        assertThat(lint(minors("{age-threshold: 17}"))).isEmpty();
        assertThat(lint(minors("{age-threshold: 16}"))).isEmpty();
    }

    @Test
    void parentalConsentSwitchedOffIsFlaggedWhereMinorsMayBeAskedForConsent() {
        String consentPurpose = "    legal-basis: contract\n    roles: [staff]\n    subjects: [lead]";
        String yaml = cleanWith("transfers:§" + consentPurpose, "minors: {parental-consent: false}\ntransfers:§"
                + "    legal-basis: consent\n    roles: [staff]\n    subjects: [lead]");
        assertThat(of("minor-age-threshold", yaml)).singleElement().satisfies(f ->
                assertThat(f.message()).contains("`parental-consent: false`", "`quote` asks consent", "Art. 8(1)", "art. 5 UAVG"));
        // nothing on consent and no children's data: the setting changes nothing
        assertThat(lint(minors("{parental-consent: false}"))).isEmpty();
    }

    @Test
    void aFeeIsAWarningThatQuotesWhenTheLawAllowsOne() {
        assertThat(of("request-fee-charged", cleanWith("  channels: [email, post]", "  channels: [email, post]\n  free-of-charge: false")))
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.message()).contains("free by law (Art. 12(5) GDPR)", "manifestly unfounded or excessive",
                            "further copies of the data (Art. 15(3))");
                });
    }

    @Test
    void privacyShieldAndCbpAreOutdatedReferencesButNotInCommentsOrIds() {
        String yaml = cleanWith("  languages: [nl, en]", "  languages: [nl, en]\n  changes: {nl: \"Doorgifte op basis van het Privacy Shield; "
                + "klachten naar het College bescherming persoonsgegevens (CBP).\", en: Updated.}");
        assertThat(of("privacy-shield-invalidated", yaml)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("16 July 2020", "C-311/18", "Data Privacy Framework"));
        assertThat(of("cbp-renamed", yaml)).hasSize(2)
                .allSatisfy(f -> assertThat(f.message()).contains("since 1 January 2016", "Autoriteit Persoonsgegevens"));
        assertThat(lint(cleanWith("waarborg: 1", "waarborg: 1 # replaces our Privacy Shield statement of the CBP era"))).isEmpty();
        assertThat(lint(cleanWith("  - id: complaint-closed", "  - id: complaint-closed-cbp"))).extracting(Finding::rule)
                .doesNotContain("cbp-renamed");
    }

    @Test
    void theControllerNeedsNoPhoneAndNoKvkNumber() {
        String yaml = cleanWith("  kvk: \"12345678\"\n§, phone: \"+31 30 000 0000\"}", "§}");
        assertThat(lint(yaml)).isEmpty();
    }

    @Test
    void theContactAndTheRepresentativeCanBeReached() {
        assertThat(of("controller-incomplete", cleanWith("email: privacy@testopslag.example", "email: zie website")))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("not an e-mail address", "Art. 13(1)(a)"));
        assertThat(of("controller-incomplete", cleanWith("city: Utrecht}", "city: Utrecht}\n  representative: {name: Vertegenwoordiger}")))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("no contact details"));
    }
}
