package nl.waarborg.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import nl.waarborg.staff.Roles;
import nl.waarborg.accounts.service.Accounts;
import nl.waarborg.web.ConsoleClient;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Signing in to the console over real HTTP: sessions, form tokens, headers, refusals that say nothing. */
class ConsoleSignInTest extends ServiceTestBase {

    @Autowired
    Accounts accounts;

    @Test
    void aSignedOutVisitorIsSentToTheSignInPage() {
        HttpResponse<String> r = new ConsoleClient(port).get("/console");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/console/signin");
    }

    @Test
    void theSignInPageCarriesTheSecurityHeadersAndNoInlineScript() {
        HttpResponse<String> r = new ConsoleClient(port).get("/console/signin");
        assertThat(r.statusCode()).isEqualTo(200);
        String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'").contains("style-src 'self'").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(r.body()).doesNotContain("<script").doesNotContain("style=").contains("lang=\"nl\"");
    }

    @Test
    void anUnknownNameAndAWrongPasswordGetTheSameAnswer() {
        ConsoleClient.account(accounts, "sign-in-same", List.of(Roles.SUPPORT));
        HttpResponse<String> unknown = new ConsoleClient(port).signIn("nobody-here", "some long password 1");
        HttpResponse<String> wrong = new ConsoleClient(port).signIn("sign-in-same", "some long password 1");
        assertThat(unknown.statusCode()).isEqualTo(401).isEqualTo(wrong.statusCode());
        assertThat(unknown.body()).contains("De gebruikersnaam of het wachtwoord klopt niet.");
        assertThat(comparable(wrong.body(), "sign-in-same")).isEqualTo(comparable(unknown.body(), "nobody-here"));
    }

    /** The page without the name typed (shown back) and the form token (new on each page). */
    private static String comparable(String body, String typed) {
        return body.replace(typed, "NAME").replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "TOKEN");
    }

    @Test
    void signingInRenewsTheSessionAndOpensTheDashboard() {
        ConsoleClient.signedIn(port, accounts, "sign-in-po", Roles.PRIVACY_OFFICER); // the first password changed
        String password = ConsoleClient.account(accounts, "sign-in-po", List.of(Roles.PRIVACY_OFFICER));
        ConsoleClient c = new ConsoleClient(port);
        c.get("/console/signin");
        String before = c.cookie("waarborg-session");
        HttpResponse<String> r = c.post("/console/signin", Map.of("username", "sign-in-po", "password", password));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/console");
        assertThat(r.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("waarborg-session=").contains("HttpOnly").contains("Secure").contains("SameSite=Strict"));
        assertThat(c.cookie("waarborg-session")).isNotEqualTo(before);
        HttpResponse<String> dashboard = c.get("/console");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Welkom, sign-in-po.");
    }

    @Test
    void aFormPostedWithoutItsTokenIsRefused() {
        String password = ConsoleClient.account(accounts, "sign-in-csrf", List.of(Roles.SUPPORT));
        ConsoleClient c = new ConsoleClient(port);
        c.get("/console/signin");
        HttpResponse<String> r = c.postRaw("/console/signin", Map.of("username", "sign-in-csrf", "password", password));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(c.get("/console").statusCode()).isEqualTo(302);
    }

    @Test
    void signingOutEndsTheSession() {
        ConsoleClient c = ConsoleClient.signedIn(port, accounts, "sign-in-out", Roles.AUDITOR);
        assertThat(c.get("/console").statusCode()).isEqualTo(200);
        HttpResponse<String> out = c.post("/console/signout", Map.of());
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(c.get("/console").statusCode()).isEqualTo(302);
    }

    @Test
    void aStolenSessionCookieIsWorthNothingAfterSignOut() {
        ConsoleClient c = ConsoleClient.signedIn(port, accounts, "sign-in-stolen", Roles.AUDITOR);
        String stolen = c.cookie("waarborg-session");
        c.post("/console/signout", Map.of());
        ConsoleClient thief = new ConsoleClient(port);
        thief.setCookie("waarborg-session", stolen);
        assertThat(thief.get("/console").statusCode()).isEqualTo(302);
    }

    @Test
    void aNewAccountMustChangeItsTemporaryPasswordBeforeAnythingElse() {
        String password = ConsoleClient.account(accounts, "sign-in-temp", List.of(Roles.PRIVACY_OFFICER));
        ConsoleClient c = new ConsoleClient(port);
        HttpResponse<String> r = c.signIn("sign-in-temp", password);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/console/password");
        HttpResponse<String> dashboard = c.get("/console");
        assertThat(dashboard.statusCode()).isEqualTo(302);
        assertThat(dashboard.headers().firstValue("Location").orElseThrow()).endsWith("/console/password");
        c.get("/console/password");
        HttpResponse<String> tooShort = c.post("/console/password", Map.of("current", password, "next", "short",
                "repeat", "short"));
        assertThat(tooShort.statusCode()).isEqualTo(422);
        assertThat(tooShort.body()).contains("te kort");
        String next = "a much better passphrase for the console";
        HttpResponse<String> changed = c.post("/console/password", Map.of("current", password, "next", next,
                "repeat", next));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(c.get("/console").statusCode()).isEqualTo(200);
    }
}
