package nl.waarborg.access;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One use of personal data by string ids, as a caller at the edge (API, console, connector) states it.
 *
 * @param recipient     null when the data goes to nobody
 * @param circumstances what the caller asserts about this use (pseudonymised, an Art. 18(2) exception)
 */
public record DecisionRequest(String role, String purpose, Collection<String> categories, Action action,
                              String recipient, Collection<Circumstance> circumstances) {

    public DecisionRequest {
        Objects.requireNonNull(action, "action");
        categories = categories == null ? List.of() : List.copyOf(categories);
        circumstances = circumstances == null ? Set.of() : Set.copyOf(circumstances);
    }

    public static DecisionRequest of(String role, String purpose, Action action, String... categories) {
        return new DecisionRequest(role, purpose, List.of(categories), action, null, Set.of());
    }

    public DecisionRequest to(String recipient) {
        return new DecisionRequest(role, purpose, categories, action, recipient, circumstances);
    }

    public DecisionRequest with(Circumstance... asserted) {
        return new DecisionRequest(role, purpose, categories, action, recipient, List.of(asserted));
    }
}
