package nl.waarborg.accounts.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import nl.waarborg.staff.Roles;
import nl.waarborg.accounts.service.Accounts;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.web.ConsoleClient;
import nl.waarborg.web.ServiceTestBase;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Sign-in through a real OpenID Connect provider started in the test (mock-oauth2-server: discovery, authorization,
 * token and key endpoints over HTTP), the whole authorization code flow with real redirects: an existing account signs
 * in as itself; a provider user without an account is refused, audited and left without a session.
 */
@TestPropertySource(properties = {
        "waarborg.data-dir=${waarborg.test.data-root}/oidc",
        "waarborg.accounts.oidc.client-id=waarborg-console",
        "waarborg.accounts.oidc.client-secret=a-test-secret-from-the-environment",
        "waarborg.accounts.oidc.provider-name=TestIdP"})
class OidcSignInTest extends ServiceTestBase {

    private static final MockOAuth2Server PROVIDER = new MockOAuth2Server();

    static {
        PROVIDER.start(0);
    }

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("waarborg.accounts.oidc.issuer-uri", () -> PROVIDER.issuerUrl("idp").toString());
    }

    @Autowired
    Accounts accounts;
    @Autowired
    AuditLog audit;

    private final HttpClient browserAtProvider = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void anExistingAccountSignsInThroughTheProviderWithItsOwnRoles() throws Exception {
        ConsoleClient.signedIn(port, accounts, "oidc-po", Roles.PRIVACY_OFFICER); // an account with its own password
        long before = audit.head().lastSeq();
        ConsoleClient c = new ConsoleClient(port);
        HttpResponse<String> signin = c.get("/console/signin");
        assertThat(signin.body()).contains("Inloggen met TestIdP").contains("href=\"/console/oidc/authorize/provider\"");

        HttpResponse<String> landing = roundTrip(c, "oidc-po");
        assertThat(landing.statusCode()).isEqualTo(200);
        assertThat(landing.body()).contains("http-equiv=\"refresh\" content=\"0;url=/console\"");
        HttpResponse<String> dashboard = c.get("/console");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("oidc-po");
        assertThat(audit.events(before, 100)).filteredOn(e -> e.action().equals("account-signed-in")).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("oidc-po"))
                .satisfies(e -> assertThat(e.reasons()).contains("oidc"));
    }

    @Test
    void aProviderUserWithoutAnAccountIsRefusedAndAudited() throws Exception {
        long before = audit.head().lastSeq();
        ConsoleClient c = new ConsoleClient(port);
        c.get("/console/signin");
        HttpResponse<String> back = roundTrip(c, "nobody-at-waarborg");
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location").orElseThrow()).endsWith("/console/signin?oidc=refused");
        assertThat(c.get("/console/signin?oidc=refused").body())
                .contains("Inloggen met TestIdP is niet gelukt.");
        assertThat(c.get("/console").statusCode()).isEqualTo(302);
        List<AuditEvent> events = audit.events(before, 100);
        assertThat(events).filteredOn(e -> e.action().equals("account-sign-in-refused")).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("unknown-account"))
                .satisfies(e -> assertThat(e.reasons()).contains("oidc", "no-account"));
        assertThat(events.toString()).doesNotContain("nobody-at-waarborg");
    }

    @Test
    void aCallbackWithAnotherBrowsersStateSignsNobodyIn() throws Exception {
        ConsoleClient.signedIn(port, accounts, "oidc-victim", Roles.SUPPORT);
        ConsoleClient attacker = new ConsoleClient(port);
        HttpResponse<String> start = attacker.get("/console/oidc/authorize/provider");
        String callback = provider(start.headers().firstValue("Location").orElseThrow(), "oidc-victim");
        ConsoleClient victim = new ConsoleClient(port); // no binding cookie of that request
        HttpResponse<String> r = victim.get(callback);
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).contains("/console/signin");
        assertThat(victim.get("/console").statusCode()).isEqualTo(302);
    }

    /** From "Sign in with" to the answer of Waarborg's callback, the provider signing in {@code username}. */
    private HttpResponse<String> roundTrip(ConsoleClient c, String username) throws Exception {
        HttpResponse<String> start = c.get("/console/oidc/authorize/provider");
        assertThat(start.statusCode()).isEqualTo(302);
        return c.get(provider(start.headers().firstValue("Location").orElseThrow(), username));
    }

    /** The provider's authorization endpoint over HTTP; returns the path and query it redirects back to. */
    private String provider(String authorizeUrl, String username) throws Exception {
        assertThat(authorizeUrl).startsWith(PROVIDER.issuerUrl("idp").toString()).contains("state=")
                .contains("redirect_uri=");
        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback("idp", "subject-" + username, "JWT",
                List.of("waarborg-console"), Map.of("preferred_username", username), 3600));
        HttpResponse<String> r = browserAtProvider.send(HttpRequest.newBuilder(URI.create(authorizeUrl)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        URI back = URI.create(r.headers().firstValue("Location").orElseThrow());
        assertThat(back.getPath()).isEqualTo("/console/oidc/callback/provider");
        return back.getRawPath() + "?" + back.getRawQuery();
    }
}
