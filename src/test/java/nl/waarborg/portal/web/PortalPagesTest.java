package nl.waarborg.portal.web;

import nl.waarborg.mail.MailParts;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.waarborg.BundleAgreement;
import nl.waarborg.access.Caller;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.consent.Consents;
import nl.waarborg.policy.Lang;
import nl.waarborg.portal.PortalGuard;
import nl.waarborg.portal.PortalLinks;
import nl.waarborg.requests.Request;
import nl.waarborg.requests.service.Requests;
import nl.waarborg.vault.Identifier;
import nl.waarborg.vault.Vault;
import nl.waarborg.web.ConsoleClient;
import nl.waarborg.web.MutableClock;
import nl.waarborg.web.MutableClockConfiguration;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The public portal over real HTTP, on consent.yaml (a newsletter on consent, email-link allowed) with mail to an SMTP
 * server in this JVM (GreenMail): every page for anyone in both languages, form tokens, the request flow from the form
 * to the confirmed identity, the status link, preferences, RFC 8058 one-click unsubscribe, one 404, and 429 for a flood.
 */
@TestPropertySource(properties = {
        "waarborg.policy=src/test/resources/policies/consent.yaml",
        "waarborg.data-dir=${waarborg.test.data-root}/portal",
        "waarborg.mail.enabled=true",
        "waarborg.mail.from=privacy@testopslag.example",
        "waarborg.mail.base-url=https://privacy.testopslag.example",
        "spring.mail.host=127.0.0.1"})
@Import(MutableClockConfiguration.class)
class PortalPagesTest extends ServiceTestBase {

    private static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final Caller STAFF = new Caller("test", "dpo", List.of(), true);
    private static final Pattern CONFIRM = Pattern.compile("https://privacy\\.testopslag\\.example/request/confirm/([A-Za-z0-9_-]{43})");
    private static final Pattern STATUS = Pattern.compile("https://privacy\\.testopslag\\.example/request/status/([A-Za-z0-9_-]{43})");
    private static final String UNKNOWN = "A".repeat(43);

