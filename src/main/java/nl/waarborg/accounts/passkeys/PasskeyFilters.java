package nl.waarborg.accounts.passkeys;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import nl.waarborg.staff.ConsoleUser;
import nl.waarborg.accounts.StaffAccount;
import nl.waarborg.accounts.service.Accounts;
import nl.waarborg.accounts.web.ConsoleUsers;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.authentication.PublicKeyCredentialRequestOptionsFilter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthentication;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationProvider;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsFilter;
import org.springframework.security.web.webauthn.registration.WebAuthnRegistrationFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Security's WebAuthn filters, put under {@code /console} (rather than its default {@code /webauthn/**} and
 * {@code /login/webauthn}) so they run in the console's chain with its session, form token (CSRF, sent as a header by
 * {@code /js/passkeys.js}) and access rules; added after the authorization filter so web/SecurityConfiguration decides
 * who may reach each.
 *
 * <p>A passkey stands for both factors: the authenticator must verify the person (PIN or biometric, "user
 * verification required") when the passkey is made and at every sign-in, so having the device alone is not enough.
 * A passkey sign-in ends as the same {@link ConsoleUser} session a password sign-in makes, with a new session id, and
 * is audited as {@code account-signed-in} with reason {@code passkey}.
 */
@Component
public class PasskeyFilters {

    /** POST, signed in: options for making a passkey (a fresh challenge, kept in the session). */
    public static final String REGISTER_OPTIONS = "/console/account/passkeys/options";
    /** POST, signed in: the new passkey's public key and attestation, checked against those options. */
    public static final String REGISTER = "/console/account/passkeys/register";
    /** POST, anyone: options for signing in (a fresh challenge, kept in the session). */
    public static final String SIGN_IN_OPTIONS = "/console/signin/passkey/options";
    /** POST, anyone: the signed challenge; on success the console session. */
    public static final String SIGN_IN = "/console/signin/passkey";

    private final PasskeyUsers users;
    private final PasskeyCredentials credentials;
    private final WebAuthnProperties properties;
    private final Accounts accounts;
    private final ConsoleUsers consoleUsers;
    private final PasskeyEvents events;

    PasskeyFilters(PasskeyUsers users, PasskeyCredentials credentials, WebAuthnProperties properties,
                   Accounts accounts, ConsoleUsers consoleUsers, PasskeyEvents events) {
        this.users = users;
        this.credentials = credentials;
        this.properties = properties;
        this.accounts = accounts;
        this.consoleUsers = consoleUsers;
        this.events = events;
    }

    /** Adds the four endpoints to the console's chain. */
    public void addTo(HttpSecurity http) {
        Webauthn4JRelyingPartyOperations rp = new Webauthn4JRelyingPartyOperations(users, credentials,
                PublicKeyCredentialRpEntity.builder().id(properties.rpId()).name(properties.rpName()).build(),
                new HashSet<>(properties.allowedOrigins()));
        rp.setCustomizeCreationOptions(o -> o.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                .userVerification(UserVerificationRequirement.REQUIRED)
                .residentKey(ResidentKeyRequirement.REQUIRED).build()));
        rp.setCustomizeRequestOptions(o -> o.userVerification(UserVerificationRequirement.REQUIRED));

        PublicKeyCredentialCreationOptionsFilter creationOptions = new PublicKeyCredentialCreationOptionsFilter(rp);
        creationOptions.setRequestMatcher(post(REGISTER_OPTIONS));
        WebAuthnRegistrationFilter registration = new WebAuthnRegistrationFilter(credentials, rp);
        registration.setRegisterCredentialMatcher(post(REGISTER));
        registration.setRemoveCredentialMatcher(request -> false); // removal is a plain form (AccountPasskeysController)
        PublicKeyCredentialRequestOptionsFilter requestOptions = new PublicKeyCredentialRequestOptionsFilter(rp);
        requestOptions.setRequestMatcher(post(SIGN_IN_OPTIONS));
        WebAuthnAuthenticationFilter signIn = new WebAuthnAuthenticationFilter();
        signIn.setRequiresAuthenticationRequestMatcher(post(SIGN_IN));
        signIn.setAuthenticationManager(new ProviderManager(new WebAuthnAuthenticationProvider(rp, userDetails())));
        signIn.setAuthenticationSuccessHandler(this::signedIn);
        signIn.setAuthenticationFailureHandler(this::refused);

        http.addFilterAfter(creationOptions, AuthorizationFilter.class);
        http.addFilterAfter(new AuditRegistration(), AuthorizationFilter.class);
        http.addFilterAfter(registration, AuthorizationFilter.class);
        http.addFilterAfter(requestOptions, AuthorizationFilter.class);
        http.addFilterAfter(signIn, AuthorizationFilter.class);
    }

    private static RequestMatcher post(String path) {
        return PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, path);
    }

    /** The account a verified passkey names; a disabled account is refused as a password sign-in would be. */
    private UserDetailsService userDetails() {
        return username -> {
            StaffAccount account = accounts.find(username).orElseThrow(() -> new UsernameNotFoundException("no account"));
            if (account.disabled()) {
                throw new AccountDisabled(account.username());
            }
            return User.withUsername(account.username()).password("").authorities("ROLE_CONSOLE").build();
        };
    }

    private void signedIn(HttpServletRequest request, HttpServletResponse response,
                          org.springframework.security.core.Authentication authentication) throws IOException {
        PublicKeyCredentialUserEntity entity = ((WebAuthnAuthentication) authentication).getPrincipal();
        StaffAccount account = users.accountOf(entity.getId()).flatMap(accounts::find).orElseThrow();
        ConsoleUsers.startSession(consoleUsers.of(account, account.mustChangePassword()), request, response);
        events.signedIn(account.username(), "passkey", request.getRemoteAddr(), account.mustChangePassword());
        json(response, HttpServletResponse.SC_OK, "{\"authenticated\":true,\"redirectUrl\":\""
                + (account.mustChangePassword() ? "/console/password" : "/console") + "\"}");
    }

    private void refused(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        Throwable t = e;
        while (t != null && !(t instanceof AccountDisabled)) {
            t = t.getCause();
        }
        if (t instanceof AccountDisabled d) {
            events.signInRefused(d.username, "passkey", "disabled", request.getRemoteAddr());
        } else {
            events.signInRefused(PasskeyEvents.UNKNOWN_ACTOR, "passkey", "credentials", request.getRemoteAddr());
        }
        json(response, HttpServletResponse.SC_UNAUTHORIZED, "{\"authenticated\":false}");
    }

    private static void json(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    /** Audits a passkey made: Spring's registration filter answers 200 only when the passkey was checked and saved. */
    private final class AuditRegistration extends OncePerRequestFilter {
        private final RequestMatcher matcher = post(REGISTER);

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !matcher.matches(request);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(request, response);
            ConsoleUser user = SecurityContextHolder.getContext().getAuthentication() != null
                    && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof ConsoleUser u ? u : null;
            if (user != null && response.getStatus() == HttpServletResponse.SC_OK) {
                events.passkeyAdded(user.username());
            }
        }
    }

    /** A verified passkey of a disabled account; carries the username for the audit event only. */
    static final class AccountDisabled extends DisabledException {
        private final transient String username;

        AccountDisabled(String username) {
            super("the account is disabled");
            this.username = username;
        }
    }
}
