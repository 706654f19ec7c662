package nl.waarborg.breaches.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The breach register over HTTP on the clean test policy (systems vault and cctv): the clock moved by the test clock
 * (never by sleeping), late notification with and without the reasons for the delay, the exemption, closing, the
 * append-only register (SQL and API), audit without staff's words, export, and outsiders refused everywhere.
 */
@TestPropertySource(properties = "waarborg.data-dir=${waarborg.test.data-root}/breaches")
@Import(MutableClockConfiguration.class)
class BreachesApiTest extends ServiceTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MutableClock clock;
    @Autowired
    AuditLog audit;
    @Autowired
    ApiKeys keys;
    @Autowired
    JdbcClient jdbc;

    private JsonNode post(String path, String body, int status) {
        HttpResponse<String> r = http.post(path, staffToken(), body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    private JsonNode get(String path) {
        HttpResponse<String> r = http.get(path, staffToken());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** A breach detected an hour ago, aware now, of the given nature and systems. */
    private String register(String nature, String systems) {
        Instant now = clock.instant();
        return post("/api/v1/breaches", "{\"title\":\"Laptop van J. de Vries gestolen\",\"summary\":\"In de trein\","
                + "\"detectedAt\":\"" + now.minus(Duration.ofHours(1)) + "\",\"awareAt\":\"" + now + "\","
                + "\"nature\":" + nature + ",\"actions\":[\"theft\"],\"systems\":" + systems + ","
                + "\"dataCategories\":[\"name\",\"email\"],\"approximatePeople\":120}", 201).get("reference").asString();
    }

    @Test
    void theClockWarnsAtHour71AndAtHour73ANotificationWithoutTheReasonsForTheDelayIsRefused() {
        long before = audit.head().lastSeq();
        String ref = register("[\"confidentiality\"]", "[\"cctv\"]");
        assertThat(ref).matches("BR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
        JsonNode b = get("/api/v1/breaches/" + ref);
        assertThat(b.get("clock").get("state").asString()).isEqualTo("running");
        assertThat(b.get("clock").get("zone").asString()).isEqualTo("Europe/Amsterdam");
        assertThat(Duration.between(Instant.parse(b.get("awareAt").asString()),
                Instant.parse(b.get("clock").get("due").asString()))).isEqualTo(Duration.ofHours(72));
        assertThat(b.get("approximateRecords").isNull()).as("not known").isTrue();

        clock.advance(Duration.ofHours(71));
        assertThat(get("/api/v1/breaches/" + ref).get("clock").get("state").asString()).isEqualTo("warning");
        clock.advance(Duration.ofHours(2));
        assertThat(get("/api/v1/breaches/" + ref).get("clock").get("state").asString()).isEqualTo("late");
        assertThat(get("/api/v1/breaches?open=true").toString()).contains(ref);

        JsonNode refused = post("/api/v1/breaches/" + ref + "/notifications", "{\"phase\":\"initial\"}", 400);
        assertThat(refused.get("field").asString()).isEqualTo("delayReason");
        assertThat(refused.get("detail").asString()).contains("Art. 33(1)");
        JsonNode sent = post("/api/v1/breaches/" + ref + "/notifications",
                "{\"phase\":\"initial\",\"number\":\"M-2026-0042\",\"delayReason\":\"Het weekend\"}", 200);
        assertThat(sent.get("clock").get("state").asString()).isEqualTo("notified");
        assertThat(sent.get("notifications").get(0).get("late").asBoolean()).isTrue();
        assertThat(sent.get("notifications").get(0).get("number").asString()).isEqualTo("M-2026-0042");
        post("/api/v1/breaches/" + ref + "/notifications", "{\"phase\":\"supplement\"}", 200);

        List<AuditEvent> events = audit.events(before, 100);
        assertThat(events).filteredOn(e -> e.action().equals("breach-registered")).singleElement()
                .satisfies(e -> assertThat(e.reasons()).contains("breach:" + ref, "version:1", "nature:confidentiality"));
        assertThat(events).filteredOn(e -> e.action().equals("breach-notified")).hasSize(2).first()
                .satisfies(e -> assertThat(e.reasons()).contains("phase:initial", "late:true"));
        assertThat(events.toString()).doesNotContain("Vries").doesNotContain("trein").doesNotContain("weekend");
    }

    @Test
    void awarenessMoreThan24HoursAfterDetectionWithoutAReasonIsRefused() {
        Instant now = clock.instant();
        JsonNode refused = post("/api/v1/breaches", "{\"title\":\"t\",\"detectedAt\":\"" + now.minus(Duration.ofHours(30))
                + "\",\"awareAt\":\"" + now + "\",\"nature\":[\"availability\"]}", 400);
        assertThat(refused.get("field").asString()).isEqualTo("awarenessDelayReason");
        assertThat(post("/api/v1/breaches", "{\"title\":\"t\",\"nature\":[\"availability\"],\"awareAt\":\"" + now + "\"}",
                400).get("field").asString()).isEqualTo("detectedAt");
        assertThat(post("/api/v1/breaches", "{\"title\":\"t\",\"nature\":[\"leak\"],\"awareAt\":\"" + now
                + "\",\"detectedAt\":\"" + now + "\"}", 400).get("field").asString()).isEqualTo("nature/0");
        assertThat(post("/api/v1/breaches", "{\"title\":\"t\",\"nature\":[\"integrity\"],\"systems\":[\"mainframe\"],"
                + "\"awareAt\":\"" + now + "\",\"detectedAt\":\"" + now + "\"}", 400).get("field").asString())
                .isEqualTo("systems/0");
    }

    @Test
    void theExemptionHoldsForTheVaultUnlessItsKeysWereCompromisedOrTheBreachWasOfIntegrity() {
        String ref = register("[\"confidentiality\"]", "[\"vault\"]");
        String assess = "{\"level\":\"high\",\"reasoning\":\"r\",\"keysCompromised\":%s,"
                + "\"severity\":{\"dataProcessingContext\":3,\"easeOfIdentification\":1,\"confidentiality\":0.5,\"maliciousIntent\":true}}";
        JsonNode granted = post("/api/v1/breaches/" + ref + "/assess", assess.formatted("false"), 200);
        assertThat(granted.get("exemption").get("granted").asBoolean()).isTrue();
        assertThat(granted.get("exemption").get("reason").asString()).isEqualTo("unintelligible");
        assertThat(granted.get("assessment").get("severity").get("score").asDouble()).isEqualTo(4.0);
        assertThat(granted.get("assessment").get("severity").get("level").asString()).isEqualTo("very-high");

        JsonNode keys = post("/api/v1/breaches/" + ref + "/assess", assess.formatted("true"), 200);
        assertThat(keys.get("exemption").get("granted").asBoolean()).isFalse();
        assertThat(keys.get("exemption").get("reason").asString()).isEqualTo("keys-compromised");

        String integrity = register("[\"integrity\"]", "[\"vault\"]");
        assertThat(post("/api/v1/breaches/" + integrity + "/assess", assess.formatted("false"), 200).get("exemption")
                .get("reason").asString()).isEqualTo("not-confidentiality-only");
        String cctv = register("[\"confidentiality\"]", "[\"cctv\"]");
        assertThat(post("/api/v1/breaches/" + cctv + "/assess", assess.formatted("false"), 200).get("exemption")
                .get("reason").asString()).as("a declared system is not encrypted unless staff say so")
                .isEqualTo("not-encrypted-at-rest");
        assertThat(post("/api/v1/breaches/" + cctv + "/assess", "{\"level\":\"high\"}", 400).get("field").asString())
                .isEqualTo("reasoning");
    }

    @Test
    void closingWithoutBothDecisionsAndTheirReasonsIsRefusedAndEveryStepIsAVersion() {
        String ref = register("[\"confidentiality\"]", "[\"cctv\"]");
        assertThat(post("/api/v1/breaches/" + ref + "/close", "{}", 409).get("reason").asString())
                .isEqualTo("authority-decision-missing");
        assertThat(post("/api/v1/breaches/" + ref + "/decide", "{\"notifyAuthority\":false}", 400).get("field")
                .asString()).isEqualTo("authorityReason");
        JsonNode one = post("/api/v1/breaches/" + ref + "/decide",
                "{\"notifyAuthority\":false,\"authorityReason\":\"Versleuteld; geen risico\"}", 200);
        assertThat(one.get("clock").get("state").asString()).isEqualTo("not-required");
        assertThat(post("/api/v1/breaches/" + ref + "/close", "{}", 409).get("reason").asString())
                .isEqualTo("subjects-decision-missing");
        post("/api/v1/breaches/" + ref + "/decide", "{\"notifySubjects\":\"public-notice\",\"subjectsReason\":\"te veel\"}", 200);
        post("/api/v1/breaches/" + ref + "/correct", "{\"approximateRecords\":3000}", 400);
        post("/api/v1/breaches/" + ref + "/correct", "{\"approximateRecords\":3000,\"reason\":\"telling klaar\"}", 200);
        JsonNode closed = post("/api/v1/breaches/" + ref + "/close", "{}", 200);
        assertThat(closed.get("open").asBoolean()).isFalse();
        assertThat(closed.get("decisions").get("notifySubjects").asString()).isEqualTo("public-notice");
        assertThat(closed.get("approximateRecords").asLong()).isEqualTo(3000);
        assertThat(post("/api/v1/breaches/" + ref + "/close", "{}", 409).get("reason").asString()).isEqualTo("closed");
        assertThat(get("/api/v1/breaches?open=true").toString()).doesNotContain(ref);
        assertThat(get("/api/v1/breaches").toString()).contains(ref);

        JsonNode versions = get("/api/v1/breaches/" + ref + "/versions");
        assertThat(versions).extracting(v -> v.get("change").asString())
                .containsExactly("registered", "decided", "decided", "corrected", "closed");
        assertThat(versions.get(3).get("reason").asString()).isEqualTo("telling klaar");
        assertThat(versions.get(0).get("breach").get("approximateRecords").isNull()).as("the old version stays").isTrue();
    }

    @Test
    void anEntryCannotBeDeletedOrRewrittenNeitherInTheDatabaseNorOverTheApi() {
        String ref = register("[\"availability\"]", "[]");
        assertThatThrownBy(() -> jdbc.sql("UPDATE breach_version SET reason = 'x' WHERE breach_id = "
                + "(SELECT id FROM breach WHERE reference = ?)").param(ref).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM breach_version WHERE breach_id = "
                + "(SELECT id FROM breach WHERE reference = ?)").param(ref).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM breach WHERE reference = ?").param(ref).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("UPDATE breach SET reference = 'BR-0000-0000' WHERE reference = ?")
                .param(ref).update()).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE breach_version").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");

        assertThat(http.delete("/api/v1/breaches/" + ref, staffToken()).statusCode()).as("no DELETE, even for staff")
                .isEqualTo(403);
        assertThat(get("/api/v1/breaches/" + ref).get("version").asInt()).isEqualTo(1);
    }

    @Test
    void theRegisterExportsAsCsvXlsxAndJson() {
        String ref = register("[\"confidentiality\"]", "[\"cctv\"]");
        HttpResponse<String> csv = http.get("/api/v1/breaches/export?format=csv", staffToken());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("reference,version,title").contains(ref);
        HttpResponse<byte[]> xlsx = http.getBytes("/api/v1/breaches/export?format=xlsx", staffToken());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(new String(xlsx.body(), 0, 2)).isEqualTo("PK");
        JsonNode json = JSON.readTree(http.get("/api/v1/breaches/export?format=json", staffToken()).body());
        assertThat(json.isArray()).isTrue();
        assertThat(json.toString()).contains(ref);
        assertThat(http.get("/api/v1/breaches/export?format=pdf", staffToken()).statusCode()).isEqualTo(400);
    }

    @Test
    void outsidersAndApplicationsAreRefusedEveryBreachEndpoint() {
        String ref = register("[\"confidentiality\"]", "[]");
        String app = keys.create("staff", List.of("rental"), "test").plaintext();
        for (String path : List.of("/api/v1/breaches", "/api/v1/breaches?open=true", "/api/v1/breaches/" + ref,
                "/api/v1/breaches/" + ref + "/versions", "/api/v1/breaches/export?format=csv")) {
            assertThat(http.get(path, null).statusCode()).as(path).isEqualTo(401);
            assertThat(http.get(path, app).statusCode()).as(path).isEqualTo(403);
        }
        for (String path : List.of("/api/v1/breaches", "/api/v1/breaches/" + ref + "/correct",
                "/api/v1/breaches/" + ref + "/assess", "/api/v1/breaches/" + ref + "/decide",
                "/api/v1/breaches/" + ref + "/notifications", "/api/v1/breaches/" + ref + "/close")) {
            assertThat(http.post(path, null, "{}").statusCode()).as(path).isEqualTo(401);
            assertThat(http.post(path, app, "{}").statusCode()).as(path).isEqualTo(403);
        }
        assertThat(http.delete("/api/v1/breaches/" + ref, null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/breaches/" + ref).get("version").asInt()).as("nothing changed").isEqualTo(1);
    }
}
