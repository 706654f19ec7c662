package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.waarborg.access.Caller;
import nl.waarborg.accounts.StaffAccount;
import nl.waarborg.accounts.service.Accounts;
import nl.waarborg.staff.Roles;
import nl.waarborg.vault.NewItem;
import nl.waarborg.vault.Vault;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pages attacked as an outsider, a signed-in colleague or a stolen cookie would (docs/console.md "Security of the
 * pages"): script stored in what people type, sessions that outlive the password or the account, password guessing
 * through the sign-in form, forged sign-out, header injection, unknown references and oversized fields.
 */
class PagesAttackTest extends ServiceTestBase {

    /** Stored in every text field tried: a script element and an attribute breaking out of its quotes. */
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String ATTRIBUTE = "\" onmouseover=\"alert(2)";
    static final String EVIL = SCRIPT + ATTRIBUTE;

    private static final StaffAccount ADMIN = new StaffAccount(UUID.randomUUID(), "attack-test-admin", "Test",
            List.of(Roles.ADMINISTRATOR), false, false, false, java.time.Instant.EPOCH, java.time.Instant.EPOCH);

    @Autowired
    Accounts accounts;
    @Autowired
    Vault vault;

    /** Neither a live script element nor an element carrying the event handler: both came out as text. */
    static void assertInert(String body) {
        assertThat(body).doesNotContain(SCRIPT).doesNotContainPattern("<[^>]*\\sonmouseover=");
    }

    /** An account with its temporary password changed; returns that password. */
    private String account(String username, String displayName, String role) {
        String temporary = "temporary passphrase " + UUID.randomUUID();
        accounts.create(ADMIN, new Accounts.NewAccount(username, displayName, List.of(role), temporary));
        ConsoleClient c = new ConsoleClient(port);
        assertThat(c.signIn(username, temporary).statusCode()).isEqualTo(302);
        String own = "a passphrase of my own " + UUID.randomUUID();
        c.get("/console/password");
        assertThat(c.post("/console/password", Map.of("current", temporary, "next", own, "repeat", own)).statusCode())
                .isEqualTo(302);
        return own;
    }

    private ConsoleClient signedIn(String username, String password) {
        ConsoleClient c = new ConsoleClient(port);
        assertThat(c.signIn(username, password).statusCode()).isEqualTo(302);
        assertThat(c.get("/console").statusCode()).isEqualTo(200);
        return c;
    }

    // ---- stored script ----

    @Test
    void aDisplayNameWithScriptIsShownAsText() {
        String password = account("attack-name", EVIL, Roles.PRIVACY_OFFICER);
        HttpResponse<String> r = signedIn("attack-name", password).get("/console");
        assertThat(r.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertInert(r.body());
        ConsoleClient admin = ConsoleClient.signedIn(port, accounts, "attack-admin", Roles.ADMINISTRATOR);
        HttpResponse<String> list = admin.get("/console/accounts");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("&lt;script&gt;");
        assertInert(list.body());
    }

    @Test
    void aBreachWithScriptInEveryTextIsShownAsTextAndSoIsTheFormSentBack() {
        ConsoleClient po = ConsoleClient.signedIn(port, accounts, "attack-breach-po", Roles.PRIVACY_OFFICER);
        String anHourAgo = LocalDateTime.now(ZoneId.of("Europe/Amsterdam")).minusHours(1)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        po.get("/console/breaches/new");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", "Titel " + EVIL);
        form.put("summary", "Samenvatting " + EVIL);
        form.put("occurredAt", anHourAgo);
        form.put("detectedAt", anHourAgo);
        form.put("awareAt", anHourAgo);
        form.put("nature", "confidentiality");
        form.put("actions", "copying");
        form.put("dataCategories", "name");
        form.put("systems", "vault");
        form.put("approximatePeople", "12");
        form.put("measuresTaken", "Maatregel " + EVIL);
        HttpResponse<String> saved = po.post("/console/breaches", form);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        String location = saved.headers().firstValue("Location").orElseThrow();
        String reference = location.replaceFirst("^.*/console/breaches/", "").replaceFirst("\\?.*$", "");
        for (String path : List.of("/console/breaches", "/console/breaches/" + reference, "/console")) {
            HttpResponse<String> r = po.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).contains("&lt;script&gt;");
            assertInert(r.body());
        }
        // a refused form comes back with what was typed in it: as text too
        po.get("/console/breaches/new");
        form.put("approximatePeople", "not a number " + EVIL);
        HttpResponse<String> refused = po.post("/console/breaches", form);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertInert(refused.body());
    }

    @Test
    void anExtensionReasonWithScriptIsShownAsText() {
        ConsoleClient po = ConsoleClient.signedIn(port, accounts, "attack-request-po", Roles.PRIVACY_OFFICER);
        po.get("/console/requests/new");
        HttpResponse<String> saved = po.post("/console/requests/new",
                Map.of("kinds", "access", "channel", "phone", "language", "nl"));
        assertThat(saved.statusCode()).isEqualTo(302);
        String path = saved.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")
                .replaceFirst("\\?.*$", "");
        po.get(path);
        // the letter's preview (HTML made by the letter's renderer, printed unescaped by the page) shows it as text
        for (String preview : List.of("/extend/preview", "/refuse/preview")) {
            HttpResponse<String> shown = po.post(path + preview, Map.of("reason", "Veel gegevens " + EVIL,
                    "ground", "excessive"));
            assertThat(shown.statusCode()).as(preview).isIn(200, 400, 422);
            assertInert(shown.body());
        }
        HttpResponse<String> letter = po.post(path + "/extend/preview", Map.of("reason", "Veel gegevens " + EVIL));
        assertThat(letter.statusCode()).isEqualTo(200);
        assertThat(letter.body()).contains("class=\"letter\"").contains("Veel gegevens &lt;script&gt;");
        HttpResponse<String> extended = po.post(path + "/extend", Map.of("reason", "Veel gegevens " + EVIL));
        assertThat(extended.statusCode()).as(extended.body()).isEqualTo(302);
        HttpResponse<String> page = po.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Veel gegevens &lt;script&gt;");
        assertInert(extended.body());
        assertInert(page.body());
    }

    // ---- another purpose's subject by id ----

    @Test
    void aSupportEmployeeOpeningASubjectByIdSeesNothingOfAPurposeTheirRolesLackAndAHoldReasonIsNoScript()
            throws Exception {
        UUID subject = vault.createSubjects(new Caller("test-dpo", "dpo", List.of(), true), List.of(
                new Vault.NewSubject(List.of(), List.of(), List.of("customer", "facility-visitor")))).getFirst();
        String name = "Bea " + UUID.randomUUID().toString().substring(0, 8);
        String footage = "clip-" + UUID.randomUUID().toString().substring(0, 8) + ".mp4";
        vault.addItems(new Caller("shop", "staff", List.of("rental"), false),
                List.of(new NewItem(subject, "name", name, List.of("rental"), "subject", "vault", null)));
        vault.addItems(new Caller("cctv", "management", List.of("security"), false),
                List.of(new NewItem(subject, "video-footage", footage, List.of("security"), "subject", "cctv", null)));
        String page = "/console/subjects/" + subject;
        ConsoleClient support = ConsoleClient.signedIn(port, accounts, "attack-support", Roles.SUPPORT);
        for (String path : List.of(page, page + "?purpose=rental", page + "?purpose=security", page + "?purpose="
                + "%3Cscript%3E")) {
            HttpResponse<String> r = support.get(path);
            assertThat(r.statusCode()).as(path).isIn(200, 400, 403, 404);
            assertThat(r.body()).as(path).doesNotContain(name).doesNotContain(footage);
            assertInert(r.body());
        }
        // support with the camera role: the footage's purpose, not the rental's
        ConsoleClient camera = ConsoleClient.signedIn(port, accounts, "attack-camera", Roles.SUPPORT, "management");
        assertThat(camera.get(page + "?purpose=rental").body()).doesNotContain(name);
        assertThat(camera.get(page + "?purpose=security").body()).contains(footage);
        HttpResponse<String> script = camera.post(page + "/holds", Map.of("purpose", "security", "kind", "incident",
                "category", "video-footage", "reason", EVIL));
        assertThat(script.statusCode()).isEqualTo(400);
        assertInert(script.body());
        HttpResponse<String> otherPurpose = camera.post(page + "/holds", Map.of("purpose", "rental", "kind",
                "incident", "category", "name", "reason", "INC-1"));
        assertThat(otherPurpose.statusCode()).as(otherPurpose.body()).isIn(400, 403, 404);
    }

    // ---- sessions ----

    @Test
    void aSessionEndsWhenThePasswordIsChangedElsewhere() {
        String password = account("attack-session", "Sessie", Roles.PRIVACY_OFFICER);
        ConsoleClient thief = signedIn("attack-session", password);
        ConsoleClient owner = signedIn("attack-session", password);
        owner.get("/console/password");
        String next = "a brand new passphrase " + UUID.randomUUID();
        assertThat(owner.post("/console/password", Map.of("current", password, "next", next, "repeat", next))
                .statusCode()).isEqualTo(302);
        // the session that changed it goes on; the other one is signed out
        assertThat(owner.get("/console").statusCode()).isEqualTo(200);
        HttpResponse<String> stolen = thief.get("/console");
        assertThat(stolen.statusCode()).isEqualTo(302);
        assertThat(stolen.headers().firstValue("Location").orElseThrow()).endsWith("/console/signin");
        assertThat(thief.get("/console/requests").statusCode()).isEqualTo(302);
    }

    @Test
    void aSessionEndsWhenTheAccountIsDisabled() {
        String password = account("attack-disabled", "Uit dienst", Roles.PRIVACY_OFFICER);
        ConsoleClient leaver = signedIn("attack-disabled", password);
        StaffAccount account = accounts.find("attack-disabled").orElseThrow();
        accounts.disable(ADMIN, account.id());
        HttpResponse<String> r = leaver.get("/console");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/console/signin");
        assertThat(leaver.get("/console/breaches").statusCode()).isEqualTo(302);
    }

    // ---- sign-in and sign-out ----

    @Test
    void theSixthWrongPasswordIsLockedOutAndAnUnknownNameGetsTheSameAnswers() {
        // 12 failures from this test's network of 30 (the network lock): other tests in this context stay clear
        String password = account("attack-guess", "Gok", Roles.SUPPORT);
        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> known = new ConsoleClient(port).signIn("attack-guess", "wrong guess " + i);
            HttpResponse<String> unknown = new ConsoleClient(port).signIn("attack-nobody", "wrong guess " + i);
            assertThat(known.statusCode()).as("try " + i).isEqualTo(401).isEqualTo(unknown.statusCode());
        }
        HttpResponse<String> known = new ConsoleClient(port).signIn("attack-guess", password);
        HttpResponse<String> unknown = new ConsoleClient(port).signIn("attack-nobody", password);
        assertThat(known.statusCode()).as("the right password, locked").isEqualTo(429).isEqualTo(unknown.statusCode());
        assertThat(known.body().replace("attack-guess", "NAME").replaceAll("_csrf\" value=\"[^\"]+", ""))
                .isEqualTo(unknown.body().replace("attack-nobody", "NAME").replaceAll("_csrf\" value=\"[^\"]+", ""));
    }

    @Test
    void signOutCannotBeForgedFromAnotherSite() {
        ConsoleClient c = ConsoleClient.signedIn(port, accounts, "attack-signout", Roles.SUPPORT);
        assertThat(c.postRaw("/console/signout", Map.of()).statusCode()).isEqualTo(403);
        HttpResponse<String> viaGet = c.get("/console/signout");
        assertThat(viaGet.statusCode()).isNotEqualTo(500);
        assertThat(c.get("/console").statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void theLanguageSwitchCannotInjectAHeader() {
        ConsoleClient c = new ConsoleClient(port);
        HttpResponse<String> r = c.get("/?lang=en%0d%0aSet-Cookie:%20injected=1");
        assertThat(r.statusCode()).isIn(200, 400);
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(v -> v.contains("injected"));
        assertThat(r.headers().map().keySet()).noneMatch(k -> k.equalsIgnoreCase("injected"));
        c.setCookie("waarborg-lang", "%3Cscript%3E");
        HttpResponse<String> cookie = c.get("/console/signin");
        assertThat(cookie.statusCode()).isEqualTo(200);
        assertThat(cookie.body()).contains("lang=\"nl\"");
        c.forget("waarborg-lang");
        HttpResponse<String> odd = c.get("/console/signin?lang=%22%3E%3Cscript%3Ealert(1)%3C/script%3E");
        assertThat(odd.statusCode()).isEqualTo(200);
        assertInert(odd.body());
    }

    @Test
    void noRedirectOrLanguageLinkLeavesTheSite() {
        String password = account("attack-redirect", "Omleiding", Roles.SUPPORT);
        ConsoleClient c = new ConsoleClient(port);
        c.get("/console/signin?continue=https://evil.example&redirect=//evil.example");
        HttpResponse<String> in = c.post("/console/signin?continue=https://evil.example&next=//evil.example",
                Map.of("username", "attack-redirect", "password", password));
        assertThat(in.statusCode()).isEqualTo(302);
        assertThat(in.headers().firstValue("Location").orElseThrow()).matches("(https?://localhost:\\d+)?/console");
        HttpResponse<String> out = c.post("/console/signout?continue=https://evil.example", Map.of());
        assertThat(out.headers().firstValue("Location").orElseThrow())
                .matches("(https?://localhost:\\d+)?/console/signin\\?signedout");
        // the language switch links to the page's own path: never another host, whatever the address looked like
        for (String path : List.of("//evil.example/", "/%2F%2Fevil.example/", "/%5Cevil.example", "/?a=%22%3E%3Cx",
                "/console/signin?lang=en&x=//evil.example", "/no-such-page//evil.example")) {
            HttpResponse<String> r = new ConsoleClient(port).get(path);
            assertThat(r.statusCode()).as(path).isNotEqualTo(500);
            assertThat(r.headers().firstValue("Location").orElse("/")).as(path).startsWith("/").doesNotStartWith("//");
            assertThat(r.body()).as(path).doesNotContainPattern("class=\"lang\" href=\"(//|https?:|\\\\|[^/])")
                    .doesNotContain("<x");
        }
    }

    // ---- addresses and sizes ----

    @Test
    void anUnknownRequestReferenceIsNotFound() {
        ConsoleClient c = ConsoleClient.signedIn(port, accounts, "attack-unknown", Roles.PRIVACY_OFFICER);
        for (String path : List.of("/console/requests/WB-0000-0000", "/console/requests/not-a-reference",
                "/console/requests/%3Cscript%3E", "/console/breaches/B-999999", "/console/subjects/not-a-uuid",
                "/console/subjects/" + UUID.randomUUID())) {
            HttpResponse<String> r = c.get(path);
            assertThat(r.statusCode()).as(path).isIn(400, 404);
            assertInert(r.body());
        }
    }

    @Test
    void hugeFormFieldsAreRefusedNotAFailure() {
        String huge = "x".repeat(3 * 1024 * 1024);
        ConsoleClient c = new ConsoleClient(port);
        assertThat(c.signIn("attack-huge" + huge, huge).statusCode()).isIn(400, 401, 413);
        ConsoleClient po = ConsoleClient.signedIn(port, accounts, "attack-huge-po", Roles.PRIVACY_OFFICER);
        po.get("/console/breaches/new");
        assertThat(po.post("/console/breaches", Map.of("title", huge)).statusCode()).isIn(400, 413);
        String big = "y".repeat(200_000);
        po.get("/console/breaches/new");
        assertThat(po.post("/console/breaches", Map.of("title", big, "summary", big)).statusCode()).isIn(400, 413);
        ConsoleClient visitor = new ConsoleClient(port);
        visitor.get("/request");
        // thousands of fields (Tomcat reads up to 1,000 by default and refuses the rest): refused, not a failure
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 20_000; i++) {
            many.put("f" + i, "v");
        }
        po.get("/console/breaches/new");
        assertThat(po.post("/console/breaches", many).statusCode()).isIn(400, 403, 413);
        // the portal's form answers a field it cannot take with its own form page (422), not a failure
        assertThat(visitor.post("/request", Map.of("email", big + "@example.org", "name", big)).statusCode())
                .isIn(400, 413, 422);
    }
}
