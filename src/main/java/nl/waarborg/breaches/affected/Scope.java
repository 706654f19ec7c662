package nl.waarborg.breaches.affected;

import java.time.Instant;
import java.util.Set;
import nl.waarborg.input.InvalidInputException;

/**
 * What a breach reached: its data categories, the systems (the policy's ids, {@code vault} among them), the window
 * from {@code from} up to, not including, {@code until} (either null: open on that side), and the accounts whose
 * reads in that window count (actors of the audit log; empty: none).
 */
public record Scope(Set<String> dataCategories, Set<String> systems, Instant from, Instant until, Set<String> accounts) {

    public Scope {
        if (dataCategories == null || dataCategories.isEmpty()) {
            throw new InvalidInputException("dataCategories", "name at least one data category the breach reached");
        }
        if (from != null && until != null && from.isAfter(until)) {
            throw new InvalidInputException("from", "the window must start before it ends (from " + from + ", until "
                    + until + ")");
        }
        dataCategories = Set.copyOf(dataCategories);
        systems = systems == null ? Set.of() : Set.copyOf(systems);
        accounts = accounts == null ? Set.of() : Set.copyOf(accounts);
    }
}
