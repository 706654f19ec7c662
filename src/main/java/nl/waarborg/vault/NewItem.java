package nl.waarborg.vault;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A personal value to store: of one data category, collected for these purposes from this source, living in
 * this system; {@code collectedAt} null for now; {@code dates} the dates it carries of its own (the policy's
 * {@code item-dates}, such as its invoice date), which retention periods may start from.
 */
public record NewItem(UUID subject, String category, String value, List<String> purposes, String source,
                      String system, Instant collectedAt, Map<String, LocalDate> dates) {

    public NewItem {
        Objects.requireNonNull(subject, "subject");
        purposes = purposes == null ? List.of() : List.copyOf(purposes);
        dates = dates == null ? Map.of() : Map.copyOf(dates);
    }

    /** An item that carries no dates of its own. */
    public NewItem(UUID subject, String category, String value, List<String> purposes, String source, String system,
                   Instant collectedAt) {
        this(subject, category, value, purposes, source, system, collectedAt, Map.of());
    }

    @Override
    public String toString() { // never the value
        return "NewItem[" + subject + ", " + category + ", " + purposes + "]";
    }
}
