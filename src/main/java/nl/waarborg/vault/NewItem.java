package nl.waarborg.vault;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A personal value to store: of one data category, collected for these purposes from this source, living in
 * this system; {@code collectedAt} null for now.
 */
public record NewItem(UUID subject, String category, String value, List<String> purposes, String source,
                      String system, Instant collectedAt) {

    public NewItem {
        Objects.requireNonNull(subject, "subject");
        purposes = purposes == null ? List.of() : List.copyOf(purposes);
    }

    @Override
    public String toString() { // never the value
        return "NewItem[" + subject + ", " + category + ", " + purposes + "]";
    }
}
