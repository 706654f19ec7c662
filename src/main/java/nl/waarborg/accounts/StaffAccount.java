package nl.waarborg.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A staff account as everything outside storage sees it: no password hash, no TOTP secret. The username is a term
 * ({@link #USERNAME}), so it can stand as the actor of an audit event.
 *
 * @param mustChangePassword the password was given to the person (the first administrator's one-time password) and
 *                           must be replaced before the account may do anything else
 */
public record StaffAccount(UUID id, String username, String displayName, List<String> roles, boolean totpEnabled,
                           boolean mustChangePassword, boolean disabled, Instant createdAt, Instant updatedAt) {

    /** Lower-case letters, digits and {@code . _ -}, 2 to 64 characters: no '@' or spaces, so never an e-mail address. */
    public static final java.util.regex.Pattern USERNAME = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    public StaffAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        roles = List.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
