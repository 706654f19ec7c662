package nl.waarborg.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Objects;

/**
 * The legal deadline of a data-subject request, with how it was reached (docs/requests.md, "Deadlines").
 *
 * <p>{@link #date} is the last day: the whole day counts, in the organisation's zone, and {@link #endsAt} is the first
 * moment after it (midnight at its end, as {@code CalendarRounding} ends a period), so an answer is in time when it is
 * sent before {@code endsAt}.
 *
 * @param received                the moment the request was received
 * @param receiptDay              the day of receipt in the organisation's zone
 * @param basis                   which period applies: one month, the policy's shorter response time, or the extension
 * @param period                  the period added to {@code receiptDay} (P1M, the policy's P4W, P3M, …)
 * @param pausedDays              days during which identity was outstanding, added to the period (0 unless the pause
 *                                setting is on)
 * @param unmoved                 {@code receiptDay + period + pausedDays}: where the period ends before art. 1 Atw
 * @param date                    the deadline: {@code unmoved}, or the next day that is no Saturday, Sunday, holiday
 *                                or equated day
 * @param endsAt                  the first moment after {@code date} in the organisation's zone
 * @param skipped                 the days passed over from {@code unmoved} to {@code date}, each with its reason (empty
 *                                when {@code unmoved} is itself the deadline)
 * @param yearsWithoutEquatedDays the years of the days looked at (from {@code unmoved} to {@code date}) for which the
 *                                list of days equated by royal decree is not complete: the deadline may then be earlier
 *                                than the law's, never later. Empty when the list covers them
 * @param withoutPause            the legal deadline without any pause, when the pause setting is on; null when it is
 *                                off (then this deadline is the legal one)
 */
public record Deadline(Instant received, LocalDate receiptDay, Basis basis, Period period, int pausedDays,
                       LocalDate unmoved, LocalDate date, Instant endsAt, List<SkippedDay> skipped,
                       List<Integer> yearsWithoutEquatedDays, Deadline withoutPause) {

    /** Which period a deadline counts. */
    public enum Basis {
        /** One calendar month from receipt (Art. 12(3) GDPR). */
        ONE_MONTH,
        /** The policy's response time ({@code rights.response-time}), shorter than the month. */
        RESPONSE_TIME,
        /** The month extended by at most two further months (Art. 12(3) GDPR): at most three months from receipt. */
        EXTENDED
    }

    /**
     * A day the deadline passed over.
     *
     * @param holiday the holiday or equated day, with its name and source; null for a plain Saturday or Sunday
     */
    public record SkippedDay(LocalDate day, MoveReason reason, Holiday holiday) {

        public SkippedDay {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public Deadline {
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(receiptDay, "receiptDay");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(unmoved, "unmoved");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(endsAt, "endsAt");
        skipped = List.copyOf(skipped);
        yearsWithoutEquatedDays = List.copyOf(yearsWithoutEquatedDays);
    }

    /** Whether the period ended on a Saturday, Sunday, holiday or equated day and the deadline moved (art. 1 Atw). */
    public boolean moved() {
        return !skipped.isEmpty();
    }

    /** Whether the list of equated days covered every day looked at; if not, see {@link #yearsWithoutEquatedDays}. */
    public boolean equatedDaysKnown() {
        return yearsWithoutEquatedDays.isEmpty();
    }

    /** Whether the deadline has passed at {@code now}: {@code now} is at or after {@link #endsAt}. */
    public boolean passed(Instant now) {
        return !now.isBefore(endsAt);
    }
}
