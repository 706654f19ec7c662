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

    /** The fiscal rule's start to the end of the retention section, where a test declares item dates. */
    private static final String FISCAL_TO_RECIPIENTS = "    start: [contract-ended, complaint-closed]\n  - id: footage\n"
            + "    data: [video-footage]\n    period: P7D\n    holds:\n      - {kind: incident, max: P28D}\nrecipients:";

    private static final String INVOICE_DATE = "item-dates:\n  - id: invoice-date\n"
            + "    name: {nl: de factuurdatum, en: the invoice date}\n    data-categories: [invoice]\n";

    /** The camera recorder as a jdbc system whose one table fits the policy (issue 15). */
    static final String CCTV_JDBC = "    connector: jdbc\n    jdbc:\n      url: {env: CCTV_JDBC_URL}\n"
            + "      user: {env: CCTV_DB_USER}\n      password: {env: CCTV_DB_PASSWORD}\n      tables:\n"
            + "        - table: clips\n          key: [id]\n          subject: {reference: visitor, column: visitor_id}\n"
            + "          subject-categories: [facility-visitor]\n          columns:\n            visitor_id: not-personal\n"
            + "            recorded_at: not-personal\n            frames: video-footage\n"
            + "          collected-at: recorded_at\n          erase: delete\n";

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
                Arguments.of("while-consent-not-consent", "    holds:\n      - {kind: incident, max: P28D}\n",
                        "    holds:\n      - {kind: incident, max: P28D}\n  - id: quote-pool\n    data: [name, email]\n"
                                + "    subjects: [lead]\n    purposes: [quote]\n    period: P2Y\n    while-consent: quote\n",
                        "while-consent: quote"),
                Arguments.of("while-consent-scope", "  - id: security\n§    holds:\n      - {kind: incident, max: P28D}\n",
                        "  - id: pool\n    name: {nl: Training, en: Training}\n    legal-basis: consent\n    roles: [management]\n"
                                + "    subjects: [facility-visitor]\n    data: [video-footage]\n    systems: [cctv]\n"
                                + "  - id: security\n§    holds:\n      - {kind: incident, max: P28D}\n  - id: pool\n    data: [video-footage]\n"
                                + "    purposes: [pool, security]\n    period: P2Y\n    while-consent: pool\n",
                        "purposes: [pool, security]"),
                Arguments.of("item-date-not-carried", FISCAL_TO_RECIPIENTS, FISCAL_TO_RECIPIENTS
                        .replace("    start: [contract-ended, complaint-closed]", "    start: {item-date: invoice-date}")
                        .replace("recipients:", INVOICE_DATE + "recipients:"), "start: {item-date: invoice-date}"),
                Arguments.of("item-date-unused", "recipients:\n  - id: hosting", INVOICE_DATE + "recipients:\n  - id: hosting",
                        "- id: invoice-date"),
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
                Arguments.of("public-task-law-missing", "    legal-basis: contract\n    roles: [staff]\n    subjects: [lead]",
                        "    legal-basis: public-task\n    roles: [staff]\n    subjects: [lead]", "legal-basis: public-task"),
                Arguments.of("consent-power-imbalance", "    name: {nl: Leads, en: Leads}§    legal-basis: contract\n    roles: [staff]\n    subjects: [lead]",
                        "    name: {nl: Leads, en: Leads}\n    relation: applicants§    legal-basis: consent\n    roles: [staff]\n    subjects: [lead]",
                        "legal-basis: consent"),
                Arguments.of("special-category-law-missing", "    data: [video-footage]\n    systems: [cctv]",
                        "    art9-condition: health-care\n    data: [video-footage]\n    systems: [cctv]", "art9-condition: health-care"),
                Arguments.of("provision-requirement-missing", "    provision: {requirement: statutory}\n", "", "legal-basis: legal-obligation"),
                Arguments.of("automated-decision-unexplained", "    legal-basis: contract\n    roles: [staff]\n    subjects: [lead]",
                        "    legal-basis: contract\n    automated-decision: true\n    roles: [staff]\n    subjects: [lead]", "automated-decision: true"),
                Arguments.of("electronic-marketing-opt-in", "    legal-basis: contract\n    roles: [staff]\n    subjects: [lead]",
                        "    legal-basis: legitimate-interest\n    interest: {nl: Verkoop, en: Sales}\n    balancing: {nl: Afgewogen, en: Weighed}\n"
                                + "    direct-marketing: true\n    marketing-channels: [email, post]\n    roles: [staff]\n    subjects: [lead]",
                        "marketing-channels: [email, post]"),
                Arguments.of("tracking-without-consent", "    data: [video-footage]\n    systems: [cctv]",
                        "    cookies: [tracking]\n    data: [video-footage]\n    systems: [cctv]", "cookies: [tracking]"),
                Arguments.of("national-id-statute-missing", "    name: {nl: Camerabeelden, en: Camera footage}",
                        "    name: {nl: Camerabeelden, en: Camera footage}\n    national-id: true", "    data: [video-footage]"),
                Arguments.of("processor-agreement-missing", "    processing-agreement: 2025-03-01\n", "", "    role: processor"),
                Arguments.of("joint-controller-arrangement-missing", "    role: processor", "    role: joint-controller", "role: joint-controller"),
                Arguments.of("recipient-countries-missing", "    countries: [NL]\n", "", "- id: hosting"),
                Arguments.of("adequacy-not-recognised", "    countries: [NL]", "    countries: [BR]\n    safeguard: adequacy", "safeguard: adequacy"),
                Arguments.of("adequacy-not-recognised", "    countries: [NL]", "    countries: [US]\n    safeguard: adequacy", "safeguard: adequacy"),
                Arguments.of("derogation-for-processor", "    countries: [NL]", "    countries: [US]\n    safeguard: derogation", "safeguard: derogation"),
                Arguments.of("transfer-safeguard-missing", "    countries: [NL]", "    countries: [NL, US]", "[NL, US]"),
                Arguments.of("transfer-safeguard-missing", "    connector: manual\ntransfers:", "    connector: manual\n    countries: [US]\ntransfers:", "countries: [US]"),
                Arguments.of("transfer-safeguard-missing", "transfers:", "as-processor:\n  - id: client\n    controller: {name: Klant B.V., contact: privacy@klant.example}\n"
                        + "    processing: {nl: Hosting, en: Hosting}\n    countries: [IN]\ntransfers:", "countries: [IN]"),
                Arguments.of("transfer-assessment-missing", "    countries: [NL]", "    countries: [US]\n    safeguard: scc", "safeguard: scc"),
                Arguments.of("transfer-assessment-missing", "    connector: manual\ntransfers:", "    connector: manual\n    countries: [US]\n    safeguard: bcr\ntransfers:", "safeguard: bcr"),
                Arguments.of("response-time-too-long", "  response-time: P4W", "  response-time: P6W", "response-time"),
                Arguments.of("extension-too-long", "  extension: P2M", "  extension: P3M", "extension"),
                Arguments.of("identity-verification-missing", "  identity-verification: [email-link, in-person-id]\n", "", "response-time"),
                Arguments.of("request-channels-missing", "  channels: [email, post]\n", "", "response-time"),
                // the Netherlands: 16 (art. 5 UAVG); Belgium: 13
                Arguments.of("minor-age-threshold", "transfers:", "minors:\n  age-threshold: 13\ntransfers:", "age-threshold"),
                Arguments.of("minor-age-threshold", "transfers:§    name: {nl: Camerabeelden, en: Camera footage}",
                        "minors:\n  parental-consent: false\ntransfers:§    name: {nl: Camerabeelden, en: Camera footage}\n    children: true", "parental-consent"),
                Arguments.of("request-fee-charged", "  channels: [email, post]", "  channels: [email, post]\n  free-of-charge: false", "free-of-charge"),
                Arguments.of("privacy-shield-invalidated", "  languages: [nl, en]",
                        "  languages: [nl, en]\n  changes: {nl: Wij gebruiken het EU-VS Privacy Shield., en: Updated.}", "Privacy Shield"),
                Arguments.of("cbp-renamed", "  languages: [nl, en]",
                        "  languages: [nl, en]\n  changes: {nl: Klachten gaan naar het CBP., en: Updated.}", "CBP"),
                Arguments.of("controller-country", "  kvk: \"12345678\"", "  kvk: \"1234\"", "kvk:"),
                Arguments.of("controller-country", "  kvk: \"12345678\"", "  registration: {kind: kbo, number: \"0403.170.701\"}",
                        "registration:"),
                Arguments.of("controller-country", "  kvk: \"12345678\"§city: Utrecht}",
                        "  registration: {kind: kbo, number: \"0403.170.702\"}§city: Brussel, country: BE}", "registration:"),
                Arguments.of("controller-country", "  kvk: \"12345678\"\n§city: Utrecht}", "  registration: {kind: handelsregister, number: HRB 12345}\n§city: Berlin, country: DE}", "name: Testopslag B.V."),
                Arguments.of("public-authority-legitimate-interest", "  name: Testopslag B.V.", "  name: Gemeente Test\n  public-authority: true",
                        "legal-basis: legitimate-interest"),
                Arguments.of("outside-public-tasks-misused", "    legal-basis: legitimate-interest", "    legal-basis: legitimate-interest\n    outside-public-tasks: true",
                        "outside-public-tasks: true"),
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
                Arguments.of("system-unreachable", "    connector: manual", "    connector: jdbc", "connector: jdbc"),
                Arguments.of("mapping-category-undeclared", "    connector: manual\n",
                        CCTV_JDBC.replace("frames: video-footage\n", "frames: video-footage\n            visitor_name: name\n"),
                        "visitor_name: name"),
                Arguments.of("mapping-retention-start-missing", "    connector: manual\n",
                        CCTV_JDBC.replace("          collected-at: recorded_at\n", ""), "- table: clips"),
                Arguments.of("mapping-link-invalid", "    connector: manual\n", CCTV_JDBC
                        + "        - table: stills\n          key: [id]\n          parent: {table: clips, columns: [clip_id, clip_part]}\n"
                        + "          columns: {image: video-footage}\n          collected-at: taken_at\n",
                        "parent: {table: clips"),
                Arguments.of("mapping-subject-category-invalid", "    connector: manual\n", CCTV_JDBC.replace(
                        "          columns:\n", "          subject-category: {column: kind, values: {staff: customer}}\n"
                        + "          columns:\n"), "subject-category: {column: kind"),
                Arguments.of("request-records-period-missing", "  request-records: P2Y\n", "", "response-time: P4W"),
                Arguments.of("request-records-period-missing", "  request-records: P2Y", "  request-records: P20Y",
                        "request-records: P20Y"),
                Arguments.of("mapping-erase-order", "    connector: manual\n", CCTV_JDBC
                        + "        - table: stills\n          key: [id]\n          parent: {table: clips, columns: [clip_id]}\n"
                        + "          columns: {image: video-footage}\n          collected-at: taken_at\n"
                        + "          erase: nullify\n", "erase: nullify"),
                Arguments.of("mapping-erase-key-personal", "    connector: manual\n", CCTV_JDBC
                        .replace("visitor_id: not-personal", "visitor_id: video-footage").replace("erase: delete", "erase: nullify"),
                        "visitor_id: video-footage"),
                Arguments.of("unused-source", "lifecycle-events:", "  - id: public\n    name: {nl: Openbaar, en: Public}\nlifecycle-events:",
                        "- id: public"),
                Arguments.of("unused-role", "\nsubject-categories:", "\n  - id: auditor\n    name: {nl: Accountant, en: Auditor}\nsubject-categories:",
                        "- id: auditor"),
                Arguments.of("unused-lifecycle-event", "purposes:\n  - id: quote", "  - id: last-contact\n    name: {nl: Laatste contact, en: Last contact}\npurposes:\n  - id: quote",
                        "- id: last-contact"),
                Arguments.of("transfer-stance-contradicted", "    countries: [NL]", "    countries: [US]\n    safeguard: adequacy", "[US]"),
                Arguments.of("controller-incomplete", "email: privacy@testopslag.example", "email: zie onze website", "zie onze website"),
                Arguments.of("representative-missing", "city: Utrecht}", "city: Zürich, country: CH}", "name: Testopslag B.V."),
                Arguments.of("dpo-missing", "  name: Testopslag B.V.", "  name: Gemeente Test\n  public-authority: true", "name: Gemeente Test"),
                Arguments.of("dpia-missing", "    data: [video-footage]\n    systems: [cctv]",
                        "    systematic-monitoring: true\n    data: [video-footage]\n    systems: [cctv]", "- id: security"),
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
                Arguments.of("purpose-without-data", "    data: [video-footage]\n    systems: [cctv]", "    systems: [cctv]", "- id: security"),
                Arguments.of("retention-text-period-differs", "  - id: leads\n",
                        "  - id: leads\n    description: {nl: Wij bewaren uw gegevens een jaar., en: We keep your data for six months.}\n",
                        "description:"),
                Arguments.of("dpv-term-unknown", "    dpv: pd:EmailAddress", "    dpv: pd:EmailAdress", "pd:EmailAdress"));
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
    void aJdbcMappingThatFitsThePolicyLintsClean() {
        assertThat(lint(cleanWith("    connector: manual\n", CCTV_JDBC))).extracting(Finding::format).isEmpty();
    }

    @Test
    void asLongAsNecessaryNamesTheRequirementAndTheFix() {
        Finding f = lint(cleanWith("    period: P7D", "    period: as long as necessary")).stream()
                .filter(x -> x.rule().equals("retention-not-concrete")).findFirst().orElseThrow();
        assertThat(f.isError()).isTrue();
        assertThat(f.message()).contains("R2.8").contains("ISO-8601");
    }

    /** A consent purpose for visitors' footage (training staff), and the retention rule text that follows the footage rule. */
    private static final String POOL_PURPOSE = "  - id: pool\n    name: {nl: Training, en: Training}\n"
            + "    legal-basis: consent\n    roles: [management]\n    subjects: [facility-visitor]\n    data: [video-footage]\n"
            + "    systems: [cctv]\n  - id: security\n";
    private static final String FOOTAGE_HOLD = "    holds:\n      - {kind: incident, max: P28D}\n";

    private static String withPoolRule(String rule) {
        return cleanWith("  - id: security\n§" + FOOTAGE_HOLD, POOL_PURPOSE + "§" + FOOTAGE_HOLD + rule);
    }

    @Test
    void aRuleThatAppliesWhileConsentStandsLintsCleanWhenScopedToThatPurpose() {
        assertThat(lint(withPoolRule("  - id: pool\n    data: [video-footage]\n    purposes: [pool]\n"
                + "    period: P2Y\n    while-consent: pool\n"))).isEmpty();
    }

    @Test
    void aConsentRuleWithoutPurposesIsReportedAtItsCondition() {
        String yaml = withPoolRule("  - id: pool\n    data: [video-footage]\n    period: P2Y\n"
                + "    while-consent: pool\n");
        Finding f = lint(yaml).stream().filter(x -> x.rule().equals("while-consent-scope")).findFirst().orElseThrow();
        assertThat(f.isError()).isTrue();
        assertThat(f.at().line()).isEqualTo(lineOf(yaml, "while-consent: pool"));
        assertThat(f.message()).contains("purposes: [pool]");
    }

    @Test
    void aConsentRuleNamingAnUndeclaredPurposeSuggestsTheNearest() {
        String yaml = withPoolRule("  - id: pool\n    data: [video-footage]\n    purposes: [pool]\n"
                + "    period: P2Y\n    while-consent: poool\n");
        List<Finding> findings = PolicyLoader.load("policy.yaml", yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .findings();
        assertThat(findings).filteredOn(f -> f.rule().equals("undefined-reference"))
                .singleElement().satisfies(f -> {
                    assertThat(f.at().line()).isEqualTo(lineOf(yaml, "while-consent: poool"));
                    assertThat(f.message()).contains("`pool`");
                });
    }

    @Test
    void dataCoveredOnlyByAConsentRuleHasNoRetentionOnceConsentIsWithdrawn() {
        // the pool purpose also collects invoice data, which only the consent rule covers for it
        String yaml = cleanWith("  - id: security\n§" + FOOTAGE_HOLD, POOL_PURPOSE.replace("data: [video-footage]", "data: [video-footage, invoice]")
                + "§" + FOOTAGE_HOLD + "  - id: pool\n    data: [video-footage, invoice]\n    purposes: [pool]\n"
                + "    period: P2Y\n    while-consent: pool\n");
        assertThat(lint(yaml)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("retention-missing");
            assertThat(f.message()).contains("`invoice` is collected for `pool`", "once consent is withdrawn");
        });
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
    void aZeroPeriodFromCollectionRoundedForwardKeepsDataUntilThatMoment() {
        String untilMonthEnd = cleanWith("    period: P7D", "    period: P0D\n    start: {after: collection, round: end-of-current-month}");
        assertThat(lint(untilMonthEnd)).filteredOn(f -> f.rule().equals("retention-period-invalid")).isEmpty();
        String back = cleanWith("    period: P7D", "    period: P0D\n    start: {after: collection, round: start-of-current-month}");
        assertThat(lint(back)).filteredOn(f -> f.rule().equals("retention-period-invalid")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("keeps nothing"));
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

    @Test
    void aDpvTermDpvSpellsDifferentlyIsAnErrorWithTheTermItMeant() {
        List<Finding> findings = lint(cleanWith("    dpv: pd:EmailAddress", "    dpv: pd:BrowsingBehavior"));
        assertThat(findings).extracting(Finding::rule).containsExactly("dpv-term-unknown");
        assertThat(findings.get(0).message()).contains("`pd:BrowsingBehavior`", DpvTerms.shipped().version(),
                "Did you mean `pd:BrowsingBehaviour`?");
    }

    @Test
    void dpvTermsAreCheckedInEverySpellingTheRegisterAccepts() {
        for (String known : List.of("pd:BrowsingBehaviour", "BrowsingBehaviour", "dpv-pd:BrowsingBehaviour",
                "https://w3id.org/dpv/pd#BrowsingBehaviour", "dpv:PersonalData", "https://w3id.org/dpv#SensitivePersonalData",
                "https://example.org/vocab#OurOwnTerm")) {
            assertThat(lint(cleanWith("    dpv: pd:EmailAddress", "    dpv: \"" + known + "\""))).as(known).isEmpty();
        }
        for (String unknown : List.of("dpv:EmailAddress", "https://w3id.org/dpv/pd#Emial", "Emial", "foaf:mbox")) {
            assertThat(lint(cleanWith("    dpv: pd:EmailAddress", "    dpv: \"" + unknown + "\"")))
                    .as(unknown).extracting(Finding::rule).containsExactly("dpv-term-unknown");
        }
    }

    @Test
    void theShippedDpvListNamesItsVersionAndHoldsTheTermsTheExamplesUse() {
        DpvTerms terms = DpvTerms.shipped();
        assertThat(terms.version()).isEqualTo("2.3");
        assertThat(terms.all()).contains("pd:BrowsingBehaviour", "pd:EmailAddress", "pd:Name", "pd:VoiceCommunicationRecording",
                "dpv:PersonalData").doesNotContain("pd:BrowsingBehavior").hasSizeGreaterThan(200);
    }

    @Test
    void aDescriptionThatSaysThePeriodOrTheHoldMaximumIsNotReported() {
        String footage = "  - id: footage\n    data: [video-footage]\n";
        for (String description : List.of(
                "{nl: Camerabeelden bewaren wij zeven dagen; na een incident tot 28 dagen., en: Footage is kept for 7 days; after an incident up to four weeks.}",
                "{nl: Wij bewaren beelden 7 tot 28 dagen (na een incident)., en: Footage is kept between seven and 28 days.}",
                "{nl: \"Beelden worden maximaal één week bewaard, tenzij art. 52 AWR of een incident vanaf 1 januari anders vraagt.\", en: \"Footage is deleted after 7-28 days, counted from 1 January.\"}")) {
            String yaml = cleanWith(footage, footage + "    description: " + description + "\n");
            assertThat(lint(yaml)).as(description).isEmpty();
        }
    }

    @Test
    void aDescriptionThatNamesAnotherPeriodOrRangeIsReportedNamingBoth() {
        String footage = "  - id: footage\n    data: [video-footage]\n";
        String yaml = cleanWith(footage, footage
                + "    description: {nl: Camerabeelden bewaren wij 14 dagen., en: Footage is kept for between 7 and 30 days.}\n");
        List<Finding> findings = lint(yaml);
        assertThat(findings).extracting(Finding::rule).containsExactly("retention-text-period-differs", "retention-text-period-differs");
        assertThat(findings.get(0).message()).contains("Dutch", "`14 dagen`", "P2W", "`P7D`", "`P28D`");
        assertThat(findings.get(1).message()).contains("English", "`7 and 30 days`", "P7D to P30D");
        assertThat(findings).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    }
}
