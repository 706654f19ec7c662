package nl.waarborg.policy;

import static nl.waarborg.policy.PolicyFixtures.cleanWith;
import static nl.waarborg.policy.PolicyFixtures.lint;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Transfers outside the EEA (Chapter V GDPR): adequacy only where the Commission decided it (Art. 45), in the United
 * States only for Data Privacy Framework organisations; no Art. 49 derogation for a permanent transfer (EDPB Guidelines
 * 2/2018); systems and processing for other controllers checked like recipients; joint controllers with an Art. 26
 * arrangement.
 */
class TransferLintTest {

    private static final String HOSTING = "    role: processor\n    countries: [NL]\n    processing-agreement: 2025-03-01";

    /** The clean policy with its hosting processor elsewhere, declared as a transfer. */
    private static String hosting(String role, String rest) {
        return cleanWith(HOSTING + "§  stance: eu-only", "    role: " + role + "\n" + rest + "    processing-agreement: 2025-03-01§  stance: declared");
    }

    private static List<Finding> of(String rule, String yaml) {
        return lint(yaml).stream().filter(f -> f.rule().equals(rule)).toList();
    }

    @Test
    void adequacyForACountryWithoutAnAdequacyDecisionIsAnError() {
        assertThat(of("adequacy-not-recognised", hosting("processor", "    countries: [BR]\n    safeguard: adequacy\n")))
                .singleElement().satisfies(f -> {
                    assertThat(f.isError()).isTrue();
                    assertThat(f.message()).contains("no adequacy decision for BR", "Art. 45 GDPR");
                });
    }

    @Test
    void adequacyInTheUnitedStatesCoversOnlyDataPrivacyFrameworkOrganisations() {
        assertThat(of("adequacy-not-recognised", hosting("processor", "    countries: [US]\n    safeguard: adequacy\n")))
                .singleElement().satisfies(f -> assertThat(f.message())
                        .contains("adequacy decision of 10 July 2023", "Data Privacy Framework", "dpf-certified: true"));
        assertThat(lint(hosting("processor", "    countries: [US]\n    safeguard: adequacy\n    dpf-certified: true\n"))).isEmpty();
    }

    @Test
    void adequacyForCountriesWithADecisionIsAccepted() {
        for (String country : List.of("JP", "GB", "CH", "KR", "CA")) {
            assertThat(lint(hosting("processor", "    countries: [" + country + "]\n    safeguard: adequacy\n"))).as(country).isEmpty();
        }
    }

    @Test
    void theShippedAdequacyListNamesEachDecisionWithItsDate() {
        assertThat(AdequacyDecisions.all()).extracting(AdequacyDecisions.Decision::country).containsExactlyInAnyOrder(
                "AD", "AR", "CA", "FO", "GG", "IL", "IM", "JP", "JE", "NZ", "KR", "CH", "GB", "UY", "US");
        AdequacyDecisions.Decision us = AdequacyDecisions.of("us").orElseThrow();
        assertThat(us.date()).isEqualTo(LocalDate.of(2023, 7, 10));
        assertThat(us.scope()).contains("Data Privacy Framework");
        assertThat(AdequacyDecisions.of("CA").orElseThrow().scope()).contains("PIPEDA");
        assertThat(AdequacyDecisions.of("JP").orElseThrow().scope()).isNull();
        assertThat(AdequacyDecisions.of("BR")).isEmpty();
    }

    @Test
    void aDerogationCannotCarryAPermanentTransferToAProcessor() {
        assertThat(of("derogation-for-processor", hosting("processor", "    countries: [US]\n    safeguard: derogation\n")))
                .singleElement().satisfies(f -> {
                    assertThat(f.isError()).isTrue();
                    assertThat(f.message()).contains("occasional, non-repetitive", "EDPB Guidelines 2/2018");
                });
        // an occasional disclosure to a controller may rest on Art. 49
        assertThat(of("derogation-for-processor", hosting("controller", "    countries: [US]\n    safeguard: derogation\n"))).isEmpty();
    }

    @Test
    void aSystemOutsideTheEeaIsCheckedAsARecipientIs() {
        String cctv = "    connector: manual\ntransfers:\n  stance: eu-only";
        assertThat(of("transfer-safeguard-missing", cleanWith(cctv, "    connector: manual\n    countries: [US]\ntransfers:\n  stance: declared")))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("system `cctv`", "(US)"));
        assertThat(of("transfer-assessment-missing", cleanWith(cctv,
                "    connector: manual\n    countries: [US]\n    safeguard: scc\ntransfers:\n  stance: declared"))).hasSize(1);
        assertThat(of("adequacy-not-recognised", cleanWith(cctv,
                "    connector: manual\n    countries: [US]\n    safeguard: adequacy\ntransfers:\n  stance: declared"))).hasSize(1);
        assertThat(of("derogation-for-processor", cleanWith(cctv,
                "    connector: manual\n    countries: [US]\n    safeguard: derogation\ntransfers:\n  stance: declared"))).hasSize(1);
        assertThat(lint(cleanWith(cctv, "    connector: manual\n    countries: [US]\n    safeguard: scc\n"
                + "    transfer-assessment: 2025-01-10\ntransfers:\n  stance: declared"))).isEmpty();
        assertThat(lint(cleanWith(cctv, "    connector: manual\n    countries: [US]\n    safeguard: adequacy\n"
                + "    dpf-certified: true\ntransfers:\n  stance: declared"))).isEmpty();
    }

    @Test
    void processingForAnotherControllerOutsideTheEeaNeedsASafeguard() {
        String activity = "as-processor:\n  - id: client\n    controller: {name: Klant B.V., contact: privacy@klant.example}\n"
                + "    processing: {nl: Hosting van de boekhouding, en: Hosting the bookkeeping}\n    countries: [IN]\n";
        assertThat(of("transfer-safeguard-missing", cleanWith("transfers:", activity + "transfers:")))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("`client`", "(IN)"));
        assertThat(lint(cleanWith("transfers:", activity + "    safeguard: scc\ntransfers:"))).isEmpty();
    }

    @Test
    void aRecipientWithoutCountriesIsAWarningExceptForAnAuthority() {
        assertThat(of("recipient-countries-missing", cleanWith(HOSTING, "    role: processor\n    processing-agreement: 2025-03-01")))
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.message()).contains("cannot be checked", "countries:");
                });
        assertThat(lint(cleanWith(HOSTING, "    role: authority"))).isEmpty();
    }

    @Test
    void aJointControllerNeedsTheArrangementOfArticle26() {
        assertThat(of("joint-controller-arrangement-missing", cleanWith("    role: processor", "    role: joint-controller")))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("Art. 26", "arrangement:"));
        assertThat(lint(cleanWith("    role: processor", "    role: joint-controller\n    arrangement: {nl: Wij beantwoorden alle "
                + "verzoeken., en: We answer all requests.}"))).isEmpty();
    }
}
