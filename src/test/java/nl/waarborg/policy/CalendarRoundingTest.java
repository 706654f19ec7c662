package nl.waarborg.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rounding a retention start to the calendar, at the edges of years, quarters and months, in the organisation's zone. */
class CalendarRoundingTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @ParameterizedTest(name = "{0} of {1} is {2}")
    @CsvSource({
            // years: a date inside, the first and the last day of a year
            "start-of-current-year, 2024-03-01, 2024-01-01",
            "start-of-next-year, 2024-03-01, 2025-01-01",
            "start-of-next-year, 2024-01-01, 2025-01-01",
            "start-of-next-year, 2024-12-31, 2025-01-01",
            "end-of-current-year, 2024-12-31, 2025-01-01",
            "end-of-next-year, 2024-03-01, 2026-01-01",
            "start-of-current-year, 2024-01-01, 2024-01-01",
            // quarters: the first and last day of each edge
            "start-of-current-quarter, 2024-03-31, 2024-01-01",
            "start-of-next-quarter, 2024-03-31, 2024-04-01",
            "start-of-next-quarter, 2024-04-01, 2024-07-01",
            "end-of-current-quarter, 2024-09-30, 2024-10-01",
            "end-of-next-quarter, 2024-11-15, 2025-04-01",
            "start-of-current-quarter, 2024-12-31, 2024-10-01",
            // months: leap February, month ends of 30 and 31 days
            "start-of-current-month, 2024-02-29, 2024-02-01",
            "start-of-next-month, 2024-02-29, 2024-03-01",
            "end-of-current-month, 2023-02-28, 2023-03-01",
            "end-of-next-month, 2024-01-31, 2024-03-01",
            "start-of-next-month, 2024-12-31, 2025-01-01",
            "end-of-current-month, 2024-04-30, 2024-05-01"
    })
    void roundsADayToTheFirstDayOfTheUnitItNames(String word, LocalDate day, LocalDate expected) {
        CalendarRounding round = Arrays.stream(CalendarRounding.values()).filter(r -> r.term().equals(word)).findFirst()
                .orElseThrow();
        assertThat(round.apply(day)).isEqualTo(expected);
    }

    @Test
    void theEndOfAUnitIsTheMomentTheNextBegins() {
        Instant lastSecondOfTheYear = LocalDateTime.parse("2024-12-31T23:59:59").atZone(AMSTERDAM).toInstant();
        assertThat(CalendarRounding.END_OF_CURRENT_YEAR.apply(lastSecondOfTheYear, AMSTERDAM))
                .isEqualTo(CalendarRounding.START_OF_NEXT_YEAR.apply(lastSecondOfTheYear, AMSTERDAM))
                .isEqualTo(LocalDate.parse("2025-01-01").atStartOfDay(AMSTERDAM).toInstant());
    }

    @Test
    void theCalendarIsTheOrganisationsNotUtc() {
        // 31 December 23:30 in Amsterdam is still 2024 there, though 22:30 UTC; 1 January 00:30 there is 2025 (UTC 2024)
        Instant lateOnNewYearsEve = LocalDateTime.parse("2024-12-31T23:30").atZone(AMSTERDAM).toInstant();
        Instant earlyOnNewYearsDay = LocalDateTime.parse("2025-01-01T00:30").atZone(AMSTERDAM).toInstant();
        assertThat(CalendarRounding.START_OF_NEXT_YEAR.apply(lateOnNewYearsEve, AMSTERDAM))
                .isEqualTo(Instant.parse("2024-12-31T23:00:00Z"));
        assertThat(CalendarRounding.START_OF_NEXT_YEAR.apply(earlyOnNewYearsDay, AMSTERDAM))
                .isEqualTo(Instant.parse("2025-12-31T23:00:00Z"));
    }

    @Test
    void aRoundedStartIsMidnightInTheZoneAcrossDaylightSavingTime() {
        // rounded in winter time (UTC+1) to a month that begins in summer time (UTC+2), and back
        Instant march = LocalDateTime.parse("2025-03-15T12:00").atZone(AMSTERDAM).toInstant();
        assertThat(CalendarRounding.START_OF_NEXT_MONTH.apply(march, AMSTERDAM)).isEqualTo(Instant.parse("2025-03-31T22:00:00Z"));
        Instant october = LocalDateTime.parse("2025-10-15T12:00").atZone(AMSTERDAM).toInstant();
        assertThat(CalendarRounding.END_OF_CURRENT_MONTH.apply(october, AMSTERDAM)).isEqualTo(Instant.parse("2025-10-31T23:00:00Z"));
        // where a DST change skips midnight (Santiago, September), the day starts at the first moment that exists
        ZoneId santiago = ZoneId.of("America/Santiago");
        Instant august = LocalDateTime.parse("2024-08-20T12:00").atZone(santiago).toInstant();
        Instant rounded = CalendarRounding.START_OF_NEXT_MONTH.apply(august, santiago);
        assertThat(rounded.atZone(santiago).toLocalDate()).isEqualTo(LocalDate.parse("2024-09-01"));
    }

    @Test
    void onlyStartOfCurrentMovesTheStartBack() {
        assertThat(Arrays.stream(CalendarRounding.values()).filter(r -> !r.forward()))
                .containsExactlyInAnyOrder(CalendarRounding.START_OF_CURRENT_YEAR, CalendarRounding.START_OF_CURRENT_QUARTER,
                        CalendarRounding.START_OF_CURRENT_MONTH);
    }

    @Test
    void everyWordIsStartOrEndOfCurrentOrNextYearQuarterOrMonth() {
        assertThat(Arrays.stream(CalendarRounding.values()).map(CalendarRounding::term))
                .hasSize(12).allMatch(w -> w.matches("(start|end)-of-(current|next)-(year|quarter|month)"));
    }
}
