package nl.waarborg.requests;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One value of the person's data, from the vault or a declared system, as the answer to an access or portability
 * request shows it (docs/requests.md, "The answer").
 *
 * @param source      {@code vault} or the id of the policy's system the value was read from
 * @param category    the policy's data category
 * @param value       the value itself, as stored; never in {@link #toString()}, logs or exceptions
 * @param collectedAt when it was collected; null when the source does not say
 * @param purposes    the purposes it was collected for; empty when the source does not say
 * @param origin      the policy's source id (where it came from: the person, another organisation); null when not known
 * @param location    {@code table.column} for a system; null for the vault
 */
public record AnswerItem(String source, String category, String value, Instant collectedAt, List<String> purposes,
                         String origin, String location) {

    public AnswerItem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(category, "category");
        purposes = purposes == null ? List.of() : List.copyOf(purposes);
    }

    /** Everything but the value: an item may end up in a log line or an assertion message. */
    @Override
    public String toString() {
        return "AnswerItem[source=" + source + ", category=" + category + ", value=(hidden), collectedAt=" + collectedAt
                + ", purposes=" + purposes + ", origin=" + origin + ", location=" + location + "]";
    }
}
