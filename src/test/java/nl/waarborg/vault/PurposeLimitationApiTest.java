package nl.waarborg.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.web.ApiKeys;
import nl.waarborg.web.MutableClock;
import nl.waarborg.web.MutableClockConfiguration;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Purpose limitation against application keys (issue 12, section 2), through the HTTP API with the clean test
 * policy: what a key may join, record, look up and read is what its purposes cover; back-dating, dates out of
 * range and in the future; a new item judged by its own retention.
 */
@TestPropertySource(properties = {
        "waarborg.data-dir=${waarborg.test.data-root}/purpose",
        "waarborg.retention.sweep-interval=PT0S"})
@Import(MutableClockConfiguration.class)
class PurposeLimitationApiTest extends ServiceTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApiKeys keys;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    Vault vault;

    private String crm;        // role staff: rental (customers)
    private String webForm;    // role staff: quote (leads)
    private String cctv;       // role management: security (visitors)

    @BeforeEach
    void keys() {
        crm = keys.create("staff", List.of("rental"), "crm").plaintext();
        webForm = keys.create("staff", List.of("quote"), "web-form").plaintext();
        cctv = keys.create("management", List.of("security"), "cctv").plaintext();
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private UUID create(String key, String body) {
        HttpResponse<String> r = http.post("/api/v1/subjects", key, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return UUID.fromString(json(r).get("id").asString());
    }

    private HttpResponse<String> addItem(String key, UUID subject, String category, String value, String purpose,
                                         String collectedAt) {
        return http.post("/api/v1/subjects/" + subject + "/items", key, """
                {"category": "%s", "value": "%s", "purposes": ["%s"], "source": "subject", "system": "%s"%s}"""
                .formatted(category, value, purpose, category.equals("video-footage") ? "cctv" : "vault",
                        collectedAt == null ? "" : ", \"collectedAt\": \"" + collectedAt + "\""));
    }

    private UUID customerWithName(String name, String email) {
        UUID customer = create(crm, """
                {"references": [{"scheme": "crm", "reference": "C-%s"}],
                 "identifiers": [{"kind": "email", "value": "%s"}], "categories": ["customer"]}""".formatted(unique(), email));
        HttpResponse<String> added = addItem(crm, customer, "name", name, "rental", null);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        return customer;
    }

    private static void assertForbidden(HttpResponse<String> r, String reason) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(json(r).get("reason").asString()).isEqualTo(reason);
    }

    private List<AuditEvent> deniedSince(long seq, String action, UUID subject) {
        return audit.events(seq, 1000).stream().filter(e -> e.action().equals(action) && e.outcome() == Outcome.DENIED
                && (subject == null || subject.equals(e.subjectId()))).toList();
    }

    // ---- the HR attack: another purpose's subject placed in the key's category, then read ----

    @Test
    void aKeyCannotPlaceAnotherPurposesSubjectInItsCategoryToReadTheirData() {
        String name = "Carla Klant " + unique();
        UUID customer = customerWithName(name, "carla." + unique() + "@example.nl");
        long before = audit.head().lastSeq();

        HttpResponse<String> joined = http.post("/api/v1/subjects/" + customer + "/categories", webForm,
                "{\"category\": \"lead\"}");
        assertForbidden(joined, "subject-outside-key-purposes");
        assertThat(joined.body()).doesNotContain(name);
        assertThat(deniedSince(before, "join-subject-category", customer)).singleElement()
                .satisfies(e -> assertThat(e.reasons()).contains("subject-outside-key-purposes", "subject-category:lead"));

        HttpResponse<String> read = http.get("/api/v1/subjects/" + customer + "/items?purpose=quote", webForm);
        assertThat(read.body()).doesNotContain(name);
    }

    @Test
    void aReadReturnsOnlyItemsCollectedForThePurposeOrOneDeclaredCompatible() {
        String name = "Dirk Dubbel " + unique();
        UUID customer = customerWithName(name, "dirk." + unique() + "@example.nl");
        // staff may place the customer among the leads too; the quote purpose still gets nothing collected for rental
        assertThat(http.post("/api/v1/subjects/" + customer + "/categories", staffToken(), "{\"category\": \"lead\"}")
                .statusCode()).isEqualTo(200);
        HttpResponse<String> quote = http.get("/api/v1/subjects/" + customer + "/items?purpose=quote", webForm);
        assertThat(quote.statusCode()).as(quote.body()).isEqualTo(200);
        assertThat(json(quote).get("items").size()).isZero();
        assertThat(quote.body()).doesNotContain(name);
        JsonNode withheld = json(quote).get("withheld").get(0);
        assertThat(withheld.get("category").asString()).isEqualTo("name");
        assertThat(withheld.get("reasons").get(0).get("code").asString()).isEqualTo("not-collected-for-purpose");

        // bookkeeping is declared compatible with rental (Art. 6(4)): the rental name serves the books
        String books = keys.create("staff", List.of("bookkeeping"), "books").plaintext();
        HttpResponse<String> fiscal = http.get("/api/v1/subjects/" + customer + "/items?purpose=bookkeeping", books);
        assertThat(json(fiscal).get("items").get(0).get("value").asString()).isEqualTo(name);
    }

    // ---- joining and creating with categories ----

    @Test
    void aKeyJoinsSubjectsOnlyToCategoriesItsPurposesMayJoin() {
        long before = audit.head().lastSeq();
        HttpResponse<String> created = http.post("/api/v1/subjects", webForm, "{\"categories\": [\"customer\"]}");
        assertForbidden(created, "category-not-joinable-for-key");
        assertThat(deniedSince(before, "create-subject", null)).singleElement()
                .satisfies(e -> assertThat(e.reasons()).contains("category-not-joinable-for-key", "subject-category:customer"));

        UUID fresh = create(webForm, "{\"references\": [{\"scheme\": \"web\", \"reference\": \"W-%s\"}]}".formatted(unique()));
        assertForbidden(http.post("/api/v1/subjects/" + fresh + "/categories", webForm, "{\"category\": \"customer\"}"),
                "category-not-joinable-for-key");
        // a subject no purpose claims yet may be placed in a category the key may join
        assertThat(http.post("/api/v1/subjects/" + fresh + "/categories", webForm, "{\"category\": \"lead\"}").statusCode())
                .isEqualTo(200);
        // staff keep every power
        assertThat(http.post("/api/v1/subjects/" + fresh + "/categories", staffToken(), "{\"category\": \"customer\"}")
                .statusCode()).isEqualTo(200);
    }

    // ---- lifecycle events: which, of whom, how far back ----

    @Test
    void aKeyRecordsOnlyTheEventsItsPurposesMayRecordForItsOwnSubjects() {
        UUID customer = customerWithName("Eva Event " + unique(), "eva." + unique() + "@example.nl");
        long before = audit.head().lastSeq();
        // the camera key's purpose records no events (the marketing key that ended a contract)
        assertForbidden(http.post("/api/v1/subjects/" + customer + "/events", cctv, "{\"event\": \"contract-ended\"}"),
                "event-not-recordable-for-key");
        assertThat(deniedSince(before, "record-lifecycle-event", customer)).singleElement()
                .satisfies(e -> assertThat(e.reasons()).contains("event-not-recordable-for-key", "event:contract-ended"));
        assertThat(jdbc.sql("SELECT count(*) FROM subject_event WHERE subject_id = ?").param(customer)
                .query(Long.class).single()).isZero();
        // a key that may record the event, for a subject outside its purposes
        UUID visitor = create(cctv, "{\"categories\": [\"facility-visitor\"]}");
        assertForbidden(http.post("/api/v1/subjects/" + visitor + "/events", crm, "{\"event\": \"contract-ended\"}"),
                "subject-outside-key-purposes");
        assertThat(http.post("/api/v1/subjects/" + customer + "/events", crm, "{\"event\": \"contract-ended\"}").statusCode())
                .isEqualTo(201);
    }

    @Test
    void anApplicationMayNotBackDateAnEventBeyondThePolicysLimitButStaffMay() {
        UUID customer = customerWithName("Frank Vroeg " + unique(), "frank." + unique() + "@example.nl");
        HttpResponse<String> old = http.post("/api/v1/subjects/" + customer + "/events", crm,
                "{\"event\": \"contract-ended\", \"occurredAt\": \"2001-03-01T00:00:00Z\"}");
        assertForbidden(old, "back-dated-beyond-limit");
        assertThat(http.post("/api/v1/subjects/" + customer + "/categories", crm, """
                {"category": "customer", "at": "2001-03-01T00:00:00Z"}""").statusCode()).isEqualTo(403);
        String threeDaysAgo = clock.instant().minus(Duration.ofDays(3)).toString();
        assertThat(http.post("/api/v1/subjects/" + customer + "/events", crm,
                "{\"event\": \"complaint-closed\", \"occurredAt\": \"%s\"}".formatted(threeDaysAgo)).statusCode())
                .isEqualTo(201);
        assertThat(jdbc.sql("SELECT count(*) FROM subject_event WHERE subject_id = ? AND occurred_at < '2002-01-01'")
                .param(customer).query(Long.class).single()).isZero();
        assertThat(http.post("/api/v1/subjects/" + customer + "/events", staffToken(),
                "{\"event\": \"contract-ended\", \"occurredAt\": \"2001-03-01T00:00:00Z\"}").statusCode()).isEqualTo(201);
    }

    @Test
    void theSweepsProofNamesTheBackDatedEventThatMadeDataDueAtOnce() {
        UUID customer = customerWithName("Gerda Gewist " + unique(), "gerda." + unique() + "@example.nl");
        assertThat(http.post("/api/v1/subjects/" + customer + "/events", staffToken(),
                "{\"event\": \"contract-ended\", \"occurredAt\": \"2001-03-01T00:00:00Z\"}").statusCode()).isEqualTo(201);
        long eventId = jdbc.sql("SELECT id FROM subject_event WHERE subject_id = ?").param(customer).query(Long.class).single();
        long before = audit.head().lastSeq();
        HttpResponse<String> sweep = http.post("/api/v1/retention/sweep", staffToken(), "{}");
        assertThat(sweep.statusCode()).as(sweep.body()).isEqualTo(200);
        List<String> reasons = audit.events(before, 1000).stream().filter(e -> e.action().equals("retention-erased"))
                .flatMap(e -> e.reasons().stream()).toList();
        assertThat(reasons).contains("due-at-once:event:" + eventId + ":contract-ended:subject:" + customer);
        assertThat(String.join(" ", reasons)).doesNotContain("Gerda");
    }

    // ---- lookups and subject reads ----

    @Test
    void lookupsFindOnlySubjectsWithinTheKeysPurposes() {
        String email = "hans." + unique() + "@example.nl";
        String ref = "C-" + unique();
        UUID customer = create(crm, """
                {"references": [{"scheme": "crm", "reference": "%s"}],
                 "identifiers": [{"kind": "email", "value": "%s"}, {"kind": "phone", "value": "+31 6 %d"}],
                 "categories": ["customer"]}""".formatted(ref, email, 10_000_000 + new java.util.Random().nextInt(89_999_999)));
        long before = audit.head().lastSeq();
        String byEmail = "{\"kind\": \"email\", \"value\": \"%s\"}".formatted(email);
        String byRef = "{\"scheme\": \"crm\", \"reference\": \"%s\"}".formatted(ref);
        assertThat(json(http.post("/api/v1/subjects/lookup", webForm, byEmail)).get("subjects").size()).isZero();
        assertThat(json(http.post("/api/v1/subjects/lookup", webForm, byRef)).get("subjects").size()).isZero();
        assertThat(deniedSince(before, "lookup-subject", customer)).hasSize(2)
                .allSatisfy(e -> assertThat(e.reasons()).contains("subject-outside-key-purposes"));
        assertThat(audit.events(before, 1000).toString()).doesNotContain(email).doesNotContain(ref);
        assertThat(json(http.post("/api/v1/subjects/lookup", crm, byEmail)).get("subjects").get(0).asString())
                .isEqualTo(customer.toString());
        assertThat(json(http.post("/api/v1/subjects/lookup", staffToken(), byRef)).get("subjects").get(0).asString())
                .isEqualTo(customer.toString());

        assertForbidden(http.get("/api/v1/subjects/" + customer, webForm), "subject-outside-key-purposes");
        assertForbidden(http.post("/api/v1/subjects/" + customer + "/identifiers", webForm,
                "{\"identifiers\": [{\"kind\": \"email\", \"value\": \"other.%s\"}]}".formatted(email)),
                "subject-outside-key-purposes");
        assertThat(http.get("/api/v1/subjects/" + customer, crm).statusCode()).isEqualTo(200);
    }

    // ---- dates ----

    @Test
    void datesInTheFutureOrOutsideTheYears1900To9999AreRefusedNamingTheField() {
        UUID customer = customerWithName("Ida Datum " + unique(), "ida." + unique() + "@example.nl");
        Instant now = clock.instant();
        HttpResponse<String> later = addItem(crm, customer, "email", "ida@example.nl", "rental",
                now.plus(Duration.ofHours(1)).toString());
        assertThat(later.statusCode()).as(later.body()).isEqualTo(400);
        assertThat(json(later).get("field").asString()).isEqualTo("collectedAt");
        assertThat(later.body()).doesNotContain("ida@example.nl");
        HttpResponse<String> year2100 = addItem(crm, customer, "email", "ida@example.nl", "rental", "2100-01-01T00:00:00Z");
        assertThat(year2100.statusCode()).as(year2100.body()).isEqualTo(400);
        assertThat(year2100.body()).contains("collectedAt");
        HttpResponse<String> julian = addItem(crm, customer, "email", "ida@example.nl", "rental", "-4714-11-24T12:00:00Z");
        assertThat(julian.statusCode()).as(julian.body()).isEqualTo(400);
        assertThat(julian.body()).contains("collectedAt");
        // a caller's clock a minute ahead of ours is within the allowed skew
        assertThat(addItem(crm, customer, "email", "ida@example.nl", "rental", now.plus(Duration.ofMinutes(1)).toString())
                .statusCode()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT count(*) FROM item WHERE subject_id = ? AND (collected_at > ? OR collected_at < '1900-01-01')")
                .params(customer, java.sql.Timestamp.from(now.plus(Duration.ofDays(1)))).query(Long.class).single()).isZero();

        HttpResponse<String> event = http.post("/api/v1/subjects/" + customer + "/events", staffToken(),
                "{\"event\": \"contract-ended\", \"occurredAt\": \"2100-01-01T00:00:00Z\"}");
        assertThat(event.statusCode()).as(event.body()).isEqualTo(400);
        assertThat(event.body()).contains("occurredAt");
        HttpResponse<String> join = http.post("/api/v1/subjects/" + customer + "/categories", staffToken(),
                "{\"category\": \"lead\", \"at\": \"-4714-11-24T12:00:00Z\"}");
        assertThat(join.statusCode()).as(join.body()).isEqualTo(400);
        // a year outside 1900-9999 is refused by the JSON layer already, which names the field as a JSON pointer
        assertThat(json(join).get("field").asString()).isEqualTo("/at");
    }

    // ---- a new item is judged by its own retention ----

    @Test
    void aNewClipIsStoredThoughEveryEarlierClipOfTheVisitorIsPastDue() {
        UUID visitor = create(cctv, "{\"categories\": [\"facility-visitor\"]}");
        assertThat(addItem(cctv, visitor, "video-footage", "clip-1", "security", null).statusCode()).isEqualTo(201);
        clock.advance(Duration.ofDays(8)); // footage: seven days from collection (the clock only moves forward)
        {
            HttpResponse<String> next = addItem(cctv, visitor, "video-footage", "clip-2", "security", null);
            assertThat(next.statusCode()).as(next.body()).isEqualTo(201);
            // one collected nine days ago is past its own due date: refused with that reason
            HttpResponse<String> stale = addItem(cctv, visitor, "video-footage", "clip-0", "security",
                    clock.instant().minus(Duration.ofDays(9)).toString());
            assertThat(stale.statusCode()).as(stale.body()).isEqualTo(422);
            assertThat(json(stale).get("refused").get(0).get("reasons").get(0).get("code").asString())
                    .isEqualTo("retention-over");
        }
    }

    // ---- the same rules for callers that are not HTTP ----

    @Test
    void theVaultHoldsTheRulesForCallersThatAreNotHttpToo() {
        nl.waarborg.access.Caller marketing = new nl.waarborg.access.Caller("key:batch-job", "management",
                List.of("security"), false);
        UUID customer = customerWithName("Jan Java " + unique(), "jan." + unique() + "@example.nl");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> vault.recordEvent(marketing, customer, "contract-ended",
                        Instant.parse("2001-03-01T00:00:00Z")))
                .isInstanceOfSatisfying(BeyondKeyPurposesException.class, e -> assertThat(e.reason())
                        .isEqualTo(BeyondKeyPurposesException.Reason.EVENT_NOT_RECORDABLE));
        nl.waarborg.access.Caller office = new nl.waarborg.access.Caller("key:office", "staff", List.of("rental"), false);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> vault.recordEvent(office, customer, "contract-ended",
                        Instant.parse("2001-03-01T00:00:00Z")))
                .isInstanceOfSatisfying(BeyondKeyPurposesException.class, e -> assertThat(e.reason())
                        .isEqualTo(BeyondKeyPurposesException.Reason.BACK_DATED_BEYOND_LIMIT));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> vault.addItems(office, List.of(new NewItem(customer,
                        "email", "jan@example.nl", List.of("rental"), "subject", "vault", Instant.parse("2100-01-01T00:00:00Z")))))
                .isInstanceOfSatisfying(InvalidDateException.class, e -> assertThat(e.field()).isEqualTo("collectedAt"));
    }
}
