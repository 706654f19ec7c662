package nl.waarborg.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Moves the start of a retention period to the start or end of the calendar year, quarter or month it falls in (the
 * current one) or of the one after it (the next one), in the organisation's time zone: "seven years from the first of
 * January after the financial year" is {@code P7Y} from an event rounded to {@link #START_OF_NEXT_YEAR}.
 * <p>
 * The end of a year, quarter or month is the moment the next one begins (31 December ends at 1 January 00:00), so
 * {@code end-of-current-year} and {@code start-of-next-year} give the same moment; the statement words them as
 * written, and the law words them both ways.
 */
public enum CalendarRounding implements PolicyTerm {
    START_OF_CURRENT_YEAR(Unit.YEAR, 0),
    START_OF_NEXT_YEAR(Unit.YEAR, 1),
    END_OF_CURRENT_YEAR(Unit.YEAR, 1),
    END_OF_NEXT_YEAR(Unit.YEAR, 2),
    START_OF_CURRENT_QUARTER(Unit.QUARTER, 0),
    START_OF_NEXT_QUARTER(Unit.QUARTER, 1),
    END_OF_CURRENT_QUARTER(Unit.QUARTER, 1),
    END_OF_NEXT_QUARTER(Unit.QUARTER, 2),
    START_OF_CURRENT_MONTH(Unit.MONTH, 0),
    START_OF_NEXT_MONTH(Unit.MONTH, 1),
    END_OF_CURRENT_MONTH(Unit.MONTH, 1),
    END_OF_NEXT_MONTH(Unit.MONTH, 2);

    /** The calendar unit a start is rounded to. */
    public enum Unit { YEAR, QUARTER, MONTH }

    private final Unit unit;
    private final int unitsAhead; // how many units after the first day of the start's own unit the result lies

    CalendarRounding(Unit unit, int unitsAhead) {
        this.unit = unit;
        this.unitsAhead = unitsAhead;
    }

    public Unit unit() {
        return unit;
    }

    /** Whether it rounds to an end (the statement says "the end of the year"), not a start ("1 January"). */
    public boolean toEnd() {
        return name().startsWith("END_");
    }

    /** Whether the rounded start lies after the start (always but for start-of-current-…, which moves it back). */
    public boolean forward() {
        return unitsAhead > 0;
    }

    /** Whether it rounds to the unit after the start's own one ("next"), not the start's own one ("current"). */
    public boolean next() {
        return name().contains("_NEXT_");
    }

    @Override
    public String term() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The first day of the unit the rounded start falls on. */
    public LocalDate apply(LocalDate day) {
        return switch (unit) {
            case YEAR -> day.withDayOfYear(1).plusYears(unitsAhead);
            case QUARTER -> day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1).plusMonths(3L * unitsAhead);
            case MONTH -> day.withDayOfMonth(1).plusMonths(unitsAhead);
        };
    }

    /**
     * The rounded moment: the first moment, in {@code zone}, of the day {@link #apply(LocalDate)} gives for the day
     * {@code at} falls on there (where a DST change skips midnight, the first moment that exists).
     */
    public Instant apply(Instant at, ZoneId zone) {
        return apply(at.atZone(zone).toLocalDate()).atStartOfDay(zone).toInstant();
    }
}
