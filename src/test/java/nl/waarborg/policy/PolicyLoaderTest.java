package nl.waarborg.policy;

import static nl.waarborg.policy.PolicyFixtures.clean;
import static nl.waarborg.policy.PolicyFixtures.cleanWith;
import static nl.waarborg.policy.PolicyFixtures.lineOf;
import static nl.waarborg.policy.PolicyFixtures.lint;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyLoaderTest {

    @Test
    void cleanPolicyLoadsWithEveryPartBound() {
        PolicyLoader.Result result = PolicyLoader.load("clean.yaml", clean().getBytes(StandardCharsets.UTF_8));
        assertThat(result.findings()).isEmpty();
        Policy p = result.orThrow().policy();
        assertThat(p.controller().name()).isEqualTo("Testopslag B.V.");
        assertThat(p.purpose("security").orElseThrow().basis()).isEqualTo(LegalBasis.LEGITIMATE_INTEREST);
        Policy.RetentionRule fiscal = p.retention().stream().filter(r -> r.id().equals("fiscal")).findFirst().orElseThrow();
        assertThat(fiscal.start()).isEqualTo(new RetentionStart.AfterEvents(List.of("contract-ended", "complaint-closed")));
        assertThat(fiscal.period().value()).isEqualTo(java.time.Period.ofYears(7));
        Policy.RetentionRule footage = p.retention().stream().filter(r -> r.id().equals("footage")).findFirst().orElseThrow();
        assertThat(footage.holds()).containsExactly(new Policy.Hold(HoldKind.INCIDENT, RetentionPeriod.parse("P28D")));
        assertThat(p.rights().responseTime().value()).isEqualTo(java.time.Period.ofWeeks(4));
        assertThat(p.controller().authority().name()).isEqualTo("Autoriteit Persoonsgegevens");
        assertThat(result.orThrow().contentHash()).hasSize(64);
    }

    @Test
    void archiveUsesAndTheAnonymisedRemainderChoiceAreBound() {
        Policy plain = PolicyLoader.load("clean.yaml", clean().getBytes(StandardCharsets.UTF_8)).orThrow().policy();
        assertThat(plain.purpose("quote").orElseThrow().archive()).isEmpty();
        assertThat(plain.purpose("quote").orElseThrow().archiveOnly()).isFalse();
        assertThat(plain.rights().refuseAnonymisedRemainder()).isFalse();

        String yaml = cleanWith("    legal-basis: contract\n    roles: [staff]\n    subjects: [lead]",
                "    legal-basis: contract\n    archive: [legal-claims, statistics, legal-claims]\n    roles: [staff]\n    subjects: [lead]")
                .replace("    legal-basis: legitimate-interest\n", "    legal-basis: legitimate-interest\n    archive: historical\n")
                .replace("  channels: [email, post]", "  channels: [email, post]\n  refuse-anonymised-remainder: true");
        PolicyLoader.Result result = PolicyLoader.load("archive.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertThat(result.findings()).isEmpty();
        Policy p = result.orThrow().policy();
        assertThat(p.purpose("quote").orElseThrow().archive()).containsExactly(ArchiveUse.LEGAL_CLAIMS, ArchiveUse.STATISTICS);
        assertThat(p.purpose("security").orElseThrow().archive()).containsExactly(ArchiveUse.HISTORICAL);
        assertThat(p.purpose("security").orElseThrow().archiveOnly()).isTrue();
        assertThat(p.rights().refuseAnonymisedRemainder()).isTrue();
        assertThat(result.orThrow().sourceMap().positions()).containsKeys("purposes.quote.archive", "rights.refuse-anonymised-remainder");
    }

    private static final String FISCAL_START = "    start: [contract-ended, complaint-closed]";
    private static final String INVOICE_DATE = "item-dates:\n  - id: invoice-date\n"
            + "    name: {nl: de factuurdatum, en: the invoice date}\n    data-categories: [invoice]\nrecipients:";

    @Test
    void aStartRoundedToTheCalendarAndAStartAtAnItemDateAreBound() {
        String yaml = cleanWith(FISCAL_START, "    start: {after: [contract-ended, complaint-closed], round: start-of-next-year}")
                .replace("    period: P7D\n    holds:", "    period: P7D\n    start: {after: collection, round: end-of-current-month}\n    holds:")
                .replace("\nrecipients:", "\n" + INVOICE_DATE);
        PolicyLoader.Result result = PolicyLoader.load("rounded.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertThat(result.findings()).isEmpty();
        Policy p = result.orThrow().policy();
        Policy.RetentionRule fiscal = p.retention().stream().filter(r -> r.id().equals("fiscal")).findFirst().orElseThrow();
        assertThat(fiscal.start()).isEqualTo(new RetentionStart.AfterEvents(List.of("contract-ended", "complaint-closed")));
        assertThat(fiscal.round()).isEqualTo(CalendarRounding.START_OF_NEXT_YEAR);
        Policy.RetentionRule footage = p.retention().stream().filter(r -> r.id().equals("footage")).findFirst().orElseThrow();
        assertThat(footage.start()).isEqualTo(RetentionStart.COLLECTION);
        assertThat(footage.round()).isEqualTo(CalendarRounding.END_OF_CURRENT_MONTH);
        assertThat(p.itemDate("invoice-date").orElseThrow().data()).containsExactly("invoice");
        assertThat(p.retention().stream().filter(r -> r.id().equals("leads")).findFirst().orElseThrow().round()).isNull();

        String atItem = cleanWith(FISCAL_START, "    start: {item-date: invoice-date}").replace("    data: [name, invoice]\n",
                "    data: [invoice]\n").replace("\nrecipients:", "\n" + INVOICE_DATE);
        Policy q = PolicyLoader.load("item.yaml", atItem.getBytes(StandardCharsets.UTF_8)).orThrow().policy();
        assertThat(q.retention().stream().filter(r -> r.id().equals("fiscal")).findFirst().orElseThrow().start())
                .isEqualTo(new RetentionStart.AtItemDate("invoice-date"));
    }

    @Test
    void anUnknownRoundingWordListsTheValidOnesAndSuggestsTheNearest() {
        String yaml = cleanWith(FISCAL_START, "    start: {after: contract-ended, round: start-of-next-yaer}");
        Finding f = lint(yaml).stream().filter(x -> x.rule().equals("unknown-value")).findFirst().orElseThrow();
        assertThat(f.message()).contains("`start-of-next-yaer` is not a valid `round`")
                .contains("end-of-current-quarter").contains("Did you mean `start-of-next-year`?");
        assertThat(f.at().line()).isEqualTo(lineOf(yaml, "round: start-of-next-yaer"));
        assertThat(f.at().column()).isEqualTo(lineText(yaml, "round: start-of-next-yaer").indexOf("start-of-next-yaer") + 1);
    }

    @Test
    void aStartMappingNamesOneStartAndOnlyKnownKeys() {
        String both = cleanWith(FISCAL_START, "    start: {after: contract-ended, item-date: invoice-date}")
                .replace("\nrecipients:", "\n" + INVOICE_DATE);
        assertThat(lint(both)).filteredOn(f -> f.rule().equals("wrong-type")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("either `after:`").contains("not both"));
        String none = cleanWith(FISCAL_START, "    start: {round: start-of-next-year}");
        assertThat(lint(none)).filteredOn(f -> f.rule().equals("missing-key")).singleElement()
                .satisfies(f -> assertThat(f.at().line()).isEqualTo(lineOf(none, "start: {round")));
        String typo = cleanWith(FISCAL_START, "    start: {item-dat: invoice-date}").replace("\nrecipients:", "\n" + INVOICE_DATE);
        assertThat(lint(typo)).filteredOn(f -> f.rule().equals("unknown-key")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("Did you mean `item-date`?"));
        String undeclared = cleanWith(FISCAL_START, "    start: {item-date: invoice-dat}").replace("\nrecipients:", "\n" + INVOICE_DATE);
        assertThat(lint(undeclared)).filteredOn(f -> f.rule().equals("undefined-reference")).singleElement()
                .satisfies(f -> {
                    assertThat(f.message()).contains("`invoice-dat` is not declared in `item-dates`").contains("invoice-date");
                    assertThat(f.at().line()).isEqualTo(lineOf(undeclared, "item-date: invoice-dat}"));
                });
        String noCategories = clean().replace("\nrecipients:", "\nitem-dates:\n  - id: invoice-date\n"
                + "    name: {nl: de factuurdatum, en: the invoice date}\nrecipients:");
        assertThat(lint(noCategories)).filteredOn(f -> f.rule().equals("missing-key")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("data-categories"));
    }

    private static String lineText(String yaml, String text) {
        return yaml.lines().filter(l -> l.contains(text)).findFirst().orElseThrow();
    }

    @Test
    void aRuleBoundToConsentNamesItsPurpose() throws java.io.IOException {
        Policy plain = PolicyLoader.load("clean.yaml", clean().getBytes(StandardCharsets.UTF_8)).orThrow().policy();
        assertThat(plain.retention()).noneMatch(Policy.RetentionRule::consentBound);

        PolicyLoader.Result result = PolicyLoader.load(java.nio.file.Path.of("examples/self-storage.yaml"));
        Policy.RetentionRule pool = result.orThrow().policy().retention().stream()
                .filter(r -> r.id().equals("talent-pool")).findFirst().orElseThrow();
        assertThat(pool.whileConsent()).isEqualTo("talent-pool");
        assertThat(pool.consentBound()).isTrue();
        assertThat(result.orThrow().sourceMap().positions()).containsKey("retention.talent-pool.while-consent");
    }

    @Test
    void aConsentConditionIsOnePurposeNotAList() {
        String yaml = cleanWith("    period: P7D\n", "    period: P7D\n    while-consent: [quote, rental]\n");
        Finding f = lint(yaml).stream().filter(x -> x.rule().equals("wrong-type")).findFirst().orElseThrow();
        assertThat(f.message()).contains("`while-consent` must be a single value");
        assertThat(f.at().line()).isEqualTo(lineOf(yaml, "while-consent: [quote, rental]"));
    }

    @Test
    void declaredHoldKindsAreBoundAndSayWhoMayPlaceThem() {
        Policy plain = PolicyLoader.load("clean.yaml", clean().getBytes(StandardCharsets.UTF_8)).orThrow().policy();
        assertThat(plain.holdKinds()).isEmpty();
        assertThat(plain.applicationsMayHold(HoldKind.INCIDENT)).as("no declaration: incident, as before").isTrue();
        assertThat(plain.applicationsMayHold(HoldKind.COMPLAINT)).isFalse();

        String yaml = clean().replace("retention:\n", "holds:\n"
                + "  - {kind: incident, max: P28D, applications: true, name: {nl: Incident, en: Incident}}\n"
                + "  - {kind: complaint, max: P1Y}\nretention:\n")
                .replace("      - {kind: incident, max: P28D}", "      - {kind: incident}\n      - {kind: complaint}");
        PolicyLoader.Result result = PolicyLoader.load("holds.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertThat(result.findings()).isEmpty();
        Policy p = result.orThrow().policy();
        assertThat(p.holdKinds()).extracting(Policy.HoldDeclaration::kind).containsExactly(HoldKind.INCIDENT, HoldKind.COMPLAINT);
        assertThat(p.applicationsMayHold(HoldKind.INCIDENT)).isTrue();
        assertThat(p.applicationsMayHold(HoldKind.COMPLAINT)).as("not declared for applications").isFalse();
        assertThat(p.applicationsMayHold(HoldKind.LEGAL_CLAIM)).as("not declared at all").isFalse();
        Policy.RetentionRule footage = p.retention().stream().filter(r -> r.id().equals("footage")).findFirst().orElseThrow();
        assertThat(footage.holds()).as("a rule's hold without max takes the declared maximum").containsExactly(
                new Policy.Hold(HoldKind.INCIDENT, RetentionPeriod.parse("P28D")),
                new Policy.Hold(HoldKind.COMPLAINT, RetentionPeriod.parse("P1Y")));
        assertThat(lint(yaml)).isEmpty();
    }

    @Test
    void aDeclaredHoldKindNeedsAMaximumAndIsDeclaredOnce() {
        String noMax = clean().replace("retention:\n", "holds:\n  - {kind: incident, applications: true}\nretention:\n");
        Finding missing = lint(noMax).stream().filter(x -> x.rule().equals("missing-key")).findFirst().orElseThrow();
        assertThat(missing.message()).contains("holds.0.max");
        assertThat(missing.at().line()).isEqualTo(lineOf(noMax, "applications: true"));

        String twice = clean().replace("retention:\n",
                "holds:\n  - {kind: incident, max: P28D}\n  - {kind: incident, max: P7D}\nretention:\n");
        Finding duplicate = lint(twice).stream().filter(x -> x.rule().equals("duplicate-id")).findFirst().orElseThrow();
        assertThat(duplicate.message()).contains("incident");
        assertThat(duplicate.at().line()).isEqualTo(lineOf(twice, "max: P7D"));
    }

    @Test
    void unknownArchiveUseListsTheValidOnes() {
        String yaml = cleanWith("    legal-basis: contract\n    roles: [staff]\n    subjects: [lead]",
                "    legal-basis: contract\n    archive: [historic]\n    roles: [staff]\n    subjects: [lead]");
        Finding f = lint(yaml).stream().filter(x -> x.rule().equals("unknown-value")).findFirst().orElseThrow();
        assertThat(f.message()).contains("use one of legal-claims, statistics, historical").contains("Did you mean `historical`?");
        assertThat(f.at().line()).isEqualTo(lineOf(yaml, "archive: [historic]"));
    }

    @Test
    void syntaxErrorIsReportedAtItsLineWithoutAPolicy() {
        String yaml = cleanWith("  version: \"2026.1\"", "  version: [\"2026.1\"");
        List<Finding> findings = lint(yaml);
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).rule()).isEqualTo("yaml-syntax");
        assertThat(findings.get(0).at().line()).isBetween(lineOf(yaml, "version: [") , lineOf(yaml, "effective:") + 1);
    }

    @Test
    void unknownKeySuggestsTheNearestKnownOne() {
        String yaml = cleanWith("    legal-basis: contract\n    roles: [staff]\n    subjects: [lead]",
                "    legal-basis: contract\n    roles: [staff]\n    subjetcs: [lead]");
        List<Finding> findings = lint(yaml);
        assertThat(findings).extracting(Finding::rule).contains("unknown-key");
        Finding f = findings.stream().filter(x -> x.rule().equals("unknown-key")).findFirst().orElseThrow();
        assertThat(f.at().line()).isEqualTo(lineOf(yaml, "subjetcs:"));
        assertThat(f.at().column()).isEqualTo(5);
        assertThat(f.message()).contains("Did you mean `subjects`?");
    }

    @Test
    void undefinedReferenceNamesTheDeclaredIdItProbablyMeant() {
        String yaml = cleanWith("    data: [video-footage]\n    systems: [cctv]", "    data: [video-footag]\n    systems: [cctv]");
        List<Finding> findings = lint(yaml);
        Finding f = findings.stream().filter(x -> x.rule().equals("undefined-reference")).findFirst().orElseThrow();
        assertThat(f.format()).isEqualTo("policy.yaml:" + lineOf(yaml, "[video-footag]") + ":12: error undefined-reference: "
                + "`video-footag` is not declared in `data-categories`. Did you mean `video-footage`?");
    }

    @Test
    void compatibleWithEventsAndJoinsNameDeclaredIds() {
        String yaml = cleanWith("    compatible-with: [rental]", "    compatible-with: [rentl]");
        Finding f = lint(yaml).stream().filter(x -> x.rule().equals("undefined-reference")).findFirst().orElseThrow();
        assertThat(f.format()).isEqualTo("policy.yaml:" + lineOf(yaml, "[rentl]") + ":23: error undefined-reference: "
                + "`rentl` is not declared in `purposes`. Did you mean `rental`?");
        String events = cleanWith("    records-events: [contract-ended, complaint-closed]\n    data: [name, email]",
                "    records-events: [contract-end]\n    data: [name, email]");
        assertThat(lint(events)).anySatisfy(x -> assertThat(x.message()).contains("`contract-end` is not declared in `lifecycle-events`"));
        String joins = cleanWith("    joins-subject-categories: [lead]", "    joins-subject-categories: [leads]");
        assertThat(lint(joins)).anySatisfy(x -> assertThat(x.message()).contains("`leads` is not declared in `subject-categories`"));
    }

    @Test
    void theBackDatingLimitIsAPeriodOfZeroOrMore() {
        String ok = clean() + "recording:\n  back-dating-limit: P0D\n";
        assertThat(lint(ok)).isEmpty();
        assertThat(PolicyLoader.load("policy.yaml", ok.getBytes(java.nio.charset.StandardCharsets.UTF_8)).loaded().policy()
                .recording().backDatingLimit().value()).isEqualTo(java.time.Period.ZERO);
        for (String bad : List.of("P-1D", "zo kort mogelijk")) {
            String yaml = clean() + "recording:\n  back-dating-limit: " + bad + "\n";
            Finding f = lint(yaml).stream().filter(Finding::isError).findFirst().orElseThrow();
            assertThat(f.at().line()).isEqualTo(lineOf(yaml, "back-dating-limit"));
            assertThat(f.message()).contains("back-dating-limit").contains("P7D");
        }
        assertThat(PolicyLoader.load("policy.yaml", clean().getBytes(java.nio.charset.StandardCharsets.UTF_8)).loaded().policy()
                .recording()).isEqualTo(nl.waarborg.policy.Policy.Recording.DEFAULT);
    }

    @Test
    void theItemDateAheadLimitIsAPeriodOfZeroOrMoreAYearByDefault() {
        String ok = clean() + "recording:\n  item-date-ahead-limit: P10Y\n";
        assertThat(lint(ok)).isEmpty();
        nl.waarborg.policy.Policy.Recording r = PolicyLoader.load("policy.yaml", ok.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .loaded().policy().recording();
        assertThat(r.itemDateAheadLimit().value()).isEqualTo(java.time.Period.ofYears(10));
        assertThat(r.backDatingLimit()).isEqualTo(nl.waarborg.policy.Policy.Recording.DEFAULT.backDatingLimit());
        assertThat(nl.waarborg.policy.Policy.Recording.DEFAULT.itemDateAheadLimit().value()).isEqualTo(java.time.Period.ofYears(1));
        String yaml = clean() + "recording:\n  item-date-ahead-limit: P-1Y\n";
        Finding f = lint(yaml).stream().filter(Finding::isError).findFirst().orElseThrow();
        assertThat(f.at().line()).isEqualTo(lineOf(yaml, "item-date-ahead-limit"));
        assertThat(f.message()).contains("item-date-ahead-limit").contains("P1Y");
    }

    @Test
    void wrongTypeSaysWhatWasExpected() {
        String yaml = cleanWith("  response-time: P4W", "  response-time: [P4W]");
        Finding f = lint(yaml).stream().filter(x -> x.rule().equals("wrong-type")).findFirst().orElseThrow();
        assertThat(f.message()).contains("must be a single value, not a list");
        assertThat(f.at().line()).isEqualTo(lineOf(yaml, "response-time:"));
    }

    @Test
    void aWholeNumberTooLargeForAnyCountIsAFindingNotAnException() {
        // found by the fuzzer in CI: the YAML type was integer, Integer.parseInt overflowed
        String yaml = clean().replaceFirst("waarborg: 1", "waarborg: 16666666666666666666666666");
        Finding f = lint(yaml).stream().filter(x -> x.rule().equals("wrong-type")).findFirst().orElseThrow();
        assertThat(f.message()).contains("`waarborg` must be a whole number below");
        assertThat(f.at().line()).isEqualTo(lineOf(yaml, "waarborg:"));
    }

    @Test
    void textWithoutLanguagesShowsHowToWriteIt() {
        String yaml = cleanWith("    name: {nl: Offerte, en: Quote}", "    name: Offerte");
        Finding f = lint(yaml).stream().filter(x -> x.rule().equals("wrong-type")).findFirst().orElseThrow();
        assertThat(f.message()).contains("{nl: \"Offerte\", en: \"...\"}");
    }

    @Test
    void unknownWordListsTheValidOnes() {
        String yaml = cleanWith("    legal-basis: legitimate-interest", "    legal-basis: legitimate-intrest");
        Finding f = lint(yaml).stream().filter(x -> x.rule().equals("unknown-value")).findFirst().orElseThrow();
        assertThat(f.message()).contains("use one of consent, contract").contains("Did you mean `legitimate-interest`?");
    }

    @Test
    void duplicateIdIsAnErrorAtTheSecondDeclaration() {
        String yaml = cleanWith("  - id: customer\n    name: {nl: Klanten, en: Customers}",
                "  - id: customer\n    name: {nl: Klanten, en: Customers}\n  - id: lead\n    name: {nl: Leads, en: Leads}");
        List<Finding> findings = lint(yaml);
        assertThat(findings).extracting(Finding::rule).containsExactly("duplicate-id");
        assertThat(findings.get(0).message()).contains("first at line " + lineOf(yaml, "- id: lead"));
    }

    @Test
    void duplicateKeyIsAnError() {
        String yaml = cleanWith("  kvk: \"12345678\"", "  kvk: \"12345678\"\n  kvk: \"87654321\"");
        assertThat(lint(yaml)).extracting(Finding::rule).containsExactly("duplicate-key");
    }

    @Test
    void missingRequiredSectionIsNamed() {
        String yaml = clean().replaceAll("(?s)\nrights:.*", "\n");
        List<Finding> findings = lint(yaml);
        assertThat(findings).extracting(Finding::rule).containsExactly("missing-key");
        assertThat(findings.get(0).message()).contains("`rights` is required");
    }

    @Test
    void emptyFileIsReported() {
        assertThat(lint("")).extracting(Finding::rule).containsExactly("yaml-syntax");
    }

    @Test
    void contentHashChangesWithTheText() {
        String a = PolicyLoader.load("a", clean().getBytes(StandardCharsets.UTF_8)).orThrow().contentHash();
        String b = PolicyLoader.load("b", (clean() + "\n# changed\n").getBytes(StandardCharsets.UTF_8)).orThrow().contentHash();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void countryMustBeAnIsoCode() {
        String yaml = cleanWith("    countries: [NL]", "    countries: [Nederland]");
        Finding f = lint(yaml).stream().filter(x -> x.rule().equals("unknown-value")).findFirst().orElseThrow();
        assertThat(f.message()).contains("ISO 3166-1");
        assertThat(f.at().line()).isEqualTo(lineOf(yaml, "[Nederland]"));
    }

    @Test
    void requiredTextMayNotBeEmpty() {
        String yaml = cleanWith("    name: {nl: Offerte, en: Quote}", "    name: {}");
        assertThat(lint(yaml)).extracting(Finding::rule).containsExactly("missing-key");
    }
}
