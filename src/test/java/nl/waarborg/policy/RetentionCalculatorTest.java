package nl.waarborg.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.waarborg.policy.RetentionCalculator.Item;
import nl.waarborg.policy.RetentionCalculator.Subject;
import org.junit.jupiter.api.Test;

/** The retention semantics of docs/policy-format.md, on the clean test policy. */
class RetentionCalculatorTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private final Policy policy = PolicyLoader.load("clean.yaml", PolicyFixtures.clean().getBytes(StandardCharsets.UTF_8))
            .orThrow().policy();
    private final RetentionCalculator calculator = new RetentionCalculator(policy, AMSTERDAM);

    private static Instant at(String date) {
        return java.time.LocalDate.parse(date).atStartOfDay(AMSTERDAM).toInstant();
    }

    private static Subject subject(Map<String, Instant> joined, Map<String, Instant> events, Set<HoldKind> holds) {
        return new Subject(joined, events, holds);
    }

    @Test
    void footageIsDueSevenDaysAfterCollection() {
        var outcome = calculator.resolve(new Item("video-footage", Set.of("security"), at("2026-03-01")),
                subject(Map.of("facility-visitor", at("2026-03-01")), Map.of(), Set.of()));
        assertThat(outcome.dueAt()).contains(at("2026-03-08"));
        assertThat(outcome.action()).isEqualTo(EndAction.DELETE);
    }

    @Test
    void incidentHoldExtendsToItsMaximumAndReleaseRestores() {
        Item footage = new Item("video-footage", Set.of("security"), at("2026-03-01"));
        var held = calculator.resolve(footage, subject(Map.of(), Map.of(), Set.of(HoldKind.INCIDENT)));
        assertThat(held.dueAt()).contains(at("2026-03-29"));
        var released = calculator.resolve(footage, subject(Map.of(), Map.of(), Set.of()));
        assertThat(released.dueAt()).contains(at("2026-03-08"));
    }

    @Test
    void holdOfAKindTheRuleDoesNotListChangesNothing() {
        Item footage = new Item("video-footage", Set.of("security"), at("2026-03-01"));
        var outcome = calculator.resolve(footage, subject(Map.of(), Map.of(), Set.of(HoldKind.LEGAL_CLAIM)));
        assertThat(outcome.dueAt()).contains(at("2026-03-08"));
    }

    @Test
    void aHoldOnOneDataCategoryExtendsOnlyItemsOfThatCategory() {
        String yaml = PolicyFixtures.clean().replace("    data: [video-footage]\n    period: P7D",
                "    data: [video-footage, name]\n    period: P7D");
        RetentionCalculator calc = new RetentionCalculator(
                PolicyLoader.load("clean.yaml", yaml.getBytes(StandardCharsets.UTF_8)).orThrow().policy(), AMSTERDAM);
        Subject onFootage = new Subject(Map.of(), Map.of(), Set.of(), Map.of(), Map.of("video-footage", Set.of(HoldKind.INCIDENT)));
        Item footage = new Item("video-footage", Set.of("security"), at("2026-03-01"));
        Item name = new Item("name", Set.of("security"), at("2026-03-01"));
        assertThat(calc.resolve(footage, onFootage).dueAt()).as("held category").contains(at("2026-03-29"));
        assertThat(calc.resolve(name, onFootage).dueAt()).as("the same rule, another category").contains(at("2026-03-08"));
        Subject whole = new Subject(Map.of(), Map.of(), Set.of(HoldKind.INCIDENT));
        assertThat(calc.resolve(name, whole).dueAt()).as("a hold on the whole person").contains(at("2026-03-29"));
    }

    @Test
    void aRuleHoldWithoutMaxTakesTheDeclaredMaximumOfItsKind() {
        String yaml = PolicyFixtures.clean().replace("      - {kind: incident, max: P28D}", "      - {kind: incident}")
                .replace("retention:\n", "holds:\n  - {kind: incident, max: P14D, applications: true}\nretention:\n");
        Policy declared = PolicyLoader.load("clean.yaml", yaml.getBytes(StandardCharsets.UTF_8)).orThrow().policy();
        var outcome = new RetentionCalculator(declared, AMSTERDAM).resolve(
                new Item("video-footage", Set.of("security"), at("2026-03-01")),
                subject(Map.of(), Map.of(), Set.of(HoldKind.INCIDENT)));
        assertThat(outcome.dueAt()).as("not open-ended: the declared P14D").contains(at("2026-03-15"));
    }

    @Test
    void leadDataIsDueSixCalendarMonthsAfterCollection() {
        var outcome = calculator.resolve(new Item("email", Set.of("quote"), at("2026-01-31")),
                subject(Map.of("lead", at("2026-01-31")), Map.of(), Set.of()));
        assertThat(outcome.dueAt()).contains(at("2026-07-31"));
        assertThat(outcome.governing()).extracting(r -> r.rule().id()).containsExactly("leads");
    }

    @Test
    void leadWhoBecameCustomerIsGovernedByTheCustomerRulesInstead() {
        Item email = new Item("email", Set.of("quote", "rental"), at("2026-01-31"));
        var converted = subject(Map.of("lead", at("2026-01-31"), "customer", at("2026-02-10")), Map.of(), Set.of());
        var outcome = calculator.resolve(email, converted);
        assertThat(outcome.governing()).extracting(r -> r.rule().id()).containsExactly("customers");
        assertThat(outcome.dueAt()).as("kept while the contract runs").isEmpty();

        var ended = subject(converted.joined(), Map.of("contract-ended", at("2027-02-10")), Set.of());
        assertThat(calculator.resolve(email, ended).dueAt()).contains(at("2028-02-10"));
    }

    @Test
    void startEventNotYetHappenedKeepsTheItem() {
        var outcome = calculator.resolve(new Item("invoice", Set.of("bookkeeping"), at("2026-01-01")),
                subject(Map.of("customer", at("2026-01-01")), Map.of(), Set.of()));
        assertThat(outcome.governed()).isTrue();
        assertThat(outcome.dueAt()).isEmpty();
    }

    @Test
    void complaintClosedAfterContractEndMovesTheFiscalDate() {
        Item invoice = new Item("invoice", Set.of("bookkeeping"), at("2026-01-01"));
        Map<String, Instant> events = new HashMap<>(Map.of("contract-ended", at("2027-01-01")));
        var subject = subject(Map.of("customer", at("2026-01-01")), events, Set.of());
        assertThat(calculator.resolve(invoice, subject).dueAt()).contains(at("2034-01-01"));
        events.put("complaint-closed", at("2027-06-15"));
        assertThat(calculator.resolve(invoice, subject).dueAt()).contains(at("2034-06-15"));
    }

    @Test
    void latestOfSeveralMatchingRulesWinsAndOnlyTheRunningRulesPurposesRemain() {
        // name is held for the rental (1 year after contract end) and for bookkeeping (7 years)
        Item name = new Item("name", Set.of("rental", "bookkeeping"), at("2026-01-01"));
        var subject = subject(Map.of("customer", at("2026-01-01")), Map.of("contract-ended", at("2027-01-01")), Set.of());
        var outcome = calculator.resolve(name, subject);
        assertThat(outcome.dueAt()).contains(at("2034-01-01"));
        assertThat(outcome.runningAt(at("2027-06-01"))).extracting(Policy.RetentionRule::id)
                .containsExactlyInAnyOrder("customers", "fiscal");
        assertThat(outcome.runningAt(at("2028-06-01"))).extracting(Policy.RetentionRule::id).containsExactly("fiscal");
    }

    @Test
    void onATieDeleteWinsOverAnonymise() {
        String yaml = PolicyFixtures.cleanWith("    period: P1Y\n    start: contract-ended",
                "    period: P7Y\n    start: [contract-ended, complaint-closed]\n    end: anonymise");
        Policy tied = PolicyLoader.load("tie.yaml", yaml.getBytes(StandardCharsets.UTF_8)).orThrow().policy();
        Item name = new Item("name", Set.of("rental", "bookkeeping"), at("2026-01-01"));
        var outcome = new RetentionCalculator(tied, AMSTERDAM).resolve(name,
                subject(Map.of("customer", at("2026-01-01")), Map.of("contract-ended", at("2027-01-01")), Set.of()));
        assertThat(outcome.dueAt()).contains(at("2034-01-01"));
        assertThat(outcome.action()).isEqualTo(EndAction.DELETE);
    }

    @Test
    void itemNoRuleGovernsHasNoDueDate() {
        var outcome = calculator.resolve(new Item("invoice", Set.of("quote"), at("2026-01-01")),
                subject(Map.of("lead", at("2026-01-01")), Map.of(), Set.of()));
        assertThat(outcome.governed()).isFalse();
        assertThat(outcome.dueAt()).isEqualTo(Optional.empty());
    }
    // ---- starts anchored to the calendar and to the item ----

    private static final String INVOICE_DATE = "item-dates:\n  - id: invoice-date\n"
            + "    name: {nl: de factuurdatum, en: the invoice date}\n    data-categories: [invoice]\nrecipients:";

    private static RetentionCalculator calculatorWith(String from, String to) {
        String yaml = PolicyFixtures.cleanWith(from, to).replace("\nrecipients:", "\n" + INVOICE_DATE);
        return new RetentionCalculator(PolicyLoader.load("calendar.yaml", yaml.getBytes(StandardCharsets.UTF_8))
                .orThrow().policy(), AMSTERDAM);
    }

    @Test
    void sevenYearsFromTheFirstOfJanuaryAfterTheYearTheContractEnded() {
        RetentionCalculator c = calculatorWith("    start: [contract-ended, complaint-closed]",
                "    start: {after: [contract-ended, complaint-closed], round: start-of-next-year}");
        var outcome = c.resolve(new Item("invoice", Set.of("bookkeeping"), at("2024-01-10")),
                subject(Map.of("customer", at("2024-01-01")), Map.of("contract-ended", at("2024-06-30")), Set.of()));
        assertThat(outcome.dueAt()).contains(at("2032-01-01"));
        // ended on 31 December: the same first of January; on 1 January: a year later
        assertThat(c.resolve(new Item("invoice", Set.of("bookkeeping"), at("2024-01-10")), subject(Map.of(),
                Map.of("contract-ended", java.time.LocalDateTime.parse("2024-12-31T23:59").atZone(AMSTERDAM).toInstant()),
                Set.of())).dueAt()).contains(at("2032-01-01"));
        assertThat(c.resolve(new Item("invoice", Set.of("bookkeeping"), at("2024-01-10")), subject(Map.of(),
                Map.of("contract-ended", at("2025-01-01")), Set.of())).dueAt()).contains(at("2033-01-01"));
    }

    @Test
    void aRoundedStartStillWaitsForItsEvent() {
        RetentionCalculator c = calculatorWith("    start: [contract-ended, complaint-closed]",
                "    start: {after: [contract-ended, complaint-closed], round: start-of-next-year}");
        var outcome = c.resolve(new Item("invoice", Set.of("bookkeeping"), at("2024-01-10")),
                subject(Map.of("customer", at("2024-01-01")), Map.of(), Set.of()));
        assertThat(outcome.governed()).isTrue();
        assertThat(outcome.dueAt()).isEmpty();
    }

    @Test
    void untilTheEndOfTheMonthOfCollection() {
        RetentionCalculator c = calculatorWith("    period: P7D\n    holds:",
                "    period: P0D\n    start: {after: collection, round: end-of-current-month}\n    holds:");
        var outcome = c.resolve(new Item("video-footage", Set.of("security"), at("2024-02-10")),
                subject(Map.of("facility-visitor", at("2024-02-10")), Map.of(), Set.of()));
        assertThat(outcome.dueAt()).contains(at("2024-03-01"));
    }

    @Test
    void eachInvoiceGoesSevenYearsAfterTheYearOfItsOwnDate() {
        RetentionCalculator c = calculatorWith("    data: [name, invoice]\n    purposes: [bookkeeping]\n    period: P7Y\n"
                        + "    start: [contract-ended, complaint-closed]",
                "    data: [invoice]\n    purposes: [bookkeeping]\n    period: P7Y\n"
                        + "    start: {item-date: invoice-date, round: start-of-next-year}\n  - id: fiscal-name\n"
                        + "    data: [name]\n    purposes: [bookkeeping]\n    period: P7Y\n"
                        + "    start: [contract-ended, complaint-closed]");
        Subject customer = subject(Map.of("customer", at("2024-01-01")), Map.of(), Set.of());
        // both stored on one day; their own dates tell them apart, a past one and a future one
        Item of2024 = new Item("invoice", Set.of("bookkeeping"), at("2026-05-01"), Map.of("invoice-date",
                java.time.LocalDate.parse("2024-03-01")));
        Item of2026 = new Item("invoice", Set.of("bookkeeping"), at("2026-05-01"), Map.of("invoice-date",
                java.time.LocalDate.parse("2026-12-31")));
        assertThat(c.resolve(of2024, customer).dueAt()).contains(at("2032-01-01"));
        assertThat(c.resolve(of2026, customer).dueAt()).contains(at("2034-01-01"));
        // an invoice stored before the policy declared the date counts from its collection
        Item undated = new Item("invoice", Set.of("bookkeeping"), at("2025-05-01"));
        assertThat(c.resolve(undated, customer).dueAt()).contains(at("2033-01-01"));
    }

    @Test
    void anItemDateCountsFromTheStartOfThatDayInTheZone() {
        RetentionCalculator c = calculatorWith("    data: [name, invoice]\n    purposes: [bookkeeping]\n    period: P7Y\n"
                        + "    start: [contract-ended, complaint-closed]",
                "    data: [invoice]\n    purposes: [bookkeeping]\n    period: P7Y\n    start: {item-date: invoice-date}\n"
                        + "  - id: fiscal-name\n    data: [name]\n    purposes: [bookkeeping]\n    period: P7Y\n"
                        + "    start: [contract-ended, complaint-closed]");
        Item leapDay = new Item("invoice", Set.of("bookkeeping"), at("2024-03-01"), Map.of("invoice-date",
                java.time.LocalDate.parse("2024-02-29")));
        assertThat(c.resolve(leapDay, subject(Map.of(), Map.of(), Set.of())).dueAt()).contains(at("2031-02-28"));
    }
}
