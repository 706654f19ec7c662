package nl.waarborg.requests.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.web.ApiKeys;
import nl.waarborg.web.MutableClock;
import nl.waarborg.web.MutableClockConfiguration;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Data-subject requests over HTTP on the clean test policy (response time P4W, extension P2M, identity by e-mail link
 * or in person): intake with its deadline, the list by deadline, the identity check, the one extension and a refusal,
 * each audited without a personal value; outsiders and applications refused. Time moves by the clock, never by sleeping.
 */
@TestPropertySource(properties = "waarborg.data-dir=${waarborg.test.data-root}/requests")
@Import(MutableClockConfiguration.class)
class RequestsApiTest extends ServiceTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MutableClock clock;
    @Autowired
    AuditLog audit;
    @Autowired
    ApiKeys keys;

    /** The year of this test's receipt: one in which 3 March is a Tuesday, as in 2026; the clock only moves forward. */
    int year;

    @BeforeEach
    void atReceipt() {
        year = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).getYear() + 1;
        while (java.time.LocalDate.of(year, 3, 3).getDayOfWeek() != java.time.DayOfWeek.TUESDAY) {
            year++;
        }
        moveTo(year + "-03-03T10:00:00Z"); // 11:00 in Amsterdam
    }

    private void moveTo(String instant) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(instant)));
    }

    private String day(String monthDay) {
        return year + "-" + monthDay;
    }

    private JsonNode post(String path, String body, int status) {
        HttpResponse<String> r = http.post(path, staffToken(), body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    private JsonNode receive(String body) {
        return post("/api/v1/requests", body, 201);
    }

    @Test
    void aRequestGetsAReferenceAndTheDeadlineOfThePolicysResponseTimeAndIsAuditedWithoutPersonalValues() {
        long before = audit.head().lastSeq();

        JsonNode r = receive("{\"kinds\":[\"access\",\"erasure\"],\"channel\":\"email\",\"language\":\"nl\"}");

        String reference = r.get("reference").asString();
        assertThat(reference).matches("WB-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
        // four weeks (the policy's P4W, shorter than the month): Tuesday 31 March
        assertThat(r.get("deadline").asString()).isEqualTo(day("03-31"));
        assertThat(r.get("dueOn").asString()).isEqualTo(day("03-31"));
        assertThat(r.get("daysLeft").asLong()).isEqualTo(28);
        assertThat(r.get("identity").asString()).isEqualTo("pending");
        assertThat(r.get("status").asString()).isEqualTo("open");
        assertThat(http.get("/api/v1/requests/" + reference, staffToken()).body()).contains("\"reference\":\"" + reference);
        List<AuditEvent> events = audit.events(before, 100);
        assertThat(events).filteredOn(e -> e.action().equals("request-received")).singleElement().satisfies(e ->
                assertThat(e.reasons()).contains("request:" + reference, "kind:access", "kind:erasure", "channel:email",
                        "deadline:" + day("03-31")));
    }

    @Test
    void aRequestReceivedAtNightInAmsterdamCountsFromThatDay() {
        moveTo(day("03-31T22:30:00Z"));
        // 00:30 on 1 April in Amsterdam (summer time has begun by then): four weeks from 1 April is 29 April
        JsonNode r = receive("{\"kinds\":[\"access\"],\"receivedAt\":\"" + day("03-31T22:30:00Z") + "\"}");
        assertThat(r.get("deadline").asString()).isEqualTo(day("04-29"));
    }

    @Test
    void theDeadlineIsExtendedOnceBeforeTheFirstHasPassedWithTheReasonAndNeverAfter() {
        String reference = receive("{\"kinds\":[\"access\"]}").get("reference").asString();
        assertThat(post("/api/v1/requests/" + reference + "/extend", "{}", 400).get("field").asString()).isEqualTo("reason");
        long mark = audit.head().lastSeq();

        JsonNode extended = post("/api/v1/requests/" + reference + "/extend",
                "{\"reason\":\"Uw verzoek betreft veel systemen.\"}", 200);

        // three months from receipt (the month and the policy's two): Wednesday 3 June
        assertThat(extended.get("extendedTo").asString()).isEqualTo(day("06-03"));
        assertThat(extended.get("dueOn").asString()).isEqualTo(day("06-03"));
        assertThat(extended.get("deadline").asString()).as("the first deadline stays on record").isEqualTo(day("03-31"));
        assertThat(post("/api/v1/requests/" + reference + "/extend", "{\"reason\":\"nog eens\"}", 409)
                .get("reason").asString()).isEqualTo("already-extended");
        assertThat(audit.events(mark, 10)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("request-extended");
            assertThat(e.reasons()).contains("request:" + reference, "to:" + day("06-03"))
                    .noneMatch(x -> x.contains("systemen"));
        });

        String late = receive("{\"kinds\":[\"erasure\"]}").get("reference").asString();
        moveTo(day("03-31T22:00:00Z")); // midnight at the end of 31 March: the first deadline passed
        JsonNode refused = post("/api/v1/requests/" + late + "/extend", "{\"reason\":\"te laat\"}", 409);
        assertThat(refused.get("reason").asString()).isEqualTo("first-deadline-passed");
        assertThat(refused.get("detail").asString()).contains("Art. 12(3)");
        assertThat(http.get("/api/v1/requests/" + late, staffToken()).body()).contains("\"overdue\":true");
    }

    @Test
    void aRefusalNamesItsGroundAndReasonAndClosesTheRequest() {
        String reference = receive("{\"kinds\":[\"erasure\"]}").get("reference").asString();
        assertThat(post("/api/v1/requests/" + reference + "/refuse", "{\"ground\":\"because\",\"reason\":\"x\"}", 400)
                .get("field").asString()).isEqualTo("ground");

        JsonNode refused = post("/api/v1/requests/" + reference + "/refuse",
                "{\"ground\":\"manifestly-unfounded\",\"reason\":\"U heeft bij ons geen gegevens.\"}", 200);

        assertThat(refused.get("status").asString()).isEqualTo("refused");
        assertThat(refused.get("refusalProvision").asString()).contains("Art. 12(5)");
        assertThat(refused.get("closedAt").isNull()).isFalse();
        assertThat(post("/api/v1/requests/" + reference + "/extend", "{\"reason\":\"r\"}", 409).get("reason").asString())
                .isEqualTo("closed");
        // the request's life read from the audit log alone
        JsonNode timeline = JSON.readTree(http.get("/api/v1/requests/" + reference + "/timeline", staffToken()).body());
        assertThat(timeline).extracting(step -> step.get("action").asString())
                .containsExactly("request-received", "request-refused");
        assertThat(timeline.get(1).get("actor").asString()).isEqualTo("staff");
        assertThat(timeline.get(1).toString()).contains("ground:manifestly-unfounded").doesNotContain("geen gegevens");
        assertThat(post("/api/v1/requests/" + reference + "/refuse", "{\"ground\":\"excessive\",\"reason\":\"r\"}", 409)
                .get("reason").asString()).isEqualTo("closed");
    }

    @Test
    void theIdentityCheckTakesOnlyAMethodThePolicyAllowsAndIsDecidedOnce() {
        String reference = receive("{\"kinds\":[\"access\"]}").get("reference").asString();
        assertThat(post("/api/v1/requests/" + reference + "/identity", "{\"method\":\"id-copy-masked\",\"outcome\":\"verified\"}",
                400).get("detail").asString()).contains("email-link, in-person-id");

        JsonNode verified = post("/api/v1/requests/" + reference + "/identity",
                "{\"method\":\"in-person-id\",\"outcome\":\"verified\"}", 200);

        assertThat(verified.get("identity").asString()).isEqualTo("verified");
        assertThat(verified.get("identityMethod").asString()).isEqualTo("in-person-id");
        assertThat(post("/api/v1/requests/" + reference + "/identity", "{\"method\":\"in-person-id\",\"outcome\":\"failed\"}",
                409).get("reason").asString()).isEqualTo("identity-decided");
    }

    @Test
    void theListShowsOpenRequestsByDeadlineAndLeavesUnverifiedOnesOutUnlessAskedFor() {
        String unverified = receive("{\"kinds\":[\"access\"]}").get("reference").asString();
        clock.advance(Duration.ofDays(10));
        String verified = receive("{\"kinds\":[\"access\"]}").get("reference").asString();
        post("/api/v1/requests/" + verified + "/identity", "{\"method\":\"email-link\",\"outcome\":\"verified\"}", 200);

        String list = http.get("/api/v1/requests?limit=10000", staffToken()).body();
        assertThat(list).contains(verified).doesNotContain(unverified);
        String all = http.get("/api/v1/requests?unverified=true&limit=10000", staffToken()).body();
        assertThat(all.indexOf(unverified)).as("the sooner deadline first").isLessThan(all.indexOf(verified));
        // due within 20 days from now (13 March): the first one (31 March) is, the second (10 April) is not
        String soon = http.get("/api/v1/requests?unverified=true&dueWithin=P20D&limit=10000", staffToken()).body();
        assertThat(soon).contains(unverified).doesNotContain(verified);
        assertThat(http.get("/api/v1/requests?dueWithin=P1M", staffToken()).statusCode()).isEqualTo(400);
    }

    @Autowired
    nl.waarborg.vault.Vault vault;

    @Test
    void aRestrictionAndAnObjectionTakeEffectInTheDecisionCoreWhenTheIdentityIsVerified() {
        java.util.UUID subject = vault.createSubjects(new nl.waarborg.access.Caller("test", "dpo", List.of(), true),
                List.of(new nl.waarborg.vault.Vault.NewSubject(List.of(), List.of(), List.of("facility-visitor")))).getFirst();
        String reference = receive("{\"kinds\":[\"restriction\",\"objection\"],\"purposes\":[\"security\"],"
                + "\"restrictionGround\":\"accuracy-contested\",\"subject\":\"" + subject + "\"}").get("reference").asString();
        String restraints = "/api/v1/subjects/" + subject + "/restraints";
        assertThat(http.get(restraints, staffToken()).body()).as("not before the identity is known")
                .doesNotContain("accuracy-contested").doesNotContain("\"security\"");

        post("/api/v1/requests/" + reference + "/identity", "{\"method\":\"in-person-id\",\"outcome\":\"verified\"}", 200);

        String now = http.get(restraints, staffToken()).body();
        assertThat(now).contains("accuracy-contested").contains("\"purpose\":\"security\"");
    }

    @Test
    void aRestrictionNamesItsGroundAndNothingElseDoes() {
        assertThat(post("/api/v1/requests", "{\"kinds\":[\"restriction\"]}", 400).get("field").asString())
                .isEqualTo("restrictionGround");
        assertThat(post("/api/v1/requests", "{\"kinds\":[\"access\"],\"restrictionGround\":\"unlawful\"}", 400)
                .get("field").asString()).isEqualTo("restrictionGround");
        assertThat(receive("{\"kinds\":[\"restriction\"],\"restrictionGround\":\"unlawful\"}")
                .get("restrictionGround").asString()).isEqualTo("unlawful");
    }

    @Test
    void badIntakeIsRefusedNamingTheField() {
        assertThat(post("/api/v1/requests", "{\"kinds\":[]}", 400).get("field").asString()).isEqualTo("kinds");
        assertThat(post("/api/v1/requests", "{\"kinds\":[\"forget-me\"]}", 400).get("field").asString()).isEqualTo("kinds/0");
        assertThat(post("/api/v1/requests", "{\"kinds\":[\"access\"],\"receivedAt\":\"" + day("03-04T10:00:00Z") + "\"}",
                400).get("field").asString()).as("in the future").isEqualTo("receivedAt");
        assertThat(post("/api/v1/requests", "{\"kinds\":[\"access\"],\"receivedAt\":\"" + (year - 1) + "-01-01T10:00:00Z\"}",
                400).get("field").asString()).as("too long ago").isEqualTo("receivedAt");
        // a letter that lay on a desk for a week was received then: its deadline runs from then
        assertThat(post("/api/v1/requests", "{\"kinds\":[\"access\"],\"receivedAt\":\"" + day("02-24T10:00:00Z") + "\"}",
                201).get("deadline").asString()).isEqualTo(java.time.LocalDate.of(year, 2, 24).plusWeeks(4).toString());
        assertThat(post("/api/v1/requests", "{\"kinds\":[\"objection\"]}", 400).get("field").asString())
                .isEqualTo("purposes");
        assertThat(post("/api/v1/requests", "{\"kinds\":[\"objection\"],\"purposes\":[\"rental\"]}", 400)
                .get("detail").asString()).contains("Art. 21");
        assertThat(post("/api/v1/requests", "{\"kinds\":[\"consent-withdrawal\"],\"purposes\":[\"rental\"]}", 400)
                .get("detail").asString()).contains("Art. 7(3)");
        assertThat(post("/api/v1/requests", "{\"kinds\":[\"access\"],\"subject\":\"01a25080-64a4-7a67-99c7-e1c16fb9e700\"}",
                400).get("field").asString()).isEqualTo("subject");
        assertThat(http.get("/api/v1/requests/WB-0000-0000", staffToken()).statusCode()).isEqualTo(404);
    }

    @Test
    void theLettersToThePersonComeInTheRequestsLanguageAndOnlyOnceThereIsSomethingToSay() {
        String reference = receive("{\"kinds\":[\"access\"],\"language\":\"en\"}").get("reference").asString();

        HttpResponse<String> receipt = http.get("/api/v1/requests/" + reference + "/letters/receipt", staffToken());
        assertThat(receipt.statusCode()).isEqualTo(200);
        assertThat(receipt.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(receipt.body()).contains(reference).contains("Article 15 GDPR").contains("31 March " + year);
        assertThat(http.get("/api/v1/requests/" + reference + "/letters/receipt?lang=nl&format=md", staffToken()).body())
                .contains("artikel 15 AVG").contains("31 maart " + year);
        assertThat(post("/api/v1/requests/" + reference + "/extend", "{\"reason\":\"r\"}", 200).get("extendedTo"))
                .isNotNull();
        assertThat(http.get("/api/v1/requests/" + reference + "/letters/extension?format=pdf", staffToken())
                .headers().firstValue("content-type")).hasValue("application/pdf");
        assertThat(http.get("/api/v1/requests/" + reference + "/letters/refusal", staffToken()).statusCode()).isEqualTo(409);
        assertThat(http.get("/api/v1/requests/" + reference + "/letters/thanks", staffToken()).statusCode()).isEqualTo(400);
    }

    @Autowired
    nl.waarborg.retention.service.Sweeper sweeper;

    @Test
    void theRecordOfAHandledRequestIsDeletedByTheSweepWhenThePolicysPeriodHasPassedAndAnOpenOneNever() {
        String closed = receive("{\"kinds\":[\"erasure\"]}").get("reference").asString();
        post("/api/v1/requests/" + closed + "/refuse", "{\"ground\":\"excessive\",\"reason\":\"r\"}", 200);
        String open = receive("{\"kinds\":[\"access\"]}").get("reference").asString();

        clock.advance(Duration.ofDays(365 * 2 - 5)); // not yet two years (the clean policy's request-records: P2Y)
        sweeper.sweep(false);
        assertThat(http.get("/api/v1/requests/" + closed, staffToken()).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofDays(10));
        assertThat(sweeper.sweep(true).records().get("request-records")).as("a dry run counts").isPositive();
        assertThat(http.get("/api/v1/requests/" + closed, staffToken()).statusCode()).as("and deletes nothing")
                .isEqualTo(200);
        long before = audit.head().lastSeq();
        assertThat(sweeper.sweep(false).records().get("request-records")).isPositive();

        assertThat(http.get("/api/v1/requests/" + closed, staffToken()).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/requests/" + open, staffToken()).statusCode()).as("open: kept").isEqualTo(200);
        assertThat(audit.events(before, 100)).filteredOn(e -> e.action().equals("request-records-erased"))
                .singleElement().satisfies(e -> assertThat(e.reasons()).contains("kept:P2Y"));
    }

    @Test
    void outsidersAreRefusedEveryRequestEndpointAndApplicationsAllButHandingInAndFollowingTheirOwn() {
        String app = keys.create("staff", List.of("rental"), "test").plaintext();
        String reference = receive("{\"kinds\":[\"access\"]}").get("reference").asString();
        for (String path : List.of("/api/v1/requests", "/api/v1/requests/" + reference,
                "/api/v1/requests/" + reference + "/letters/receipt", "/api/v1/requests/" + reference + "/timeline")) {
            assertThat(http.get(path, null).statusCode()).as(path).isEqualTo(401);
        }
        for (String path : List.of("/api/v1/requests", "/api/v1/requests/" + reference + "/letters/receipt")) {
            assertThat(http.get(path, app).statusCode()).as(path).isEqualTo(403);
        }
        for (String path : List.of("/api/v1/requests", "/api/v1/requests/" + reference + "/identity",
                "/api/v1/requests/" + reference + "/extend", "/api/v1/requests/" + reference + "/refuse")) {
            assertThat(http.post(path, null, "{}").statusCode()).as(path).isEqualTo(401);
        }
        for (String path : List.of("/api/v1/requests/" + reference + "/identity",
                "/api/v1/requests/" + reference + "/extend", "/api/v1/requests/" + reference + "/refuse")) {
            assertThat(http.post(path, app, "{\"reason\":\"r\",\"ground\":\"excessive\"}").statusCode()).as(path)
                    .isEqualTo(403);
        }
        // a request staff entered is not the application's to see: not found, so references cannot be tried out
        assertThat(http.get("/api/v1/requests/" + reference, app).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/requests/" + reference + "/timeline", app).statusCode()).isEqualTo(404);
    }

    @Test
    void anApplicationHandsInAPersonsRequestByApiAndFollowsOnlyTheOnesItHandedIn() {
        String app = keys.create("staff", List.of("rental"), "test").plaintext();
        String other = keys.create("staff", List.of("rental"), "test").plaintext();

        HttpResponse<String> handed = http.post("/api/v1/requests", app, "{\"kinds\":[\"erasure\"]}");

        assertThat(handed.statusCode()).as(handed.body()).isEqualTo(201);
        JsonNode r = JSON.readTree(handed.body());
        assertThat(r.get("channel").asString()).isEqualTo("api");
        assertThat(r.get("receivedBy").asString()).startsWith("key:");
        String reference = r.get("reference").asString();
        assertThat(http.get("/api/v1/requests/" + reference, app).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/requests/" + reference, other).statusCode()).as("another application").isEqualTo(404);
        assertThat(http.get("/api/v1/requests/" + reference, staffToken()).statusCode()).isEqualTo(200);
        // a subject its key's purposes do not reach: refused as the vault refuses reading it (403), nothing written
        java.util.UUID visitor = vault.createSubjects(new nl.waarborg.access.Caller("test", "dpo", List.of(), true),
                List.of(new nl.waarborg.vault.Vault.NewSubject(List.of(), List.of(), List.of("facility-visitor")))).getFirst();
        long requests = http.get("/api/v1/requests?all=true&unverified=true&limit=10000", staffToken()).body()
                .split("\"reference\"").length;
        HttpResponse<String> outside = http.post("/api/v1/requests", app,
                "{\"kinds\":[\"erasure\"],\"subject\":\"" + visitor + "\"}");
        assertThat(outside.statusCode()).isEqualTo(403);
        assertThat(outside.headers().firstValue("content-type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(http.get("/api/v1/requests?all=true&unverified=true&limit=10000", staffToken()).body()
                .split("\"reference\"").length).isEqualTo(requests);
        // what came in by post or at the desk is for staff to enter
        HttpResponse<String> desk = http.post("/api/v1/requests", app, "{\"kinds\":[\"access\"],\"channel\":\"desk\"}");
        assertThat(desk.statusCode()).isEqualTo(400);
        assertThat(desk.body()).contains("\"field\":\"channel\"");
    }
}
