package nl.waarborg.vault;

import nl.waarborg.input.InvalidInputException;
import java.util.regex.Pattern;

/**
 * An application's own key for a subject, such as a customer number, unique within its scheme ({@code crm},
 * {@code billing}). Pseudonymous: kept in clear so applications can map back, never in the audit log.
 */
public record Reference(String scheme, String reference) {

    private static final Pattern SCHEME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public Reference {
        if (scheme == null || !SCHEME.matcher(scheme).matches()) {
            throw new InvalidInputException("scheme", "a reference scheme is 1-64 lower-case letters, digits, '.', '_' or '-'");
        }
        if (reference == null || reference.isBlank() || reference.length() > 200) {
            throw new InvalidInputException("reference", "a reference is 1-200 characters");
        }
    }
}
