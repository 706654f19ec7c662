package nl.waarborg.requests.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.BundleAgreement;
import nl.waarborg.access.Caller;
import nl.waarborg.staff.Roles;
import nl.waarborg.accounts.service.Accounts;
import nl.waarborg.requests.Request;
import nl.waarborg.requests.service.RequestDesk;
import nl.waarborg.requests.service.Requests;
import nl.waarborg.web.ConsoleClient;
import nl.waarborg.web.MutableClockConfiguration;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** The console's request pages over real HTTP: who may read, log, record identity and decide; the flow from the pages. */
@TestPropertySource(properties = "waarborg.data-dir=${waarborg.test.data-root}/creq")
@Import(MutableClockConfiguration.class)
class RequestPagesTest extends ServiceTestBase {

    private static final Caller STAFF = new Caller("creq-test", "dpo", List.of(), true);
    private static final Caller SHOP = new Caller("shop", "staff", List.of("rental"), false);

    @Autowired
    Accounts accounts;
    @Autowired
    RequestDesk desk;
    @Autowired
    nl.waarborg.vault.Vault vault;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private String logged() {
        return desk.receive(STAFF, new Requests.NewRequest(List.of("access"), List.of(), "email", "nl", null, null))
                .reference();
    }

    private static String referenceOf(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location").orElseThrow();
        return location.replaceAll(".*/console/requests/(WB-[0-9A-Z-]+).*", "$1");
    }

    @Test
    void aSignedOutVisitorIsSentToSignInAndCanPostNothing() {
        String ref = logged();
        ConsoleClient c = new ConsoleClient(port);
        for (String path : List.of("/console/requests", "/console/requests/new", "/console/requests/" + ref,
                "/console/requests/" + ref + "/letters/receipt", "/console/requests/" + ref + "/answer")) {
            HttpResponse<String> r = c.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/console/signin");
        }
        for (String action : List.of("extend", "refuse", "complete", "fulfil", "identity", "assign")) {
            assertThat(c.post("/console/requests/" + ref + "/" + action, Map.of("reason", "x")).statusCode())
                    .as(action).isIn(302, 403);
        }
        assertThat(desk.find(ref).orElseThrow().request().extendedTo()).isNull();
    }

    @Test
    void anAuditorMayReadButNotAct() {
        String ref = logged();
        ConsoleClient c = ConsoleClient.signedIn(port, accounts, "creq-auditor", Roles.AUDITOR);
        HttpResponse<String> list = c.get("/console/requests");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Verzoeken op termijn").doesNotContain("style=").doesNotContain("<script");
        HttpResponse<String> one = c.get("/console/requests/" + ref);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("Verzoek " + ref).contains("Ontvangstbevestiging")
                .doesNotContain("Termijn verlengen").doesNotContain("Uitkomst vastleggen");
        assertThat(c.get("/console/requests/" + ref + "/letters/receipt").statusCode()).isEqualTo(200);
        assertThat(c.get("/console/requests/new").statusCode()).isEqualTo(403);
        assertThat(c.get("/console/requests/" + ref + "/answer").statusCode()).isEqualTo(403);
        for (String action : List.of("extend", "refuse", "complete", "fulfil", "identity", "identity/email-link",
                "assign")) {
            assertThat(c.post("/console/requests/" + ref + "/" + action, Map.of("reason", "x")).statusCode())
                    .as(action).isEqualTo(403);
        }
        assertThat(c.post("/console/requests/assign", Map.of("reference", ref)).statusCode()).isEqualTo(403);
        assertThat(c.post("/console/requests/new", Map.of("kinds", "access")).statusCode()).isEqualTo(403);
    }

