package nl.waarborg.systems;

import java.util.List;
import java.util.Map;

/**
 * What one operation on one system came to. Counts are by data category (or table), never values; a digest is the
 * SHA-256 of the primary keys erased, as the vault's erasure proof. A cause names the system and what failed (a
 * refused connection, a missing column, an HTTP status), never a password, a value or a row.
 */
public sealed interface SystemResult {

    String system();

    /** Everything asked was done. {@code exported}: for an export, the values found (empty otherwise). */
    record Done(String system, Map<String, Long> counts, String digest, List<ExportedValue> exported)
            implements SystemResult {}

    /** Part was done (counted as in {@link Done}); the rest failed with {@code cause} and is retried. */
    record Partial(String system, Map<String, Long> counts, String digest, String cause) implements SystemResult {}

    /** Nothing was done: the system could not be reached or refused; retried later. */
    record Failed(String system, String cause) implements SystemResult {}

    /** Handed over and not yet confirmed: a webhook answered later, a manual task for the owner ({@code task}). */
    record Pending(String system, String task) implements SystemResult {}

    /** One value of an export: where it is, which category it is, and the value as the database gave it. */
    record ExportedValue(String table, String column, String category, Object value) {

        @Override
        public String toString() { // the value is personal
            return "ExportedValue[" + table + "." + column + "=" + category + "]";
        }
    }
}
