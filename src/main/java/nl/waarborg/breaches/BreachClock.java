package nl.waarborg.breaches;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The notification clock of a breach: a period from the moment the organisation became aware of it, counted in
 * elapsed time (UTC), so nights, weekends, holidays and a change of summer time stop nothing; the zone only says how
 * the moments are shown. Aware 2026-10-23 10:00 in Amsterdam (CEST, UTC+2) is due 2026-10-26 09:00 (CET, UTC+1):
 * 72 hours later, not the same wall-clock time three days on.
 *
 * <p>As controller the period is 72 hours (Art. 33(1) GDPR: "not later than 72 hours after having become aware of
 * it"). As processor the law says "without undue delay" (Art. 33(2)) and gives no number: the period is then the
 * organisation's own target ({@code waarborg.breaches.processor-notice}, by default 24 hours), not the law's.
 *
 * @param awareAt when the organisation became aware of the breach with reasonable certainty: the clock starts here
 * @param period  how long it runs
 * @param zone    the organisation's zone, in which moments are shown
 */
public record BreachClock(Instant awareAt, Duration period, ZoneId zone) {

    /** The controller's period of Art. 33(1) GDPR. */
    public static final Duration CONTROLLER_PERIOD = Duration.ofHours(72);
    /** The last hour: from here on the clock warns. */
    public static final Duration WARNING = Duration.ofHours(1);

    public BreachClock {
        if (awareAt == null || period == null || zone == null) {
            throw new IllegalArgumentException("a clock needs its start, its period and a zone");
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a clock's period is positive");
        }
    }

    /** The clock for {@code role}: 72 hours for a controller, {@code processorNotice} for a processor. */
    public static BreachClock of(BreachRole role, Instant awareAt, Duration processorNotice, ZoneId zone) {
        return new BreachClock(awareAt, role == BreachRole.PROCESSOR ? processorNotice : CONTROLLER_PERIOD, zone);
    }

    /** The deadline: a notification at this moment is in time, one after it late. */
    public Instant due() {
        return awareAt.plus(period);
    }

    /** {@link #due()} in the organisation's zone, with its offset (CET or CEST). */
    public ZonedDateTime dueInZone() {
        return due().atZone(zone);
    }

    public ZonedDateTime awareInZone() {
        return awareAt.atZone(zone);
    }

    /** Time left at {@code now}; negative when late. */
    public Duration left(Instant now) {
        return Duration.between(now, due());
    }

    /** Whether a notification sent at {@code sentAt} is late, and so must give the reasons for the delay (Art. 33(1)). */
    public boolean late(Instant sentAt) {
        return sentAt.isAfter(due());
    }

    /** Where the clock stands at {@code now}, given whether it was notified or decided not to be. */
    public State state(Instant now, boolean notified, boolean notRequired) {
        if (notified) {
            return State.NOTIFIED;
        }
        if (notRequired) {
            return State.NOT_REQUIRED;
        }
        if (late(now)) {
            return State.LATE;
        }
        return now.isBefore(due().minus(WARNING)) ? State.RUNNING : State.WARNING;
    }

    /**
     * {@code running}; {@code warning}: less than an hour left (hour 71 reached); {@code late}: the period has passed and
     * a notification must give the reasons for the delay; {@code notified}: the initial notification was sent;
     * {@code not-required}: it was decided not to notify (the decision and its reason are in the register).
     */
    public enum State {
        RUNNING, WARNING, LATE, NOTIFIED, NOT_REQUIRED;

        public String term() {
            return Term.of(this);
        }
    }
}
