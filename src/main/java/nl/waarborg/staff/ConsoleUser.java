package nl.waarborg.staff;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import nl.waarborg.access.Caller;

/**
 * A person signed in to the console, as pages and actions see them: no secret, nothing personal but the name they
 * chose to be shown by.
 *
 * @param purposes the policy's purposes the account's policy roles may use (every purpose for a privacy officer)
 * @param mustChangePassword the account may do nothing but change its password
 */
public record ConsoleUser(UUID accountId, String username, String displayName, List<String> roles,
                          Set<ConsolePermission> permissions, List<String> purposes, boolean mustChangePassword) {

    public ConsoleUser {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(username, "username");
        roles = List.copyOf(roles);
        permissions = Set.copyOf(permissions);
        purposes = List.copyOf(purposes);
    }

    public boolean may(ConsolePermission permission) {
        return !mustChangePassword && permissions.contains(permission);
    }

    /** Whether the account works as the privacy team, with every purpose, as the staff token does. */
    public boolean privacyOfficer() {
        return roles.contains(Roles.PRIVACY_OFFICER);
    }

    /**
     * The caller the vault, the decision engine and the audit log see: the username as actor, the first role as the
     * role, and the purposes the account's roles may use. Only a privacy officer is staff (every purpose).
     */
    public Caller caller() {
        String role = roles.stream().filter(r -> !Roles.builtIn(r)).findFirst()
                .orElse(roles.isEmpty() ? "none" : roles.get(0));
        return new Caller(username, role, purposes, privacyOfficer());
    }
}
