package nl.waarborg.breaches.affected;

import java.util.List;
import java.util.Map;

/**
 * How many people a breach affects. {@code count}: Waarborg's subjects (the vault's and the audit log's, one id
 * counted once) plus each jdbc system's own (not matched with Waarborg's nor with each other, so an upper bound).
 * {@code bySource}: per source ({@code vault}, {@code audit}, a system's id), before the union. {@code causes}: a
 * system that could not be counted, as {@code code:system} ({@code not-countable:mailing},
 * {@code connection-refused:crm}): the count leaves its people out, and the register has to say so.
 */
public record Affected(long count, Map<String, Long> bySource, List<String> causes) {

    public Affected {
        bySource = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(bySource)); // in the order counted
        causes = List.copyOf(causes);
    }
}
