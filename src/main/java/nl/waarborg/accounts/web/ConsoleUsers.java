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
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
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

    /** Where a console session keeps its authentication: the HTTP session, as the console chain reads it. */
    private static final SecurityContextRepository CONTEXTS = new HttpSessionSecurityContextRepository();

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

    /**
     * Starts {@code user}'s console session on this request, however they signed in (password, passkey, OpenID
     * Connect, or a password change that renews the session): a new session id first, so an id planted before is
     * worth nothing after (session fixation), then the authentication kept in the session.
     */
    public static void startSession(ConsoleUser user, HttpServletRequest request, HttpServletResponse response) {
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication(user));
        SecurityContextHolder.setContext(context);
        CONTEXTS.saveContext(context, request, response);
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
