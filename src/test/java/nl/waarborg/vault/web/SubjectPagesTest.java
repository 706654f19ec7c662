package nl.waarborg.vault.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.waarborg.BundleAgreement;
import nl.waarborg.access.Caller;
import nl.waarborg.staff.Roles;
import nl.waarborg.accounts.service.Accounts;
import nl.waarborg.vault.Identifier;
import nl.waarborg.vault.NewItem;
import nl.waarborg.vault.Reference;
import nl.waarborg.vault.Vault;
import nl.waarborg.web.ConsoleClient;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The console's subject pages over real HTTP on the clean test policy: who may search and act, the search's audit
 * with its purpose and without the value looked for, a policy role that sees only its purposes' items whatever the
 * URL asks, and a support employee placing and releasing an incident hold on camera footage.
 */
class SubjectPagesTest extends ServiceTestBase {

    private static final Caller DPO = new Caller("test-dpo", "dpo", List.of(), true);
    private static final Caller SHOP = new Caller("shop", "staff", List.of("rental"), false);
    private static final Caller CCTV = new Caller("cctv", "management", List.of("security"), false);

    @Autowired
    Accounts accounts;
    @Autowired
    Vault vault;
    @Autowired
    JdbcClient jdbc;

    private UUID subject;
    private String reference;
    private String email;
    private String name;
    private String footage;

    @BeforeEach
    void aCustomerWhoVisitedTheFacility() {
        reference = "C-" + UUID.randomUUID();
        email = "ann." + UUID.randomUUID().toString().substring(0, 8) + "@example.nl";
        name = "Ann " + UUID.randomUUID().toString().substring(0, 8);
        footage = "clip-" + UUID.randomUUID().toString().substring(0, 8) + ".mp4";
        subject = vault.createSubjects(DPO, List.of(new Vault.NewSubject(List.of(new Reference("crm", reference)),
                List.of(new Identifier(Identifier.Kind.EMAIL, email)), List.of("customer", "facility-visitor"))))
                .getFirst();
        Instant earlier = null; // now, by the service's clock
        try {
        vault.addItems(SHOP, List.of(new NewItem(subject, "name", name, List.of("rental"), "subject", "vault", earlier)));
        vault.addItems(CCTV, List.of(new NewItem(subject, "video-footage", footage, List.of("security"), "subject", "cctv",
                earlier)));
        } catch (Vault.ItemsRefusedException e) {
            throw new AssertionError(e.refusals().toString(), e);
        }
    }

    private String page() {
        return "/console/subjects/" + subject;
    }

    @Test
    void aSignedOutVisitorIsSentToTheSignInPageForEveryPageAndAction() {
        ConsoleClient c = new ConsoleClient(port);
        for (String path : List.of("/console/subjects", page(), page() + "?purpose=rental")) {
            HttpResponse<String> r = c.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/console/signin");
        }
        c.get("/console/signin"); // a form token of a signed-out session: the refusal is then the missing sign-in
        for (String path : List.of("/console/subjects", page() + "/holds", page() + "/holds/" + UUID.randomUUID()
                + "/release", page() + "/consents/rental/withdraw")) {
            HttpResponse<String> r = c.post(path, Map.of("purpose", "rental", "by", "email", "value", email,
                    "reason", "INC-1"));
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/console/signin");
        }
    }

    @Test
    void rolesWithoutThePermissionAreRefused() {
        ConsoleClient auditor = ConsoleClient.signedIn(port, accounts, "subj-auditor", Roles.AUDITOR);
        ConsoleClient admin = ConsoleClient.signedIn(port, accounts, "subj-admin", Roles.ADMINISTRATOR);
        for (ConsoleClient c : List.of(auditor, admin)) {
            assertThat(c.get("/console/subjects").statusCode()).isEqualTo(403);
            assertThat(c.get(page()).statusCode()).isEqualTo(403);
            c.get("/console");
            assertThat(c.post("/console/subjects", Map.of("purpose", "rental", "by", "email", "value", email))
                    .statusCode()).isEqualTo(403);
        }
        // a policy role searches but may not place holds; support places holds but may not withdraw consent
        ConsoleClient manager = ConsoleClient.signedIn(port, accounts, "subj-manager", "management");
        manager.get(page());
        assertThat(manager.post(page() + "/holds", Map.of("kind", "incident", "reason", "INC-9")).statusCode())
                .isEqualTo(403);
        ConsoleClient support = ConsoleClient.signedIn(port, accounts, "subj-support-plain", Roles.SUPPORT);
        support.get("/console/subjects");
        assertThat(support.post(page() + "/consents/rental/withdraw", Map.of("method", "phone")).statusCode())
                .isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM subject_hold WHERE subject_id = ?").param(subject).query(Long.class).single())
                .isZero();
    }

