package nl.waarborg.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import nl.waarborg.web.ApiKeys;
import nl.waarborg.web.MutableClockConfiguration;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Items' reference dates through the vault API (docs/vault.md, "Reference dates"), on
 * src/test/resources/policies/item-dates.yaml, where invoices carry their invoice date: a date the policy declares
 * for the category is stored, in the past or the future; an undeclared, misplaced, missing, empty or far-off one is
 * a 400 problem naming the field, and nothing is stored.
 */
@TestPropertySource(properties = {
        "waarborg.policy=src/test/resources/policies/item-dates.yaml",
        "waarborg.data-dir=${waarborg.test.data-root}/item-dates",
        "waarborg.retention.sweep-interval=PT0S"})
@Import(MutableClockConfiguration.class) // the same context as ItemDatesRetentionTest
class ItemDatesApiTest extends ServiceTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApiKeys keys;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    java.time.Clock clock;
    @Autowired
    nl.waarborg.audit.service.AuditLog audit;

    private String app;
    private UUID customer;

    @BeforeEach
    void customer() {
        app = keys.create("staff", List.of("bookkeeping"), "finance").plaintext();
        HttpResponse<String> created = http.post("/api/v1/subjects", app, "{\"categories\": [\"customer\"]}");
        customer = UUID.fromString(JSON.readTree(created.body()).get("id").asString());
    }

    private HttpResponse<String> store(String category, String dates) {
        return http.post("/api/v1/subjects/" + customer + "/items", app, """
                {"category": "%s", "value": "v", "purposes": ["bookkeeping"], "source": "subject", "system": "vault"%s}"""
                .formatted(category, dates == null ? "" : ", \"dates\": " + dates));
    }

    private long items() {
        return jdbc.queryForObject("SELECT count(*) FROM item WHERE subject_id = ?", Long.class, customer);
    }

    @Test
    void aDeclaredDateIsStoredWithTheItemInThePastAndInTheFuture() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Amsterdam"));
        // the future up to recording.item-date-ahead-limit (default a year)
        for (LocalDate day : List.of(today.minusYears(2), today.plusMonths(11))) {
            HttpResponse<String> r = store("invoice", "{\"invoice-date\": \"" + day + "\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            UUID id = UUID.fromString(JSON.readTree(r.body()).get("id").asString());
            assertThat(jdbc.queryForObject("SELECT reference_dates ->> 'invoice-date' FROM item WHERE id = ?", String.class, id))
                    .isEqualTo(day.toString());
        }
        HttpResponse<String> plain = store("name", null);
        assertThat(plain.statusCode()).as("an item of a category without dates needs none").isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT reference_dates IS NULL FROM item WHERE id = ?", Boolean.class,
                UUID.fromString(JSON.readTree(plain.body()).get("id").asString()))).isTrue();
    }

    @Test
    void anInvoiceWhosePeriodCountedFromItsOwnDateIsOverIsRefused() {
        LocalDate longAgo = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Amsterdam")).minusYears(9);
        HttpResponse<String> r = store("invoice", "{\"invoice-date\": \"" + longAgo + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(r.body()).contains("retention-over");
        assertThat(items()).isZero();
    }

    @Test
    void anUndeclaredMisplacedMissingEmptyOrFarOffDateIsA400NamingTheField() {
        record Bad(String category, String dates, String field, String says) {}
        for (Bad bad : List.of(
                new Bad("invoice", "{\"invoice-date\": \"2024-03-01\", \"due-date\": \"2024-04-01\"}", "dates.due-date",
                        "not declared in the policy"),
                new Bad("name", "{\"invoice-date\": \"2024-03-01\"}", "dates.invoice-date", "do not carry item date"),
                new Bad("invoice", null, "dates.invoice-date", "is missing"),
                new Bad("invoice", "{}", "dates.invoice-date", "is missing"),
                new Bad("invoice", "{\"invoice-date\": null}", "dates.invoice-date", "is empty"),
                new Bad("invoice", "{\"invoice-date\": \"2024-03-01\", \"Ann's birthday\": \"2024-04-01\"}", "dates",
                        "not declared in the policy"))) {
            HttpResponse<String> r = store(bad.category(), bad.dates());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
            JsonNode problem = JSON.readTree(r.body());
            assertThat(problem.get("field").asString()).as(r.body()).isEqualTo(bad.field());
            assertThat(problem.get("detail").asString()).contains(bad.says());
        }
        HttpResponse<String> farOff = store("invoice", "{\"invoice-date\": \"1850-01-01\"}");
        assertThat(farOff.statusCode()).as(farOff.body()).isEqualTo(400);
        assertThat(farOff.body()).contains("1900").contains("invoice-date");
        HttpResponse<String> notADate = store("invoice", "{\"invoice-date\": \"1 maart 2024\"}");
        assertThat(notADate.statusCode()).as(notADate.body()).isEqualTo(400);
        assertThat(items()).as("nothing stored").isZero();
    }

    @Test
    void aDateFurtherAheadThanThePolicyAllowsIsRefusedOnRecordSoNothingIsKeptForMillennia() {
        long before = audit.head().lastSeq();
        HttpResponse<String> r = store("invoice", "{\"invoice-date\": \"9999-12-31\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.get("reason").asString()).isEqualTo("item-date-beyond-limit");
        assertThat(problem.get("detail").asString()).contains("recording.item-date-ahead-limit").contains("P1Y")
                .doesNotContain("9999");
        assertThat(items()).isZero();
        // the refusal is on record, with the date's id and not its value
        assertThat(audit.events(before, 1000)).filteredOn(e -> e.action().equals("collect"))
                .filteredOn(e -> e.outcome() == nl.waarborg.audit.Outcome.DENIED).singleElement()
                .satisfies(e -> assertThat(e.reasons()).containsExactly("item-date-beyond-limit", "item-date:invoice-date"))
                .satisfies(e -> assertThat(e.subjectId()).isEqualTo(customer));
        LocalDate tooFar = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Amsterdam")).plusYears(1).plusDays(2);
        assertThat(store("invoice", "{\"invoice-date\": \"" + tooFar + "\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void aBatchNamesTheItemWhoseDateIsMissing() {
        HttpResponse<String> r = http.post("/api/v1/items/batch", app, """
                {"items": [
                  {"subject": "%1$s", "category": "invoice", "value": "a", "purposes": ["bookkeeping"], "source": "subject",
                   "system": "vault", "dates": {"invoice-date": "2024-03-01"}},
                  {"subject": "%1$s", "category": "invoice", "value": "b", "purposes": ["bookkeeping"], "source": "subject",
                   "system": "vault"}]}""".formatted(customer));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("of item 1").contains("dates.invoice-date");
        assertThat(items()).isZero();
    }
}
