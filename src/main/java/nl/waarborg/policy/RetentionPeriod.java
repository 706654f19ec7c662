package nl.waarborg.policy;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;

/**
 * A period as written in the policy. {@code value} is null when {@code raw} is not an ISO-8601 date-based
 * duration (P7D, P6M, P160W, P7Y): "as long as necessary" stays representable so lint can point at it.
 */
public record RetentionPeriod(String raw, Period value) {

    public static RetentionPeriod parse(String raw) {
        try {
            return new RetentionPeriod(raw, Period.parse(raw.trim()));
        } catch (DateTimeParseException e) {
            return new RetentionPeriod(raw, null);
        }
    }

    public boolean isConcrete() {
        return value != null && !value.isNegative() && !value.isZero();
    }

    /**
     * P0D: nothing beyond the start. Meaningful only from a lifecycle event ("while the contract runs": until it
     * ends); from collection it would keep nothing, and lint says so.
     */
    public boolean isZero() {
        return value != null && value.isZero();
    }

    /** Whether this period can last longer than {@code limit} where a month is shortest (31 January to 28 February). */
    public boolean exceeds(Period limit) {
        LocalDate worst = LocalDate.of(2023, 1, 31); // a month measured from 31 January ends on 28 February
        return worst.plus(value).isAfter(worst.plus(limit));
    }

    @Override
    public String toString() {
        return raw;
    }
}
