package nl.waarborg.breaches.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.BundleAgreement;
import nl.waarborg.staff.Roles;
import nl.waarborg.accounts.service.Accounts;
import nl.waarborg.web.ConsoleClient;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The console's breach pages over real HTTP: who may see and act, and a privacy officer taking a breach from its
 * record through assessment, decisions and notification to its close, each form a new version.
 */
class BreachPagesTest extends ServiceTestBase {

    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    private static String anHourAgo() {
        return LocalDateTime.now(ZoneId.of("Europe/Amsterdam")).minusHours(1)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
    }

    private static final List<String> ACTIONS = List.of("correct", "assess", "decide", "notifications", "close");

    /** Records a breach through the form and returns its reference. */
    private static String record(ConsoleClient po) {
        assertThat(po.get("/console/breaches/new").statusCode()).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", "Lijst op gedeelde schijf");
        form.put("summary", "Een export met klantnamen stond open.");
        form.put("occurredAt", anHourAgo());
        form.put("detectedAt", anHourAgo());
        form.put("awareAt", anHourAgo());
        form.put("nature", "confidentiality");
        form.put("actions", "copying");
        form.put("dataCategories", "name");
        form.put("systems", "vault");
        form.put("approximatePeople", "12");
        form.put("measuresTaken", "De schijf is afgesloten.");
        HttpResponse<String> r = po.post("/console/breaches", form);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElseThrow();
        return location.replaceFirst("^.*/console/breaches/", "").replaceFirst("\\?.*$", "");
    }

    @Test
    void aSignedOutVisitorIsSentToTheSignInPage() {
        ConsoleClient c = new ConsoleClient(port);
        for (String path : List.of("/console/breaches", "/console/breaches/new", "/console/breaches/B-1",
                "/console/breaches/B-1/documents/letter")) {
            HttpResponse<String> r = c.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/console/signin");
        }
        c.get("/console/signin");
        assertThat(c.post("/console/breaches", Map.of("title", "x")).statusCode()).isEqualTo(302);
        for (String action : ACTIONS) {
            assertThat(c.post("/console/breaches/B-1/" + action, Map.of()).statusCode()).as(action).isEqualTo(302);
        }
    }

    @Test
    void supportMayNotSeeBreachesAndTheAuditorMayViewButNotAct() {
        ConsoleClient po = ConsoleClient.signedIn(port, accounts, "breach-po", Roles.PRIVACY_OFFICER);
        String ref = record(po);
        ConsoleClient support = ConsoleClient.signedIn(port, accounts, "breach-support", Roles.SUPPORT);
        for (String path : List.of("/console/breaches", "/console/breaches/new", "/console/breaches/" + ref,
                "/console/breaches/" + ref + "/documents/letter")) {
            assertThat(support.get(path).statusCode()).as(path).isEqualTo(403);
        }
        ConsoleClient auditor = ConsoleClient.signedIn(port, accounts, "breach-auditor", Roles.AUDITOR);
        HttpResponse<String> list = auditor.get("/console/breaches");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(ref).doesNotContain("Nieuw datalek vastleggen");
        HttpResponse<String> one = auditor.get("/console/breaches/" + ref);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("Lijst op gedeelde schijf").doesNotContain(ref + "/assess\"").doesNotContain(ref + "/close\"");
        assertThat(auditor.get("/console/breaches/new").statusCode()).isEqualTo(403);
        assertThat(auditor.post("/console/breaches", Map.of("title", "x")).statusCode()).isEqualTo(403);
        for (String action : ACTIONS) {
            assertThat(auditor.post("/console/breaches/" + ref + "/" + action, Map.of("level", "high"))
                    .statusCode()).as(action).isEqualTo(403);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM breach_version v JOIN breach b ON b.id = v.breach_id WHERE b.reference = ?").param(ref)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void everyFormNeedsItsToken() {
        ConsoleClient po = ConsoleClient.signedIn(port, accounts, "breach-po", Roles.PRIVACY_OFFICER);
        String ref = record(po);
        po.get("/console/breaches/" + ref);
        assertThat(po.postRaw("/console/breaches", Map.of("title", "x")).statusCode()).isEqualTo(403);
        for (String action : ACTIONS) {
            assertThat(po.postRaw("/console/breaches/" + ref + "/" + action, Map.of("level", "high")).statusCode())
                    .as(action).isEqualTo(403);
        }
    }

    @Test
    void aPrivacyOfficerTakesABreachFromRecordToCloseEachFormANewVersion() {
        ConsoleClient po = ConsoleClient.signedIn(port, accounts, "breach-po", Roles.PRIVACY_OFFICER);
        String ref = record(po);
        HttpResponse<String> page = po.get("/console/breaches/" + ref + "?done=recorded");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Het datalek is vastgelegd.").contains("class=\"tag amber\">Loopt")
                .contains("Europe/Amsterdam").doesNotContain("<script").doesNotContain("style=");

        // a close before the decisions is refused with the service's reason, and stores nothing
        HttpResponse<String> early = po.post("/console/breaches/" + ref + "/close", Map.of());
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).contains("role=\"alert\"").contains("Dit is niet opgeslagen");

        po.get("/console/breaches/" + ref);
        assertThat(po.post("/console/breaches/" + ref + "/assess", Map.of("level", "risk", "reasoning",
                "Namen zonder meer.")).statusCode()).isEqualTo(302);
        po.get("/console/breaches/" + ref);
        assertThat(po.post("/console/breaches/" + ref + "/decide", Map.of("notifyAuthority", "yes", "authorityReason",
                "Risico voor de klanten.", "notifySubjects", "no", "subjectsReason", "Geen hoog risico."))
                .statusCode()).isEqualTo(302);
        po.get("/console/breaches/" + ref);
        assertThat(po.post("/console/breaches/" + ref + "/notifications", Map.of("phase", "initial", "number",
                "AP-2026-1")).statusCode()).isEqualTo(302);
        HttpResponse<String> notified = po.get("/console/breaches/" + ref + "?count=1");
        assertThat(notified.body()).contains("class=\"tag green\">Gemeld").contains("AP-2026-1")
                .contains("Waarborg heeft deze gegevens");
        assertThat(po.post("/console/breaches/" + ref + "/close", Map.of()).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM breach_version v JOIN breach b ON b.id = v.breach_id WHERE b.reference = ?").param(ref)
                .query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = 'breach-po' AND reasons::text LIKE ?")
                .param("%" + ref + "%").query(Long.class).single()).isGreaterThanOrEqualTo(5);

        HttpResponse<String> list = po.get("/console/breaches?lang=en");
        assertThat(list.body()).contains(ref).contains("lang=\"en\"").contains("Record a new breach");
        HttpResponse<String> html = po.get("/console/breaches/" + ref + "/documents/notification-draft?format=html");
        assertThat(html.statusCode()).isEqualTo(200);
        HttpResponse<byte[]> pdf = po.getBytes("/console/breaches/" + ref + "/documents/letter?format=pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
    }

    @Test
    void theWordsAgreeInDutchAndEnglish() {
        BundleAgreement.assertNlAndEnAgreeIcu(BreachPagesTest.class, "/nl/waarborg/pages/breaches");
    }
}
