package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.waarborg.access.Caller;
import nl.waarborg.accounts.service.Accounts;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.portal.PortalGuard;
import nl.waarborg.portal.PortalLinks;
import nl.waarborg.portal.PortalRequests;
import nl.waarborg.requests.service.RequestDesk;
import nl.waarborg.requests.service.Requests;
import nl.waarborg.staff.Roles;
import nl.waarborg.vault.Identifier;
import nl.waarborg.vault.NewItem;
import nl.waarborg.vault.Vault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page the service has, in Chromium, in Dutch and in English, checked with axe-core (WCAG 2.2 AA). The pages are
 * found from the handler mappings as {@code PagesAccessTest} finds them: every GET route outside {@code /api}, and the
 * routes under {@code /api} that answer {@code text/html}. Each path variable is filled with a real value made in the
 * set-up (a request, a subject, a breach, an audit job, a policy version, portal links); a route this test does not
 * open is in {@link #NOT_PAGES} with the reason, so a page added later fails {@link #everyPageIsCoveredOrNamedWithAReason}
 * until it is covered. Also the 403, 404 and 429 pages. Each page is opened as the role that may see it: the privacy
 * officer, the administrator for the accounts, nobody for the sign-in and the portal. On consent.yaml (email-link, a
 * newsletter on consent), mail to GreenMail, and a portal burst of 2 posts so the third is the 429 page.
 */
@TestPropertySource(properties = {
        "waarborg.policy=src/test/resources/policies/consent.yaml",
        "waarborg.data-dir=${waarborg.test.data-root}/everypage",
        "waarborg.mail.enabled=true",
        "waarborg.mail.from=privacy@testopslag.example",
        "waarborg.mail.base-url=https://privacy.testopslag.example",
        "waarborg.portal.posts-burst=2",
        "spring.mail.host=127.0.0.1"})
class EveryPageAxeTest extends BrowserTestBase {

    /** GET routes that are no page to check, each with why. */
    private static final Map<String, String> NOT_PAGES = Map.of(
            "/console/requests/{reference}/answer", "a download (Content-Disposition: attachment), not a page",
            "/console/policy/downloads/{name}", "a download (PDF, CSV, XLSX, JSON-LD), not a page",
            "/console/audit/jobs/{id}/download", "a download (JSON lines), not a page");

    /** Pages whose path variable this test fills in the browser: a job is its starter's, see {@link #job}. */
    private static final Set<String> MADE_IN_THE_BROWSER = Set.of("/console/audit/jobs/{id}",
            "/console/retention/sweeps/{id}");

    /** Pages in the language of the person's request, whatever {@code ?lang} asks: a letter, the confirmation link. */
    private static final Set<String> REQUEST_LANGUAGE = Set.of("/console/requests/{reference}/letters/{letter}",
            "/requests/confirm/{token}");

    /** Pages only the administrator may open; every other console page is opened as the privacy officer. */
    private static final Set<String> ADMINISTRATOR = Set.of("/console/accounts");

    /** Pages opened signed out (signed in, the console sends the visitor on). */
    private static final Set<String> SIGNED_OUT = Set.of("/console/signin");

    private static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final Caller STAFF = new Caller("everypage-test", "dpo", List.of(), true);
    /** An application that stores the address for rental (as the mail tests do). */
    private static final Caller APP = new Caller("everypage-app", "staff", List.of("rental", "quote"), false);
    private static final Pattern LINK = Pattern.compile("https://privacy\\.testopslag\\.example(/[A-Za-z0-9/_-]+)");

    /** Route pattern → the path that opens it, made once for the class. */
    private static Map<String, String> filled;

    static {
        MAIL.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    Accounts accounts;
    @Autowired
    PortalGuard guard;
    @Autowired
    PortalRequests portal;
    @Autowired
    PortalLinks links;
    @Autowired
    Vault vault;
    @Autowired
    RequestDesk desk;
    @Autowired
    ActivePolicy active;
    @Autowired
    RateLimiter limiter;

    @BeforeEach
    void fill() throws Exception {
        guard.reset();
        limiter.forgetAll();
        if (filled != null) {
            return;
        }
        Map<String, String> f = new TreeMap<>();
        String address = "everypage-" + UUID.randomUUID() + "@example.nl";
        UUID subject = vault.createSubjects(STAFF, List.of(new Vault.NewSubject(List.of(),
                List.of(new Identifier(Identifier.Kind.EMAIL, address)), List.of("customer")))).getFirst();
        // the address also as an item: the confirmation link is mailed to what the vault holds
        vault.addItems(APP, List.of(new NewItem(subject, "email", address, List.of("rental"), "subject", "vault", null)));
        f.put("/console/subjects/{id}", "/console/subjects/" + subject);

        // a request from the portal: its confirmation and status links come by mail
        MAIL.purgeEmailFromAllMailboxes();
        String fromPortal = portal.submit(new PortalRequests.Form(address, List.of("access"), List.of(), null,
                "Welke gegevens heeft u?", "nl")).reference();
        List<String> paths = mailedPaths();
        f.put("/request/confirm/{token}", only(paths, "/request/confirm/"));
        f.put("/request/status/{token}", only(paths, "/request/status/"));
        f.put("/console/requests/{reference}", "/console/requests/" + fromPortal);
        f.put("/console/requests/{reference}/letters/{letter}", "/console/requests/" + fromPortal + "/letters/receipt");

        // a request staff took in for the subject, confirmed by the link the API mails (its own page)
        MAIL.purgeEmailFromAllMailboxes();
        String staffs = desk.receive(STAFF, new Requests.NewRequest(List.of("access"), List.of(), "email", "nl",
                subject, null)).reference();
        desk.sendLink(STAFF, staffs);
        f.put("/requests/confirm/{token}", only(mailedPaths(), "/requests/confirm/"));

        f.put("/preferences/{token}", "/preferences/" + links.issue(subject, null));
        f.put("/unsubscribe/{token}", "/unsubscribe/" + links.issue(subject, "newsletter"));
        long version = active.version().id();
        f.put("/statement/versions/{id}", "/statement/versions/" + version);
        f.put("/console/policy/diff", "/console/policy/diff?from=" + version + "&to=" + version);

        ConsoleClient po = ConsoleClient.signedIn(port, accounts, "everypage-setup", Roles.PRIVACY_OFFICER);
        String breach = recordBreach(po);
        f.put("/console/breaches/{reference}", "/console/breaches/" + breach);
        f.put("/console/breaches/{reference}/documents/{document}", "/console/breaches/" + breach + "/documents/letter");
        filled = f;
    }

    @Test
    void everyPageIsCoveredOrNamedWithAReason() {
        List<String> uncovered = routes().stream()
                .filter(r -> !NOT_PAGES.containsKey(r) && r.contains("{") && !filled.containsKey(r)
                        && !MADE_IN_THE_BROWSER.contains(r)).toList();
        assertThat(uncovered).as("GET routes with path variables neither filled here nor named in NOT_PAGES").isEmpty();
        assertThat(NOT_PAGES.keySet()).as("NOT_PAGES names routes that exist").isSubsetOf(routes());
        assertThat(routes()).contains("/", "/console", "/console/signin", "/console/accounts", "/request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nl", "en"})
    void everyPageHasNoAxeViolations(String lang) {
        Map<String, String> pages = new LinkedHashMap<>();
        for (String route : routes()) {
            if (!NOT_PAGES.containsKey(route)) {
                pages.put(route, filled.getOrDefault(route, route));
            }
        }
        List<String> problems = new ArrayList<>();
        browser.get(url("/css/waarborg.css"));
        browser.manage().deleteAllCookies();

        // signed out: the sign-in, the portal's pages and the staff-sent confirmation link's page (in the request's language)
        for (var e : pages.entrySet()) {
            if (SIGNED_OUT.contains(e.getKey()) || !e.getKey().startsWith("/console")) {
                check(e.getValue(), lang, problems);
            }
        }
        // the privacy officer: every console page but the administrator's, then an audit job of their own
        SignedInBrowser.signIn(browser, port, accounts, "everypage-po", Roles.PRIVACY_OFFICER);
        for (var e : pages.entrySet()) {
            if (e.getKey().startsWith("/console") && !SIGNED_OUT.contains(e.getKey())
                    && !ADMINISTRATOR.contains(e.getKey()) && !MADE_IN_THE_BROWSER.contains(e.getKey())) {
                check(e.getValue(), lang, problems);
            }
        }
        check(job("/console/audit", "form[action$='/audit/export'] button", "/console/audit/jobs/"), lang, problems);
        check(job("/console/retention", "form[action$='/retention/sweep'] button.secondary", "/console/retention/sweeps/"),
                lang, problems);
        // the 403 page: the privacy officer may not manage accounts
        check("/console/accounts", lang, problems);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isIn("Geen toegang", "No access");

        browser.manage().deleteAllCookies();
        SignedInBrowser.signIn(browser, port, accounts, "everypage-admin", Roles.ADMINISTRATOR);
        for (String route : ADMINISTRATOR) {
            check(pages.get(route), lang, problems);
        }

        // the 404 pages: a link that does not work, a console page of nothing
        check("/request/status/" + "A".repeat(43), lang, problems);
        check("/console/requests/WB-0000-0000", lang, problems);
        // the 429 page: the third portal post within the burst of 2
        browser.manage().deleteAllCookies();
        guard.reset();
        for (int i = 0; i < 3; i++) {
            browser.get(url("/request?lang=" + lang));
            SignedInBrowser.clickAndWait(browser, browser.findElement(By.cssSelector("form.stack button[type=submit]")));
        }
        assertThat(browser.getPageSource()).contains("lang=\"" + lang + "\"");
        axe(problems);
        guard.reset();

        assertThat(problems).as("axe in " + lang).isEmpty();
    }

    /** Opens {@code path} in {@code lang} and adds axe's violations to {@code problems}. */
    private void check(String path, String lang, List<String> problems) {
        limiter.forgetAll();
        browser.get(url(path + (path.contains("?") ? "&" : "?") + "lang=" + lang));
        String shown = browser.findElements(By.tagName("html")).stream().map(h -> h.getAttribute("lang"))
                .findFirst().orElse("");
        boolean own = REQUEST_LANGUAGE.stream().map(filled::get).anyMatch(path::equals);
        if (!own && !shown.equals(lang)) {
            problems.add(path + ": html lang is '" + shown + "', not " + lang);
        }
        axe(problems);
    }

    private void axe(List<String> problems) {
        try {
            Axe.assertNoViolations(browser);
        } catch (AssertionError e) {
            problems.add(e.getMessage());
        }
    }

    /**
     * Starts a background job from {@code page} with {@code button} as the signed-in officer (a job is its starter's:
     * an audit export, a dry-run sweep) and waits until its page, under {@code jobs}, says it is done.
     */
    private String job(String page, String button, String jobs) {
        browser.get(url(page));
        SignedInBrowser.clickAndWait(browser, browser.findElement(By.cssSelector(button)));
        String path = browser.getCurrentUrl().replaceAll("[?#].*", "").replace(url(""), "");
        assertThat(path).startsWith(jobs);
        for (int i = 0; i < 50 && browser.findElements(By.tagName("progress")).size() > 0; i++) {
            sleep(200);
            browser.get(url(path));
        }
        return path;
    }

    /** Every GET route outside /api, and those under /api that answer HTML, by pattern. */
    private Set<String> routes() {
        Set<String> seen = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            if (info.getPathPatternsCondition() == null) {
                continue;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                continue;
            }
            boolean html = info.getProducesCondition().getProducibleMediaTypes().contains(MediaType.TEXT_HTML);
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (pattern.equals("/error") || pattern.startsWith("/api") && !html) {
                    continue;
                }
                seen.add(pattern);
            }
        }
        return seen;
    }

    private static String recordBreach(ConsoleClient po) {
        po.get("/console/breaches/new");
        String hourAgo = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZoneId.of("Europe/Amsterdam"))
                .format(Instant.now().minus(1, ChronoUnit.HOURS));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", "Lijst op gedeelde schijf");
        form.put("summary", "Een export met klantnamen stond open.");
        form.put("occurredAt", hourAgo);
        form.put("detectedAt", hourAgo);
        form.put("awareAt", hourAgo);
        form.put("nature", "confidentiality");
        form.put("actions", "copying");
        form.put("dataCategories", "name");
        form.put("systems", "vault");
        form.put("approximatePeople", "12");
        form.put("measuresTaken", "De schijf is afgesloten.");
        HttpResponse<String> r = po.post("/console/breaches", form);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        return r.headers().firstValue("Location").orElseThrow()
                .replaceFirst("^.*/console/breaches/", "").replaceFirst("\\?.*$", "");
    }

    /** The paths of the links in the one mail received. */
    private static List<String> mailedPaths() {
        assertThat(MAIL.waitForIncomingEmail(10000, 1)).isTrue();
        MimeMessage[] all = MAIL.getReceivedMessages();
        assertThat(all).hasSize(1);
        Matcher m = LINK.matcher(GreenMailUtil.getBody(all[0]).replaceAll("=\r?\n", ""));
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String only(List<String> paths, String prefix) {
        return paths.stream().filter(p -> p.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " link in " + paths));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
