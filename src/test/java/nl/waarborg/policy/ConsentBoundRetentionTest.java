package nl.waarborg.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import nl.waarborg.policy.RetentionCalculator.Item;
import nl.waarborg.policy.RetentionCalculator.Outcome;
import nl.waarborg.policy.RetentionCalculator.RuleEnd;
import nl.waarborg.policy.RetentionCalculator.Subject;
import org.junit.jupiter.api.Test;

/**
 * A rule that applies only while consent stands ({@code while-consent}, docs/policy-format.md 4.10 and 5), on the
 * self-storage example: applicants' data goes four weeks after collection; with consent for the talent pool the
 * CV is kept up to two years.
 */
class ConsentBoundRetentionTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Instant COLLECTED = at("2026-03-02");
    private static final Item CV = new Item("cv", Set.of("recruitment", "talent-pool"), COLLECTED);

    private final RetentionCalculator calculator;

    ConsentBoundRetentionTest() throws java.io.IOException {
        calculator = new RetentionCalculator(PolicyLoader.load(Path.of("examples/self-storage.yaml")).orThrow().policy(),
                AMSTERDAM);
    }

    private static Instant at(String date) {
        return java.time.LocalDate.parse(date).atStartOfDay(AMSTERDAM).toInstant();
    }

    private static Subject applicant(Map<String, Instant> consents) {
        return new Subject(Map.of("applicant", COLLECTED), Map.of(), Set.of(), consents, Map.of());
    }

    private static java.util.List<String> rules(Outcome outcome) {
        return outcome.governing().stream().map(RuleEnd::rule).map(Policy.RetentionRule::id).toList();
    }

    @Test
    void withoutConsentTheCvGoesFourWeeksAfterCollection() {
        Outcome outcome = calculator.resolve(CV, applicant(Map.of()));
        assertThat(rules(outcome)).containsExactly("applicants");
        assertThat(outcome.dueAt()).contains(at("2026-03-30"));
    }

    @Test
    void withStandingConsentTheCvIsKeptTwoYears() {
        Outcome outcome = calculator.resolve(CV, applicant(Map.of("talent-pool", Subject.NO_EXPIRY)));
        assertThat(rules(outcome)).containsExactly("applicants", "talent-pool");
        assertThat(outcome.dueAt()).contains(at("2028-03-02"));
        assertThat(outcome.action()).isEqualTo(EndAction.DELETE);
        // beyond the four weeks only the consent rule still runs, and it names only its own purpose
        assertThat(outcome.runningAt(at("2026-05-01"))).extracting(Policy.RetentionRule::purposes)
                .containsExactly(java.util.List.of("talent-pool"));
    }

    @Test
    void consentForAnotherPurposeDoesNotKeepTheCv() {
        Outcome outcome = calculator.resolve(CV, applicant(Map.of("recruitment", Subject.NO_EXPIRY)));
        assertThat(outcome.dueAt()).contains(at("2026-03-30"));
    }

    @Test
    void anItemNotCollectedForThePoolGoesAfterFourWeeksEvenWithConsent() {
        Outcome outcome = calculator.resolve(new Item("cv", Set.of("recruitment"), COLLECTED),
                applicant(Map.of("talent-pool", Subject.NO_EXPIRY)));
        assertThat(outcome.dueAt()).contains(at("2026-03-30"));
    }

    @Test
    void aConsentThatLapsesByItselfEndsTheRuleThen() {
        Outcome outcome = calculator.resolve(CV, applicant(Map.of("talent-pool", at("2027-01-01"))));
        assertThat(outcome.dueAt()).contains(at("2027-01-01"));
        assertThat(outcome.governing()).filteredOn(r -> r.rule().id().equals("talent-pool"))
                .extracting(RuleEnd::endsAt).containsExactly(java.util.Optional.of(at("2027-01-01")));
    }

    @Test
    void aConsentLapsingWithinTheFourWeeksLeavesTheFourWeeks() {
        Outcome outcome = calculator.resolve(CV, applicant(Map.of("talent-pool", at("2026-03-10"))));
        assertThat(outcome.dueAt()).contains(at("2026-03-30"));
    }

    @Test
    void dataOfOtherCategoriesIsNotKeptLongerOnThePoolConsent() {
        Outcome outcome = calculator.resolve(new Item("salary", Set.of("recruitment"), COLLECTED),
                applicant(Map.of("talent-pool", Subject.NO_EXPIRY)));
        assertThat(rules(outcome)).containsExactly("applicants");
        assertThat(outcome.dueAt()).contains(at("2026-03-30"));
    }
}
