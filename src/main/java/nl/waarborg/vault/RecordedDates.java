package nl.waarborg.vault;

import java.time.Duration;
import java.time.Instant;

/**
 * The dates the vault stores for facts that have happened (an item's collection, a lifecycle event, joining a
 * subject category): within the years 1900 to 9999, and not after now beyond a small clock skew between the
 * caller's clock and ours ({@code waarborg.vault.clock-skew}, default five minutes). Checked in the vault, so they
 * hold for every caller, not only over HTTP.
 */
final class RecordedDates {

    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private final Duration skew;

    RecordedDates(Duration skew) {
        if (skew == null || skew.isNegative()) {
            throw new IllegalArgumentException("waarborg.vault.clock-skew must be zero or more, e.g. PT5M");
        }
        this.skew = skew;
    }

    Duration skew() {
        return skew;
    }

    /** Refuses {@code when} (named {@code field}) unless it is within 1900–9999 and not in the future. */
    void requireRecordable(String field, Instant when, Instant now) {
        requireRecordable(field, null, when, now);
    }

    /**
     * Refuses an item's reference date (its invoice date) outside the years 1900 to 9999. A reference date may lie in
     * the future (an appointment, the end of a guarantee): it is no fact being recorded but a date the item is about,
     * so the clock-skew rule of collection moments does not apply.
     */
    void requireInRange(String field, Integer index, java.time.LocalDate day) {
        if (day.getYear() < 1900 || day.getYear() > 9999) {
            throw new InvalidDateException(InvalidDateException.Reason.OUT_OF_RANGE, field, index,
                    "'" + field + "'" + (index == null ? "" : " of item " + index)
                            + " must lie between the years 1900 and 9999");
        }
    }

    /** The same for one item of a call, at {@code index}. */
    void requireRecordable(String field, Integer index, Instant when, Instant now) {
        if (when.isBefore(EARLIEST) || when.isAfter(LATEST)) {
            throw new InvalidDateException(InvalidDateException.Reason.OUT_OF_RANGE, field, index,
                    "'" + field + "'" + (index == null ? "" : " of item " + index)
                            + " must lie between the years 1900 and 9999");
        }
        if (when.isAfter(now.plus(skew))) {
            throw new InvalidDateException(InvalidDateException.Reason.IN_FUTURE, field, index,
                    "'" + field + "'" + (index == null ? "" : " of item " + index)
                            + " lies in the future; a fact is recorded once it has happened (clock skew allowed: "
                            + skew + ")");
        }
    }
}