    @Test
    void supportLogsARequestAndRecordsTheIdentityButMayNotDecide() {
        ConsoleClient c = ConsoleClient.signedIn(port, accounts, "creq-support", Roles.SUPPORT);
        HttpResponse<String> form = c.get("/console/requests/new");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<label for=\"field-channel\">");
        HttpResponse<String> bad = c.post("/console/requests/new", Map.of("channel", "phone", "language", "nl"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("role=\"alert\"").contains("Kies wat de persoon vraagt.");
        HttpResponse<String> saved = c.post("/console/requests/new",
                Map.of("kinds", "access", "channel", "phone", "language", "en"));
        assertThat(saved.statusCode()).isEqualTo(302);
        String ref = referenceOf(saved);
        Request r = desk.find(ref).orElseThrow().request();
        assertThat(r.channel().term()).isEqualTo("phone");
        assertThat(r.receivedBy()).isEqualTo("creq-support");
        assertThat(c.get("/console/requests/" + ref + "?done=received").body()).contains("Het verzoek is opgeslagen.");
        HttpResponse<String> identity = c.post("/console/requests/" + ref + "/identity",
                Map.of("method", "in-person-id", "outcome", "verified"));
        assertThat(identity.statusCode()).isEqualTo(302);
        r = desk.find(ref).orElseThrow().request();
        assertThat(r.identity()).isEqualTo(Request.Identity.VERIFIED);
        assertThat(r.identityBy()).isEqualTo("creq-support");
        assertThat(desk.timeline(r)).anyMatch(e -> e.action().equals("request-identity") && e.actor().equals("creq-support"));
        c.get("/console/requests/" + ref);
        for (String action : List.of("complete", "extend", "refuse", "fulfil", "assign")) {
            assertThat(c.post("/console/requests/" + ref + "/" + action, Map.of("reason", "x")).statusCode())
                    .as(action).isEqualTo(403);
        }
        assertThat(desk.find(ref).orElseThrow().request().status()).isEqualTo(Request.Status.OPEN);
    }

    @Test
    void aPostWithoutTheFormTokenIsRefused() {
        String ref = logged();
        ConsoleClient c = ConsoleClient.signedIn(port, accounts, "creq-po-token", Roles.PRIVACY_OFFICER);
        c.get("/console/requests/" + ref);
        assertThat(c.postRaw("/console/requests/" + ref + "/extend", Map.of("reason", "busy")).statusCode())
                .isEqualTo(403);
        assertThat(c.postRaw("/console/requests/new", Map.of("kinds", "access")).statusCode()).isEqualTo(403);
        assertThat(c.postRaw("/console/requests/assign", Map.of("reference", ref)).statusCode()).isEqualTo(403);
        assertThat(desk.find(ref).orElseThrow().request().extendedTo()).isNull();
    }

    @Test
    void aRequestMovesThroughIdentityExtensionFulfilmentAndCompletionFromThePages() {
        ConsoleClient c = ConsoleClient.signedIn(port, accounts, "creq-po", Roles.PRIVACY_OFFICER);
        c.get("/console/requests/new");
        String ref = referenceOf(c.post("/console/requests/new", Map.of("kinds", "access", "channel", "post",
                "language", "nl")));
        c.get("/console/requests/" + ref);
        assertThat(c.post("/console/requests/" + ref + "/identity", Map.of("method", "in-person-id",
                "outcome", "verified")).statusCode()).isEqualTo(302);
        c.get("/console/requests/" + ref);
        HttpResponse<String> noReason = c.post("/console/requests/" + ref + "/extend", Map.of("reason", " "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("Schrijf een reden");
        assertThat(c.post("/console/requests/" + ref + "/extend", Map.of("reason", "Veel systemen")).statusCode())
                .isEqualTo(302);
        HttpResponse<String> extended = c.get("/console/requests/" + ref + "?done=extended");
        assertThat(extended.body()).contains("De termijn is verlengd.").contains("Veel systemen")
                .contains("/console/requests/" + ref + "/letters/extension").doesNotContain("Termijn verlengen</h3>");
        assertThat(c.get("/console/requests/" + ref + "/letters/extension").statusCode()).isEqualTo(200);
        HttpResponse<String> again = c.post("/console/requests/" + ref + "/extend", Map.of("reason", "nog eens"));
        assertThat(again.statusCode()).isEqualTo(409);
        // complete before the fulfilment: refused with the reason, in words
        HttpResponse<String> early = c.post("/console/requests/" + ref + "/complete", Map.of());
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).contains("De uitvoering is nog niet gestart.");
        assertThat(c.post("/console/requests/" + ref + "/fulfil", Map.of()).statusCode()).isEqualTo(302);
        HttpResponse<String> fulfilled = c.get("/console/requests/" + ref);
        assertThat(fulfilled.body()).contains("Gegevens ophalen").contains("Antwoord downloaden als JSON");
        HttpResponse<byte[]> answer = c.getBytes("/console/requests/" + ref + "/answer?format=json");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(c.post("/console/requests/" + ref + "/complete", Map.of()).statusCode()).isEqualTo(302);
        Request done = desk.find(ref).orElseThrow().request();
        assertThat(done.status()).isEqualTo(Request.Status.COMPLETED);
        assertThat(done.closedBy()).isEqualTo("creq-po");
        HttpResponse<String> closed = c.get("/console/requests/" + ref);
        assertThat(closed.body()).contains("Afgehandeld").contains("door creq-po")
                .contains("/console/requests/" + ref + "/letters/completion");
        assertThat(desk.timeline(done)).filteredOn(e -> e.actor().equals("creq-po")).extracting(e -> e.action())
                .contains("request-received", "request-identity", "request-extended", "request-fulfilment-started",
                        "request-answer-downloaded", "request-completed");
    }

    @Test
    void selectedRequestsAreAssignedInBulkAndFoundUnderAssignedToMe() {
        String a = logged();
        String b = logged();
        ConsoleClient c = ConsoleClient.signedIn(port, accounts, "creq-po-bulk", Roles.PRIVACY_OFFICER);
        HttpResponse<String> list = c.get("/console/requests?unverified=true");
        assertThat(list.body()).contains(a).contains(b).contains("name=\"reference\" value=\"" + a + "\"");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("reference", a);
        form.put("assignee", "me");
        assertThat(c.post("/console/requests/assign", form).statusCode()).isEqualTo(302);
        c.get("/console/requests");
        assertThat(c.post("/console/requests/" + b + "/assign", Map.of("assignee", "me")).statusCode()).isEqualTo(302);
        HttpResponse<String> mine = c.get("/console/requests?mine=true");
        assertThat(mine.body()).contains(a).contains(b).contains("creq-po-bulk");
        assertThat(desk.timeline(desk.find(a).orElseThrow().request()))
                .anyMatch(e -> e.action().equals("request-assigned") && e.reasons().contains("to:creq-po-bulk"));
    }

    @Test
    void aLetterIsPreviewedInThePageBeforeItsActionAndNothingChanges() {
        String ref = logged();
        desk.identity(STAFF, ref, "in-person-id", "verified", false);
        ConsoleClient c = ConsoleClient.signedIn(port, accounts, "creq-po-preview", Roles.PRIVACY_OFFICER);
        HttpResponse<String> page = c.get("/console/requests/" + ref);
        assertThat(page.body()).contains("formaction=\"/console/requests/" + ref + "/extend/preview\"")
                .contains("Brief eerst bekijken");
        int events = desk.timeline(desk.find(ref).orElseThrow().request()).size();

        HttpResponse<String> extension = c.post("/console/requests/" + ref + "/extend/preview",
                Map.of("reason", "Veel systemen <b>te doorzoeken</b>"));
        assertThat(extension.statusCode()).isEqualTo(200);
        assertThat(extension.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(extension.body()).contains("Zo ziet de brief eruit: Wij hebben meer tijd nodig voor uw verzoek (" + ref)
                .contains("Veel systemen &lt;b&gt;te doorzoeken&lt;/b&gt;").contains("artikel 12, lid 3 AVG")
                .contains(">Veel systemen &lt;b&gt;te doorzoeken&lt;/b&gt;</textarea>") // the form, filled again
                .doesNotContain("<b>te doorzoeken").doesNotContain("<style").doesNotContain("style=");

        HttpResponse<String> refusal = c.post("/console/requests/" + ref + "/refuse/preview",
                Map.of("ground", "excessive", "reason", "Elke week hetzelfde verzoek"));
        assertThat(refusal.statusCode()).isEqualTo(200);
        assertThat(refusal.body()).contains("Ons antwoord op uw verzoek (" + ref).contains("Elke week hetzelfde verzoek")
                .contains("Art. 12(5)(b) AVG/GDPR").contains("value=\"excessive\" selected")
                .contains("<h5 id=\"preview-routes\">");

        HttpResponse<String> noReason = c.post("/console/requests/" + ref + "/refuse/preview",
                Map.of("ground", "excessive", "reason", " "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("Schrijf een reden").doesNotContain("Zo ziet de brief eruit");

        HttpResponse<String> early = c.post("/console/requests/" + ref + "/complete/preview", Map.of());
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).contains("De uitvoering is nog niet gestart.");

        Request r = desk.find(ref).orElseThrow().request();
        assertThat(r.status()).isEqualTo(Request.Status.OPEN);
        assertThat(r.extendedTo()).isNull();
        assertThat(r.refusalGround()).isNull();
        assertThat(desk.timeline(r)).hasSize(events);

        desk.fulfil(STAFF, ref, null);
        events = desk.timeline(r).size();
        c.get("/console/requests/" + ref);
        HttpResponse<String> completion = c.post("/console/requests/" + ref + "/complete/preview", Map.of());
        assertThat(completion.statusCode()).isEqualTo(200);
        assertThat(completion.body()).contains("Wij hebben uw verzoek afgehandeld (" + ref)
                .contains("action=\"/console/requests/" + ref + "/complete\"");
        assertThat(desk.find(ref).orElseThrow().request().status()).isEqualTo(Request.Status.OPEN);
        assertThat(desk.timeline(r)).hasSize(events);
        // English when the page is
        assertThat(c.post("/console/requests/" + ref + "/extend/preview?lang=en", Map.of("reason", "Many systems"))
                .body()).contains("This is how the letter looks");
    }

    @Test
    void aPreviewNeedsTheRightToDecideAndTheFormToken() {
        String ref = logged();
        for (String action : List.of("extend", "refuse", "complete")) {
            String path = "/console/requests/" + ref + "/" + action + "/preview";
            HttpResponse<String> out = new ConsoleClient(port).post(path, Map.of("reason", "x", "ground", "excessive"));
            assertThat(out.statusCode()).as(path).isIn(302, 403);
        }
        ConsoleClient auditor = ConsoleClient.signedIn(port, accounts, "creq-auditor-preview", Roles.AUDITOR);
        ConsoleClient support = ConsoleClient.signedIn(port, accounts, "creq-support-preview", Roles.SUPPORT);
        ConsoleClient po = ConsoleClient.signedIn(port, accounts, "creq-po-preview-token", Roles.PRIVACY_OFFICER);
        auditor.get("/console/requests/" + ref);
        support.get("/console/requests/" + ref);
        po.get("/console/requests/" + ref);
        for (String action : List.of("extend", "refuse", "complete")) {
            String path = "/console/requests/" + ref + "/" + action + "/preview";
            Map<String, String> form = Map.of("reason", "x", "ground", "excessive");
            assertThat(auditor.post(path, form).statusCode()).as(path).isEqualTo(403);
            assertThat(support.post(path, form).statusCode()).as(path).isEqualTo(403);
            assertThat(po.postRaw(path, form).statusCode()).as(path).isEqualTo(403);
        }
    }

    @Test
    void aRectificationIsFulfilledFromThePageWithTheNewValueNeverShownOrLoggedAndAskedAgainWhenNeeded() throws Exception {
        String old = "rect.old." + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.nl";
        String fresh = "rect.new." + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.nl";
        String again = "rect.again." + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.nl";
        java.util.UUID subject = vault.createSubjects(STAFF, List.of(new nl.waarborg.vault.Vault.NewSubject(
                List.of(new nl.waarborg.vault.Reference("crm", "R-" + java.util.UUID.randomUUID())), List.of(),
                List.of("customer")))).getFirst();
        vault.addItems(SHOP, List.of(new nl.waarborg.vault.NewItem(subject, "email", old, List.of("rental"), "subject",
                "vault", null)));
        String ref = desk.receive(STAFF, new Requests.NewRequest(List.of("rectification"), List.of(), "email", "nl",
                subject, null)).reference();
        desk.identity(STAFF, ref, "in-person-id", "verified", false);
        ConsoleClient c = ConsoleClient.signedIn(port, accounts, "creq-po-rectify", Roles.PRIVACY_OFFICER);
        HttpResponse<String> page = c.get("/console/requests/" + ref);
        assertThat(page.body()).contains("Nieuwe waarden (artikel 16 AVG)")
                .contains("<label for=\"rectify-value-1\">").contains("<option value=\"email\">E-mailadres</option>");

        HttpResponse<String> none = c.post("/console/requests/" + ref + "/fulfil", Map.of("category", "", "value", ""));
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("Geef voor een correctie bij elk gegeven de nieuwe waarde");
        HttpResponse<String> noCategory = c.post("/console/requests/" + ref + "/fulfil", Map.of("value", fresh));
        assertThat(noCategory.statusCode()).isEqualTo(400);
        assertThat(noCategory.body()).doesNotContain(fresh);

        HttpResponse<String> done = c.post("/console/requests/" + ref + "/fulfil", Map.of("category", "email",
                "value", fresh));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(emails(subject)).containsExactly(fresh);
        HttpResponse<String> after = c.get("/console/requests/" + ref);
        assertThat(after.body()).doesNotContain(fresh).doesNotContain("Nieuwe waarden opnieuw geven");

        // a step to try again needs its value again: the page asks for it by the category's name
        jdbc.sql("UPDATE request_step SET status = 'failed', cause = 'input-needed: give the new value of email again' "
                + "WHERE request_id = ? AND action = 'rectify'").param(desk.find(ref).orElseThrow().request().id())
                .update();
        HttpResponse<String> ask = c.get("/console/requests/" + ref);
        assertThat(ask.body()).contains("Nieuwe waarden opnieuw geven")
                .contains("<label for=\"rectify-value-email\">Nieuwe waarde van E-mailadres</label>")
                .contains("<input type=\"hidden\" name=\"category\" value=\"email\">");
        assertThat(c.post("/console/requests/" + ref + "/fulfil", Map.of("category", "email", "value", again))
                .statusCode()).isEqualTo(302);
        assertThat(emails(subject)).containsExactly(again);
        assertThat(c.get("/console/requests/" + ref).body()).doesNotContain(again).doesNotContain(fresh);
        for (String value : List.of(fresh, again)) {
            assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE position(? in array_to_string(reasons, ' ')) > 0")
                    .param(value).query(Long.class).single()).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM request_step WHERE position(? in kept::text || counts::text || "
                    + "coalesce(cause, '')) > 0").param(value).query(Long.class).single()).isZero();
        }
    }

    private List<String> emails(java.util.UUID subject) {
        List<String> values = new java.util.ArrayList<>();
        vault.read(SHOP, subject, "rental", List.of("email")).items().forEach(i -> values.add(i.value()));
        return values;
    }

    @Test
    void thePagesSpeakEnglishWhenAsked() {
        String ref = logged();
        ConsoleClient c = ConsoleClient.signedIn(port, accounts, "creq-po-en", Roles.PRIVACY_OFFICER);
        assertThat(c.get("/console/requests?lang=en").body()).contains("Requests by deadline").contains("lang=\"en\"");
        assertThat(c.get("/console/requests/" + ref).body()).contains("About the request").contains("Extend the deadline");
    }

    @Test
    void theRequestWordsAgreeInDutchAndEnglish() {
        BundleAgreement.assertNlAndEnAgreeIcu(RequestPagesTest.class, "/nl/waarborg/pages/requests");
        BundleAgreement.assertNlAndEnAgreeIcu(RequestPagesTest.class, "/nl/waarborg/pages/console");
    }
}
