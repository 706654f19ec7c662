package nl.waarborg.systems.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import nl.waarborg.policy.CalendarRounding;
import nl.waarborg.policy.EndAction;
import nl.waarborg.policy.Policy.RetentionRule;
import nl.waarborg.policy.RetentionPeriod;
import nl.waarborg.policy.RetentionStart;
import nl.waarborg.policy.Text;
import nl.waarborg.systems.jdbc.TableNode.ColumnRef;
import org.junit.jupiter.api.Test;

/** The cut-off a start column is compared with: the latest start whose period has ended, to the microsecond. */
class DuePlanTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Instant NOW = LocalDateTime.parse("2026-06-01T10:00:00").atZone(AMSTERDAM).toInstant();

    private static RetentionRule rule(String period, CalendarRounding round) {
        return new RetentionRule("r", new Text("r", "r"), List.of(), List.of(), List.of(), RetentionPeriod.parse(period),
                RetentionStart.COLLECTION, EndAction.DELETE, List.of(), List.of(), null, round);
    }

    @Test
    void sixMonthsAreCalendarMonthsInTheOrganisationsZone() {
        Instant cutoff = DuePlan.cutoff(rule("P6M", null), AMSTERDAM, NOW);

        // 1 December 2025 10:00 in Amsterdam (winter time) plus six months is 1 June 2026 10:00 (summer time)
        assertThat(cutoff).isEqualTo(LocalDateTime.parse("2025-12-01T10:00:00").atZone(AMSTERDAM).toInstant());
        assertThat(DuePlan.ended(rule("P6M", null), cutoff, AMSTERDAM, NOW)).isTrue();
        assertThat(DuePlan.ended(rule("P6M", null), cutoff.plusNanos(1000), AMSTERDAM, NOW)).isFalse();
    }

    @Test
    void aRoundedStartCountsFromTheCalendar() {
        // seven years from the first of January after the start: ended in 2026 for starts up to the end of 2018
        Instant cutoff = DuePlan.cutoff(rule("P7Y", CalendarRounding.START_OF_NEXT_YEAR), AMSTERDAM, NOW);

        assertThat(cutoff).isEqualTo(LocalDateTime.parse("2018-12-31T23:59:59.999999").atZone(AMSTERDAM).toInstant());
    }

    @Test
    void aZeroPeriodEndsAtItsStart() {
        assertThat(DuePlan.cutoff(rule("P0D", null), AMSTERDAM, NOW)).isEqualTo(NOW);
    }

    @Test
    void theLatestOfSeveralStartsDecidesAndNoStartMeansNotStarted() {
        ColumnRef ended = new ColumnRef(0, "contract_end");
        ColumnRef closed = new ColumnRef(0, "complaint_closed_at");
        DuePlan.Condition c = new DuePlan.Condition("fiscal", List.of(ended, closed), NOW);

        assertThat(c.ended(java.util.Arrays.asList(NOW.minusSeconds(10), null))).isTrue();
        assertThat(c.ended(java.util.Arrays.asList(NOW.minusSeconds(10), NOW.plusSeconds(10)))).isFalse();
        assertThat(c.ended(java.util.Arrays.asList(null, null))).isFalse();
    }
}
