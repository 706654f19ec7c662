package nl.waarborg.vault.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.waarborg.access.Caller;
import nl.waarborg.accounts.service.Accounts;
import nl.waarborg.staff.Roles;
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
 * Objections (Art. 21) and restrictions (Art. 18) on a subject's page over real HTTP on the clean test policy: only
 * the privacy officer records and decides objections and places and lifts restrictions, each through
 * {@code Restraints} with the same audit events as the API and the signed-in username as actor; a rejection names
 * its Art. 21(1) ground and a lift needs the Art. 18(3) notice first.
 */
class SubjectRestraintPagesTest extends ServiceTestBase {

    private static final Caller DPO = new Caller("test-dpo", "dpo", List.of(), true);
    private static final Caller CCTV = new Caller("cctv", "management", List.of("security"), false);

    @Autowired
    Accounts accounts;
    @Autowired
    Vault vault;
    @Autowired
    JdbcClient jdbc;

    private UUID subject;

    @BeforeEach
    void aVisitorOnCamera() throws Vault.ItemsRefusedException {
        subject = vault.createSubjects(DPO, List.of(new Vault.NewSubject(List.of(new Reference("crm", "V-" + UUID.randomUUID())),
                List.of(new Identifier(Identifier.Kind.EMAIL, "v." + UUID.randomUUID().toString().substring(0, 8)
                        + "@example.nl")), List.of("facility-visitor")))).getFirst();
        vault.addItems(CCTV, List.of(new NewItem(subject, "video-footage", "clip.mp4", List.of("security"), "subject",
                "cctv", null)));
    }

    private String page() {
        return "/console/subjects/" + subject;
    }

    private List<String> actions() {
        return List.of(page() + "/objections", page() + "/objections/" + UUID.randomUUID() + "/decision",
                page() + "/restrictions", page() + "/restrictions/" + UUID.randomUUID() + "/lift");
    }

