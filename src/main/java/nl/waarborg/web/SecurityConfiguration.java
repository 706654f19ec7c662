package nl.waarborg.web;

import nl.waarborg.access.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import nl.waarborg.staff.ConsolePermission;
import nl.waarborg.accounts.oidc.OidcSignIn;
import nl.waarborg.accounts.passkeys.PasskeyFilters;
import nl.waarborg.accounts.web.SessionStamps;
import org.springframework.beans.factory.ObjectProvider;
import nl.waarborg.pages.DeniedPage;
import nl.waarborg.pages.LanguageCookie;
import nl.waarborg.pages.PageContext;

/**
 * Every endpoint's access rule, in one place. Public: the privacy statement and health. Staff (DPO role):
 * the policy itself, the register, the audit log, looking subjects up and erasing them. Applications (API
 * keys): the vault's subjects and items and decisions; what a key may do within that (its policy role and
 * purposes) is decided per call by the vault and the decision engine. Everything else is refused.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // commands such as `audit verify` run without a web server
class SecurityConfiguration {

    static final String STAFF = "DPO";
    static final String APP = "APP";

    /**
     * The pages' content security policy: scripts, styles, images and fonts only from this service, none inline; no
     * framing; forms post only here.
     */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /** The REST API, health and the identity confirmation link: bearer tokens, no cookies, no sessions. */
    @Bean
    @Order(1)
    SecurityFilterChain securityFilterChain(HttpSecurity http, StaffToken token, ApiKeys keys, RefusedCallAudit refused,
                                            RateLimiter limiter) throws Exception {
        http
                .securityMatcher("/api/**", "/actuator/**", "/requests/confirm/**")
                .csrf(csrf -> csrf.disable()) // no cookies or sessions: bearer tokens only
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                // no sessions, logins or redirects to remember: their filters would only cost time per request
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .servletApi(s -> s.disable())
                .addFilterBefore(new BearerTokenFilter(token, keys), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter(limiter, refused), BearerTokenFilter.class) // 429 beyond the limits
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> {
                            refused.unauthenticated(req);
                            Problems.write(res, HttpStatus.UNAUTHORIZED,
                                    "Authentication required", "Send 'Authorization: Bearer <token>' with a staff token or an API key.");
                        })
                        .accessDeniedHandler((req, res, ex) -> {
                            refused.forbidden(req);
                            Problems.write(res, HttpStatus.FORBIDDEN, "Access denied", "Your role may not use this endpoint.");
                        }))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/policy/statement", "/api/v1/openapi.json").permitAll()
                        // HEAD answers as GET does (Spring MVC serves it from the GET handler, without the body)
                        .requestMatchers(HttpMethod.HEAD, "/api/v1/policy/statement", "/api/v1/openapi.json").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/policy", "/api/v1/policy/versions",
                                "/api/v1/policy/register", "/api/v1/policy/register/processor").hasRole(STAFF)
                        .requestMatchers(HttpMethod.GET, "/api/v1/audit/events", "/api/v1/audit/verify").hasRole(STAFF)
                        // the vault: applications keep and use data; staff look subjects up and erase them
                        .requestMatchers(HttpMethod.POST, "/api/v1/subjects/lookup").hasAnyRole(APP, STAFF)
                        // joining a category and recording an event: staff too, who may date them further back than
                        // applications (recording.back-dating-limit) to correct a subject's history
                        .requestMatchers(HttpMethod.POST, "/api/v1/subjects/*/categories", "/api/v1/subjects/*/events")
                                .hasAnyRole(APP, STAFF)
                        .requestMatchers(HttpMethod.POST, "/api/v1/subjects", "/api/v1/subjects/batch",
                                "/api/v1/subjects/*/items", "/api/v1/subjects/*/identifiers",
                                "/api/v1/items/batch").hasRole(APP)
                        .requestMatchers(HttpMethod.GET, "/api/v1/subjects/*/items").hasRole(APP)
                        .requestMatchers(HttpMethod.GET, "/api/v1/subjects/*").hasAnyRole(APP, STAFF)
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/subjects/*").hasRole(STAFF)
                        .requestMatchers(HttpMethod.POST, "/api/v1/decisions").hasAnyRole(APP, STAFF)
                        // consent, objections, restrictions, holds
                        // consent is given where the statement is shown (applications); staff withdraw it for a subject
                        // who asks them (R3.9) and read; applications only for their key's purposes (checked per call)
                        .requestMatchers(HttpMethod.POST, "/api/v1/subjects/*/consents").hasRole(APP)
                        .requestMatchers(HttpMethod.POST, "/api/v1/subjects/*/consents/*/withdraw").hasAnyRole(APP, STAFF)
                        .requestMatchers(HttpMethod.GET, "/api/v1/subjects/*/consents", "/api/v1/consents/*/receipt")
                                .hasAnyRole(APP, STAFF)
                        // objections: recorded by applications and staff, decided by staff; restrictions: staff;
                        // holds: applications place incident holds (checked per call), staff place any and release
                        .requestMatchers(HttpMethod.POST, "/api/v1/subjects/*/objections").hasAnyRole(APP, STAFF)
                        .requestMatchers(HttpMethod.POST, "/api/v1/objections/*/decision").hasRole(STAFF)
                        .requestMatchers(HttpMethod.GET, "/api/v1/objections").hasRole(STAFF)
                        .requestMatchers(HttpMethod.POST, "/api/v1/subjects/*/restrictions", "/api/v1/restrictions/*/lift")
                                .hasRole(STAFF)
                        .requestMatchers(HttpMethod.POST, "/api/v1/subjects/*/holds").hasAnyRole(APP, STAFF)
                        .requestMatchers(HttpMethod.POST, "/api/v1/holds/*/release").hasRole(STAFF)
                        .requestMatchers(HttpMethod.GET, "/api/v1/subjects/*/restraints").hasAnyRole(APP, STAFF)
                        // retention: the forecast, sweeps, attestations and statistics are the privacy team's;
                        // a subject's refusal of an anonymised remainder reaches the application or the staff
                        .requestMatchers(HttpMethod.GET, "/api/v1/retention/forecast", "/api/v1/retention/attestations",
                                "/api/v1/retention/statistics").hasRole(STAFF)
                        .requestMatchers(HttpMethod.POST, "/api/v1/retention/sweep", "/api/v1/retention/attestations/*/confirm")
                                .hasRole(STAFF)
                        .requestMatchers(HttpMethod.POST, "/api/v1/subjects/*/anonymised-remainder-refusal")
                                .hasAnyRole(APP, STAFF)
                        // systems (issue 15): operations and manual tasks are the privacy team's; a webhook system's
                        // callback carries no token but is authenticated by its signature (WebhookCallbackController)
                        .requestMatchers(HttpMethod.GET, "/api/v1/systems/operations", "/api/v1/systems/tasks",
                                "/api/v1/systems/tasks/*").hasRole(STAFF)
                        .requestMatchers(HttpMethod.POST, "/api/v1/systems/tasks/*/done").hasRole(STAFF)
                        .requestMatchers(HttpMethod.POST, "/api/v1/systems/*/callback").permitAll()
                        // requests (issue 16): the privacy team handles data-subject requests; an application may
                        // hand one in for a person and follow the ones it handed in (Requests checks whose it is)
                        // the answer's download link: its token is the key (256 random bits, 14 days), for the
                        // person, who has no account; every download is audited
                        .requestMatchers(HttpMethod.GET, "/api/v1/requests/answers/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/requests").hasAnyRole(APP, STAFF)
                        .requestMatchers(HttpMethod.GET, "/api/v1/requests/*", "/api/v1/requests/*/timeline")
                                .hasAnyRole(APP, STAFF)
                        .requestMatchers(HttpMethod.GET, "/api/v1/requests", "/api/v1/requests/*/letters/*").hasRole(STAFF)
                        .requestMatchers(HttpMethod.POST, "/api/v1/requests/*/identity", "/api/v1/requests/*/extend",
                                "/api/v1/requests/*/refuse", "/api/v1/requests/*/fulfil", "/api/v1/requests/*/complete",
                                "/api/v1/requests/*/steps/*/done").hasRole(STAFF)
                        .requestMatchers(HttpMethod.GET, "/api/v1/requests/*/fulfilment", "/api/v1/requests/*/answer")
                                .hasRole(STAFF)
                        // the identity check's evidence: staff send the link and handle ID copies; the link's page is
                        // public, its token the credential (IdentityController)
                        .requestMatchers(HttpMethod.POST, "/api/v1/requests/*/identity/email-link",
                                "/api/v1/requests/*/identity/copy").hasRole(STAFF)
                        .requestMatchers(HttpMethod.GET, "/api/v1/requests/*/identity/copy").hasRole(STAFF)
                        .requestMatchers(HttpMethod.GET, "/requests/confirm/*").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/requests/confirm/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/requests/confirm/*").permitAll()
                        // breaches (issue 17): the register is the privacy team's alone; there is no DELETE or PUT
                        // (append-only: a correction is a new version), so any other method falls to denyAll
                        .requestMatchers(HttpMethod.GET, "/api/v1/breaches", "/api/v1/breaches/export",
                                "/api/v1/breaches/*", "/api/v1/breaches/*/versions", "/api/v1/breaches/*/affected",
                                "/api/v1/breaches/*/affected/subjects", "/api/v1/breaches/*/documents/*").hasRole(STAFF)
                        .requestMatchers(HttpMethod.POST, "/api/v1/breaches", "/api/v1/breaches/*/correct",
                                "/api/v1/breaches/*/assess", "/api/v1/breaches/*/decide",
                                "/api/v1/breaches/*/notifications", "/api/v1/breaches/*/close").hasRole(STAFF)
                        .anyRequest().denyAll());
        return http.build();
    }

    /**
     * The staff console: a session after signing in (a cookie only this site reads, renewed at sign-in), a form
     * token against cross-site requests on every POST, the content security policy. A signed-out visitor is sent to
     * the sign-in page; a signed-in one without the page's permission gets 403. Each page names its permission here.
     */
    @Bean
    @Order(2)
    SecurityFilterChain consoleChain(HttpSecurity http, RefusedCallAudit refused, RateLimiter limiter,
                                     DeniedPage denied, PasskeyFilters passkeys, ObjectProvider<OidcSignIn> oidc,
                                     SessionStamps stamps)
            throws Exception {
        passkeys.addTo(http);
        // --- attacks on the pages (docs/console.md "Security of the pages"): a session ends when its account's
        // password changes elsewhere or the account is disabled
        stamps.addTo(http);
        // sign-in through an OpenID Connect provider only when waarborg.accounts.oidc.issuer-uri is set
        OidcSignIn provider = oidc.getIfAvailable();
        if (provider != null) {
            provider.addTo(http);
        }
        pages(http, limiter, refused)
                .securityMatcher("/console", "/console/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .securityContext(c -> c.securityContextRepository(new HttpSessionSecurityContextRepository()))
                .logout(l -> l.logoutUrl("/console/signout").logoutSuccessUrl("/console/signin?signedout")
                        .deleteCookies("waarborg-session"))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> {
                            refused.unauthenticated(req);
                            res.sendRedirect("/console/signin");
                        })
                        .accessDeniedHandler((req, res, ex) -> {
                            var user = PageContext.signedIn();
                            if (user != null && user.mustChangePassword()) {
                                res.sendRedirect("/console/password");
                                return;
                            }
                            refused.forbidden(req);
                            denied.write(req, res, HttpStatus.FORBIDDEN);
                        }))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/console/signin").permitAll()
                        .requestMatchers("/console/password").hasRole("CONSOLE")
                        .requestMatchers(HttpMethod.GET, "/console").hasAuthority(perm(ConsolePermission.DASHBOARD_VIEW))
                        // --- requests pages (docs/console.md "Requests"): read with REQUESTS_VIEW; log a request and
                        // the identity step with REQUESTS_HANDLE; assign, extend, refuse, fulfil, complete and the
                        // answer's download with REQUESTS_DECIDE. /new before /*, which it would match too
                        .requestMatchers("/console/requests/new").hasAuthority(perm(ConsolePermission.REQUESTS_HANDLE))
                        .requestMatchers(HttpMethod.GET, "/console/requests", "/console/requests/*",
                                "/console/requests/*/letters/*").hasAuthority(perm(ConsolePermission.REQUESTS_VIEW))
                        .requestMatchers(HttpMethod.POST, "/console/requests/*/identity",
                                "/console/requests/*/identity/email-link")
                                .hasAuthority(perm(ConsolePermission.REQUESTS_HANDLE))
                        .requestMatchers(HttpMethod.POST, "/console/requests/assign", "/console/requests/*/assign",
                                "/console/requests/*/extend", "/console/requests/*/refuse", "/console/requests/*/fulfil",
                                "/console/requests/*/steps/*/done", "/console/requests/*/complete",
                                "/console/requests/*/extend/preview", "/console/requests/*/refuse/preview",
                                "/console/requests/*/complete/preview")
                                .hasAuthority(perm(ConsolePermission.REQUESTS_DECIDE))
                        .requestMatchers(HttpMethod.GET, "/console/requests/*/answer")
                                .hasAuthority(perm(ConsolePermission.REQUESTS_DECIDE))
                        // --- policy, audit and account pages
                        .requestMatchers(HttpMethod.GET, "/console/policy", "/console/policy/statement",
                                "/console/policy/register", "/console/policy/versions", "/console/policy/diff",
                                "/console/policy/downloads/*").hasAuthority(perm(ConsolePermission.POLICY_VIEW))
                        .requestMatchers(HttpMethod.GET, "/console/audit", "/console/audit/jobs/*",
                                "/console/audit/jobs/*/download").hasAuthority(perm(ConsolePermission.AUDIT_VIEW))
                        .requestMatchers(HttpMethod.POST, "/console/audit/verify", "/console/audit/export")
                                .hasAuthority(perm(ConsolePermission.AUDIT_VIEW))
                        // my account: anyone signed in who has changed the temporary password (CONSOLE alone would
                        // let a must-change session enrol TOTP before choosing a password of its own)
                        .requestMatchers(HttpMethod.GET, "/console/account")
                                .hasAuthority(perm(ConsolePermission.DASHBOARD_VIEW))
                        .requestMatchers(HttpMethod.POST, "/console/account/totp", "/console/account/totp/confirm")
                                .hasAuthority(perm(ConsolePermission.DASHBOARD_VIEW))
                        .requestMatchers(HttpMethod.GET, "/console/accounts").hasAuthority(perm(ConsolePermission.ACCOUNTS_MANAGE))
                        .requestMatchers(HttpMethod.POST, "/console/accounts", "/console/accounts/*/disable")
                                .hasAuthority(perm(ConsolePermission.ACCOUNTS_MANAGE))
                        // --- sign-in pages: passkeys and OpenID Connect (docs/accounts.md)
                        // signing in with a passkey: anyone may ask for a challenge and answer it (the answer is the
                        // credential); making or removing one's passkeys: a signed-in account whose password is its
                        // own (every role has the dashboard; a temporary password has no permission at all)
                        .requestMatchers(HttpMethod.POST, PasskeyFilters.SIGN_IN_OPTIONS, PasskeyFilters.SIGN_IN).permitAll()
                        .requestMatchers(HttpMethod.GET, "/console/account/passkeys")
                                .hasAuthority(perm(ConsolePermission.DASHBOARD_VIEW))
                        .requestMatchers(HttpMethod.POST, PasskeyFilters.REGISTER_OPTIONS, PasskeyFilters.REGISTER,
                                "/console/account/passkeys/remove").hasAuthority(perm(ConsolePermission.DASHBOARD_VIEW))
                        // the provider's round trip: the state parameter (kept in the session) is what ties the
                        // answer to the browser that asked; no such path exists when OIDC is not configured
                        .requestMatchers(HttpMethod.GET, "/console/oidc/authorize/*", "/console/oidc/callback/*").permitAll()
                        // --- subjects pages: a search is a POST (the identifier stays out of URLs); what a person
                        // sees of a subject is decided per read by the vault for the purposes of their roles
                        .requestMatchers(HttpMethod.GET, "/console/subjects", "/console/subjects/*")
                                .hasAuthority(perm(ConsolePermission.SUBJECTS_SEARCH))
                        .requestMatchers(HttpMethod.POST, "/console/subjects")
                                .hasAuthority(perm(ConsolePermission.SUBJECTS_SEARCH))
                        .requestMatchers(HttpMethod.POST, "/console/subjects/*/holds", "/console/subjects/*/holds/*/release")
                                .hasAuthority(perm(ConsolePermission.HOLDS_MANAGE))
                        .requestMatchers(HttpMethod.POST, "/console/subjects/*/consents/*/withdraw")
                                .hasAuthority(perm(ConsolePermission.RESTRAINTS_MANAGE))
                        // --- breaches pages: the auditor reads the register, only the privacy officer changes it
                        // (the form for a new breach first: "/console/breaches/*" would match it too)
                        .requestMatchers(HttpMethod.GET, "/console/breaches/new")
                                .hasAuthority(perm(ConsolePermission.BREACHES_MANAGE))
                        .requestMatchers(HttpMethod.GET, "/console/breaches", "/console/breaches/*",
                                "/console/breaches/*/documents/*").hasAuthority(perm(ConsolePermission.BREACHES_VIEW))
                        .requestMatchers(HttpMethod.POST, "/console/breaches", "/console/breaches/*/correct",
                                "/console/breaches/*/assess", "/console/breaches/*/decide",
                                "/console/breaches/*/notifications", "/console/breaches/*/close")
                                .hasAuthority(perm(ConsolePermission.BREACHES_MANAGE))
                        // --- retention pages (docs/console.md "Retention"): the auditor reads the forecast, tasks and
                        // statistics; only the privacy officer sweeps and confirms attestations. A sweep's page is
                        // readable only by who started it (RetentionSweeps), hence RETENTION_VIEW suffices for it.
                        .requestMatchers(HttpMethod.GET, "/console/retention", "/console/retention/sweeps/*")
                                .hasAuthority(perm(ConsolePermission.RETENTION_VIEW))
                        .requestMatchers(HttpMethod.POST, "/console/retention/sweep",
                                "/console/retention/attestations/*/confirm")
                                .hasAuthority(perm(ConsolePermission.RETENTION_MANAGE))
                        // --- subjects pages (round 2): objections (Art. 21) and restrictions (Art. 18) are the
                        // privacy officer's, as their decisions are in the API (staff)
                        .requestMatchers(HttpMethod.POST, "/console/subjects/*/objections",
                                "/console/subjects/*/objections/*/decision", "/console/subjects/*/restrictions",
                                "/console/subjects/*/restrictions/*/lift")
                                .hasAuthority(perm(ConsolePermission.RESTRAINTS_MANAGE))
                        .anyRequest().denyAll());
        return http.build();
    }

    /**
     * The public portal, the style sheet and the error page: no account, no session; a form token in a cookie
     * against cross-site requests (a link's token is the credential where there is one); the content security policy.
     */
    @Bean
    @Order(3)
    SecurityFilterChain portalChain(HttpSecurity http, RefusedCallAudit refused, RateLimiter limiter, DeniedPage denied)
            throws Exception {
        CookieCsrfTokenRepository csrfCookie = new CookieCsrfTokenRepository();
        csrfCookie.setCookieName("waarborg-form");
        csrfCookie.setCookieCustomizer(c -> c.secure(true).sameSite("Strict").path("/"));
        pages(http, limiter, refused)
                // one-click unsubscribe (RFC 8058): the mail client POSTs without cookie or form token; the token in
                // the address is the credential (docs/portal.md)
                .csrf(c -> c.csrfTokenRepository(csrfCookie).ignoringRequestMatchers("/unsubscribe/*"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .logout(l -> l.disable())
                .exceptionHandling(e -> e
                        // every portal page is public: a path no rule opens is one the public has no page at
                        .authenticationEntryPoint((req, res, ex) -> {
                            refused.unauthenticated(req);
                            denied.write(req, res, HttpStatus.NOT_FOUND);
                        })
                        .accessDeniedHandler((req, res, ex) -> {
                            refused.forbidden(req);
                            denied.write(req, res, HttpStatus.FORBIDDEN);
                        }))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/", "/css/*", "/favicon.ico").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/", "/css/*").permitAll()
                        // --- sign-in pages: the passkey script, a static file (the CSP allows no inline script)
                        .requestMatchers(HttpMethod.GET, "/js/passkeys.js").permitAll()
                        .requestMatchers("/error").permitAll()
                        // --- portal pages (docs/portal.md): public, no account; a link's token is its credential, and
                        // every POST is rate limited per network (PortalGuard)
                        .requestMatchers(HttpMethod.GET, "/statement/versions", "/statement/versions/*", "/request",
                                "/request/confirm/*", "/request/status/*", "/preferences/*", "/unsubscribe/*",
                                "/accessibility").permitAll()
                        .requestMatchers(HttpMethod.POST, "/request", "/request/confirm/*", "/preferences/*",
                                "/unsubscribe/*").permitAll()
                        .anyRequest().denyAll());
        return http.build();
    }

    /**
     * What the console's and the portal's chains share: no browser-login dialogs or remembered requests; the pages'
     * headers (the content security policy, no referrer, no framing); the language switch's cookie; the rate limits.
     */
    private static HttpSecurity pages(HttpSecurity http, RateLimiter limiter, RefusedCallAudit refused) throws Exception {
        return http
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .requestCache(r -> r.disable())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(f -> f.deny()))
                .addFilterBefore(new LanguageCookie(), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter(limiter, refused), AnonymousAuthenticationFilter.class);
    }

    static String perm(ConsolePermission permission) {
        return permission.authority();
    }

    /**
     * Authenticates `Authorization: Bearer …`: the staff token as the DPO role, an application's API key as
     * role APP with its {@link Caller} (policy role and purposes) as principal. Anything else stays anonymous.
     */
    static final class BearerTokenFilter extends OncePerRequestFilter {
        private final StaffToken token;
        private final ApiKeys keys;

        BearerTokenFilter(StaffToken token, ApiKeys keys) {
            this.token = token;
            this.keys = keys;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null && header.startsWith("Bearer ")) {
                String presented = header.substring(7).trim();
                if (token.matches(presented)) {
                    authenticate(new Caller("staff", STAFF.toLowerCase(java.util.Locale.ROOT), List.of(), true), STAFF);
                } else {
                    keys.authenticate(presented).ifPresent(caller -> authenticate(caller, APP));
                }
            }
            chain.doFilter(request, response);
        }

        private static void authenticate(Caller caller, String role) {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    caller, null, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
        }
    }
}
