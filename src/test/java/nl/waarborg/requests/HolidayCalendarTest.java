package nl.waarborg.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The days of the Algemene termijnenwet: computed holidays, Good Friday, and the list of days equated by decree. */
class HolidayCalendarTest {

    private static final HolidayCalendar CALENDAR = HolidayCalendar.netherlands(EquatedDays.none());

    static EquatedDays list(String text) throws IOException {
        return EquatedDays.read(new StringReader(text), "test.tsv");
    }

    @ParameterizedTest(name = "Easter {0} is {1}")
    @CsvSource({
            "2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28", "2028, 2028-04-16",
            "2029, 2029-04-01", "2030, 2030-04-21", "2000, 2000-04-23", "2019, 2019-04-21",
            // the latest and the earliest dates Easter can fall on
            "2038, 2038-04-25", "2285, 2285-03-22"
    })
    void easterByTheGregorianComputus(int year, LocalDate easter) {
        assertThat(HolidayCalendar.easterSunday(year)).isEqualTo(easter);
        assertThat(easter.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
    }

    @Test
    void theHolidaysOf2026() {
        assertThat(CALENDAR.holidays(2026)).extracting(Holiday::date, Holiday::nameNl, Holiday::equated, Holiday::source)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-01-01"), "Nieuwjaarsdag", false, "art. 3(1) Atw"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-04-03"), "Goede Vrijdag", true, "art. 3(2) Atw"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-04-06"), "Tweede Paasdag", false, "art. 3(1) Atw"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-04-27"), "Koningsdag", false, "art. 3(1) Atw"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-05-05"), "5 mei (Bevrijdingsdag)", false, "art. 3(1) Atw"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-05-14"), "Hemelvaartsdag", false, "art. 3(1) Atw"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-05-25"), "Tweede Pinksterdag", false, "art. 3(1) Atw"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-12-25"), "Eerste Kerstdag", false, "art. 3(1) Atw"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-12-26"), "Tweede Kerstdag", false, "art. 3(1) Atw"));
        assertThat(CALENDAR.holiday(LocalDate.parse("2026-04-06")).orElseThrow().nameEn()).isEqualTo("Easter Monday");
    }

    @ParameterizedTest(name = "Koningsdag {0} is {1}")
    @CsvSource({"2014, 2014-04-26", "2025, 2025-04-26", "2026, 2026-04-27", "2027, 2027-04-27", "2031, 2031-04-26"})
    void kingsDayIsTheTwentySixthWhenTheTwentySeventhIsASunday(int year, LocalDate expected) {
        assertThat(CALENDAR.holidays(year)).filteredOn(h -> h.nameNl().equals("Koningsdag"))
                .extracting(Holiday::date).containsExactly(expected);
    }

    @Test
    void goodFridayIsEquatedByTheLawItselfEveryYear() {
        for (int year = HolidayCalendar.FIRST_YEAR; year <= 2100; year++) {
            Holiday goodFriday = CALENDAR.holiday(HolidayCalendar.easterSunday(year).minusDays(2)).orElseThrow();
            assertThat(goodFriday.nameEn()).isEqualTo("Good Friday");
            assertThat(goodFriday.reason()).isEqualTo(MoveReason.EQUATED_DAY);
        }
    }

    @Test
    void fiveMayAndAscensionDayOnOneDayAreOneDayWithBothNames() {
        // 2016: Easter 27 March, Ascension Day 5 May
        Holiday both = CALENDAR.holiday(LocalDate.parse("2016-05-05")).orElseThrow();
        assertThat(both.nameNl()).isEqualTo("5 mei (Bevrijdingsdag) en Hemelvaartsdag");
        assertThat(both.reason()).isEqualTo(MoveReason.HOLIDAY);
        assertThat(CALENDAR.holidays(2016)).hasSize(8);
    }

    @Test
    void workingDays() {
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-04-07"))).isTrue(); // Tuesday after Easter
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-04-06"))).isFalse(); // Easter Monday
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-04-04"))).isFalse(); // Saturday
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-04-05"))).isFalse(); // Sunday (Easter)
        assertThat(CALENDAR.holiday(LocalDate.parse("2026-04-05"))).isEmpty(); // Easter Sunday is a Sunday, no holiday of the Atw
    }

    @Test
    void yearsBeforeKingsDayAreRefused() {
        assertThatThrownBy(() -> CALENDAR.holidays(2013)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2014");
    }

    // ---- the list of days equated by royal decree ----

    @Test
    void theBundledListIsReadAndClaimsNoYearItCannotProve() {
        // Nothing in the bundled list is verified against the decrees yet (docs/requests.md): it lists no day and is
        // complete for no year, so every deadline says it was computed without the equated days.
        EquatedDays bundled = EquatedDays.bundled();
        assertThat(bundled.days()).isEmpty();
        assertThat(bundled.covers(2026)).isFalse();
        assertThat(HolidayCalendar.netherlands().knowsEquatedDays(2026)).isFalse();
    }

    @Test
    void aListedDayIsEquatedWithItsNameAndSource() throws IOException {
        EquatedDays equated = list("""
                # a comment
                covers\t2026\t2027

                2026-05-15\tvrijdag na Hemelvaartsdag\tFriday after Ascension Day\tBesluit X (test)
                """);
        assertThat(equated.firstYear()).isEqualTo(2026);
        assertThat(equated.lastYear()).isEqualTo(2027);
        HolidayCalendar calendar = HolidayCalendar.netherlands(equated);
        Holiday day = calendar.holiday(LocalDate.parse("2026-05-15")).orElseThrow();
        assertThat(day.nameEn()).isEqualTo("Friday after Ascension Day");
        assertThat(day.source()).isEqualTo("Besluit X (test)");
        assertThat(day.reason()).isEqualTo(MoveReason.EQUATED_DAY);
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-05-15"))).isFalse();
        assertThat(calendar.knowsEquatedDays(2026)).isTrue();
        assertThat(calendar.knowsEquatedDays(2027)).isTrue();
        assertThat(calendar.knowsEquatedDays(2028)).isFalse();
        assertThat(calendar.knowsEquatedDays(2025)).isFalse();
    }

    @Test
    void aDayTheLawAlreadyNamesKeepsItsOwnName() throws IOException {
        HolidayCalendar calendar = HolidayCalendar.netherlands(list("2026-04-03\tGoede Vrijdag (KB)\tGood Friday (decree)\tBesluit Y\n"));
        assertThat(calendar.holiday(LocalDate.parse("2026-04-03")).orElseThrow().source()).isEqualTo("art. 3(2) Atw");
        assertThat(calendar.holidays(2026)).hasSize(9);
    }

    @Test
    void aListWithoutACoversRowIsCompleteForNoYearButItsDaysCount() throws IOException {
        HolidayCalendar calendar = HolidayCalendar.netherlands(list("2026-05-15\tvrijdag\tFriday\tBesluit Z\n"));
        assertThat(calendar.knowsEquatedDays(2026)).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-05-15"))).isFalse();
    }

    @Test
    void badListsAreRefusedWithTheirLine() {
        List.of(
                List.of("2026-05-15\tvrijdag\tFriday\n", "test.tsv:1: a row has 3 columns, not 4"),
                List.of("2026-15-05\tvrijdag\tFriday\tBesluit\n", "test.tsv:1: not a date"),
                List.of("2026-05-15\tvrijdag\tFriday\tBesluit\n2026-05-15\tvrijdag\tFriday\tBesluit\n",
                        "test.tsv:2: 2026-05-15 is listed twice"),
                List.of("2026-05-15\tvrijdag\t\tBesluit\n", "test.tsv:1: column 3 is empty"),
                List.of("covers\t2026\n", "test.tsv:1: a covers row is"),
                List.of("covers\t2027\t2026\n", "test.tsv:1: the last year covered is before the first"),
                List.of("covers\t2026\t2027\ncovers\t2028\t2029\n", "test.tsv:2: a second covers row"),
                List.of("covers\ttwenty\t2027\n", "test.tsv:1: the years of a covers row must be numbers")
        ).forEach(c -> assertThatThrownBy(() -> list(c.get(0))).as(c.get(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(c.get(1)));
    }
}
