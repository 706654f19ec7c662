package nl.waarborg.retention.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import nl.waarborg.vault.ExpiringItems;
import nl.waarborg.web.ApiKeys;
import nl.waarborg.web.MutableClock;
import nl.waarborg.web.MutableClockConfiguration;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Retention that counts from a date of the item itself, rounded to the calendar, end to end on
 * src/test/resources/policies/item-dates.yaml: each invoice is kept 7 years from 1 January after the year of its
 * own invoice date, so one customer's invoices of two years go on different days. The clock moves; nothing sleeps.
 */
@TestPropertySource(properties = {
        "waarborg.policy=src/test/resources/policies/item-dates.yaml",
        "waarborg.data-dir=${waarborg.test.data-root}/item-dates",
        "waarborg.retention.sweep-interval=PT0S"}) // the test sweeps itself
@Import(MutableClockConfiguration.class)
class ItemDatesRetentionTest extends ServiceTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Autowired
    MutableClock clock;
    @Autowired
    Sweeper sweeper;
    @Autowired
    RetentionForecast forecast;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApiKeys keys;

    private static Instant firstOfJanuary(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(AMSTERDAM).toInstant();
    }

    private void moveTo(Instant at) {
        Duration by = Duration.between(clock.instant(), at);
        assertThat(by.isNegative()).as("the clock only moves forward").isFalse();
        clock.advance(by);
    }

    private Instant dueAt(UUID item) {
        java.sql.Timestamp t = jdbc.queryForObject("SELECT coalesce(s.due_at, item.due_at) FROM item "
                + "LEFT JOIN shared_schedule s ON s.id = item.shared_schedule WHERE item.id = ?", java.sql.Timestamp.class, item);
        return t == null ? null : t.toInstant();
    }

    private boolean exists(UUID item) {
        return jdbc.queryForObject("SELECT count(*) FROM item WHERE id = ?", Integer.class, item) == 1;
    }

    private long invoicesDueWithin(int days) {
        return forecast.forecast(days).groups().stream()
                .filter(g -> g.category().equals("invoice") && "fiscal-invoices".equals(g.rule()))
                .mapToLong(ExpiringItems.DueGroup::items).sum();
    }

    private UUID customer(String key) {
        HttpResponse<String> created = http.post("/api/v1/subjects", key, "{\"categories\": [\"customer\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return UUID.fromString(JSON.readTree(created.body()).get("id").asString());
    }

    private JsonNode decision(String key, UUID subject) {
        HttpResponse<String> r = http.post("/api/v1/decisions", key, """
                {"decisions": [{"subject": "%s", "purpose": "bookkeeping", "action": "read", "categories": ["invoice"]}]}"""
                .formatted(subject));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("decisions").get(0);
    }

    private List<String> invoicesRead(String key, UUID subject) {
        HttpResponse<String> r = http.get("/api/v1/subjects/" + subject + "/items?purpose=bookkeeping&category=invoice", key);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> values = new java.util.ArrayList<>();
        JSON.readTree(r.body()).get("items").forEach(i -> values.add(i.get("value").asString()));
        return values;
    }

    @Test
    void oneCustomersInvoicesOfTwoYearsGoOnTheFirstOfJanuarySevenYearsAfterEachOnesYear() {
        String app = keys.create("staff", List.of("bookkeeping"), "finance").plaintext();
        UUID customer = customer(app);
        int year = clock.instant().atZone(AMSTERDAM).getYear();
        LocalDate older = LocalDate.of(year - 2, 3, 1); // "the 2024 invoice"
        LocalDate newer = LocalDate.of(year, 1, 15);    // "the 2026 invoice"

        // both stored today, in one call: only their own dates tell them apart
        HttpResponse<String> stored = http.post("/api/v1/items/batch", app, """
                {"items": [
                  {"subject": "%1$s", "category": "invoice", "value": "invoice %2$s", "purposes": ["bookkeeping"],
                   "source": "subject", "system": "vault", "dates": {"invoice-date": "%2$s"}},
                  {"subject": "%1$s", "category": "invoice", "value": "invoice %3$s", "purposes": ["bookkeeping"],
                   "source": "subject", "system": "vault", "dates": {"invoice-date": "%3$s"}}]}"""
                .formatted(customer, older, newer));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        JsonNode ids = JSON.readTree(stored.body()).get("ids");
        // another customer, of whom only an invoice of the older year is kept
        UUID former = customer(app);
        HttpResponse<String> formerStored = http.post("/api/v1/subjects/" + former + "/items", app, """
                {"category": "invoice", "value": "their invoice", "purposes": ["bookkeeping"], "source": "subject",
                 "system": "vault", "dates": {"invoice-date": "%s"}}""".formatted(older));
        assertThat(formerStored.statusCode()).as(formerStored.body()).isEqualTo(201);
        UUID olderInvoice = UUID.fromString(ids.get(0).asString());
        UUID newerInvoice = UUID.fromString(ids.get(1).asString());
        Instant olderDue = firstOfJanuary(year - 2 + 1 + 7);
        Instant newerDue = firstOfJanuary(year + 1 + 7);
        assertThat(dueAt(olderInvoice)).isEqualTo(olderDue);
        assertThat(dueAt(newerInvoice)).isEqualTo(newerDue);
        assertThat(jdbc.queryForObject("SELECT reference_dates ->> 'invoice-date' FROM item WHERE id = ?", String.class,
                olderInvoice)).isEqualTo(older.toString());
        assertThat(jdbc.queryForObject("SELECT shared_schedule IS NULL FROM item WHERE id = ?", Boolean.class, newerInvoice))
                .as("a schedule that follows from the item's own date is the item's own").isTrue();

        // the forecast counts each on its own day
        moveTo(olderDue.minus(Duration.ofDays(2)));
        assertThat(invoicesDueWithin(1)).isZero();
        assertThat(invoicesDueWithin(3)).as("both customers' invoices of the older year").isEqualTo(2);
        int daysToNewer = (int) Duration.between(clock.instant(), newerDue).toDays() + 1;
        assertThat(invoicesDueWithin(daysToNewer)).isEqualTo(3);
        assertThat(invoicesDueWithin(daysToNewer - 2)).isEqualTo(2);

        // the last moment of the seventh year: both kept, both readable, the use allowed
        moveTo(olderDue.minusSeconds(1));
        sweeper.sweep(false);
        assertThat(exists(olderInvoice)).isTrue();
        assertThat(invoicesRead(app, customer)).containsExactlyInAnyOrder("invoice " + older, "invoice " + newer);
        JsonNode read = JSON.readTree(http.get("/api/v1/subjects/" + customer + "/items?purpose=bookkeeping", app).body());
        assertThat(read.get("items").findValuesAsString("invoice-date")).as("a read gives each item's dates back")
                .containsExactlyInAnyOrder(older.toString(), newer.toString());

        // 1 January: the older one is past due, never handed out, and the sweep deletes it alone
        moveTo(olderDue.plusSeconds(1));
        assertThat(invoicesRead(app, customer)).containsExactly("invoice " + newer);
        assertThat(decision(app, customer).get("allowed").asBoolean())
                .as("the category still holds an invoice in its period").isTrue();
        JsonNode denied = decision(app, former);
        assertThat(denied.get("allowed").asBoolean()).as("the other customer's only invoice is past its period").isFalse();
        assertThat(denied.toString()).contains("retention-over");
        sweeper.sweep(false);
        assertThat(exists(olderInvoice)).isFalse();
        assertThat(exists(newerInvoice)).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM item WHERE subject_id = ?", Long.class, former)).isZero();

        // two years later the newer one's period is over too: never handed out, and the sweep deletes it
        moveTo(newerDue.plusSeconds(1));
        assertThat(invoicesRead(app, customer)).isEmpty();
        sweeper.sweep(false);
        assertThat(exists(newerInvoice)).isFalse();
    }

    @Test
    void theStatementSaysWhatTheScheduleDoesInBothLanguages() {
        String nl = http.get("/api/v1/policy/statement?lang=nl&format=md", null).body();
        assertThat(nl).contains("| 7 jaar | vanaf 1 januari na het jaar van de factuurdatum | verwijderd |");
        String en = http.get("/api/v1/policy/statement?lang=en&format=md", null).body();
        assertThat(en).contains("| 7 years | from 1 January after the year of the invoice date | deleted |");
    }

    @Test
    void aCalendarRoundedEventStartMovesAllTheCustomersNamesToOneFirstOfJanuary() {
        String app = keys.create("staff", List.of("bookkeeping"), "finance").plaintext();
        HttpResponse<String> created = http.post("/api/v1/subjects", app, "{\"categories\": [\"customer\"]}");
        UUID customer = UUID.fromString(JSON.readTree(created.body()).get("id").asString());
        HttpResponse<String> item = http.post("/api/v1/subjects/" + customer + "/items", app, """
                {"category": "name", "value": "Ann", "purposes": ["bookkeeping"], "source": "subject", "system": "vault"}""");
        assertThat(item.statusCode()).as(item.body()).isEqualTo(201);
        UUID name = UUID.fromString(JSON.readTree(item.body()).get("id").asString());
        assertThat(dueAt(name)).as("kept while the contract runs").isNull();
        Instant ended = clock.instant();
        assertThat(http.post("/api/v1/subjects/" + customer + "/events", app, "{\"event\": \"contract-ended\"}")
                .statusCode()).isEqualTo(201);
        int year = LocalDateTime.ofInstant(ended, AMSTERDAM).getYear();
        assertThat(dueAt(name)).isEqualTo(firstOfJanuary(year + 1 + 7));
    }
}
