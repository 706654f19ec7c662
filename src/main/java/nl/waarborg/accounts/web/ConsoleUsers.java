package nl.waarborg.accounts.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.waarborg.staff.ConsolePermission;
import nl.waarborg.staff.ConsoleUser;
import nl.waarborg.staff.Roles;
import nl.waarborg.accounts.StaffAccount;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.service.ActivePolicy;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Turns a signed-in account into the console's {@link ConsoleUser} and its Spring Security authentication: one
 * {@code ROLE_} authority per role, one {@code PERM_} authority per permission. An account that must change its
 * password gets no permission at all until it has.
 */
@Component
public class ConsoleUsers {

    private final ActivePolicy policy;

    ConsoleUsers(ActivePolicy policy) {
        this.policy = policy;
    }

    public ConsoleUser of(StaffAccount account, boolean mustChangePassword) {
        return new ConsoleUser(account.id(), account.username(),
                account.displayName() == null || account.displayName().isBlank() ? account.username() : account.displayName(),
                account.roles(), ConsolePermission.forRoles(account.roles()), purposes(account.roles()), mustChangePassword);
    }

    /** The purposes whose policy roles include one of the account's roles; a privacy officer has every purpose. */
    private List<String> purposes(List<String> roles) {
        List<String> out = new ArrayList<>();
        for (Policy.Purpose p : policy.policy().purposes()) {
            if (roles.contains(Roles.PRIVACY_OFFICER) || p.roles().stream().anyMatch(roles::contains)) {
                out.add(p.id());
            }
        }
        return out;
    }

    public static UsernamePasswordAuthenticationToken authentication(ConsoleUser user) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String role : user.roles()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_console:" + role));
        }
        Set<ConsolePermission> permissions = user.mustChangePassword() ? Set.of() : user.permissions();
        for (ConsolePermission p : permissions) {
            authorities.add(new SimpleGrantedAuthority(p.authority()));
        }
        authorities.add(new SimpleGrantedAuthority("ROLE_CONSOLE"));
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }
}
