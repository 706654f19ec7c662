package nl.waarborg.accounts.oidc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import nl.waarborg.accounts.StaffAccount;
import nl.waarborg.accounts.passkeys.PasskeyEvents;
import nl.waarborg.accounts.service.Accounts;
import nl.waarborg.accounts.web.ConsoleUsers;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Sign-in through the configured OpenID Connect provider (authorization code flow, Spring Security's
 * {@code oauth2Login}), under {@code /console/oidc/…}. The provider says who the person is; Waarborg alone says what they
 * may do: the ID token's {@code username-claim} must name an existing, enabled staff account, whose roles apply. No
 * account is made and no role is taken from the provider's claims or groups, so a mistake or a breach at the
 * provider cannot create an administrator here. A refusal is audited and ends with no session.
 */
@Component
@ConditionalOnProperty(prefix = "waarborg.accounts.oidc", name = "issuer-uri")
public class OidcSignIn {

    /** The registration id, in the paths: /console/oidc/authorize/provider, /console/oidc/callback/provider. */
    public static final String REGISTRATION = "provider";
    public static final String AUTHORIZE = "/console/oidc/authorize/" + REGISTRATION;

    private final OidcProperties properties;
    private final Accounts accounts;
    private final ConsoleUsers consoleUsers;
    private final PasskeyEvents events;
    private final InMemoryClientRegistrationRepository registrations;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    OidcSignIn(OidcProperties properties, Accounts accounts, ConsoleUsers consoleUsers, PasskeyEvents events) {
        this.properties = properties;
        this.accounts = accounts;
        this.consoleUsers = consoleUsers;
        this.events = events;
        // reads the provider's discovery document now: a wrong issuer shows at start, not at the first sign-in
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(properties.issuerUri())
                .registrationId(REGISTRATION)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .scope(properties.scopes())
                .redirectUri("{baseUrl}/console/oidc/callback/{registrationId}")
                .userNameAttributeName(properties.usernameClaim())
                .clientName(properties.providerName())
                .build();
        this.registrations = new InMemoryClientRegistrationRepository(registration);
    }

    /** The name on the sign-in page's button. */
    public String providerName() {
        return properties.providerName();
    }

    /** Adds the provider's round trip to the console's chain. */
    public void addTo(HttpSecurity http) throws Exception {
        http.oauth2Login(o -> o
                .clientRegistrationRepository(registrations)
                .loginPage("/console/signin")
                .authorizationEndpoint(a -> a.baseUri("/console/oidc/authorize")
                        .authorizationRequestRepository(new StateKeyedAuthorizationRequests()))
                .redirectionEndpoint(r -> r.baseUri("/console/oidc/callback/*"))
                .successHandler(this::signedIn)
                .failureHandler(this::failed));
    }

    private void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        String claimed = authentication.getPrincipal() instanceof OidcUser user
                ? user.getClaimAsString(properties.usernameClaim()) : null;
        // the exact username: no case folding or e-mail matching that could make two provider users one account
        Optional<StaffAccount> account = claimed == null ? Optional.empty() : accounts.find(claimed);
        if (account.isEmpty() || account.get().disabled()) {
            // the claim's value may be an e-mail address or a name: only a known account's username is recorded
            events.signInRefused(account.map(StaffAccount::username).orElse(PasskeyEvents.UNKNOWN_ACTOR), "oidc",
                    account.isEmpty() ? "no-account" : "disabled", request.getRemoteAddr());
            refuse(request, response);
            return;
        }
        StaffAccount a = account.get();
        ConsoleUsers.startSession(consoleUsers.of(a, a.mustChangePassword()), request, response);
        events.signedIn(a.username(), "oidc", request.getRemoteAddr(), a.mustChangePassword());
        landing(response, a.mustChangePassword() ? "/console/password" : "/console");
    }

    private void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        events.signInRefused(PasskeyEvents.UNKNOWN_ACTOR, "oidc", "provider", request.getRemoteAddr());
        refuse(request, response);
    }

    /** No session survives a refusal: the provider's token is not kept. */
    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SecurityContextHolder.clearContext();
        contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.sendRedirect("/console/signin?oidc=refused");
    }

    /**
     * The session cookie is SameSite=Strict, and a browser does not send it in a redirect chain that began at the
     * provider's site; this page moves on from here, a navigation of this site, so the new session's cookie is sent.
     */
    private static void landing(HttpServletResponse response, String next) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"refresh\" content=\"0;url=" + next + "\"><title>Waarborg</title></head>"
                + "<body><p><a href=\"" + next + "\">Verder naar Waarborg / Continue to Waarborg</a></p></body></html>")
                .getBytes(StandardCharsets.UTF_8));
    }
}
