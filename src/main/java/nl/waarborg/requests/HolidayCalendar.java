package nl.waarborg.requests;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The days on which a legal period does not end in the Netherlands (Algemene termijnenwet, Atw): Saturdays and
 * Sundays (art. 1), the generally recognised holidays (art. 3(1)), Good Friday (art. 3(2)) and the days equated by
 * royal decree (art. 3(3)).
 *
 * <p>The holidays of art. 3(1) and Good Friday are computed per year, the Easter-based ones from Easter Sunday by the
 * Gregorian computus: Nieuwjaarsdag (1 January), Goede Vrijdag (Easter − 2), tweede Paasdag (Easter + 1), Koningsdag
 * (27 April, or 26 April when the 27th is a Sunday), 5 mei, Hemelvaartsdag (Easter + 39), tweede Pinksterdag
 * (Easter + 50), eerste and tweede Kerstdag (25 and 26 December). Koningsdag is the day the King's birthday is celebrated
 * (art. 3(1): "de dag waarop de verjaardag van de Koning wordt gevierd"); the rule here is the one in force since
 * 2014, so earlier years are refused, and a new monarch means a new rule here. The decree days come from
 * {@link EquatedDays}, which says which years it is complete for.
 *
 * <p>Immutable and safe to share; a year's days are computed once.
 */
public final class HolidayCalendar {

    /** The first year the calendar knows: Koningsdag on 27 April (26 when a Sunday) since 2014. */
    public static final int FIRST_YEAR = 2014;

    private static final String ART_3_1 = "art. 3(1) Atw";
    private static final String ART_3_2 = "art. 3(2) Atw";

    private final EquatedDays equated;
    private final Map<Integer, Map<LocalDate, Holiday>> years = new ConcurrentHashMap<>();

    private HolidayCalendar(EquatedDays equated) {
        this.equated = Objects.requireNonNull(equated, "equated");
    }

    /** The Dutch calendar with the equated days bundled with Waarborg ({@link EquatedDays#bundled()}). */
    public static HolidayCalendar netherlands() {
        return new HolidayCalendar(EquatedDays.bundled());
    }

    /** The Dutch calendar with the given list of equated days (the organisation's own, or {@link EquatedDays#none()}). */
    public static HolidayCalendar netherlands(EquatedDays equated) {
        return new HolidayCalendar(equated);
    }

    public EquatedDays equatedDays() {
        return equated;
    }

    /** Whether the list of equated days is complete for {@code year}; if not, deadlines there are flagged. */
    public boolean knowsEquatedDays(int year) {
        return equated.covers(year);
    }

    /** The holiday or equated day on {@code day}, if it is one (a Saturday or Sunday as such is not). */
    public Optional<Holiday> holiday(LocalDate day) {
        return Optional.ofNullable(of(day.getYear()).get(day));
    }

    /** Every holiday and equated day of {@code year}, by date. */
    public List<Holiday> holidays(int year) {
        return List.copyOf(of(year).values());
    }

    public static boolean isWeekend(LocalDate day) {
        DayOfWeek d = day.getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }

    /** Whether a legal period can end on {@code day}: no Saturday, Sunday, holiday or equated day. */
    public boolean isWorkingDay(LocalDate day) {
        return !isWeekend(day) && !of(day.getYear()).containsKey(day);
    }

    /**
     * Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm of Meeus, Jones and Butcher), between
     * 22 March and 25 April.
     */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    private Map<LocalDate, Holiday> of(int year) {
        if (year < FIRST_YEAR) {
            throw new IllegalArgumentException("the holiday calendar starts in " + FIRST_YEAR
                    + " (Koningsdag on 27 April); " + year + " is before it");
        }
        return years.computeIfAbsent(year, this::compute);
    }

    private Map<LocalDate, Holiday> compute(int year) {
        LocalDate easter = easterSunday(year);
        LocalDate kingsDay = LocalDate.of(year, Month.APRIL, 27);
        if (kingsDay.getDayOfWeek() == DayOfWeek.SUNDAY) {
            kingsDay = kingsDay.minusDays(1);
        }
        List<Holiday> days = new ArrayList<>(List.of(
                new Holiday(LocalDate.of(year, 1, 1), "Nieuwjaarsdag", "New Year's Day", false, ART_3_1),
                new Holiday(easter.minusDays(2), "Goede Vrijdag", "Good Friday", true, ART_3_2),
                new Holiday(easter.plusDays(1), "Tweede Paasdag", "Easter Monday", false, ART_3_1),
                new Holiday(kingsDay, "Koningsdag", "King's Day", false, ART_3_1),
                new Holiday(LocalDate.of(year, 5, 5), "5 mei (Bevrijdingsdag)", "5 May (Liberation Day)", false, ART_3_1),
                new Holiday(easter.plusDays(39), "Hemelvaartsdag", "Ascension Day", false, ART_3_1),
                new Holiday(easter.plusDays(50), "Tweede Pinksterdag", "Whit Monday", false, ART_3_1),
                new Holiday(LocalDate.of(year, 12, 25), "Eerste Kerstdag", "Christmas Day", false, ART_3_1),
                new Holiday(LocalDate.of(year, 12, 26), "Tweede Kerstdag", "Boxing Day", false, ART_3_1)));
        for (Holiday d : equated.days()) {
            // A day the law already names keeps its own name and article; a decree adds nothing to it.
            if (d.date().getYear() == year && days.stream().noneMatch(h -> h.date().equals(d.date()))) {
                days.add(d);
            }
        }
        days.sort(Comparator.comparing(Holiday::date));
        Map<LocalDate, Holiday> out = new LinkedHashMap<>();
        for (Holiday d : days) {
            // Two holidays of the law on one day (5 May and Ascension Day, as in 2016): one day, both names.
            out.merge(d.date(), d, (x, y) -> new Holiday(x.date(), x.nameNl() + " en " + y.nameNl(),
                    x.nameEn() + " and " + y.nameEn(), x.equated() && y.equated(), x.source()));
        }
        return Collections.unmodifiableMap(out);
    }
}
