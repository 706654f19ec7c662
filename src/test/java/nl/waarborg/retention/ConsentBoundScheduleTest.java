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
        return new Subject(Map.of("applicant", COLLECTED), Map.of(), Set.of(), consents);
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
    void afterWithdrawalLateTheCvIsDueAtTheEndOfTheFourWeeksAlreadyPast() {
        RetentionSchedule.Schedule s = schedule.schedule(CV, applicant(Map.of()), at("2026-06-01"));
        assertThat(s.dueAt()).isEqualTo(at("2026-03-30")).isBefore(at("2026-06-01"));
        assertThat(s.rule()).isEqualTo("applicants");
        assertThat(s.narrowedAt()).isNull();
        assertThat(s.retainedFor()).isEmpty();
    }
}
