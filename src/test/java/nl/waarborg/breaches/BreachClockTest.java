package nl.waarborg.breaches;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The 72 hours of Art. 33(1) GDPR run continuously from awareness, in UTC, shown in the organisation's zone. */
class BreachClockTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private static Instant local(String dateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(dateTime), AMSTERDAM).toInstant();
    }

    @Test
    void theChangeFromSummerToWinterTimeMovesTheWallClockNotTheDeadline() {
        BreachClock c = BreachClock.of(BreachRole.CONTROLLER, local("2026-10-23T10:00"), Duration.ofHours(24), AMSTERDAM);

        assertThat(c.awareInZone().toOffsetDateTime().toString()).isEqualTo("2026-10-23T10:00+02:00");
        assertThat(c.dueInZone().toOffsetDateTime().toString()).isEqualTo("2026-10-26T09:00+01:00");
        assertThat(c.due()).isEqualTo(Instant.parse("2026-10-26T08:00:00Z"));
        assertThat(Duration.between(c.awareAt(), c.due())).isEqualTo(Duration.ofHours(72));
    }

    @Test
    void hour71WarnsAndAfterHour72ItIsLate() {
        Instant aware = Instant.parse("2026-03-03T09:00:00Z");
        BreachClock c = new BreachClock(aware, BreachClock.CONTROLLER_PERIOD, AMSTERDAM);

        assertThat(c.state(aware.plus(Duration.ofHours(70)), false, false)).isEqualTo(BreachClock.State.RUNNING);
        assertThat(c.state(aware.plus(Duration.ofMinutes(70 * 60 + 59)), false, false)).isEqualTo(BreachClock.State.RUNNING);
        assertThat(c.state(aware.plus(Duration.ofHours(71)), false, false)).isEqualTo(BreachClock.State.WARNING);
        assertThat(c.state(aware.plus(Duration.ofHours(72)), false, false)).isEqualTo(BreachClock.State.WARNING);
        assertThat(c.state(aware.plus(Duration.ofHours(72)).plusSeconds(1), false, false)).isEqualTo(BreachClock.State.LATE);
        assertThat(c.state(aware.plus(Duration.ofHours(73)), false, false)).isEqualTo(BreachClock.State.LATE);
        assertThat(c.late(aware.plus(Duration.ofHours(73)))).isTrue();
        assertThat(c.state(aware.plus(Duration.ofHours(73)), true, false)).isEqualTo(BreachClock.State.NOTIFIED);
        assertThat(c.state(aware.plus(Duration.ofHours(73)), false, true)).isEqualTo(BreachClock.State.NOT_REQUIRED);
        assertThat(c.left(aware.plus(Duration.ofHours(73)))).isEqualTo(Duration.ofHours(-1));
    }

    @Test
    void aWeekendInBetweenDoesNotStopTheClock() {
        // Friday 2026-03-06 16:00 in Amsterdam: due Monday 16:00, not Wednesday (working days would give that)
        BreachClock c = BreachClock.of(BreachRole.CONTROLLER, local("2026-03-06T16:00"), Duration.ofHours(24), AMSTERDAM);
        assertThat(c.dueInZone().toLocalDateTime()).isEqualTo(java.time.LocalDateTime.parse("2026-03-09T16:00"));
        assertThat(c.dueInZone().getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
        // Sunday evening: still running, with less than a day left
        Instant sunday = local("2026-03-08T17:00");
        assertThat(c.state(sunday, false, false)).isEqualTo(BreachClock.State.RUNNING);
        assertThat(c.left(sunday)).isEqualTo(Duration.ofHours(23));
    }

    @Test
    void aProcessorsClockIsItsOwnPeriodNotTheControllers() {
        BreachClock c = BreachClock.of(BreachRole.PROCESSOR, Instant.parse("2026-03-03T09:00:00Z"), Duration.ofHours(24),
                AMSTERDAM);
        assertThat(c.due()).isEqualTo(Instant.parse("2026-03-04T09:00:00Z"));
        assertThat(c.state(Instant.parse("2026-03-04T08:30:00Z"), false, false)).isEqualTo(BreachClock.State.WARNING);
    }
}
