package nl.waarborg.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import nl.waarborg.policy.PolicyLoader;
import nl.waarborg.policy.RetentionCalculator.Item;
import nl.waarborg.policy.RetentionCalculator.Subject;
import org.junit.jupiter.api.Test;

/**
 * The stored schedule of an applicant's CV on the self-storage example: with consent for the talent pool it is
 * narrowed to that purpose when the four weeks end; when the consent goes it is due at the end of the four weeks,
 * which may have passed already.
 */
class ConsentBoundScheduleTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Instant COLLECTED = at("2026-03-02");
    private static final Item CV = new Item("cv", Set.of("recruitment", "talent-pool"), COLLECTED);

    private final RetentionSchedule schedule;

    ConsentBoundScheduleTest() throws java.io.IOException {
        schedule = new RetentionSchedule(PolicyLoader.load(Path.of("examples/self-storage.yaml")).orThrow().policy(),
                AMSTERDAM);
    }

    private static Instant at(String date) {
        return java.time.LocalDate.parse(date).atStartOfDay(AMSTERDAM).toInstant();
    }

    private static Subject applicant(Map<String, Instant> consents) {
        return new Subject(Map.of("applicant", COLLECTED), Map.of(), Set.of(), consents, Map.of());
    }

    @Test
    void withConsentOnlyTheTalentPoolMayUseTheCvAfterTheFourWeeks() {
        RetentionSchedule.Schedule s = schedule.schedule(CV, applicant(Map.of("talent-pool", Subject.NO_EXPIRY)),
                at("2026-03-10"));
        assertThat(s.dueAt()).isEqualTo(at("2028-03-02"));
        assertThat(s.rule()).isEqualTo("talent-pool");
        assertThat(s.narrowedAt()).isEqualTo(at("2026-03-30"));
        assertThat(s.retainedFor()).containsExactly("talent-pool");
        assertThat(s.renarrowAt()).isNull();
        assertThat(s.shared()).isFalse();
    }

    @Test
    void aConsentRuleFromAnEventKeepsTheScheduleSharedPerSubject() throws Exception {
        // the clean test policy with a consent purpose for customers, kept two years after the contract on consent
        String yaml = java.nio.file.Files.readString(Path.of("src/test/resources/policies/clean.yaml"))
                .replace("  - id: security\n", "  - id: pool\n    name: {nl: Pool, en: Pool}\n    legal-basis: consent\n"
                        + "    roles: [staff]\n    subjects: [customer]\n    data: [name]\n    sources: [subject]\n"
                        + "    systems: [vault]\n  - id: security\n")
                .replace("recipients:\n  - id: hosting", "  - id: pool\n    data: [name]\n    subjects: [customer]\n"
                        + "    purposes: [pool]\n    period: P2Y\n    start: contract-ended\n    while-consent: pool\n"
                        + "recipients:\n  - id: hosting");
        RetentionSchedule shared = new RetentionSchedule(PolicyLoader.load("pool.yaml",
                yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)).orThrow().policy(), AMSTERDAM);
        Item name = new Item("name", Set.of("rental", "pool"), at("2026-01-01"));
        Map<String, Instant> joined = Map.of("customer", at("2026-01-01"));
        Map<String, Instant> ended = Map.of("contract-ended", at("2027-01-01"));

        RetentionSchedule.Schedule with = shared.schedule(name,
                new Subject(joined, ended, Set.of(), Map.of("pool", Subject.NO_EXPIRY), Map.of()), at("2027-02-01"));
        assertThat(with.shared()).as("consent is a fact of the subject, not of the item").isTrue();
        assertThat(with.dueAt()).isEqualTo(at("2029-01-01"));
        assertThat(with.narrowedAt()).isEqualTo(at("2028-01-01"));
        assertThat(with.retainedFor()).containsExactly("pool");

        RetentionSchedule.Schedule without = shared.schedule(name, new Subject(joined, ended, Set.of(), Map.of(), Map.of()),
                at("2027-02-01"));
        assertThat(without.shared()).isTrue();
        assertThat(without.dueAt()).isEqualTo(at("2028-01-01"));
    }

    @Test
    void afterWithdrawalLateTheCvIsDueAtTheEndOfTheFourWeeksAlreadyPast() {
        RetentionSchedule.Schedule s = schedule.schedule(CV, applicant(Map.of()), at("2026-06-01"));
        assertThat(s.dueAt()).isEqualTo(at("2026-03-30")).isBefore(at("2026-06-01"));
        assertThat(s.rule()).isEqualTo("applicants");
        assertThat(s.narrowedAt()).isNull();
        assertThat(s.retainedFor()).isEmpty();
    }
}
