package nl.waarborg.vault;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A decrypted item as handed to a caller allowed to use it, with its reference dates (empty when it has none). */
public record StoredItem(UUID id, UUID subject, String category, String value, List<String> purposes, String source,
                         String system, Instant collectedAt, long policyVersion, Map<String, LocalDate> dates) {

    @Override
    public String toString() { // never the value
        return "StoredItem[" + id + ", " + category + "]";
    }
}
