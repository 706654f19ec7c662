package nl.waarborg.access.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Verification;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.policy.HoldKind;
import nl.waarborg.web.ConsentPolicyTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Objections, restrictions and holds over HTTP against the running service. Every change is seen by the very
 * next decision (the subject's cached state is dropped in the change's transaction), keeps its history and is in
 * the audit log without a personal value.
 */
class RestraintEndpointTest extends ConsentPolicyTestBase {

    @Autowired
    AuditLog audit;

    @Autowired
    SubjectStates states;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private HttpResponse<String> object(String bearer, UUID subject, String purpose) {
        return http.post("/api/v1/subjects/" + subject + "/objections", bearer, "{\"purpose\": \"" + purpose + "\"}");
    }

    private HttpResponse<String> decideObjection(String bearer, String objection, String decision) {
        return http.post("/api/v1/objections/" + objection + "/decision", bearer, "{\"decision\": \"" + decision + "\"}");
    }

    private HttpResponse<String> restrict(UUID subject, String json) {
        return http.post("/api/v1/subjects/" + subject + "/restrictions", staffToken(), json);
    }

    private HttpResponse<String> hold(String bearer, UUID subject, String kind, String reason) {
        return http.post("/api/v1/subjects/" + subject + "/holds", bearer,
                "{\"kind\": \"" + kind + "\", \"reason\": \"" + reason + "\"}");
    }

    private boolean allowed(String key, UUID subject, String purpose, String action, String... categories) {
        return decide(key, subject, purpose, action, categories).path("allowed").asBoolean();
    }

    // ---- objections ----

    @Test
    void anObjectionToDirectMarketingIsUpheldAtOnce() {
        String key = appKey("promotion", "newsletter");
        UUID subject = newSubject("customer");
        assertThat(allowed(key, subject, "promotion", "read", "name")).isTrue(); // cached now

        HttpResponse<String> objected = object(key, subject, "promotion");
        assertThat(objected.statusCode()).as(objected.body()).isEqualTo(201);
        JsonNode o = body(objected);
        assertThat(o.path("status").asString()).isEqualTo("upheld");
        assertThat(o.path("directMarketing").asBoolean()).isTrue();
        assertThat(o.path("decidedBy").asString()).isEqualTo("system:art-21-3");
        assertThat(o.path("decidedAt").isNull()).isFalse();
        assertThat(o.path("decideBy").isNull()).isTrue();

        assertThat(codes(decide(key, subject, "promotion", "read", "name"))).containsExactly("objection-upheld");
        assertThat(allowed(key, subject, "promotion", "store", "name")).isTrue();

        HttpResponse<String> again = object(key, subject, "promotion");
        assertThat(again.statusCode()).as("the open objection is returned").isEqualTo(200);
        assertThat(body(again).path("id").asString()).isEqualTo(o.path("id").asString());
        assertThat(decideObjection(staffToken(), o.path("id").asString(), "rejected").statusCode())
                .as("nothing to weigh: Art. 21(3)").isEqualTo(409);

        // direct marketing on consent: the objection is upheld too, whatever consent says
        assertThat(http.post("/api/v1/subjects/" + subject + "/consents", key, """
                {"purpose": "newsletter", "statementVersion": "2026.2", "language": "en", "method": "app"}""")
                .statusCode()).isEqualTo(201);
        assertThat(allowed(key, subject, "newsletter", "read", "email")).isTrue();
        assertThat(object(key, subject, "newsletter").statusCode()).isEqualTo(201);
        assertThat(codes(decide(key, subject, "newsletter", "read", "email"))).containsExactly("objection-upheld");
    }

