package nl.waarborg.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The legal deadline of a data-subject request (docs/requests.md, "Deadlines"): from the day of receipt in the
 * organisation's zone, one calendar month (Art. 12(3) GDPR) or the policy's shorter response time, or, extended, three
 * months; then moved past Saturdays, Sundays, holidays and equated days to the next day that is none of these
 * (art. 1, 3 Algemene termijnenwet).
 *
 * <p>A month is a calendar month: the same date in the next month, or that month's last day where the date does not
 * exist (31 January → 28 or 29 February), as {@link LocalDate#plus} counts. Plain Java, no clock: the receipt moment
 * is an input, so tests move dates and never wait.
 *
 * <p>Optionally (a setting, off by default) the clock stops while identity is outstanding: the days of
 * {@link IdentityPause}s are added to the period, and the deadline then also carries the legal one without the pause
 * ({@link Deadline#withoutPause()}).
 */
public final class DeadlineCalculator {

    /** Art. 12(3) GDPR: within one month of receipt. */
    public static final Period ONE_MONTH = Period.ofMonths(1);

    /** Art. 12(3) GDPR: the month may be extended by two further months, so at most three months from receipt. */
    public static final Period LONGEST = Period.ofMonths(3);

    private final ZoneId zone;
    private final HolidayCalendar holidays;
    private final boolean pauseWhileIdentityOutstanding;

    /** A calculator that does not pause the clock while identity is outstanding (the default). */
    public DeadlineCalculator(ZoneId zone, HolidayCalendar holidays) {
        this(zone, holidays, false);
    }

    /**
     * @param pauseWhileIdentityOutstanding whether days during which identity was outstanding extend the deadline
     *                                      (off by default; when on, the legal date without the pause is returned
     *                                      too)
     */
    public DeadlineCalculator(ZoneId zone, HolidayCalendar holidays, boolean pauseWhileIdentityOutstanding) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.holidays = Objects.requireNonNull(holidays, "holidays");
        this.pauseWhileIdentityOutstanding = pauseWhileIdentityOutstanding;
    }

    public ZoneId zone() {
        return zone;
    }

    public HolidayCalendar holidays() {
        return holidays;
    }

    public boolean pausesWhileIdentityOutstanding() {
        return pauseWhileIdentityOutstanding;
    }

    /** The day a request received at {@code received} was received, in the organisation's zone. */
    public LocalDate receiptDay(Instant received) {
        return received.atZone(zone).toLocalDate();
    }

    /** The deadline to answer: one calendar month from the day of receipt, moved past non-working days. */
    public Deadline deadline(Instant received) {
        return deadline(received, null, List.of());
    }

    /**
     * The deadline to answer under the policy's response time: {@code responseTime} where it ends before the month,
     * else the month (the law allows no more).
     *
     * @param responseTime the policy's {@code rights.response-time} (P4W, P1M); null for one month
     */
    public Deadline deadline(Instant received, Period responseTime) {
        return deadline(received, responseTime, List.of());
    }

    /**
     * As {@link #deadline(Instant, Period)}, with the stretches during which identity was outstanding; they count only
     * when this calculator pauses the clock.
     */
    public Deadline deadline(Instant received, Period responseTime, List<IdentityPause> identityOutstanding) {
        LocalDate day = receiptDay(received);
        if (responseTime == null || !day.plus(positive(responseTime, "response time")).isBefore(day.plus(ONE_MONTH))) {
            return compute(received, day, Deadline.Basis.ONE_MONTH, ONE_MONTH, identityOutstanding);
        }
        return compute(received, day, Deadline.Basis.RESPONSE_TIME, responseTime, identityOutstanding);
    }

    /** The extended deadline: three calendar months from the day of receipt (Art. 12(3) GDPR), moved likewise. */
    public Deadline extended(Instant received) {
        return extended(received, null, List.of());
    }

    /**
     * The extended deadline under the policy's extension: the month plus {@code extension}, from the day of receipt,
     * at most three months.
     *
     * @param extension the policy's {@code rights.extension} (P2M); null for two months
     */
    public Deadline extended(Instant received, Period extension) {
        return extended(received, extension, List.of());
    }

    /** As {@link #extended(Instant, Period)}, with the stretches during which identity was outstanding. */
    public Deadline extended(Instant received, Period extension, List<IdentityPause> identityOutstanding) {
        LocalDate day = receiptDay(received);
        Period period = extension == null ? LONGEST : ONE_MONTH.plus(positive(extension, "extension"));
        if (day.plus(period).isAfter(day.plus(LONGEST))) {
            period = LONGEST;
        }
        return compute(received, day, Deadline.Basis.EXTENDED, period, identityOutstanding);
    }

    private Deadline compute(Instant received, LocalDate receiptDay, Deadline.Basis basis, Period period,
                             List<IdentityPause> identityOutstanding) {
        Objects.requireNonNull(identityOutstanding, "identityOutstanding");
        LocalDate end = receiptDay.plus(period);
        Deadline legal = move(received, receiptDay, basis, period, 0, end, null);
        if (!pauseWhileIdentityOutstanding) {
            return legal;
        }
        int paused = pausedDays(receiptDay, identityOutstanding);
        return move(received, receiptDay, basis, period, paused, end.plusDays(paused), legal);
    }

    // Art. 1 Atw: a period ending on a Saturday, Sunday or holiday runs until the next day that is none of these.
    private Deadline move(Instant received, LocalDate receiptDay, Deadline.Basis basis, Period period, int paused,
                         LocalDate unmoved, Deadline withoutPause) {
        List<Deadline.SkippedDay> skipped = new ArrayList<>();
        TreeSet<Integer> unknown = new TreeSet<>();
        LocalDate day = unmoved;
        while (true) {
            if (!holidays.knowsEquatedDays(day.getYear())) {
                unknown.add(day.getYear());
            }
            var holiday = holidays.holiday(day);
            if (holiday.isPresent()) {
                skipped.add(new Deadline.SkippedDay(day, holiday.get().reason(), holiday.get()));
            } else if (HolidayCalendar.isWeekend(day)) {
                skipped.add(new Deadline.SkippedDay(day, MoveReason.WEEKEND, null));
            } else {
                break;
            }
            day = day.plusDays(1);
        }
        Instant endsAt = day.plusDays(1).atStartOfDay(zone).toInstant();
        return new Deadline(received, receiptDay, basis, period, paused, unmoved, day, endsAt, skipped,
                List.copyOf(unknown), withoutPause);
    }

    // The days, in the zone, during which identity was outstanding: each pause from the day it began to the day it
    // ended (asked Monday, answered Thursday: 3 days; the same day: none), not before the day of receipt, overlapping
    // pauses counted once.
    private int pausedDays(LocalDate receiptDay, List<IdentityPause> pauses) {
        List<LocalDate[]> spans = new ArrayList<>();
        for (IdentityPause p : pauses) {
            LocalDate from = receiptDay(p.from());
            LocalDate until = receiptDay(p.until());
            if (from.isBefore(receiptDay)) {
                from = receiptDay;
            }
            if (until.isAfter(from)) {
                spans.add(new LocalDate[] {from, until});
            }
        }
        spans.sort(Comparator.comparing(s -> s[0]));
        long days = 0;
        LocalDate reached = null; // the end of what is counted so far
        for (LocalDate[] s : spans) {
            LocalDate from = reached != null && reached.isAfter(s[0]) ? reached : s[0];
            if (s[1].isAfter(from)) {
                days += ChronoUnit.DAYS.between(from, s[1]);
                reached = s[1];
            }
        }
        return Math.toIntExact(days);
    }

    private static Period positive(Period p, String what) {
        if (p.isZero() || p.isNegative()) {
            throw new IllegalArgumentException("the " + what + " must be a positive period, not " + p);
        }
        return p;
    }
}