    static {
        MAIL.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @Autowired
    PortalGuard guard;
    @Autowired
    PortalLinks links;
    @Autowired
    Vault vault;
    @Autowired
    Requests requests;
    @Autowired
    Consents consents;
    @Autowired
    AuditLog audit;
    @Autowired
    MutableClock clock;

    @BeforeEach
    void fresh() throws Exception {
        guard.reset();
        MAIL.purgeEmailFromAllMailboxes();
    }

    @Test
    void everyPageServesAnyoneInDutchAndEnglishWithoutInlineScriptOrStyle() {
        ConsoleClient c = new ConsoleClient(port);
        for (String path : List.of("/", "/statement/versions", "/request", "/accessibility")) {
            HttpResponse<String> nl = c.get(path);
            assertThat(nl.statusCode()).as(path).isEqualTo(200);
            assertThat(nl.body()).as(path).contains("lang=\"nl\"").doesNotContain("<script").doesNotContain("style=")
                    .doesNotContain("<style");
            assertThat(nl.headers().firstValue("Content-Security-Policy").orElseThrow()).doesNotContain("unsafe-inline");
            HttpResponse<String> en = c.get(path + "?lang=en");
            assertThat(en.statusCode()).as(path).isEqualTo(200);
            assertThat(en.body()).as(path).contains("lang=\"en\"");
        }
        assertThat(c.get("/?lang=nl").body()).contains("Testopslag B.V.", "versie 2026.2", "<h2");
        assertThat(c.get("/?lang=en").body()).contains("Testopslag B.V.", "version 2026.2");
        assertThat(c.get("/accessibility?lang=nl").body()).contains("WCAG 2.2", "EN 301 549", "axe-core",
                "Besluit digitale toegankelijkheid overheid");
        assertThat(c.get("/request?lang=en").body()).contains("one month", "<label for=\"email\"");
        String versions = c.get("/statement/versions?lang=nl").body();
        Matcher v = Pattern.compile("href=\"(/statement/versions/\\d+)\"").matcher(versions);
        assertThat(v.find()).isTrue();
        assertThat(c.get(v.group(1) + "?lang=nl").statusCode()).isEqualTo(200);
        assertThat(c.get(v.group(1) + "?lang=en").body()).contains("lang=\"en\"", "Testopslag B.V.");
        assertThat(c.get("/statement/versions/999999").statusCode()).isEqualTo(404);
    }

    @Test
    void aPostWithoutTheFormTokenIsRefused() {
        ConsoleClient c = new ConsoleClient(port);
        c.get("/request");
        assertThat(c.postRaw("/request", Map.of("email", "x@example.nl", "kinds", "access")).statusCode()).isEqualTo(403);
        assertThat(c.postRaw("/request/confirm/" + UNKNOWN, Map.of()).statusCode()).isEqualTo(403);
        assertThat(c.postRaw("/preferences/" + UNKNOWN, Map.of("purpose", "newsletter", "choice", "give")).statusCode())
                .isEqualTo(403);
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void aRequestIsMailedConfirmedOnlyByPostAndFollowedByItsStatusLinkWithoutPersonalData() throws Exception {
        String address = "portal-" + UUID.randomUUID() + "@example.nl";
        UUID subject = vault.createSubjects(STAFF, List.of(new Vault.NewSubject(List.of(),
                List.of(new Identifier(Identifier.Kind.EMAIL, address)), List.of("customer")))).getFirst();
        ConsoleClient c = new ConsoleClient(port);
        c.get("/request");
        HttpResponse<String> sent = c.post("/request", Map.of("email", address, "kinds", "access", "language", "nl",
                "details", "Mijn adres klopt niet"));
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("Kijk in uw e-mail", "Uw kenmerk is WB-").doesNotContain(address);

        MimeMessage mail = MailParts.only(MAIL, 10000);
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(address);
        String text = MailParts.text(mail, "text/plain");
        assertThat(text).contains("artikel 12 lid 6 AVG");
        Matcher confirm = CONFIRM.matcher(text);
        Matcher status = STATUS.matcher(text);
        assertThat(confirm.find()).isTrue();
        assertThat(status.find()).isTrue();
        String reference = Pattern.compile("WB-[0-9A-Z]{4}-[0-9A-Z]{4}").matcher(text).results().findFirst().orElseThrow().group();
        Request taken = requests.find(STAFF, reference).orElseThrow();
        assertThat(taken.identity()).isEqualTo(Request.Identity.PENDING);
        assertThat(taken.subject()).isNull();

        HttpResponse<String> statusPage = c.get("/request/status/" + status.group(1));
        assertThat(statusPage.statusCode()).isEqualTo(200);
        assertThat(statusPage.body()).contains(reference, "Nog niet bevestigd", "Wij antwoorden uiterlijk op")
                .doesNotContain(address).doesNotContain("Mijn adres klopt niet");

        // a GET (a mail scanner, a preview) shows the button and changes nothing
        HttpResponse<String> page = c.get("/request/confirm/" + confirm.group(1));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Ja, ik bevestig mijn verzoek", "method=\"post\"");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(requests.find(STAFF, reference).orElseThrow().identity()).isEqualTo(Request.Identity.PENDING);

        HttpResponse<String> done = c.post("/request/confirm/" + confirm.group(1), Map.of());
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("is bevestigd");
        Request confirmed = requests.find(STAFF, reference).orElseThrow();
        assertThat(confirmed.identity()).isEqualTo(Request.Identity.VERIFIED);
        assertThat(confirmed.identityMethod()).isEqualTo("email-link");
        assertThat(confirmed.subject()).isEqualTo(subject);
        assertThat(c.get("/request/status/" + status.group(1)).body()).contains("In behandeling");
        // once
        assertThat(c.post("/request/confirm/" + confirm.group(1), Map.of()).statusCode()).isEqualTo(404);
        assertThat(audit.requestEventsWithReason("request:" + reference, 100)
                .toString()).doesNotContain(address);
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndMail() throws Exception {
        ConsoleClient c = new ConsoleClient(port);
        c.get("/request?lang=en");
        HttpResponse<String> sent = c.post("/request", Map.of("email", "nobody-" + UUID.randomUUID() + "@example.nl",
                "kinds", "erasure", "language", "en"));
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("Check your e-mail");
        assertThat(MailParts.text(MailParts.only(MAIL, 10000), "text/plain")).contains("Confirm your request with this link");
    }

    @Test
    void aWrongFieldIsNamedAndNothingIsSent() {
        ConsoleClient c = new ConsoleClient(port);
        c.get("/request");
        HttpResponse<String> bad = c.post("/request", Map.of("email", "not an address", "kinds", "access"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("role=\"alert\"", "Vul één geldig e-mailadres in", "href=\"#email\"");
        HttpResponse<String> noPurpose = c.post("/request", Map.of("email", "a@example.nl", "kinds", "objection"));
        assertThat(noPurpose.statusCode()).isEqualTo(422);
        assertThat(noPurpose.body()).contains("href=\"#purposes\"");
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void unknownAndExpiredLinksAreOneAndTheSame404() throws Exception {
        ConsoleClient c = new ConsoleClient(port);
        for (String path : List.of("/request/confirm/", "/request/status/", "/preferences/", "/unsubscribe/")) {
            HttpResponse<String> r = c.get(path + UNKNOWN);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).contains("Deze link werkt niet");
            assertThat(c.get(path + "short").statusCode()).as(path).isEqualTo(404);
        }
        c.get("/request");
        c.post("/request", Map.of("email", "late-" + UUID.randomUUID() + "@example.nl", "kinds", "access"));
        Matcher confirm = CONFIRM.matcher(MailParts.text(MailParts.only(MAIL, 10000), "text/plain"));
        assertThat(confirm.find()).isTrue();
        clock.advance(Duration.ofDays(8));
        HttpResponse<String> expired = c.get("/request/confirm/" + confirm.group(1));
        assertThat(expired.statusCode()).isEqualTo(404);
        // the same page but for the link's own address (in the language switch)
        assertThat(expired.body().replace(confirm.group(1), UNKNOWN)).isEqualTo(c.get("/request/confirm/" + UNKNOWN).body());
    }

    @Test
    void unsubscribeGetChangesNothingAndTheOneClickPostWithdrawsAndIsAudited() throws Exception {
        UUID subject = vault.createSubjects(STAFF, List.of(new Vault.NewSubject(List.of(), List.of(),
                List.of("customer")))).getFirst();
        links.give(subject, "newsletter", Lang.NL);
        String token = links.issue(subject, "newsletter");
        Map<String, String> headers = links.unsubscribeHeaders(token);
        assertThat(headers).containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
                .containsEntry("List-Unsubscribe", "<https://privacy.testopslag.example/unsubscribe/" + token + ">");

        HttpResponse<String> page = new ConsoleClient(port).get("/unsubscribe/" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Nieuwsbrief", "<button type=\"submit\">Afmelden</button>");
        assertThat(state(subject)).isEqualTo("given");

        long before = audit.head().lastSeq();
        // as a mail client does it: no cookie, no form token, the body RFC 8058 names
        HttpResponse<String> oneClick = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/unsubscribe/" + token))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(state(subject)).isEqualTo("withdrawn");
        List<AuditEvent> events = audit.events(before, 100);
        assertThat(events).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("consent-withdrawn");
            assertThat(e.subjectId()).isEqualTo(subject);
        });
    }

    @Test
    void preferencesShowTheMarketingConsentsAndGiveAndWithdrawWithTheFormToken() {
        UUID subject = vault.createSubjects(STAFF, List.of(new Vault.NewSubject(List.of(), List.of(),
                List.of("customer")))).getFirst();
        String token = links.issue(subject, null);
        ConsoleClient c = new ConsoleClient(port);
        HttpResponse<String> page = c.get("/preferences/" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Nieuwsbrief", "Uit: geen toestemming").doesNotContain("Klantonderzoek");
        HttpResponse<String> given = c.post("/preferences/" + token, Map.of("purpose", "newsletter", "choice", "give"));
        assertThat(given.statusCode()).isEqualTo(302);
        assertThat(state(subject)).isEqualTo("given");
        assertThat(c.get("/preferences/" + token + "?lang=en").body()).contains("Newsletter", "On: you have given consent");
        c.post("/preferences/" + token, Map.of("purpose", "newsletter", "choice", "withdraw"));
        assertThat(state(subject)).isEqualTo("withdrawn");
    }

    @Test
    void aFloodOfAnonymousPostsGets429() {
        ConsoleClient c = new ConsoleClient(port);
        c.get("/request");
        int limited = 0;
        for (int i = 0; i < 40 && limited == 0; i++) {
            HttpResponse<String> r = c.post("/request", Map.of("email", "bad", "kinds", "access"));
            if (r.statusCode() == 429) {
                limited = i;
                assertThat(r.body()).contains("Even geduld");
                assertThat(r.headers().firstValue("Retry-After")).isPresent();
            }
        }
        assertThat(limited).isBetween(10, 39);
    }

    @Test
    void requestsForOneAddressAreLimitedFromAnyNetwork() {
        String address = "target-" + UUID.randomUUID() + "@example.nl";
        ConsoleClient c = new ConsoleClient(port);
        c.get("/request");
        for (int i = 0; i < 3; i++) {
            assertThat(c.post("/request", Map.of("email", address, "kinds", "access")).statusCode()).isEqualTo(200);
        }
        assertThat(c.post("/request", Map.of("email", address.toUpperCase(), "kinds", "access")).statusCode())
                .isEqualTo(429);
    }

    @Test
    void theBundlesAgree() {
        BundleAgreement.assertNlAndEnAgreeIcu(PortalPagesTest.class, "/nl/waarborg/pages/portal");
    }

    private String state(UUID subject) {
        return consents.of(STAFF, subject).current().stream().filter(p -> p.purpose().equals("newsletter"))
                .findFirst().map(Consents.PurposeConsent::state).orElse("none");
    }


}
