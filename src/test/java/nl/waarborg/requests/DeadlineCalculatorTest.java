package nl.waarborg.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The legal deadline of a request: the examples of issue 16 and docs/requests.md, month ends, the policy's response
 * time, the extension, the flag for years without the equated days, and the optional pause. Dates only: no clock.
 */
class DeadlineCalculatorTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    /** A list complete for 2026 with no equated day, so deadlines there are not flagged. */
    private static final HolidayCalendar COVERS_2026 = calendar("covers\t2026\t2026\n");

    private static final DeadlineCalculator CALCULATOR = new DeadlineCalculator(AMSTERDAM, COVERS_2026);

    private static HolidayCalendar calendar(String list) {
        try {
            return HolidayCalendar.netherlands(HolidayCalendarTest.list(list));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Noon on {@code day} in Amsterdam. */
    private static Instant at(String day) {
        return LocalDate.parse(day).atTime(12, 0).atZone(AMSTERDAM).toInstant();
    }

    private static Instant at(String day, String time) {
        return LocalDateTime.parse(day + "T" + time).atZone(AMSTERDAM).toInstant();
    }

    @ParameterizedTest(name = "received {0}: deadline {1}")
    @CsvSource({
            "2026-03-03, 2026-04-07", // 3 April Good Friday, 4-5 weekend, 6 Easter Monday
            "2026-04-05, 2026-05-06", // 5 May; received on Easter Sunday, which counts as the day of receipt
            "2026-01-31, 2026-03-02", // no 31 February: 28 February, a Saturday; 1 March a Sunday
            "2028-01-31, 2028-02-29", // leap year
            "2026-03-31, 2026-04-30",
            "2026-06-15, 2026-07-15"
    })
    void oneCalendarMonthMovedToTheNextWorkingDay(String received, LocalDate expected) {
        Deadline d = new DeadlineCalculator(AMSTERDAM, calendar("covers\t2026\t2028\n")).deadline(at(received));
        assertThat(d.date()).isEqualTo(expected);
        assertThat(d.basis()).isEqualTo(Deadline.Basis.ONE_MONTH);
        assertThat(d.period()).isEqualTo(Period.ofMonths(1));
        assertThat(d.unmoved()).isEqualTo(LocalDate.parse(received).plusMonths(1));
        assertThat(d.moved()).isEqualTo(!d.unmoved().equals(d.date()));
        assertThat(d.equatedDaysKnown()).isTrue();
        assertThat(d.withoutPause()).isNull();
    }

    @Test
    void theMovesAreNamedWithTheirReasons() {
        Deadline d = CALCULATOR.deadline(at("2026-03-03"));
        assertThat(d.unmoved()).isEqualTo("2026-04-03");
        assertThat(d.date()).isEqualTo("2026-04-07");
        assertThat(d.skipped()).extracting(Deadline.SkippedDay::day, Deadline.SkippedDay::reason,
                        s -> s.holiday() == null ? null : s.holiday().nameEn())
                .containsExactly(
                        tuple(LocalDate.parse("2026-04-03"), MoveReason.EQUATED_DAY, "Good Friday"),
                        tuple(LocalDate.parse("2026-04-04"), MoveReason.WEEKEND, null),
                        tuple(LocalDate.parse("2026-04-05"), MoveReason.WEEKEND, null),
                        tuple(LocalDate.parse("2026-04-06"), MoveReason.HOLIDAY, "Easter Monday"));
        assertThat(d.skipped().get(0).holiday().source()).isEqualTo("art. 3(2) Atw");
        assertThat(CALCULATOR.deadline(at("2026-04-05")).skipped()).extracting(s -> s.holiday().nameNl())
                .containsExactly("5 mei (Bevrijdingsdag)");
        assertThat(MoveReason.EQUATED_DAY.code()).isEqualTo("equated-day");
    }

    @Test
    void theDayOfReceiptIsTheOrganisationsDay() {
        // 22:30 UTC on 31 March is 00:30 on 1 April in Amsterdam (summer time)
        Deadline late = CALCULATOR.deadline(Instant.parse("2026-03-31T22:30:00Z"));
        assertThat(late.receiptDay()).isEqualTo("2026-04-01");
        assertThat(late.date()).isEqualTo("2026-05-01");
        Deadline before = CALCULATOR.deadline(Instant.parse("2026-03-31T21:59:59Z"));
        assertThat(before.receiptDay()).isEqualTo("2026-03-31");
        assertThat(before.date()).isEqualTo("2026-04-30");
        // the same instant in UTC would be another day
        assertThat(new DeadlineCalculator(ZoneId.of("UTC"), COVERS_2026).receiptDay(Instant.parse("2026-03-31T22:30:00Z")))
                .isEqualTo("2026-03-31");
    }

    @Test
    void theWholeLastDayCountsInTheZoneAcrossDaylightSavingTime() {
        Deadline summer = CALCULATOR.deadline(at("2026-03-03"));
        assertThat(summer.endsAt()).isEqualTo(Instant.parse("2026-04-07T22:00:00Z")); // midnight CEST
        Deadline winter = CALCULATOR.deadline(at("2026-01-31"));
        assertThat(winter.endsAt()).isEqualTo(Instant.parse("2026-03-02T23:00:00Z")); // midnight CET
        assertThat(summer.passed(at("2026-04-07", "23:59:59.999"))).isFalse();
        assertThat(summer.passed(at("2026-04-08", "00:00"))).isTrue();
        // received at the last moment of a day, or the first: the same deadline
        assertThat(CALCULATOR.deadline(at("2026-03-03", "00:00")).date())
                .isEqualTo(CALCULATOR.deadline(at("2026-03-03", "23:59:59")).date());
    }

    @Test
    void theExtensionIsThreeMonthsFromReceipt() {
        Deadline d = CALCULATOR.extended(at("2026-03-03"));
        assertThat(d.date()).isEqualTo("2026-06-03");
        assertThat(d.basis()).isEqualTo(Deadline.Basis.EXTENDED);
        assertThat(d.period()).isEqualTo(Period.ofMonths(3));
        assertThat(d.moved()).isFalse();
        // counted from receipt, not from the end of the first month: 31 January + 3 months is 30 April, not 28 April
        assertThat(CALCULATOR.extended(at("2026-01-31")).date()).isEqualTo("2026-04-30");
        // the policy's P2M is the same; a shorter extension is the month plus it; a longer one is capped
        assertThat(CALCULATOR.extended(at("2026-03-03"), Period.ofMonths(2)).date()).isEqualTo("2026-06-03");
        Deadline oneMore = CALCULATOR.extended(at("2026-03-03"), Period.ofMonths(1));
        assertThat(oneMore.period()).isEqualTo(Period.ofMonths(2));
        assertThat(oneMore.unmoved()).isEqualTo("2026-05-03"); // a Sunday
        assertThat(oneMore.date()).isEqualTo("2026-05-04");
        assertThat(CALCULATOR.extended(at("2026-03-03"), Period.ofMonths(6)).period()).isEqualTo(Period.ofMonths(3));
    }

    @Test
    void thePolicysShorterResponseTime() {
        Deadline fourWeeks = CALCULATOR.deadline(at("2026-03-03"), Period.ofWeeks(4));
        assertThat(fourWeeks.basis()).isEqualTo(Deadline.Basis.RESPONSE_TIME);
        assertThat(fourWeeks.period()).isEqualTo(Period.ofWeeks(4));
        assertThat(fourWeeks.date()).isEqualTo("2026-03-31");
        // in February four weeks are the month: the month is the basis
        Deadline february = CALCULATOR.deadline(at("2026-02-01"), Period.ofWeeks(4));
        assertThat(february.basis()).isEqualTo(Deadline.Basis.ONE_MONTH);
        assertThat(february.date()).isEqualTo("2026-03-02"); // 1 March is a Sunday
        // longer than the month: the law allows no more than the month
        assertThat(CALCULATOR.deadline(at("2026-02-01"), Period.ofDays(30)).basis()).isEqualTo(Deadline.Basis.ONE_MONTH);
        assertThat(CALCULATOR.deadline(at("2026-03-03"), Period.ofWeeks(5)).date()).isEqualTo("2026-04-07");
        assertThat(CALCULATOR.deadline(at("2026-03-03"), null).basis()).isEqualTo(Deadline.Basis.ONE_MONTH);
        assertThatThrownBy(() -> CALCULATOR.deadline(at("2026-03-03"), Period.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> CALCULATOR.extended(at("2026-03-03"), Period.ofMonths(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aYearOutsideTheListOfEquatedDaysIsFlagged() {
        Deadline inside = CALCULATOR.deadline(at("2026-03-03"));
        assertThat(inside.yearsWithoutEquatedDays()).isEmpty();
        Deadline outside = CALCULATOR.deadline(at("2026-12-15"));
        assertThat(outside.date()).isEqualTo("2027-01-15");
        assertThat(outside.yearsWithoutEquatedDays()).containsExactly(2027);
        assertThat(outside.equatedDaysKnown()).isFalse();
        // a deadline that moves into an uncovered year: 30 and 31 December 2028 a weekend, 1 January a holiday
        DeadlineCalculator covers2028 = new DeadlineCalculator(AMSTERDAM, calendar("covers\t2028\t2028\n"));
        Deadline intoNextYear = covers2028.deadline(at("2028-11-30"));
        assertThat(intoNextYear.date()).isEqualTo("2029-01-02");
        assertThat(intoNextYear.skipped()).extracting(Deadline.SkippedDay::reason)
                .containsExactly(MoveReason.WEEKEND, MoveReason.WEEKEND, MoveReason.HOLIDAY);
        assertThat(intoNextYear.yearsWithoutEquatedDays()).containsExactly(2029);
        // the bundled list is complete for no year yet: every deadline says so
        Deadline bundled = new DeadlineCalculator(AMSTERDAM, HolidayCalendar.netherlands()).deadline(at("2026-03-03"));
        assertThat(bundled.date()).isEqualTo("2026-04-07");
        assertThat(bundled.yearsWithoutEquatedDays()).containsExactly(2026);
    }

    @Test
    void aDayEquatedByDecreeMovesTheDeadlineWithItsName() {
        DeadlineCalculator withDecree = new DeadlineCalculator(AMSTERDAM, calendar("""
                covers\t2026\t2026
                2026-05-15\tvrijdag na Hemelvaartsdag\tFriday after Ascension Day\tBesluit (test)
                """));
        Deadline d = withDecree.deadline(at("2026-04-15"));
        assertThat(d.date()).isEqualTo("2026-05-18");
        assertThat(d.skipped()).extracting(Deadline.SkippedDay::reason)
                .containsExactly(MoveReason.EQUATED_DAY, MoveReason.WEEKEND, MoveReason.WEEKEND);
        assertThat(d.skipped().get(0).holiday().source()).isEqualTo("Besluit (test)");
        // without the day, the deadline is earlier, never later
        assertThat(CALCULATOR.deadline(at("2026-04-15")).date()).isEqualTo("2026-05-15");
    }

    @Test
    void everyDeadlineOfSevenYearsEndsOnAWorkingDayAfterOnlyNonWorkingDays() {
        DeadlineCalculator calculator = new DeadlineCalculator(AMSTERDAM, HolidayCalendar.netherlands());
        HolidayCalendar holidays = calculator.holidays();
        for (LocalDate day = LocalDate.parse("2024-01-01"); day.getYear() <= 2030; day = day.plusDays(1)) {
            for (Deadline d : List.of(calculator.deadline(at(day.toString())), calculator.extended(at(day.toString())))) {
                assertThat(d.receiptDay()).isEqualTo(day);
                assertThat(d.unmoved()).isEqualTo(day.plus(d.period()));
                assertThat(holidays.isWorkingDay(d.date())).as("%s from %s", d.date(), day).isTrue();
                assertThat(d.skipped()).hasSize((int) ChronoUnit.DAYS.between(d.unmoved(), d.date()));
                for (Deadline.SkippedDay s : d.skipped()) {
                    assertThat(holidays.isWorkingDay(s.day())).isFalse();
                }
                // at most Good Friday to Easter Monday
                assertThat(d.skipped()).hasSizeLessThanOrEqualTo(4);
                assertThat(d.endsAt()).isEqualTo(d.date().plusDays(1).atStartOfDay(AMSTERDAM).toInstant());
            }
        }
    }

    // ---- the pause while identity is outstanding (a setting, off by default) ----

    private static final DeadlineCalculator PAUSING = new DeadlineCalculator(AMSTERDAM, COVERS_2026, true);

    @Test
    void withoutTheSettingAPauseChangesNothing() {
        List<IdentityPause> pause = List.of(new IdentityPause(at("2026-03-04"), at("2026-03-11")));
        Deadline d = CALCULATOR.deadline(at("2026-03-03"), null, pause);
        assertThat(d.date()).isEqualTo("2026-04-07");
        assertThat(d.pausedDays()).isZero();
        assertThat(d.withoutPause()).isNull();
        assertThat(CALCULATOR.pausesWhileIdentityOutstanding()).isFalse();
    }

    @Test
    void withTheSettingThePauseExtendsAndTheLegalDateIsShownToo() {
        // identity asked on 4 March, established on 11 March: 7 days
        Deadline d = PAUSING.deadline(at("2026-03-03"), null,
                List.of(new IdentityPause(at("2026-03-04", "09:00"), at("2026-03-11", "16:00"))));
        assertThat(d.pausedDays()).isEqualTo(7);
        assertThat(d.unmoved()).isEqualTo("2026-04-10");
        assertThat(d.date()).isEqualTo("2026-04-10");
        assertThat(d.withoutPause().date()).isEqualTo("2026-04-07");
        assertThat(d.withoutPause().pausedDays()).isZero();
        assertThat(d.withoutPause().withoutPause()).isNull();
        // no pause: the same date twice
        Deadline none = PAUSING.deadline(at("2026-03-03"));
        assertThat(none.date()).isEqualTo(none.withoutPause().date()).isEqualTo(LocalDate.parse("2026-04-07"));
        // the extension pauses alike
        assertThat(PAUSING.extended(at("2026-03-03"), null,
                List.of(new IdentityPause(at("2026-03-04"), at("2026-03-11")))).date()).isEqualTo("2026-06-10");
    }

    @Test
    void pausesCountDaysInTheZoneOnceAndNotBeforeReceipt() {
        Instant received = at("2026-03-03");
        // overlapping: 4–11 and 9–13 March are 4–13 March, 9 days
        assertThat(PAUSING.deadline(received, null, List.of(
                new IdentityPause(at("2026-03-09"), at("2026-03-13")),
                new IdentityPause(at("2026-03-04"), at("2026-03-11")))).pausedDays()).isEqualTo(9);
        // one inside another
        assertThat(PAUSING.deadline(received, null, List.of(
                new IdentityPause(at("2026-03-04"), at("2026-03-11")),
                new IdentityPause(at("2026-03-05"), at("2026-03-06")))).pausedDays()).isEqualTo(7);
        // asked and answered on one day: no day lost
        assertThat(PAUSING.deadline(received, null, List.of(
                new IdentityPause(at("2026-03-04", "09:00"), at("2026-03-04", "17:00")))).pausedDays()).isZero();
        // before receipt does not count
        assertThat(PAUSING.deadline(received, null, List.of(
                new IdentityPause(at("2026-02-20"), at("2026-03-05")))).pausedDays()).isEqualTo(2);
        // days are the zone's: 23:30 on 4 March to 00:30 on 5 March in Amsterdam crosses one midnight
        assertThat(PAUSING.deadline(received, null, List.of(
                new IdentityPause(at("2026-03-04", "23:30"), at("2026-03-05", "00:30")))).pausedDays()).isEqualTo(1);
        assertThatThrownBy(() -> new IdentityPause(at("2026-03-05"), at("2026-03-04")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