    @Test
    void everyFormNeedsItsToken() {
        ConsoleClient po = ConsoleClient.signedIn(port, accounts, "subj-po", Roles.PRIVACY_OFFICER);
        po.get(page());
        for (String path : List.of("/console/subjects", page() + "/holds", page() + "/holds/" + UUID.randomUUID()
                + "/release", page() + "/consents/rental/withdraw")) {
            assertThat(po.postRaw(path, Map.of("purpose", "rental", "by", "email", "value", email, "kind", "incident",
                    "reason", "INC-2")).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM subject_hold WHERE subject_id = ?").param(subject).query(Long.class).single())
                .isZero();
    }

    @Test
    void aSearchIsAuditedWithItsPurposeAndWithoutTheValueLookedFor() {
        ConsoleClient po = ConsoleClient.signedIn(port, accounts, "subj-po", Roles.PRIVACY_OFFICER);
        HttpResponse<String> form = po.get("/console/subjects");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Personen zoeken").contains("<label for=\"purpose\">")
                .doesNotContain("<script").doesNotContain("style=");
        long before = jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit_event").query(Long.class).single();

        HttpResponse<String> byEmail = po.post("/console/subjects", Map.of("purpose", "rental", "by", "email",
                "value", email.toUpperCase(java.util.Locale.ROOT)));
        assertThat(byEmail.statusCode()).isEqualTo(200);
        assertThat(byEmail.body()).contains("1 persoon gevonden").contains(page() + "?purpose=rental");
        HttpResponse<String> byReference = po.post("/console/subjects", Map.of("purpose", "bookkeeping",
                "by", "reference", "scheme", "crm", "value", reference));
        assertThat(byReference.body()).contains(page() + "?purpose=bookkeeping");

        List<Map<String, Object>> events = jdbc.sql("SELECT actor, purpose, subject_id, array_to_string(reasons, ' ') "
                + "AS reasons FROM audit_event WHERE seq > ? AND action = 'lookup-subject' ORDER BY seq")
                .param(before).query().listOfRows();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).containsEntry("actor", "subj-po").containsEntry("purpose", "rental")
                .containsEntry("subject_id", subject).containsEntry("reasons", "identifier:email");
        assertThat(events.get(1)).containsEntry("purpose", "bookkeeping").containsEntry("reasons", "reference:crm");
        String everything = jdbc.sql("SELECT string_agg(concat_ws(' ', actor, role, action, purpose, "
                + "array_to_string(categories, ' '), array_to_string(reasons, ' ')), ' ') FROM audit_event WHERE seq > ?")
                .param(before).query(String.class).single();
        assertThat(everything.toLowerCase(java.util.Locale.ROOT)).doesNotContain(email).doesNotContain(reference);
    }

