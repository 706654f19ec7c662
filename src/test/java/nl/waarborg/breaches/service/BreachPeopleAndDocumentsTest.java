package nl.waarborg.breaches.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.waarborg.access.Caller;
import nl.waarborg.vault.NewItem;
import nl.waarborg.vault.Vault;
import nl.waarborg.web.MutableClock;
import nl.waarborg.web.MutableClockConfiguration;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A breach's people and documents over HTTP on the clean test policy: the people found in the real vault for the
 * breach's categories (a count, and the list in pages, each page audited without an id), and the AP notification
 * draft and the letter to the people affected from the register's current version, in both languages and as PDF;
 * outsiders refused.
 */
@TestPropertySource(properties = "waarborg.data-dir=${waarborg.test.data-root}/breaches")
@Import(MutableClockConfiguration.class)
class BreachPeopleAndDocumentsTest extends ServiceTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Caller STAFF = new Caller("privacy-team", "staff", List.of("rental"), false);

    @Autowired
    MutableClock clock;
    @Autowired
    Vault vault;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    nl.waarborg.web.ApiKeys keys;

    private JsonNode get(String path) {
        HttpResponse<String> r = http.get(path, staffToken());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private String register(String categories) {
        Instant now = clock.instant();
        HttpResponse<String> r = http.post("/api/v1/breaches", staffToken(), "{\"title\":\"Export op een gedeelde schijf\","
                + "\"summary\":\"Een bestand met klantgegevens stond een week open.\",\"occurredAt\":\""
                + now.minus(Duration.ofDays(7)) + "\",\"detectedAt\":\"" + now.minus(Duration.ofHours(2))
                + "\",\"awareAt\":\"" + now + "\",\"nature\":[\"confidentiality\"],\"actions\":[\"copying\"],"
                + "\"systems\":[\"vault\"],\"dataCategories\":" + categories + ",\"approximatePeople\":3,"
                + "\"approximateRecords\":6,\"measuresTaken\":\"De schijf is afgesloten.\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("reference").asString();
    }

    @Test
    void thePeopleAreFoundInTheVaultForTheBreachsCategoriesCountedAndListedInAuditedPages() {
        List<UUID> holders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID s = vault.createSubjects(STAFF, List.of(new Vault.NewSubject(List.of(), List.of(), List.of("customer"))))
                    .getFirst();
            vault.addItems(STAFF, List.of(new NewItem(s, "email", "klant" + i + "@example.nl", List.of("rental"), "subject",
                    "vault", clock.instant().minus(Duration.ofDays(30)))));
            holders.add(s);
        }
        String ref = register("[\"email\"]");

        JsonNode count = get("/api/v1/breaches/" + ref + "/affected");

        assertThat(count.get("count").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(count.get("bySource").get("vault").asLong()).isEqualTo(count.get("count").asLong());
        List<String> listed = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = get("/api/v1/breaches/" + ref + "/affected/subjects?limit=2" + (after == null ? "" : "&after=" + after));
            page.get("subjects").forEach(x -> listed.add(x.asString()));
            after = page.get("next").isNull() ? null : page.get("next").asString();
        } while (after != null);
        assertThat(listed).hasSize((int) count.get("count").asLong()).doesNotHaveDuplicates()
                .containsAll(holders.stream().map(UUID::toString).toList());
        List<String> audited = jdbc.sql("SELECT array_to_string(reasons, ' ') FROM audit_event WHERE action = "
                + "'breach-affected-listed' AND ? = ANY (reasons)").param("breach:" + ref).query(String.class).list();
        assertThat(audited).isNotEmpty().allSatisfy(r -> assertThat(r).doesNotContain(holders.getFirst().toString()));
        assertThat(http.get("/api/v1/breaches/" + ref + "/affected/subjects?limit=0", staffToken()).statusCode())
                .isEqualTo(400);
    }

    @Test
    void theNotificationDraftAndTheLetterAreWrittenFromTheRegisterInBothLanguagesAndAsPdf() {
        String ref = register("[\"name\", \"email\"]");
        http.post("/api/v1/breaches/" + ref + "/assess", staffToken(), "{\"level\":\"high\",\"reasoning\":"
                + "\"Mensen kunnen phishingmail krijgen.\",\"encryptedAtRest\":false}");

        String draft = http.get("/api/v1/breaches/" + ref + "/documents/notification-draft?lang=nl", staffToken()).body();
        String letter = http.get("/api/v1/breaches/" + ref + "/documents/letter?lang=en", staffToken()).body();
        HttpResponse<byte[]> pdf = http.getBytes("/api/v1/breaches/" + ref + "/documents/letter?format=pdf", staffToken());

        assertThat(draft).contains(ref, "Een bestand met klantgegevens stond een week open.", "Mensen kunnen phishingmail "
                + "krijgen.", "De schijf is afgesloten.");
        assertThat(letter).contains("Een bestand met klantgegevens", "Article 77");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(http.get("/api/v1/breaches/" + ref + "/documents/memo", staffToken()).statusCode()).isEqualTo(400);
    }

    @Test
    void outsidersAndApplicationsAreRefusedThePeopleAndTheDocuments() {
        String ref = register("[\"email\"]");
        String key = keys.create("staff", List.of("rental"), "breach-people-test").plaintext();
        for (String path : List.of("/affected", "/affected/subjects", "/documents/letter", "/documents/notification-draft",
                "/documents/controller-notice")) {
            assertThat(http.get("/api/v1/breaches/" + ref + path, null).statusCode()).as(path).isEqualTo(401);
            // an application's key, even one whose purposes reach the breached data: the register is the privacy team's
            assertThat(http.get("/api/v1/breaches/" + ref + path, key).statusCode()).as(path).isEqualTo(403);
        }
    }

    @Test
    void theNoticeToAControllerIsForABreachFoundAsProcessorForAProcessingThePolicyDeclares() {
        String ours = register("[\"email\"]");
        HttpResponse<String> refused = http.get("/api/v1/breaches/" + ours + "/documents/controller-notice", staffToken());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);

        Instant now = clock.instant();
        HttpResponse<String> r = http.post("/api/v1/breaches", staffToken(), "{\"title\":\"Bij een klant\",\"detectedAt\":\""
                + now + "\",\"awareAt\":\"" + now + "\",\"nature\":[\"availability\"],\"role\":\"processor\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String theirs = JSON.readTree(r.body()).get("reference").asString();
        // the clean policy processes for no one: the processing must be named, and none exists
        HttpResponse<String> none = http.get("/api/v1/breaches/" + theirs + "/documents/controller-notice", staffToken());
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(none.body()).get("field").asString()).isEqualTo("processing");
    }
}
