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

    /** Whether this period can last longer than {@code limit} (month lengths taken at their longest). */
    public boolean exceeds(Period limit) {
        LocalDate worst = LocalDate.of(2024, 1, 31); // a 31-day month followed by a leap February
        return worst.plus(value).isAfter(worst.plus(limit));
    }

    @Override
    public String toString() {
        return raw;
    }
}