    @Test
    void aSearchWithoutAPurposeOrForAPurposeTheRoleMayNotUseIsRefusedAndReadsNothing() {
        ConsoleClient manager = ConsoleClient.signedIn(port, accounts, "subj-manager", "management");
        HttpResponse<String> form = manager.get("/console/subjects");
        assertThat(form.body()).contains("value=\"security\"").doesNotContain("value=\"rental\"");
        long before = jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit_event").query(Long.class).single();
        HttpResponse<String> noPurpose = manager.post("/console/subjects", Map.of("by", "email", "value", email));
        assertThat(noPurpose.statusCode()).isEqualTo(400);
        assertThat(noPurpose.body()).contains("Kies waarvoor u zoekt.").contains("role=\"alert\"");
        HttpResponse<String> otherPurpose = manager.post("/console/subjects", Map.of("purpose", "rental", "by",
                "email", "value", email));
        assertThat(otherPurpose.statusCode()).isEqualTo(400);
        assertThat(otherPurpose.body()).doesNotContain(subject.toString());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE seq > ? AND action = 'lookup-subject'")
                .param(before).query(Long.class).single()).isZero();
    }

    @Test
    void aPolicyRoleSeesOnlyItsPurposesItemsAndNothingOfAnotherPurposeAskedForInTheUrl() {
        ConsoleClient manager = ConsoleClient.signedIn(port, accounts, "subj-manager", "management");
        HttpResponse<String> own = manager.get(page());
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains(footage).doesNotContain(name).contains("Camerabeelden");

        long before = jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit_event").query(Long.class).single();
        for (String purpose : List.of("rental", "bookkeeping", "quote", "nonsense")) {
            HttpResponse<String> other = manager.get(page() + "?purpose=" + purpose);
            assertThat(other.statusCode()).isEqualTo(200);
            assertThat(other.body()).as(purpose).doesNotContain(name).doesNotContain(footage)
                    .contains("U mag voor dit doel geen gegevens zien.");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE seq > ? AND action = 'read' AND outcome = 'denied' "
                + "AND actor = 'subj-manager' AND 'purpose-not-allowed-for-key' = ANY(reasons)")
                .param(before).query(Long.class).single()).isEqualTo(4); // nonsense too: the role may not use it
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE seq > ? AND action = 'read' AND outcome = 'allowed'")
                .param(before).query(Long.class).single()).isZero();

        // the policy's staff role reads the name for the rental contract; the footage is not shown, only counted
        ConsoleClient clerk = ConsoleClient.signedIn(port, accounts, "subj-clerk", "staff");
        HttpResponse<String> rental = clerk.get(page() + "?purpose=rental");
        assertThat(rental.body()).contains(name).doesNotContain(footage);
        assertThat(clerk.get(page() + "?purpose=security").body()).doesNotContain(footage)
                .contains("U mag voor dit doel geen gegevens zien.");
        // the privacy officer may ask for every purpose, but the policy gives no purpose's data to that role: the
        // decision core withholds both items and the page says how many (the same answer as the API's)
        ConsoleClient po = ConsoleClient.signedIn(port, accounts, "subj-po", Roles.PRIVACY_OFFICER);
        HttpResponse<String> officer = po.get(page() + "?purpose=rental");
        assertThat(officer.body()).doesNotContain(name).doesNotContain(footage).contains("niet getoond");
        HttpResponse<String> english = po.get(page() + "?purpose=rental&lang=en");
        assertThat(english.body()).contains("lang=\"en\"").contains("<h2>Holds</h2>").contains("not shown");
    }

    @Test
    void aSupportEmployeePlacesAndReleasesAnIncidentHoldOnCameraFootageAndTheAuditLogNamesThem() {
        ConsoleClient support = ConsoleClient.signedIn(port, accounts, "subj-support", Roles.SUPPORT, "management");
        HttpResponse<String> before = support.get(page() + "?purpose=security");
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.body()).contains("Bewaarblokkade plaatsen").contains("<label for=\"hold-reason\">");

        HttpResponse<String> bad = support.post(page() + "/holds", Map.of("purpose", "security", "kind", "incident",
                "category", "video-footage", "reason", "ann@example.nl"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Vul een zaaknummer in").doesNotContain("ann@example.nl");

        HttpResponse<String> placed = support.post(page() + "/holds", Map.of("purpose", "security", "kind", "incident",
                "category", "video-footage", "reason", "INC-2026-7"));
        assertThat(placed.statusCode()).isEqualTo(302);
        HttpResponse<String> after = support.get(placed.headers().firstValue("Location").orElseThrow()
                .replaceFirst("^https?://[^/]+", ""));
        assertThat(after.body()).contains("De blokkade is geplaatst.").contains("INC-2026-7").contains("subj-support");
        UUID hold = jdbc.sql("SELECT id FROM subject_hold WHERE subject_id = ?").param(subject).query(UUID.class).single();
        assertThat(jdbc.sql("SELECT actor FROM audit_event WHERE action = 'hold-placed' AND subject_id = ? "
                + "AND outcome = 'allowed'").param(subject).query(String.class).single()).isEqualTo("subj-support");

        HttpResponse<String> released = support.post(page() + "/holds/" + hold + "/release", Map.of("purpose",
                "security"));
        assertThat(released.statusCode()).isEqualTo(302);
        assertThat(support.get(page() + "?purpose=security").body()).contains("Opgeheven");
        assertThat(jdbc.sql("SELECT actor FROM audit_event WHERE action = 'hold-released' AND subject_id = ?")
                .param(subject).query(String.class).single()).isEqualTo("subj-support");

        // a hold of another subject is not released through this subject's page
        HttpResponse<String> again = support.post(page() + "/holds/" + UUID.randomUUID() + "/release", Map.of());
        assertThat(again.statusCode()).isEqualTo(404);
    }

    @Test
    void theWordsAgreeInDutchAndEnglish() {
        BundleAgreement.assertNlAndEnAgreeIcu(SubjectPagesTest.class, "/nl/waarborg/pages/subjects");
        ConsoleClient po = ConsoleClient.signedIn(port, accounts, "subj-po", Roles.PRIVACY_OFFICER);
        assertThat(po.get("/console/subjects?lang=en").body()).contains("Find people").contains("lang=\"en\"");
    }
}
