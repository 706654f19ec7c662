package nl.waarborg.policy;

import static nl.waarborg.policy.PolicyFixtures.cleanWith;
import static nl.waarborg.policy.PolicyFixtures.lint;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The laws behind a purpose: the BSN only on a law (art. 46 UAVG), Art. 9(2) conditions that need one (UAVG art. 22-30),
 * a public task laid down by law (Art. 6(3)), consent that stays withdrawable (Art. 7(3)) and free (Art. 7(4)), and
 * what people are told about providing data (Art. 13(2)(e)) and automated decisions (Art. 13(2)(f)).
 */
class PurposeLawLintTest {

    private static final String QUOTE = "    legal-basis: contract\n    roles: [staff]\n    subjects: [lead]";
    private static final String SECURITY = "    data: [video-footage]\n    systems: [cctv]";
    private static final String FOOTAGE = "    name: {nl: Camerabeelden, en: Camera footage}";
    private static final String LAW = "    law: {nl: Wet X, en: Act X}\n";

    private static List<Finding> of(String rule, String yaml) {
        return lint(yaml).stream().filter(f -> f.rule().equals(rule)).toList();
    }

    private static String nationalId(String basis, String law) {
        return cleanWith(FOOTAGE + "§    legal-basis: legitimate-interest\n", FOOTAGE + "\n    national-id: true§    legal-basis: "
                + basis + "\n" + law);
    }

    @Test
    void theBsnNeedsTheLawThatRequiresItNotTheLegalObligationBasis() {
        // a municipality's public task or a care provider's contract, with the law: allowed (art. 46 UAVG)
        assertThat(of("national-id-statute-missing", nationalId("public-task", LAW))).isEmpty();
        assertThat(of("national-id-statute-missing", nationalId("contract", LAW))).isEmpty();
        assertThat(of("national-id-statute-missing", nationalId("contract", ""))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("art. 46 UAVG", "to carry out a law or for purposes a law sets", "`law:`"));
        // consent alone stays refused, with a law too
        assertThat(of("national-id-statute-missing", nationalId("consent", LAW))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("consent is not enough"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"employment", "substantial-public-interest", "health-care", "public-health", "archiving-research"})
    void art9ConditionsOutsideArticle22UavgNeedALaw(String condition) {
        String yaml = cleanWith(FOOTAGE + "§" + SECURITY, FOOTAGE + "\n    special: true§    art9-condition: " + condition + "\n" + SECURITY);
        assertThat(of("special-category-law-missing", yaml)).singleElement().satisfies(f -> {
            assertThat(f.isError()).isTrue();
            assertThat(f.message()).contains("Art. 9(2)(", "(" + condition + ")", "`law:`");
        });
        assertThat(of("special-category-law-missing", yaml.replace("    art9-condition: ", LAW + "    art9-condition: "))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"explicit-consent", "vital-interests", "non-profit", "made-public", "legal-claims"})
    void art9ConditionsArticle22UavgCoversNeedNoFurtherLaw(String condition) {
        String yaml = cleanWith(FOOTAGE + "§" + SECURITY, FOOTAGE + "\n    special: true§    art9-condition: " + condition + "\n" + SECURITY);
        assertThat(of("special-category-law-missing", yaml)).isEmpty();
        assertThat(of("special-category-condition-missing", yaml)).isEmpty();
    }

    @Test
    void explicitConsentNextToAnotherBasisMustStayWithdrawable() {
        String yaml = cleanWith(FOOTAGE + "§" + SECURITY, FOOTAGE + "\n    special: true§    art9-condition: explicit-consent\n"
                + "    withdrawable: false\n" + SECURITY);
        assertThat(of("consent-not-withdrawable", yaml)).singleElement().satisfies(f ->
                assertThat(f.message()).contains("explicit consent (Art. 9(2)(a))", "Art. 7(3)", "withdrawable: false"));
        assertThat(lint(yaml.replace("    withdrawable: false\n", ""))).isEmpty();
    }

    @Test
    void aPublicTaskNamesTheLawThatSetsIt() {
        String yaml = cleanWith(QUOTE, "    legal-basis: public-task\n    roles: [staff]\n    subjects: [lead]");
        assertThat(of("public-task-law-missing", yaml)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("Art. 6(3) GDPR", "`law:"));
        assertThat(lint(yaml.replace("    legal-basis: public-task\n", "    legal-basis: public-task\n" + LAW))).isEmpty();
    }

    @Test
    void consentOfApplicantsIsRarelyFreeUnlessThePolicySaysWhyTheyCanRefuse() {
        String applicants = cleanWith("    name: {nl: Leads, en: Leads}§" + QUOTE,
                "    name: {nl: Leads, en: Leads}\n    relation: applicants§    legal-basis: consent\n    roles: [staff]\n    subjects: [lead]");
        assertThat(of("consent-power-imbalance", applicants)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("Art. 7(4)", "EDPB Guidelines 05/2020", "free-choice");
        });
        assertThat(of("consent-power-imbalance", applicants.replace("    legal-basis: consent\n",
                "    legal-basis: consent\n    free-choice: {nl: Nee zeggen heeft geen gevolg., en: Saying no has no consequence.}\n"))).isEmpty();
        assertThat(of("consent-power-imbalance", applicants.replace("relation: applicants", "relation: customers"))).isEmpty();
    }

    @Test
    void aContractPurposeSaysWhetherTheDataMustBeProvided() {
        String yaml = cleanWith("    provision: {requirement: contract-entry, consequence: {nl: Zonder uw gegevens kunnen wij geen offerte maken., "
                + "en: Without your data we cannot make a quote.}}\n", "");
        assertThat(of("provision-requirement-missing", yaml)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("`quote`", "Art. 13(2)(e)", "requirement: contract-entry"));
    }

    @Test
    void anAutomatedDecisionExplainsItsLogicAndWhatItMeansForThePerson() {
        String yaml = cleanWith(QUOTE, "    legal-basis: contract\n    automated-decision: true\n    automated-logic: {nl: Een score., en: A score.}\n"
                + "    roles: [staff]\n    subjects: [lead]");
        assertThat(of("automated-decision-unexplained", yaml)).singleElement().satisfies(f -> assertThat(f.message())
                .contains("Art. 13(2)(f)", "`automated-significance`").doesNotContain("`automated-logic`"));
        assertThat(of("automated-decision-unexplained", yaml.replace("    automated-logic:",
                "    automated-significance: {nl: Zonder positieve score geen offerte online., en: Without a positive score no quote online.}\n"
                        + "    automated-logic:"))).isEmpty();
    }

    @Test
    void objectionToDirectMarketingCitesArticle21TwoAndThree() {
        String yaml = cleanWith(QUOTE, "    legal-basis: contract\n    direct-marketing: true\n    objectable: false\n    roles: [staff]\n    subjects: [lead]");
        assertThat(of("direct-marketing-not-objectable", yaml)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("Art. 21(2)", "Art. 21(3)"));
    }
}
