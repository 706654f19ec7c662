package nl.waarborg.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.Verification;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.web.ApiKeys;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The vault over HTTP with the clean test policy: subjects, decided collection, reads for a purpose. */
class VaultApiTest extends ServiceTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApiKeys keys;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    private String staffApp;   // role staff: quote, rental, bookkeeping
    private String quoteOnly;  // role staff: quote only
    private String management; // role management: security

    @BeforeEach
    void keys() {
        staffApp = keys.create("staff", List.of("quote", "rental", "bookkeeping"), "crm").plaintext();
        quoteOnly = keys.create("staff", List.of("quote"), "web-form").plaintext();
        management = keys.create("management", List.of("security"), "cctv").plaintext();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private UUID createSubject(String key, String body) {
        HttpResponse<String> r = http.post("/api/v1/subjects", key, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return UUID.fromString(json(r).get("id").asString());
    }

    private HttpResponse<String> addItem(String key, UUID subject, String category, String value, String purposes) {
        return http.post("/api/v1/subjects/" + subject + "/items", key, """
                {"category": "%s", "value": "%s", "purposes": [%s], "source": "subject", "system": "vault"}"""
                .formatted(category, value, purposes));
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void subjectIsFoundByReferenceAndByEmailInAnySpellingWithoutTheEmailBeingStored() {
        String ref = "C-" + unique();
        String email = "ann." + unique() + "@example.nl";
        UUID id = createSubject(staffApp, """
                {"references": [{"scheme": "crm", "reference": "%s"}],
                 "identifiers": [{"kind": "email", "value": "%s"}, {"kind": "phone", "value": "06-1234 5678"}],
                 "categories": ["customer"]}""".formatted(ref, email));

        HttpResponse<String> byRef = http.post("/api/v1/subjects/lookup", staffApp,
                "{\"scheme\": \"crm\", \"reference\": \"%s\"}".formatted(ref));
        assertThat(json(byRef).get("subjects").get(0).asString()).isEqualTo(id.toString());
        HttpResponse<String> byEmail = http.post("/api/v1/subjects/lookup", staffToken(),
                "{\"kind\": \"email\", \"value\": \"  %s \"}".formatted(email.toUpperCase()));
        assertThat(json(byEmail).get("subjects").get(0).asString()).isEqualTo(id.toString());
        assertThat(json(http.post("/api/v1/subjects/lookup", staffApp, "{\"kind\": \"email\", \"value\": \"nobody@example.nl\"}"))
                .get("subjects").size()).isZero();

        // the address is nowhere in the database, only its keyed hash
        long clear = jdbc.sql("SELECT count(*) FROM subject_identifier WHERE position(convert_to(:e, 'UTF8') in blind_index) > 0")
                .param("e", email).query(Long.class).single();
        assertThat(clear).isZero();

        JsonNode subject = json(http.get("/api/v1/subjects/" + id, staffApp));
        assertThat(subject.get("references").get(0).get("reference").asString()).isEqualTo(ref);
        assertThat(subject.get("memberships").get(0).get("subjectCategory").asString()).isEqualTo("customer");
        assertThat(subject.toString()).doesNotContain(email);
    }

    @Test
    void identifiersAddedLaterFindTheSubjectToo() {
        UUID id = createSubject(staffApp, "{\"categories\": [\"customer\"]}");
        String phone = "+31 6 " + (10_000_000 + new java.util.Random().nextInt(89_999_999));
        HttpResponse<String> added = http.post("/api/v1/subjects/" + id + "/identifiers", staffApp,
                "{\"identifiers\": [{\"kind\": \"phone\", \"value\": \"%s\"}]}".formatted(phone));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(204);
        String spelledOtherwise = "0" + phone.substring(4).replace(" ", "");
        JsonNode found = json(http.post("/api/v1/subjects/lookup", staffApp,
                "{\"kind\": \"phone\", \"value\": \"%s\"}".formatted(spelledOtherwise)));
        assertThat(found.get("subjects").get(0).asString()).isEqualTo(id.toString());
        assertThat(http.post("/api/v1/subjects/" + UUID.randomUUID() + "/identifiers", staffApp,
                "{\"identifiers\": [{\"kind\": \"email\", \"value\": \"x@example.nl\"}]}").statusCode()).isEqualTo(404);
        assertThat(http.post("/api/v1/subjects/" + id + "/identifiers", staffApp,
                "{\"identifiers\": [{\"kind\": \"fax\", \"value\": \"1\"}]}").statusCode()).isEqualTo(400);
    }

    @Test
    void aSubjectUnderHoldIsNotErasedUntilTheHoldIsReleased() {
        UUID s = createSubject(staffApp, "{\"categories\": [\"customer\"]}");
        HttpResponse<String> hold = http.post("/api/v1/subjects/" + s + "/holds", staffToken(),
                "{\"kind\": \"legal-claim\", \"reason\": \"CASE-2026-7\"}");
        assertThat(hold.statusCode()).as(hold.body()).isEqualTo(201);
        HttpResponse<String> refused = http.delete("/api/v1/subjects/" + s, staffToken());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("legal-claim");
        assertThat(http.get("/api/v1/subjects/" + s, staffToken()).statusCode()).as("nothing was erased").isEqualTo(200);

        String holdId = json(hold).get("id").asString();
        assertThat(http.post("/api/v1/holds/" + holdId + "/release", staffToken(), "{}").statusCode()).isEqualTo(200);
        assertThat(http.delete("/api/v1/subjects/" + s, staffToken()).statusCode()).isEqualTo(204);
    }

    @Test
    void lookupsAndSubjectReadsAreInTheAuditLogWithoutTheValueLookedFor() {
        long before = audit.head().lastSeq();
        String email = "lookup." + unique() + "@example.nl";
        UUID s = createSubject(staffApp, "{\"identifiers\": [{\"kind\": \"email\", \"value\": \"%s\"}], \"categories\": [\"customer\"]}"
                .formatted(email));
        http.post("/api/v1/subjects/lookup", staffApp, "{\"kind\": \"email\", \"value\": \"%s\"}".formatted(email));
        http.post("/api/v1/subjects/lookup", staffApp, "{\"kind\": \"email\", \"value\": \"nobody.%s\"}".formatted(email));
        http.get("/api/v1/subjects/" + s, staffApp);
        List<AuditEvent> events = audit.events(before, 100);
        assertThat(events).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("lookup-subject");
            assertThat(e.subjectId()).isEqualTo(s);
            assertThat(e.reasons()).containsExactly("identifier:email");
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("lookup-subject");
            assertThat(e.reasons()).containsExactly("identifier:email", "found:0");
        });
        assertThat(events).anySatisfy(e -> assertThat(e.action()).isEqualTo("read-subject"));
        assertThat(events.toString()).doesNotContain(email);
        assertThat(http.post("/api/v1/subjects/lookup", staffApp, "{\"kind\": \"phone\", \"value\": \"n/a\"}").statusCode())
                .as("not a phone number").isEqualTo(400);
    }

    @Test
    void aReferenceBelongsToOneSubject() {
        String ref = "C-" + unique();
        UUID first = createSubject(staffApp, "{\"references\": [{\"scheme\": \"crm\", \"reference\": \"%s\"}]}".formatted(ref));
        HttpResponse<String> again = http.post("/api/v1/subjects", staffApp,
                "{\"references\": [{\"scheme\": \"crm\", \"reference\": \"%s\"}]}".formatted(ref));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("existingSubject").asString()).isEqualTo(first.toString());
        assertThat(again.body()).doesNotContain(ref);
    }

    @Test
    void itemsAreStoredEncryptedAndReadBackForADeclaredPurpose() {
        UUID lead = createSubject(staffApp, "{\"categories\": [\"lead\"]}");
        String value = "Ann de Vries " + unique();
        HttpResponse<String> added = addItem(quoteOnly, lead, "name", value, "\"quote\"");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        UUID item = UUID.fromString(json(added).get("id").asString());

        byte[] stored = jdbc.sql("SELECT value FROM item WHERE id = ?").param(item).query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(value);

        HttpResponse<String> read = http.get("/api/v1/subjects/" + lead + "/items?purpose=quote", quoteOnly);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        JsonNode items = json(read).get("items");
        assertThat(items.size()).isEqualTo(1);
        assertThat(items.get(0).get("value").asString()).isEqualTo(value);
        assertThat(items.get(0).get("category").asString()).isEqualTo("name");
        assertThat(items.get(0).get("purposes").get(0).asString()).isEqualTo("quote");
        assertThat(json(read).get("withheld").size()).isZero();
    }

    @Test
    void collectionOfACategoryNotDeclaredForThePurposeIsRefusedWithTheReason() {
        UUID customer = createSubject(staffApp, "{\"categories\": [\"customer\"]}");
        // bookkeeping declares name and invoice, not email
        HttpResponse<String> refused = addItem(staffApp, customer, "email", "ann@example.nl", "\"bookkeeping\"");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        JsonNode reasons = json(refused).get("refused").get(0).get("reasons");
        assertThat(reasons.get(0).get("code").asString()).isEqualTo("category-not-declared-for-purpose");
        assertThat(reasons.get(0).get("purpose").asString()).isEqualTo("bookkeeping");
        assertThat(refused.body()).doesNotContain("ann@example.nl");
        assertThat(jdbc.sql("SELECT count(*) FROM item WHERE subject_id = ?").param(customer).query(Long.class).single()).isZero();
    }

    @Test
    void collectionForAPurposeThatDoesNotServeTheSubjectsCategoryIsRefused() {
        UUID lead = createSubject(staffApp, "{\"categories\": [\"lead\"]}");
        HttpResponse<String> refused = addItem(staffApp, lead, "name", "Ann", "\"rental\""); // rental serves customers
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("subject-category-not-declared");
    }

    @Test
    void collectionForAPurposeTheKeyDoesNotCarryIsRefused() {
        UUID customer = createSubject(staffApp, "{\"categories\": [\"customer\"]}");
        HttpResponse<String> refused = addItem(quoteOnly, customer, "name", "Ann", "\"rental\"");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("purpose-not-allowed-for-key");
    }

    @Test
    void unknownSourceSystemAndCategoryAreNamed() {
        UUID lead = createSubject(staffApp, "{\"categories\": [\"lead\"]}");
        HttpResponse<String> refused = http.post("/api/v1/subjects/" + lead + "/items", quoteOnly, """
                {"category": "shoe-size", "value": "42", "purposes": ["quote"], "source": "rumour", "system": "notebook"}""");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("unknown-category", "unknown-source", "unknown-system");
    }

    @Test
    void aBatchIsStoredAllOrNoneAndNamesEveryRefusedItemByPosition() {
        UUID a = createSubject(staffApp, "{\"categories\": [\"customer\"]}");
        UUID b = createSubject(staffApp, "{\"categories\": [\"customer\"]}");
        String good = "{\"subject\": \"%s\", \"category\": \"name\", \"value\": \"A\", \"purposes\": [\"rental\"], \"source\": \"subject\", \"system\": \"vault\"}";
        String bad = "{\"subject\": \"%s\", \"category\": \"video-footage\", \"value\": \"clip\", \"purposes\": [\"rental\"], \"source\": \"subject\", \"system\": \"vault\"}";
        HttpResponse<String> refused = http.post("/api/v1/items/batch", staffApp,
                "{\"items\": [" + good.formatted(a) + "," + bad.formatted(b) + "," + good.formatted(b) + "]}");
        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode list = json(refused).get("refused");
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("index").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM item WHERE subject_id IN (?, ?)").params(a, b).query(Long.class).single())
                .as("nothing of a refused batch is stored").isZero();

        HttpResponse<String> stored = http.post("/api/v1/items/batch", staffApp,
                "{\"items\": [" + good.formatted(a) + "," + good.formatted(b) + "]}");
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        assertThat(json(stored).get("ids").size()).isEqualTo(2);
    }

    @Test
    void aReadReturnsOnlyWhatThePurposeAllowsAndListsTheRestAsWithheld() {
        UUID customer = createSubject(staffApp, "{\"categories\": [\"customer\"]}");
        assertThat(addItem(staffApp, customer, "name", "Ann", "\"rental\", \"bookkeeping\"").statusCode()).isEqualTo(201);
        assertThat(addItem(staffApp, customer, "email", "ann@example.nl", "\"rental\"").statusCode()).isEqualTo(201);
        assertThat(addItem(staffApp, customer, "invoice", "INV-1 EUR 120", "\"bookkeeping\"").statusCode()).isEqualTo(201);

        JsonNode forRental = json(http.get("/api/v1/subjects/" + customer + "/items?purpose=rental", staffApp));
        List<String> categories = new ArrayList<>();
        forRental.get("items").forEach(i -> categories.add(i.get("category").asString()));
        assertThat(categories).containsExactlyInAnyOrder("name", "email");
        JsonNode withheld = forRental.get("withheld");
        assertThat(withheld.size()).isEqualTo(1);
        assertThat(withheld.get(0).get("category").asString()).isEqualTo("invoice");
        assertThat(withheld.get(0).get("count").asInt()).isEqualTo(1);
        assertThat(withheld.get(0).get("reasons").get(0).get("code").asString()).isEqualTo("category-not-declared-for-purpose");
        assertThat(forRental.toString()).doesNotContain("INV-1");

        JsonNode onlyInvoices = json(http.get("/api/v1/subjects/" + customer
                + "/items?purpose=bookkeeping&category=invoice", staffApp));
        assertThat(onlyInvoices.get("items").size()).isEqualTo(1);
        assertThat(onlyInvoices.get("items").get(0).get("value").asString()).isEqualTo("INV-1 EUR 120");
    }

    @Test
    void cameraFootageIsForManagementOnly() {
        UUID visitor = createSubject(management, "{\"categories\": [\"facility-visitor\"]}");
        HttpResponse<String> stored = http.post("/api/v1/subjects/" + visitor + "/items", management, """
                {"category": "video-footage", "value": "clip-0001", "purposes": ["security"], "source": "subject", "system": "cctv"}""");
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        assertThat(json(http.get("/api/v1/subjects/" + visitor + "/items?purpose=security", management))
                .get("items").size()).isEqualTo(1);

        String frontDesk = keys.create("staff", List.of("quote"), "front-desk").plaintext();
        HttpResponse<String> notTheirPurpose = http.get("/api/v1/subjects/" + visitor + "/items?purpose=security", frontDesk);
        assertThat(notTheirPurpose.statusCode()).isEqualTo(403);
        assertThat(notTheirPurpose.body()).doesNotContain("clip-0001");
    }

    @Test
    void everyReadAndCollectionIsInTheAuditLogWithoutValues() {
        long before = audit.head().lastSeq();
        UUID customer = createSubject(staffApp, "{\"categories\": [\"customer\"]}");
        addItem(staffApp, customer, "name", "Ann Secret-Name", "\"rental\"");
        addItem(staffApp, customer, "invoice", "INV-9", "\"bookkeeping\"");
        http.get("/api/v1/subjects/" + customer + "/items?purpose=rental", staffApp);

        List<AuditEvent> events = audit.events(before, 100).stream().filter(e -> customer.equals(e.subjectId())).toList();
        assertThat(events).extracting(AuditEvent::action).contains("create-subject", "collect", "read");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("read");
            assertThat(e.outcome()).isEqualTo(Outcome.ALLOWED);
            assertThat(e.purpose()).isEqualTo("rental");
            assertThat(e.categories()).containsExactly("name");
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("read");
            assertThat(e.outcome()).isEqualTo(Outcome.DENIED);
            assertThat(e.categories()).containsExactly("invoice");
            assertThat(e.reasons()).containsExactly("category-not-declared-for-purpose");
        });
        assertThat(events.toString()).doesNotContain("Secret-Name", "INV-9");
        assertThat(audit.verify()).isInstanceOf(Verification.Ok.class);
    }

    @Test
    void lifecycleEventsAndCategoryChangesAreRecordedAndChangeDecisionsAtOnce() {
        UUID lead = createSubject(staffApp, "{\"categories\": [\"lead\"]}");
        assertThat(addItem(staffApp, lead, "name", "Ann", "\"rental\"").statusCode()).isEqualTo(422);

        HttpResponse<String> joined = http.post("/api/v1/subjects/" + lead + "/categories", staffApp, "{\"category\": \"customer\"}");
        assertThat(joined.statusCode()).isEqualTo(200);
        assertThat(json(joined).get("joined").asBoolean()).isTrue();
        assertThat(addItem(staffApp, lead, "name", "Ann", "\"rental\"").statusCode())
                .as("the cached state saw the new category").isEqualTo(201);

        // further back than an application may date it (recording.back-dating-limit): staff record it
        assertThat(http.post("/api/v1/subjects/" + lead + "/events", staffToken(),
                "{\"event\": \"contract-ended\", \"occurredAt\": \"2026-01-31T12:00:00Z\"}").statusCode()).isEqualTo(201);
        assertThat(http.post("/api/v1/subjects/" + lead + "/events", staffApp, "{\"event\": \"party\"}").statusCode())
                .isEqualTo(400);
        JsonNode subject = json(http.get("/api/v1/subjects/" + lead, staffApp));
        assertThat(subject.get("events").get(0).get("event").asString()).isEqualTo("contract-ended");
        assertThat(subject.get("memberships").size()).isEqualTo(2);
        assertThat(subject.get("items").get("name").asInt()).isEqualTo(1);
    }

    @Test
    void unknownSubjectsAndBadBodiesGetProblems() {
        UUID nobody = UUID.randomUUID();
        HttpResponse<String> missing = http.get("/api/v1/subjects/" + nobody + "/items?purpose=quote", quoteOnly);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(addItem(quoteOnly, nobody, "name", "Ann", "\"quote\"").statusCode()).isEqualTo(404);
        assertThat(http.post("/api/v1/subjects", staffApp, "{not json").statusCode()).isEqualTo(400);
        assertThat(http.post("/api/v1/subjects", staffApp, "{\"categories\": [\"martian\"]}").statusCode()).isEqualTo(400);
        assertThat(http.get("/api/v1/subjects/not-a-uuid", staffApp).statusCode()).isEqualTo(400);
        assertThat(http.get("/api/v1/subjects/" + nobody + "/items?purpose=astrology", quoteOnly).statusCode()).isEqualTo(403);
    }

    @Test
    void outsidersAndWrongRolesAreRefusedOnEveryVaultEndpoint() {
        UUID s = createSubject(staffApp, "{\"categories\": [\"lead\"]}");
        String[][] appOnly = {
                {"POST", "/api/v1/subjects"}, {"POST", "/api/v1/subjects/batch"}, {"POST", "/api/v1/items/batch"},
                {"POST", "/api/v1/subjects/" + s + "/items"}, {"POST", "/api/v1/subjects/" + s + "/identifiers"}, {"GET", "/api/v1/subjects/" + s + "/items?purpose=quote"}};
        for (String[] e : appOnly) {
            assertThat(call(e[0], e[1], null).statusCode()).as("anonymous " + e[1]).isEqualTo(401);
            assertThat(call(e[0], e[1], "wb_fake_key").statusCode()).as("bad key " + e[1]).isEqualTo(401);
            assertThat(call(e[0], e[1], staffToken()).statusCode()).as("staff " + e[1]).isEqualTo(403);
        }
        String[][] shared = {{"POST", "/api/v1/subjects/lookup"}, {"GET", "/api/v1/subjects/" + s}, {"POST", "/api/v1/decisions"},
                {"POST", "/api/v1/subjects/" + s + "/categories"}, {"POST", "/api/v1/subjects/" + s + "/events"}};
        for (String[] e : shared) {
            assertThat(call(e[0], e[1], null).statusCode()).as("anonymous " + e[1]).isEqualTo(401);
        }
        assertThat(http.delete("/api/v1/subjects/" + s, null).statusCode()).isEqualTo(401);
        assertThat(http.delete("/api/v1/subjects/" + s, staffApp).statusCode()).as("applications do not erase").isEqualTo(403);
    }

    @Test
    void everyVaultAndDecisionEndpointIsInTheOpenApiDocument() {
        JsonNode paths = json(http.get("/api/v1/openapi.json", null)).get("paths");
        assertThat(paths.get("/api/v1/subjects").has("post")).isTrue();
        assertThat(paths.get("/api/v1/subjects/batch").has("post")).isTrue();
        assertThat(paths.get("/api/v1/subjects/lookup").has("post")).isTrue();
        assertThat(paths.get("/api/v1/subjects/{id}").has("get")).isTrue();
        assertThat(paths.get("/api/v1/subjects/{id}").has("delete")).isTrue();
        assertThat(paths.get("/api/v1/subjects/{id}/categories").has("post")).isTrue();
        assertThat(paths.get("/api/v1/subjects/{id}/identifiers").has("post")).isTrue();
        assertThat(paths.get("/api/v1/subjects/{id}/events").has("post")).isTrue();
        assertThat(paths.get("/api/v1/subjects/{id}/items").has("post")).isTrue();
        assertThat(paths.get("/api/v1/subjects/{id}/items").has("get")).isTrue();
        assertThat(paths.get("/api/v1/items/batch").has("post")).isTrue();
        assertThat(paths.get("/api/v1/decisions").has("post")).isTrue();
    }

    private HttpResponse<String> call(String method, String path, String bearer) {
        return method.equals("GET") ? http.get(path, bearer) : http.post(path, bearer, "{}");
    }
}