    @Test
    void anObjectionToLegitimateInterestIsPendingUntilStaffUpholdIt() {
        String key = appKey("improvement");
        UUID subject = newSubject("customer");
        Instant received = clock.instant().minus(Duration.ofDays(3));

        HttpResponse<String> objected = http.post("/api/v1/subjects/" + subject + "/objections", key,
                "{\"purpose\": \"improvement\", \"receivedAt\": \"" + received + "\"}");
        assertThat(objected.statusCode()).as(objected.body()).isEqualTo(201);
        JsonNode o = body(objected);
        String id = o.path("id").asString();
        assertThat(o.path("status").asString()).isEqualTo("pending");
        assertThat(Instant.parse(o.path("receivedAt").asString())).isEqualTo(received);
        assertThat(Instant.parse(o.path("decideBy").asString())).as("R4.4: the policy's response time, P4W")
                .isEqualTo(received.plus(Duration.ofDays(28)));
        assertThat(allowed(key, subject, "improvement", "read", "email")).as("pending does not stop processing").isTrue();

        JsonNode pending = body(http.get("/api/v1/objections?status=pending", staffToken()));
        assertThat(pending.findValuesAsString("id")).contains(id);

        assertThat(decideObjection(key, id, "upheld").statusCode()).as("staff decide").isEqualTo(403);
        HttpResponse<String> upheld = decideObjection(staffToken(), id, "upheld");
        assertThat(upheld.statusCode()).as(upheld.body()).isEqualTo(200);
        assertThat(body(upheld).path("status").asString()).isEqualTo("upheld");
        assertThat(body(upheld).path("decidedBy").asString()).isEqualTo("staff");
        assertThat(codes(decide(key, subject, "improvement", "read", "email"))).containsExactly("objection-upheld");
        assertThat(decideObjection(staffToken(), id, "rejected").statusCode()).isEqualTo(409);
        assertThat(decideObjection(staffToken(), UUID.randomUUID().toString(), "rejected").statusCode()).isEqualTo(404);
        assertThat(decideObjection(staffToken(), id, "maybe").statusCode()).isEqualTo(400);
        assertThat(body(http.get("/api/v1/objections", staffToken())).findValuesAsString("id")).doesNotContain(id);
    }

    @Test
    void aRejectedObjectionLetsProcessingGoOnAndTheSubjectMayObjectAgain() {
        String key = appKey("improvement");
        UUID subject = newSubject("customer");
        String first = body(object(key, subject, "improvement")).path("id").asString();
        assertThat(body(decideObjection(staffToken(), first, "rejected")).path("status").asString()).isEqualTo("rejected");
        assertThat(allowed(key, subject, "improvement", "read", "email")).isTrue();

        HttpResponse<String> second = object(key, subject, "improvement");
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(body(second).path("id").asString()).isNotEqualTo(first);
        JsonNode restraints = body(http.get("/api/v1/subjects/" + subject + "/restraints", key));
        assertThat(restraints.path("objections").size()).as("both kept").isEqualTo(2);
    }

    @Test
    void howThePersonObjectedAndTheArticle21GroundOfARejectionGoIntoTheAuditEvents() {
        UUID subject = newSubject("customer");
        HttpResponse<String> bad = http.post("/api/v1/subjects/" + subject + "/objections", staffToken(),
                "{\"purpose\": \"improvement\", \"channel\": \"pigeon\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        HttpResponse<String> byLetter = http.post("/api/v1/subjects/" + subject + "/objections", staffToken(),
                "{\"purpose\": \"improvement\", \"channel\": \"letter\"}");
        assertThat(byLetter.statusCode()).as(byLetter.body()).isEqualTo(201);
        String id = body(byLetter).path("id").asString();
        assertThat(http.post("/api/v1/objections/" + id + "/decision", staffToken(),
                "{\"decision\": \"upheld\", \"grounds\": \"legal-claims\"}").statusCode())
                .as("grounds go with a rejection only").isEqualTo(400);
        assertThat(http.post("/api/v1/objections/" + id + "/decision", staffToken(),
                "{\"decision\": \"rejected\", \"grounds\": \"compelling-legitimate-grounds\"}").statusCode())
                .isEqualTo(200);
        List<String> reasons = jdbc.sql("SELECT array_to_string(reasons, ' ') FROM audit_event WHERE subject_id = ? "
                + "AND action IN ('objection-recorded', 'objection-decided') ORDER BY seq").param(subject)
                .query(String.class).list();
        assertThat(reasons).containsExactly("objection:" + id + " status:pending channel:letter",
                "objection:" + id + " status:rejected grounds:compelling-legitimate-grounds");
    }

