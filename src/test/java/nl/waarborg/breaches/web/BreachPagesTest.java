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
    void aRefusedFormSaysWhyInThePagesLanguageNotInTheServicesEnglish() {
        ConsoleClient po = ConsoleClient.signedIn(port, accounts, "breach-po", Roles.PRIVACY_OFFICER);
        po.get("/console/breaches/new");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", "Laptop kwijt");
        form.put("detectedAt", anHourAgo());
        form.put("awareAt", LocalDateTime.now(ZoneId.of("Europe/Amsterdam")).minusHours(3)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"))); // before the detection
        form.put("nature", "availability");
        // a refused field (400): the field's text in Dutch, then in English
        HttpResponse<String> dutch = po.post("/console/breaches", form);
        assertThat(dutch.statusCode()).isEqualTo(400);
        assertThat(dutch.body()).contains("role=\"alert\"")
                .contains("Vul in wanneer de organisatie het wist: een datum en tijd, niet vóór de ontdekking")
                .doesNotContain("awareness cannot come before detection");
        po.get("/console/breaches/new?lang=en");
        HttpResponse<String> english = po.post("/console/breaches", form);
        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(english.body()).contains("Fill in when the organisation knew: a date and time, not before the detection")
                .doesNotContain("awareness cannot come before detection");

        // a refused step (409, a reason code): the code's text in English, then in Dutch
        po.get("/console/breaches/new?lang=nl");
        String ref = record(po);
        po.get("/console/breaches/" + ref + "?lang=en");
        HttpResponse<String> earlyEn = po.post("/console/breaches/" + ref + "/close", Map.of());
        assertThat(earlyEn.statusCode()).isEqualTo(409);
        assertThat(earlyEn.body()).contains("You can close only once you have decided whether to notify the AP")
                .doesNotContain("a breach is closed only once");
        po.get("/console/breaches/" + ref + "?lang=nl");
        HttpResponse<String> earlyNl = po.post("/console/breaches/" + ref + "/close", Map.of());
        assertThat(earlyNl.body()).contains("Sluiten kan pas als u hebt besloten of u de AP meldt");
        // a correction that changes nothing names no field: its own text
        HttpResponse<String> same = po.post("/console/breaches/" + ref + "/correct", Map.of("reason", "Nagekeken",
                "approximatePeople", "12"));
        assertThat(same.statusCode()).isEqualTo(400);
        assertThat(same.body()).contains("Deze correctie verandert niets.");
    }

    @Test
    void theAssessmentTakesTheEnisaInputsAndShowsTheComputedLevel() {
        ConsoleClient po = ConsoleClient.signedIn(port, accounts, "breach-po", Roles.PRIVACY_OFFICER);
        String ref = record(po);
        HttpResponse<String> page = po.get("/console/breaches/" + ref);
        assertThat(page.body()).contains("<label for=\"dataProcessingContext\">").contains("<legend>Ernst volgens ENISA");
        HttpResponse<String> wrong = po.post("/console/breaches/" + ref + "/assess", Map.of("level", "risk",
                "reasoning", "Namen.", "dataProcessingContext", "2", "easeOfIdentification", "0.3"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("Kies de herkenbaarheid (EI): 0,25, 0,5, 0,75 of 1.");

        // SE = DPC × EI + CB = 2 × 0.75 + (0.5 + 0.5 malicious) = 2.5: medium (ENISA 2013)
        HttpResponse<String> assessed = po.post("/console/breaches/" + ref + "/assess", Map.of("level", "risk",
                "reasoning", "Namen en adressen.", "dataProcessingContext", "2", "easeOfIdentification", "0.75",
                "confidentiality", "0.5", "integrity", "0", "availability", "0", "maliciousIntent", "on"));
        assertThat(assessed.statusCode()).isEqualTo(302);
        HttpResponse<String> after = po.get("/console/breaches/" + ref);
        assertThat(after.body()).contains("Ernst (ENISA)").contains("class=\"tag amber\">Gemiddeld")
                .contains("2 × 0,75 + 1 = 2,5");
        assertThat(po.get("/console/breaches/" + ref + "?lang=en").body()).contains("class=\"tag amber\">Medium")
                .contains("2 × 0.75 + 1 = 2.5");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'breach-assessed' AND actor = 'breach-po' "
                + "AND 'severity:medium' = ANY(reasons) AND 'breach:' || ? = ANY(reasons)").param(ref)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theWordsAgreeInDutchAndEnglish() {
        BundleAgreement.assertNlAndEnAgreeIcu(BreachPagesTest.class, "/nl/waarborg/pages/breaches");
    }
}
