package nl.waarborg.accounts.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import nl.waarborg.accounts.service.Accounts;
import nl.waarborg.staff.ConsoleUser;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a console session when the account's password changes elsewhere or the account is disabled: a session keeps
 * the {@link ConsoleUser} it signed in as, which the database is not asked about again, so without this a stolen
 * session (or a leaver's open browser) would outlive both. Each console request compares the session's stamp with
 * {@link Accounts#sessionStamp} (one row by primary key); a different or missing stamp signs the session out, and the
 * request goes on signed out (a page sends it to the sign-in page).
 *
 * <p>The stamp is taken at the end of the request in which a session was signed in — by password, passkey or OpenID
 * Connect alike, and again after the session's own password change — recognised by a new authentication object in
 * the session, so no sign-in path has to remember to take it.
 */
@Component
public class SessionStamps {

    static final String ATTRIBUTE = SessionStamps.class.getName();

    /** The stamp and the very authentication it was taken for (identity, not equality: a new sign-in is new). */
    private record Stamp(Authentication authentication, String value) implements java.io.Serializable {
    }

    private final Accounts accounts;

    SessionStamps(Accounts accounts) {
        this.accounts = accounts;
    }

    /** Adds the check to the console chain, right after the session's security context is found. */
    public void addTo(HttpSecurity http) {
        http.addFilterAfter(new Check(), SecurityContextHolderFilter.class);
    }

    private final class Check extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            HttpSession session = request.getSession(false);
            Authentication before = authentication(session);
            if (before != null && before.getPrincipal() instanceof ConsoleUser user) {
                Stamp stamp = session.getAttribute(ATTRIBUTE) instanceof Stamp s ? s : null;
                Optional<String> now = accounts.sessionStamp(user.accountId());
                if (stamp == null || stamp.authentication() != before || now.isEmpty()
                        || !now.get().equals(stamp.value())) {
                    session.invalidate();
                    SecurityContextHolder.getContextHolderStrategy().setContext(
                            SecurityContextHolder.getContextHolderStrategy().createEmptyContext());
                }
            }
            chain.doFilter(request, response);
            // a sign-in (or the session's own password change) put a new authentication in the session: stamp it
            HttpSession after = request.getSession(false);
            Authentication signedIn = authentication(after);
            if (signedIn != null && signedIn.getPrincipal() instanceof ConsoleUser user
                    && !(after.getAttribute(ATTRIBUTE) instanceof Stamp s && s.authentication() == signedIn)) {
                accounts.sessionStamp(user.accountId())
                        .ifPresent(value -> after.setAttribute(ATTRIBUTE, new Stamp(signedIn, value)));
            }
        }

        private static Authentication authentication(HttpSession session) {
            if (session == null) {
                return null;
            }
            try {
                return session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                        instanceof SecurityContext c ? c.getAuthentication() : null;
            } catch (IllegalStateException invalidated) {
                return null;
            }
        }
    }
}