    @Test
    void objectingToAnotherLegalBasisIsRefusedWithTheReason() {
        String key = appKey("rental", "bookkeeping", "research", "improvement");
        UUID subject = newSubject("customer");

        HttpResponse<String> contract = object(key, subject, "rental");
        assertThat(contract.statusCode()).isEqualTo(422);
        assertThat(contract.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(body(contract).path("reason").asString()).isEqualTo("basis-not-objectable");
        assertThat(body(contract).path("legalBasis").asString()).isEqualTo("contract");
        assertThat(body(object(key, subject, "bookkeeping")).path("legalBasis").asString()).isEqualTo("legal-obligation");
        HttpResponse<String> consent = object(key, subject, "research");
        assertThat(consent.statusCode()).isEqualTo(422);
        assertThat(body(consent).path("reason").asString()).isEqualTo("withdraw-consent-instead");

        assertThat(object(staffToken(), subject, "no-such-purpose").statusCode()).isEqualTo(400);
        assertThat(object(key, subject, "promotion").statusCode()).as("not on the key").isEqualTo(403);
        assertThat(object(key, UUID.randomUUID(), "improvement").statusCode()).isEqualTo(404);
        assertThat(http.post("/api/v1/subjects/" + subject + "/objections", key,
                "{\"purpose\": \"improvement\", \"receivedAt\": \"" + clock.instant().plus(Duration.ofDays(1)) + "\"}")
                .statusCode()).as("received in the future").isEqualTo(400);
    }

    // ---- restrictions ----

    @Test
    void aRestrictionAllowsOnlyStoringUntilItIsLifted() {
        String key = appKey("rental");
        UUID subject = newSubject("customer");
        assertThat(http.post("/api/v1/subjects/" + subject + "/items", key, """
                {"category": "email", "value": "piet@example.nl", "purposes": ["rental"], "source": "subject", "system": "vault"}
                """).statusCode()).isEqualTo(201);
        assertThat(allowed(key, subject, "rental", "read", "email")).isTrue();

        HttpResponse<String> placed = restrict(subject, "{\"ground\": \"accuracy-contested\", \"categories\": [\"email\"]}");
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        JsonNode r = body(placed);
        assertThat(r.path("ground").asString()).isEqualTo("accuracy-contested");
        assertThat(r.path("active").asBoolean()).isTrue();
        assertThat(r.path("placedBy").asString()).isEqualTo("staff");

        assertThat(codes(decide(key, subject, "rental", "read", "email"))).containsExactly("restriction-active");
        assertThat(codes(decide(key, subject, "rental", "write", "email"))).containsExactly("restriction-active");
        assertThat(allowed(key, subject, "rental", "store", "email")).isTrue();
        assertThat(allowed(key, subject, "rental", "read", "name")).as("only email is restricted").isTrue();
        assertThat(decide(key, subject, "rental", "read", List.of("restriction-legal-claims"), "email")
                .path("allowed").asBoolean()).as("Art. 18(2)").isTrue();
        JsonNode items = body(http.get("/api/v1/subjects/" + subject + "/items?purpose=rental", key));
        assertThat(items.path("items").size()).isZero();
        assertThat(items.at("/withheld/0/reasons/0/code").asString()).isEqualTo("restriction-active");

        HttpResponse<String> lifted = http.post("/api/v1/restrictions/" + r.path("id").asString() + "/lift", staffToken(), "");
        assertThat(lifted.statusCode()).as(lifted.body()).isEqualTo(200);
        assertThat(body(lifted).path("active").asBoolean()).isFalse();
        assertThat(body(lifted).path("liftedAt").isNull()).isFalse();
        assertThat(allowed(key, subject, "rental", "read", "email")).isTrue();
        assertThat(body(http.get("/api/v1/subjects/" + subject + "/items?purpose=rental", key)).at("/items/0/value")
                .asString()).isEqualTo("piet@example.nl");
        assertThat(http.post("/api/v1/restrictions/" + r.path("id").asString() + "/lift", staffToken(), "").statusCode())
                .isEqualTo(409);
        assertThat(http.post("/api/v1/restrictions/" + UUID.randomUUID() + "/lift", staffToken(), "").statusCode())
                .isEqualTo(404);

        // no categories: all of the subject's data
        assertThat(restrict(subject, "{\"ground\": \"objection-pending\"}").statusCode()).isEqualTo(201);
        assertThat(codes(decide(key, subject, "rental", "read", "name", "email"))).containsExactly("restriction-active");
        JsonNode restraints = body(http.get("/api/v1/subjects/" + subject + "/restraints", staffToken()));
        assertThat(restraints.path("restrictions").size()).as("the lifted one is kept").isEqualTo(2);
        assertThat(restraints.at("/restrictions/0/categories").size()).isZero();
    }

    @Test
    void aRestrictionNamesAnArt18GroundAndDeclaredCategories() {
        UUID subject = newSubject("customer");
        HttpResponse<String> ground = restrict(subject, "{\"ground\": \"because\"}");
        assertThat(ground.statusCode()).isEqualTo(400);
        assertThat(body(ground).path("detail").asString()).contains("accuracy-contested", "unlawful",
                "needed-for-subjects-claim", "objection-pending");
        assertThat(restrict(subject, "{\"ground\": \"unlawful\", \"categories\": [\"shoe-size\"]}").statusCode()).isEqualTo(400);
        assertThat(restrict(UUID.randomUUID(), "{\"ground\": \"unlawful\"}").statusCode()).isEqualTo(404);
    }

    // ---- holds ----

    @Test
    void holdsAreRecordedListedAndReleased() {
        String key = keys.create("management", java.util.List.of("security"), "cctv").plaintext();
        UUID subject = newSubject("customer", "facility-visitor");
        long before = audit.head().lastSeq();
        assertThat(hold(appKey("rental"), subject, "incident", "INC-2026-0041").statusCode())
                .as("an application holds only data of its own purposes (rental data has no incident holds)")
                .isEqualTo(403);
        assertThat(audit.events(before, 100)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("hold-placed");
            assertThat(e.subjectId()).isEqualTo(subject);
            assertThat(e.reasons()).containsExactly("hold-kind-not-allowed:incident");
        });

        HttpResponse<String> incident = hold(key, subject, "incident", "INC-2026-0042");
        assertThat(incident.statusCode()).as(incident.body()).isEqualTo(201);
        assertThat(body(incident).path("kind").asString()).isEqualTo("incident");
        assertThat(body(incident).path("reason").asString()).isEqualTo("INC-2026-0042");
        assertThat(hold(key, subject, "legal-claim", "case-17").statusCode()).as("staff only").isEqualTo(403);
        HttpResponse<String> claim = hold(staffToken(), subject, "legal-claim", "case-17");
        assertThat(claim.statusCode()).isEqualTo(201);
        assertThat(hold(staffToken(), subject, "storm", "x").statusCode()).isEqualTo(400);
        assertThat(hold(staffToken(), subject, "incident", "Jan Jansen").statusCode()).as("a code, not a name").isEqualTo(400);
        assertThat(hold(staffToken(), subject, "incident", "jan@example.nl").statusCode()).isEqualTo(400);
        assertThat(hold(staffToken(), UUID.randomUUID(), "incident", "INC-1").statusCode()).isEqualTo(404);

        assertThat(states.state(subject).holds()).containsExactlyInAnyOrder(HoldKind.INCIDENT, HoldKind.LEGAL_CLAIM);
        JsonNode listed = body(http.get("/api/v1/subjects/" + subject + "/restraints", key));
        assertThat(listed.path("holds").size()).isEqualTo(2);
        assertThat(listed.path("holds").findValuesAsString("kind")).containsExactlyInAnyOrder("incident", "legal-claim");

        String incidentId = body(incident).path("id").asString();
        assertThat(http.post("/api/v1/holds/" + incidentId + "/release", key, "").statusCode()).isEqualTo(403);
        HttpResponse<String> released = http.post("/api/v1/holds/" + incidentId + "/release", staffToken(), "");
        assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
        assertThat(body(released).path("active").asBoolean()).isFalse();
        assertThat(states.state(subject).holds()).as("the state was rebuilt").containsExactly(HoldKind.LEGAL_CLAIM);
        assertThat(http.post("/api/v1/holds/" + incidentId + "/release", staffToken(), "").statusCode()).isEqualTo(409);
        assertThat(body(http.get("/api/v1/subjects/" + subject + "/restraints", key)).path("holds").size())
                .as("released holds stay in the history").isEqualTo(2);
    }

