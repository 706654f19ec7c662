package nl.waarborg.policy;

import static nl.waarborg.policy.PolicyFixtures.clean;
import static nl.waarborg.policy.PolicyFixtures.cleanWith;
import static nl.waarborg.policy.PolicyFixtures.lineOf;
import static nl.waarborg.policy.PolicyFixtures.lint;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nl.waarborg.policy.lint.LintRule;
import nl.waarborg.policy.lint.LintRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each compliance rule fires on exactly the change that breaks it, at the line that holds the problem. */
class PolicyLintTest {

    @Test
    void cleanPolicyHasNoFindings() {
        assertThat(lint(clean())).isEmpty();
    }

    /** rule id, text to replace, replacement, text of the line the finding must point at. */
    static Stream<Arguments> violations() {
        return Stream.of(
                Arguments.of("retention-missing", "  - id: footage\n    data: [video-footage]",
                        "  - id: footage\n    data: [name]", "data: [video-footage]"),
                Arguments.of("retention-missing", "    purposes: [rental, quote]", "    purposes: [rental]",
                        "    data: [name, email]"),
                Arguments.of("retention-not-concrete", "    period: P7D", "    period: zolang als nodig", "zolang als nodig"),
                Arguments.of("retention-period-invalid", "    period: P7D", "    period: P7X", "P7X"),
                Arguments.of("retention-period-invalid", "{kind: incident, max: P28D}", "{kind: incident, max: P-1D}", "kind: incident"),
                Arguments.of("retention-period-invalid", "    period: P7D", "    period: P0D", "P0D"),
                Arguments.of("retention-hold-shorter", "{kind: incident, max: P28D}", "{kind: incident, max: P5D}", "kind: incident"),
                Arguments.of("hold-kind-max-invalid", "retention:\n  - id: leads",
                        "holds:\n  - {kind: incident, max: P-1D}\nretention:\n  - id: leads", "max: P-1D"),
                Arguments.of("hold-kind-undeclared", "retention:\n  - id: leads",
                        "holds:\n  - {kind: legal-claim, max: P1Y}\nretention:\n  - id: leads", "{kind: incident, max: P28D}"),
                Arguments.of("hold-beyond-declared-max", "retention:\n  - id: leads",
                        "holds:\n  - {kind: incident, max: P14D}\nretention:\n  - id: leads", "{kind: incident, max: P28D}"),
                Arguments.of("hold-kind-unused", "retention:\n  - id: leads",
                        "holds:\n  - {kind: incident, max: P28D}\n  - {kind: complaint, max: P1Y}\nretention:\n  - id: leads",
                        "kind: complaint"),
                Arguments.of("retention-rule-unused", "    period: P6M", "    period: P6M\n    purposes: [security]", "- id: leads"),
                Arguments.of("anonymised-remainder-choice-missing", "    period: P7D", "    period: P7D\n    end: anonymise", "response-time"),
                Arguments.of("legal-basis-missing", "    legal-basis: contract\n    roles: [staff]\n    subjects: [lead]",
                        "    roles: [staff]\n    subjects: [lead]", "- id: quote"),
                Arguments.of("legitimate-interest-unstated", "    interest: {nl: Veiligheid van panden en goederen, en: Safety of premises and goods}\n", "",
                        "legitimate-interest"),
                Arguments.of("legitimate-interest-unweighed", "    balancing: {nl: \"Alleen bij beweging, bordjes bij de ingang\", en: \"Motion-triggered only, signs at the entrance\"}\n", "",
                        "legitimate-interest"),
                Arguments.of("legal-obligation-law-missing", "    law: {nl: Art. 52 Algemene wet inzake rijksbelastingen, en: Section 52 General Tax Act}\n", "",
                        "legal-obligation"),
                Arguments.of("consent-not-withdrawable", "    legal-basis: contract\n    roles: [staff]\n    subjects: [lead]",
                        "    legal-basis: consent\n    withdrawable: false\n    roles: [staff]\n    subjects: [lead]", "withdrawable: false"),
                Arguments.of("direct-marketing-not-objectable", "    legal-basis: contract\n    roles: [staff]\n    subjects: [lead]",
                        "    legal-basis: contract\n    direct-marketing: true\n    objectable: false\n    roles: [staff]\n    subjects: [lead]",
                        "objectable: false"),
                Arguments.of("special-category-condition-missing", "    name: {nl: Camerabeelden, en: Camera footage}",
                        "    name: {nl: Camerabeelden, en: Camera footage}\n    special: true", "    data: [video-footage]"),
                Arguments.of("criminal-data-law-missing", "    name: {nl: Camerabeelden, en: Camera footage}",
                        "    name: {nl: Camerabeelden, en: Camera footage}\n    criminal: true", "    data: [video-footage]"),
                Arguments.of("national-id-statute-missing", "    name: {nl: Camerabeelden, en: Camera footage}",
                        "    name: {nl: Camerabeelden, en: Camera footage}\n    national-id: true", "    data: [video-footage]"),
                Arguments.of("processor-agreement-missing", "    processing-agreement: 2025-03-01\n", "", "    role: processor"),
                Arguments.of("transfer-safeguard-missing", "    countries: [NL]", "    countries: [NL, US]", "[NL, US]"),
                Arguments.of("transfer-assessment-missing", "    countries: [NL]", "    countries: [US]\n    safeguard: scc", "safeguard: scc"),
                Arguments.of("response-time-too-long", "  response-time: P4W", "  response-time: P6W", "response-time"),
                Arguments.of("extension-too-long", "  extension: P2M", "  extension: P3M", "extension"),
                Arguments.of("identity-verification-missing", "  identity-verification: [email-link, in-person-id]\n", "", "response-time"),
                Arguments.of("request-channels-missing", "  channels: [email, post]\n", "", "response-time"),
                Arguments.of("minor-age-threshold", "transfers:", "minors:\n  age-threshold: 13\ntransfers:", "age-threshold"),
                Arguments.of("minors-undeclared", "    name: {nl: Camerabeelden, en: Camera footage}",
                        "    name: {nl: Camerabeelden, en: Camera footage}\n    children: true", "- id: name"),
                Arguments.of("repealed-law", "  languages: [nl, en]", "  languages: [nl, en]\n  changes: {nl: Aangepast aan de Wbp., en: Updated.}", "Wbp"),
                Arguments.of("unused-data-category", "  - id: invoice", "  - id: spare\n    name: {nl: Reserve, en: Spare}\n  - id: invoice",
                        "- id: spare"),
                Arguments.of("unused-subject-category", "  - id: facility-visitor",
                        "  - id: applicant\n    name: {nl: Sollicitanten, en: Applicants}\n  - id: facility-visitor", "- id: applicant"),
                Arguments.of("unused-recipient", "systems:\n", "  - id: lawyers\n    name: {nl: Advocaten, en: Lawyers}\n    role: controller\nsystems:\n",
                        "- id: lawyers"),
                Arguments.of("unused-system", "transfers:", "  - id: crm\n    name: {nl: CRM, en: CRM}\n    owner: Sales\n    connector: jdbc\ntransfers:",
                        "- id: crm"),
                Arguments.of("unused-source", "lifecycle-events:", "  - id: public\n    name: {nl: Openbaar, en: Public}\nlifecycle-events:",
                        "- id: public"),
                Arguments.of("unused-role", "\nsubject-categories:", "\n  - id: auditor\n    name: {nl: Accountant, en: Auditor}\nsubject-categories:",
                        "- id: auditor"),
                Arguments.of("unused-lifecycle-event", "purposes:\n  - id: quote", "  - id: last-contact\n    name: {nl: Laatste contact, en: Last contact}\npurposes:\n  - id: quote",
                        "- id: last-contact"),
                Arguments.of("transfer-stance-contradicted", "    countries: [NL]", "    countries: [US]\n    safeguard: adequacy", "[US]"),
                Arguments.of("controller-incomplete", "  kvk: \"12345678\"", "  kvk: \"1234\"", "kvk:"),
                Arguments.of("translation-missing", "    name: {nl: Offerte, en: Quote}", "    name: {nl: Offerte}", "{nl: Offerte}"),
                Arguments.of("archive-purpose-misused", "    legal-basis: contract\n    roles: [staff]\n    subjects: [lead]",
                        "    legal-basis: contract\n    archive: [statistics]\n    profiling: true\n    roles: [staff]\n    subjects: [lead]",
                        "archive: [statistics]"),
                Arguments.of("compatible-with-consent", "  - id: security\n",
                        "  - id: newsletter\n    name: {nl: Nieuwsbrief, en: Newsletter}\n    legal-basis: consent\n    roles: [staff]\n"
                                + "    subjects: [lead]\n    data: [email]\n    sources: [subject]\n    systems: [vault]\n"
                                + "  - id: security\n    compatible-with: [newsletter]\n", "compatible-with: [newsletter]"),
                Arguments.of("compatible-with-special-category",
                        "    name: {nl: Camerabeelden, en: Camera footage}§  - id: quote\n",
                        "    name: {nl: Camerabeelden, en: Camera footage}\n    special: true§  - id: quote\n    compatible-with: [security]\n",
                        "compatible-with: [security]"),
                Arguments.of("joins-outside-purpose", "    joins-subject-categories: [lead]", "    joins-subject-categories: [lead, customer]",
                        "joins-subject-categories: [lead, customer]"),
                Arguments.of("purpose-without-data", "    data: [video-footage]\n    systems: [cctv]", "    systems: [cctv]", "- id: security"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("violations")
    void ruleReportsItsViolationAtTheOffendingLine(String rule, String from, String to, String lineText) {
        String yaml = cleanWith(from, to);
        List<Finding> findings = lint(yaml);
        assertThat(findings).filteredOn(f -> f.rule().equals(rule))
                .as("findings: %s", findings.stream().map(Finding::format).toList())
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.at().line()).isEqualTo(lineOf(yaml, lineText)));
    }

    @Test
    void everyComplianceRuleIsExercisedByATest() {
        List<String> tested = violations().map(a -> (String) a.get()[0]).distinct().toList();
        assertThat(LintRules.ALL).extracting(LintRule::id).allSatisfy(id -> assertThat(tested).contains(id));
    }

    @Test
    void everyRuleIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("docs/lint-rules.md"));
        Stream.concat(LintRules.ALL.stream().map(LintRule::id), LintRules.LOADING.stream())
                .forEach(id -> assertThat(doc).as("docs/lint-rules.md mentions %s", id).contains("`" + id + "`"));
    }

    @Test
    void asLongAsNecessaryNamesTheRequirementAndTheFix() {
        Finding f = lint(cleanWith("    period: P7D", "    period: as long as necessary")).stream()
                .filter(x -> x.rule().equals("retention-not-concrete")).findFirst().orElseThrow();
        assertThat(f.isError()).isTrue();
        assertThat(f.message()).contains("R2.8").contains("ISO-8601");
    }

    @Test
    void aZeroPeriodFromALifecycleEventKeepsDataWhileTheContractRuns() {
        String yaml = cleanWith("    period: P1Y\n    start: contract-ended", "    period: P0D\n    start: contract-ended");
        assertThat(lint(yaml)).isEmpty();
        Finding fromCollection = lint(cleanWith("    period: P7D", "    period: P0D")).stream()
                .filter(x -> x.rule().equals("retention-period-invalid")).findFirst().orElseThrow();
        assertThat(fromCollection.message()).contains("keeps nothing").contains("start: contract-ended");
    }

    @Test
    void consentAloneIsNotEnoughForANationalId() {
        String yaml = cleanWith("    name: {nl: Camerabeelden, en: Camera footage}",
                "    name: {nl: Camerabeelden, en: Camera footage}\n    national-id: true")
                .replace("    legal-basis: legitimate-interest", "    legal-basis: consent");
        assertThat(lint(yaml)).filteredOn(f -> f.rule().equals("national-id-statute-missing"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("consent is not enough"));
    }

    @Test
    void anArchivePurposeThatIsOnlyAnArchiveIsFine() {
        String yaml = cleanWith("    legal-basis: contract\n    roles: [staff]\n    subjects: [lead]",
                "    legal-basis: contract\n    archive: [legal-claims, historical]\n    roles: [staff]\n    subjects: [lead]");
        assertThat(lint(yaml)).isEmpty();

        String marketing = yaml.replace("    archive: [legal-claims, historical]\n",
                "    archive: [legal-claims, historical]\n    direct-marketing: true\n    automated-decision: true\n");
        assertThat(lint(marketing)).filteredOn(f -> f.rule().equals("archive-purpose-misused")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("legal-claims, historical only", "direct-marketing, automated-decision", "R2.7"));
    }

    @Test
    void offeringTheAnonymisedRemainderChoiceSilencesTheWarning() {
        String anonymising = cleanWith("    period: P7D", "    period: P7D\n    end: anonymise");
        assertThat(lint(anonymising.replace("  channels: [email, post]", "  channels: [email, post]\n  refuse-anonymised-remainder: true")))
                .isEmpty();

        // written as false, the warning points at the key itself, where the fix goes
        String refused = anonymising.replace("  channels: [email, post]", "  channels: [email, post]\n  refuse-anonymised-remainder: false");
        assertThat(lint(refused)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("anonymised-remainder-choice-missing");
            assertThat(f.isError()).isFalse();
            assertThat(f.at().line()).isEqualTo(lineOf(refused, "refuse-anonymised-remainder"));
            assertThat(f.message()).contains("`footage`", "R2.6", "refuse-anonymised-remainder: true");
        });

        // offered while nothing is anonymised: no reason to warn either
        assertThat(lint(cleanWith("  channels: [email, post]", "  channels: [email, post]\n  refuse-anonymised-remainder: true")))
                .isEmpty();
    }

    @Test
    void wbpInACommentIsNotReported() {
        String yaml = cleanWith("waarborg: 1", "waarborg: 1 # replaces our old Wbp statement");
        assertThat(lint(yaml)).isEmpty();
    }

    @Test
    void findingsAreSortedByPosition() {
        String yaml = cleanWith("  extension: P2M", "  extension: P3M").replace("    period: P7D", "    period: P7X");
        List<Finding> findings = lint(yaml);
        assertThat(findings).extracting(f -> f.at().line()).isSorted();
    }
}