    private static final Map<String, String> ANYTHING = Map.of("objectTo", "security", "channel", "phone", "decision",
            "upheld", "ground", "accuracy-contested", "told", "yes");

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE subject_id = ?").param(subject).query(Long.class).single();
    }

    private static String location(HttpResponse<String> r) {
        return r.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    }

    private Map<String, Object> lastEvent(String action) {
        return jdbc.sql("SELECT actor, outcome, array_to_string(reasons, ' ') AS reasons FROM audit_event "
                + "WHERE subject_id = ? AND action = ? ORDER BY seq DESC LIMIT 1").param(subject).param(action)
                .query().singleRow();
    }

    @Test
    void aSignedOutVisitorIsSentToTheSignInPageForEveryAction() {
        ConsoleClient c = new ConsoleClient(port);
        c.get("/console/signin");
        for (String path : actions()) {
            HttpResponse<String> r = c.post(path, ANYTHING);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/console/signin");
        }
        assertThat(count("objection") + count("restriction")).isZero();
    }

    @Test
    void supportAndTheAuditorAreRefusedAndSupportSeesNoForms() {
        ConsoleClient support = ConsoleClient.signedIn(port, accounts, "subjr-support", Roles.SUPPORT, "management");
        HttpResponse<String> seen = support.get(page() + "?purpose=security");
        assertThat(seen.statusCode()).isEqualTo(200);
        assertThat(seen.body()).contains("Bezwaren").doesNotContain("/objections\"").doesNotContain("/restrictions\"");
        ConsoleClient auditor = ConsoleClient.signedIn(port, accounts, "subjr-auditor", Roles.AUDITOR);
        auditor.get("/console");
        for (ConsoleClient c : List.of(support, auditor)) {
            for (String path : actions()) {
                assertThat(c.post(path, ANYTHING).statusCode()).as(path).isEqualTo(403);
            }
        }
        assertThat(count("objection") + count("restriction")).isZero();
    }

    @Test
    void everyFormNeedsItsToken() {
        ConsoleClient po = ConsoleClient.signedIn(port, accounts, "subjr-po", Roles.PRIVACY_OFFICER);
        po.get(page());
        for (String path : actions()) {
            assertThat(po.postRaw(path, ANYTHING).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(count("objection") + count("restriction")).isZero();
    }

    @Test
    void thePrivacyOfficerRecordsAnObjectionByPhoneAndRejectsItOnlyWithAnArticle21Ground() {
        ConsoleClient po = ConsoleClient.signedIn(port, accounts, "subjr-po", Roles.PRIVACY_OFFICER);
        HttpResponse<String> form = po.get(page());
        assertThat(form.body()).contains("<label for=\"object-to\">").doesNotContain("style=").doesNotContain("<script");
        String purposes = form.body().substring(form.body().indexOf("id=\"object-to\""));
        purposes = purposes.substring(0, purposes.indexOf("</select>"));
        assertThat(purposes).contains("value=\"security\"").doesNotContain("value=\"rental\"");

        // a contract purpose gives no right to object: refused in words, nothing stored
        HttpResponse<String> contract = po.post(page() + "/objections", Map.of("objectTo", "rental", "channel", "phone"));
        assertThat(contract.statusCode()).isEqualTo(422);
        assertThat(contract.body()).contains("role=\"alert\"").contains("Tegen dit doel kan geen bezwaar worden gemaakt.");
        assertThat(count("objection")).isZero();

        HttpResponse<String> recorded = po.post(page() + "/objections", Map.of("objectTo", "security", "channel", "phone"));
        assertThat(recorded.statusCode()).isEqualTo(302);
        assertThat(po.get(location(recorded)).body()).contains("Het bezwaar is vastgelegd.").contains("Nog te beslissen")
                .contains("Bezwaar tegen Beveiliging beslissen");
        assertThat(lastEvent("objection-recorded")).containsEntry("actor", "subjr-po")
                .hasEntrySatisfying("reasons", r -> assertThat((String) r).contains("status:pending").contains("channel:phone"));
        UUID objection = jdbc.sql("SELECT id FROM objection WHERE subject_id = ?").param(subject).query(UUID.class).single();

        HttpResponse<String> noGround = po.post(page() + "/objections/" + objection + "/decision",
                Map.of("decision", "rejected"));
        assertThat(noGround.statusCode()).isEqualTo(400);
        assertThat(noGround.body()).contains("Kies bij afwijzen de reden");
        assertThat(jdbc.sql("SELECT status FROM objection WHERE id = ?").param(objection).query(String.class).single())
                .isEqualTo("pending");

        HttpResponse<String> rejected = po.post(page() + "/objections/" + objection + "/decision",
                Map.of("decision", "rejected", "grounds", "legal-claims"));
        assertThat(rejected.statusCode()).isEqualTo(302);
        assertThat(po.get(location(rejected)).body()).contains("Het bezwaar is afgewezen.").contains("Afgewezen")
                .doesNotContain("/objections/" + objection + "/decision");
        assertThat(lastEvent("objection-decided")).containsEntry("actor", "subjr-po")
                .containsEntry("reasons", "objection:" + objection + " status:rejected grounds:legal-claims");

        HttpResponse<String> again = po.post(page() + "/objections/" + objection + "/decision", Map.of("decision", "upheld"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("Over dit bezwaar is al beslist.");

        // a new objection after the rejection, upheld
        HttpResponse<String> second = po.post(page() + "/objections", Map.of("objectTo", "security", "channel", "letter"));
        assertThat(second.statusCode()).isEqualTo(302);
        UUID pending = jdbc.sql("SELECT id FROM objection WHERE subject_id = ? AND status = 'pending'").param(subject)
                .query(UUID.class).single();
        assertThat(po.post(page() + "/objections/" + pending + "/decision", Map.of("decision", "upheld")).statusCode())
                .isEqualTo(302);
        assertThat(lastEvent("objection-decided")).containsEntry("reasons", "objection:" + pending + " status:upheld");

        HttpResponse<String> english = po.get(page() + "?lang=en");
        assertThat(english.body()).contains("Objections").contains("Upheld").contains("Rejected")
                .contains("Record the objection");
    }

    @Test
    void thePrivacyOfficerPlacesARestrictionAndLiftsItOnlyAfterTellingThePerson() {
        ConsoleClient po = ConsoleClient.signedIn(port, accounts, "subjr-po", Roles.PRIVACY_OFFICER);
        HttpResponse<String> form = po.get(page());
        assertThat(form.body()).contains("<label for=\"restriction-ground\">").contains("Juistheid betwist (art. 18 lid 1 a)");

        HttpResponse<String> badGround = po.post(page() + "/restrictions", Map.of("ground", "because"));
        assertThat(badGround.statusCode()).isEqualTo(400);
        assertThat(badGround.body()).contains("Kies waarom u de beperking plaatst.");

        HttpResponse<String> placed = po.post(page() + "/restrictions", Map.of("ground", "accuracy-contested",
                "category", "video-footage"));
        assertThat(placed.statusCode()).isEqualTo(302);
        HttpResponse<String> after = po.get(location(placed));
        assertThat(after.body()).contains("De beperking is geplaatst.").contains("Camerabeelden")
                .contains("Vertel het de persoon voordat u de beperking opheft.").contains("subjr-po");
        assertThat(lastEvent("restriction-placed")).containsEntry("actor", "subjr-po")
                .hasEntrySatisfying("reasons", r -> assertThat((String) r).contains("ground:accuracy-contested")
                        .contains("scope:categories"));
        UUID restriction = jdbc.sql("SELECT id FROM restriction WHERE subject_id = ?").param(subject)
                .query(UUID.class).single();

        assertThat(po.get(page() + "?lang=en").body()).contains("Accuracy contested (Art. 18(1)(a))")
                .contains("Tell the person before you lift the restriction.");
        po.get(page() + "?lang=nl"); // back to Dutch (the switch leaves a cookie)

        HttpResponse<String> untold = po.post(page() + "/restrictions/" + restriction + "/lift", Map.of());
        assertThat(untold.statusCode()).isEqualTo(400);
        assertThat(untold.body()).contains("role=\"alert\"").contains("Vertel het de persoon eerst");
        assertThat(jdbc.sql("SELECT lifted_at IS NULL FROM restriction WHERE id = ?").param(restriction)
                .query(Boolean.class).single()).isTrue();

        HttpResponse<String> lifted = po.post(page() + "/restrictions/" + restriction + "/lift", Map.of("told", "yes"));
        assertThat(lifted.statusCode()).isEqualTo(302);
        assertThat(po.get(location(lifted)).body()).contains("De beperking is opgeheven.").contains("Opgeheven");
        assertThat(lastEvent("restriction-lifted")).containsEntry("actor", "subjr-po")
                .containsEntry("reasons", "restriction:" + restriction);

        // a restriction of another subject is not lifted through this page
        assertThat(po.post(page() + "/restrictions/" + UUID.randomUUID() + "/lift", Map.of("told", "yes")).statusCode())
                .isEqualTo(404);
    }
}