    @Test
    void aHoldMayBeLimitedToSomeDataCategoriesOfTheApplicationsOwnPurposes() {
        String cctv = keys.create("management", java.util.List.of("security"), "cctv").plaintext();
        UUID subject = newSubject("customer", "facility-visitor");
        long before = audit.head().lastSeq();

        HttpResponse<String> footage = http.post("/api/v1/subjects/" + subject + "/holds", cctv,
                "{\"kind\": \"incident\", \"reason\": \"INC-77\", \"categories\": [\"video-footage\"]}");
        assertThat(footage.statusCode()).as(footage.body()).isEqualTo(201);
        assertThat(body(footage).path("categories").get(0).asString()).isEqualTo("video-footage");

        HttpResponse<String> names = http.post("/api/v1/subjects/" + subject + "/holds", cctv,
                "{\"kind\": \"incident\", \"reason\": \"INC-78\", \"categories\": [\"video-footage\", \"name\"]}");
        assertThat(names.statusCode()).as("names are no data of the key's purpose").isEqualTo(403);
        assertThat(names.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(body(names).path("kind").asString()).isEqualTo("incident");
        assertThat(http.post("/api/v1/subjects/" + subject + "/holds", staffToken(),
                "{\"kind\": \"incident\", \"reason\": \"INC-79\", \"categories\": [\"dna\"]}").statusCode())
                .as("an undeclared category").isEqualTo(400);

        JsonNode listed = body(http.get("/api/v1/subjects/" + subject + "/restraints", staffToken()));
        assertThat(listed.path("holds").size()).isEqualTo(1);
        assertThat(listed.path("holds").get(0).path("categories").get(0).asString()).isEqualTo("video-footage");
        List<AuditEvent> events = audit.events(before, 100).stream().filter(e -> subject.equals(e.subjectId())).toList();
        assertThat(events).anySatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(nl.waarborg.audit.Outcome.ALLOWED);
            assertThat(e.categories()).containsExactly("video-footage");
            assertThat(e.reasons()).contains("kind:incident", "scope:categories");
        });
        assertThat(events).anySatisfy(e -> assertThat(e.reasons()).containsExactly("hold-kind-not-allowed:incident"));
    }

    // ---- across ----

    @Test
    void subjectsDoNotSeeEachOthersRestraints() {
        String key = appKey("rental", "improvement");
        UUID ann = newSubject("customer");
        UUID bob = newSubject("customer");
        assertThat(restrict(ann, "{\"ground\": \"unlawful\"}").statusCode()).isEqualTo(201);
        assertThat(object(key, ann, "improvement").statusCode()).isEqualTo(201);
        assertThat(hold(staffToken(), ann, "incident", "INC-9").statusCode()).isEqualTo(201);

        assertThat(allowed(key, bob, "rental", "read", "email")).isTrue();
        JsonNode bobs = body(http.get("/api/v1/subjects/" + bob + "/restraints", key));
        assertThat(bobs.path("objections").size()).isZero();
        assertThat(bobs.path("restrictions").size()).isZero();
        assertThat(bobs.path("holds").size()).isZero();
        assertThat(states.state(bob).holds()).isEmpty();
        assertThat(codes(decide(key, ann, "rental", "read", "email"))).containsExactly("restriction-active");
    }

    @Test
    void anApplicationSeesObjectionsToItsOwnPurposes() {
        UUID subject = newSubject("customer");
        assertThat(object(staffToken(), subject, "improvement").statusCode()).isEqualTo(201);
        assertThat(object(staffToken(), subject, "promotion").statusCode()).isEqualTo(201);
        JsonNode seen = body(http.get("/api/v1/subjects/" + subject + "/restraints", appKey("promotion")));
        assertThat(seen.path("objections").findValuesAsString("purpose")).containsExactly("promotion");
        assertThat(body(http.get("/api/v1/subjects/" + subject + "/restraints", staffToken())).path("objections").size())
                .isEqualTo(2);
    }

    @Test
    void everyChangeIsAuditedWithoutAPersonalValue() {
        String key = appKey("improvement");
        UUID subject = newSubject("customer");
        long before = audit.head().lastSeq();
        String objection = body(object(key, subject, "improvement")).path("id").asString();
        decideObjection(staffToken(), objection, "upheld");
        String restriction = body(restrict(subject, "{\"ground\": \"accuracy-contested\", \"categories\": [\"name\"]}"))
                .path("id").asString();
        http.post("/api/v1/restrictions/" + restriction + "/lift", staffToken(), "");
        String hold = body(hold(staffToken(), subject, "legal-claim", "CLAIM-2026-7")).path("id").asString();
        http.post("/api/v1/holds/" + hold + "/release", staffToken(), "");
        hold(staffToken(), subject, "incident", "jan@example.nl"); // refused: never stored, never logged

        List<AuditEvent> events = audit.events(before, 100).stream().filter(e -> subject.equals(e.subjectId())).toList();
        assertThat(events).extracting(AuditEvent::action).containsExactly("objection-recorded", "objection-decided",
                "restriction-placed", "restriction-lifted", "hold-placed", "hold-released");
        assertThat(events.get(0).reasons()).containsExactly("objection:" + objection, "status:pending");
        assertThat(events.get(0).purpose()).isEqualTo("improvement");
        assertThat(events.get(1).reasons()).containsExactly("objection:" + objection, "status:upheld");
        assertThat(events.get(2).categories()).containsExactly("name");
        assertThat(events.get(2).reasons()).contains("restriction:" + restriction, "ground:accuracy-contested");
        assertThat(events.get(4).reasons()).containsExactly("hold:" + hold, "kind:legal-claim", "scope:all-categories");
        assertThat(audit.events(before, 100).toString()).doesNotContain("jan@example.nl", "CLAIM-2026-7");
        assertThat(audit.verify()).isInstanceOf(Verification.Ok.class);
    }

    @Test
    void openApiDocumentsTheRestraintEndpoints() {
        String doc = http.get("/api/v1/openapi.json", null).body();
        assertThat(doc).contains("/api/v1/subjects/{id}/objections", "/api/v1/objections/{objectionId}/decision",
                "/api/v1/subjects/{id}/restrictions", "/api/v1/restrictions/{restrictionId}/lift",
                "/api/v1/subjects/{id}/holds", "/api/v1/holds/{holdId}/release", "/api/v1/subjects/{id}/restraints");
    }
}
