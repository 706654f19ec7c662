package nl.waarborg.retention.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.temporal.ChronoUnit;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import nl.waarborg.access.Caller;
import nl.waarborg.access.service.HoldRecord;
import nl.waarborg.access.service.Restraints;
import nl.waarborg.vault.NewItem;
import nl.waarborg.vault.StoredItem;
import nl.waarborg.vault.Vault;
import nl.waarborg.web.MutableClock;
import nl.waarborg.web.MutableClockConfiguration;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Every period of the self-storage example (examples/self-storage.yaml), end to end with a moving clock: items
 * stored through the vault, schedules computed by retention, sweeps run as the scheduled sweeper runs them.
 * The clock only moves forward (a microsecond per reading) and is shared by the tests, so each works from its own start.
 */
@TestPropertySource(properties = {
        "waarborg.policy=examples/self-storage.yaml",
        "waarborg.data-dir=${waarborg.test.data-root}/retention",
        "waarborg.retention.sweep-interval=PT0S"}) // the tests sweep themselves
@Import(MutableClockConfiguration.class)
class SelfStorageRetentionTest extends ServiceTestBase {

    private static final Caller STAFF = new Caller("test", "management", List.of(), true);
    private static final Caller CCTV = new Caller("cctv", "management", List.of("camera-surveillance"), false);
    private static final Caller CRM = new Caller("crm", "customer-service", List.of("quote-requests", "customer-contract"), false);
    private static final Caller FINANCE = new Caller("finance", "finance", List.of("customer-contract", "legal-obligations"), false);
    private static final Caller GATE = new Caller("gate", "facility-staff", List.of("access-control"), false);

    @Autowired
    MutableClock clock;
    @Autowired
    Vault vault;
    @Autowired
    Restraints restraints;
    @Autowired
    Sweeper sweeper;
    @Autowired
    JdbcTemplate jdbc;

    private UUID subject(String... categories) {
        return vault.createSubjects(STAFF, List.of(new Vault.NewSubject(List.of(), List.of(), List.of(categories)))).getFirst();
    }

    private UUID store(Caller caller, UUID subject, String category, String purpose, String system) {
        return store(caller, subject, category, List.of(purpose), system);
    }

    private UUID store(Caller caller, UUID subject, String category, List<String> purposes, String system) {
        return vault.addItems(caller, List.of(new NewItem(subject, category, "value", purposes, "from-subject",
                system, null))).getFirst();
    }

    private boolean exists(UUID item) {
        return jdbc.queryForObject("SELECT count(*) FROM item WHERE id = ?", Integer.class, item) == 1;
    }

    private Instant dueAt(UUID item) {
        java.sql.Timestamp t = jdbc.queryForObject("SELECT coalesce(s.due_at, item.due_at) FROM item "
                + "LEFT JOIN shared_schedule s ON s.id = item.shared_schedule WHERE item.id = ?", java.sql.Timestamp.class, item);
        return t == null ? null : t.toInstant();
    }

    /** Moves the clock to the next whole second (PostgreSQL keeps microseconds) and returns it. */
    private Instant start() {
        Instant now = clock.instant();
        return clock.advance(Duration.between(now, now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1)));
    }

    /** Moves the clock to {@code at} (never back) and sweeps. */
    private void sweepAt(Instant at) {
        Duration by = Duration.between(clock.instant(), at);
        if (!by.isNegative()) {
            clock.advance(by);
        }
        sweeper.sweep(false);
    }

    @Test
    void cameraFootageIsKeptOnDaySevenAndGoneOnDayEight() {
        UUID visitor = subject("facility-visitor");
        Instant t0 = start();
        UUID footage = store(CCTV, visitor, "camera-footage", "camera-surveillance", "cctv");
        assertThat(dueAt(footage)).isCloseTo(t0.plus(Duration.ofDays(7)), within(1, ChronoUnit.MILLIS));

        sweepAt(t0.plus(Duration.ofDays(7)).minusSeconds(1));
        assertThat(exists(footage)).isTrue();
        sweepAt(t0.plus(Duration.ofDays(8)));
        assertThat(exists(footage)).isFalse();
    }

    @Test
    void anIncidentHoldKeepsFootageUpToDayTwentyEightAndItsReleaseRestoresDaySeven() {
        UUID held = subject("facility-visitor");
        UUID released = subject("facility-visitor");
        Instant t0 = start();
        UUID heldFootage = store(CCTV, held, "camera-footage", "camera-surveillance", "cctv");
        UUID releasedFootage = store(CCTV, released, "camera-footage", "camera-surveillance", "cctv");

        clock.advance(Duration.ofDays(3));
        restraints.hold(CCTV, held, "incident", "INC-1");
        HoldRecord hold = restraints.hold(CCTV, released, "incident", "INC-2");
        assertThat(dueAt(heldFootage)).isCloseTo(t0.plus(Duration.ofDays(28)), within(1, ChronoUnit.MILLIS));

        sweepAt(t0.plus(Duration.ofDays(8)));
        assertThat(exists(heldFootage)).isTrue();
        assertThat(exists(releasedFootage)).isTrue();

        restraints.release(STAFF, hold.id()); // day 8: the normal date (day 7) is back, and past
        assertThat(dueAt(releasedFootage)).isCloseTo(t0.plus(Duration.ofDays(7)), within(1, ChronoUnit.MILLIS));
        sweeper.sweep(false);
        assertThat(exists(releasedFootage)).isFalse();

        sweepAt(t0.plus(Duration.ofDays(28)).minusSeconds(1));
        assertThat(exists(heldFootage)).isTrue();
        sweepAt(t0.plus(Duration.ofDays(28)));
        assertThat(exists(heldFootage)).as("the hold extends within its limit only").isFalse();
    }

    @Test
    void aLeadIsDeletedAfterSixMonthsUnlessItBecameACustomer() {
        UUID lead = subject("lead");
        UUID converted = subject("lead");
        Instant t0 = start();
        UUID leadName = store(CRM, lead, "name", "quote-requests", "crm");
        UUID convertedName = store(CRM, converted, "name", "quote-requests", "crm");
        Instant sixMonths = t0.atZone(ZoneId.of("Europe/Amsterdam")).plusMonths(6).toInstant();
        assertThat(dueAt(leadName)).isCloseTo(sixMonths, within(1, ChronoUnit.MILLIS));

        clock.advance(Duration.ofDays(40));
        vault.join(CRM, converted, "customer", null);
        // the customer rules govern now: kept while the contract runs (its period starts when the contract ends)
        assertThat(dueAt(convertedName)).isNull();

        sweepAt(sixMonths.minusSeconds(1));
        assertThat(exists(leadName)).isTrue();
        sweepAt(sixMonths.plus(Duration.ofDays(1)));
        assertThat(exists(leadName)).isFalse();
        assertThat(exists(convertedName)).isTrue();
    }

    @Test
    void visitLogsGo160WeeksAfterTheContractEnds() {
        UUID customer = subject("customer");
        UUID log = store(GATE, customer, "visit-log", "access-control", "access-control");
        assertThat(dueAt(log)).as("kept while the contract runs").isNull();

        clock.advance(Duration.ofDays(365));
        Instant ended = start();
        vault.recordEvent(CRM, customer, "contract-ended", null);
        Instant due = ended.atZone(ZoneId.of("Europe/Amsterdam")).plusWeeks(160).toInstant();
        assertThat(dueAt(log)).isCloseTo(due, within(1, ChronoUnit.MILLIS));

        sweepAt(due.minus(Duration.ofDays(1)));
        assertThat(exists(log)).isTrue();
        sweepAt(due);
        assertThat(exists(log)).isFalse();
    }

    @Test
    void aComplaintClosedAfterTheContractEndedMovesTheFiscalPeriod() {
        UUID customer = subject("customer");
        UUID name = store(FINANCE, customer, "name", List.of("customer-contract", "legal-obligations"), "crm");
        ZoneId zone = ZoneId.of("Europe/Amsterdam");

        clock.advance(Duration.ofDays(100));
        Instant ended = start();
        vault.recordEvent(CRM, customer, "contract-ended", null);
        assertThat(dueAt(name)).isCloseTo(ended.atZone(zone).plusYears(7).toInstant(), within(1, ChronoUnit.MILLIS));

        clock.advance(Duration.ofDays(200));
        Instant closed = start();
        vault.recordEvent(CRM, customer, "complaint-closed", null);
        Instant due = closed.atZone(zone).plusYears(7).toInstant();
        assertThat(dueAt(name)).isCloseTo(due, within(1, ChronoUnit.MILLIS));

        sweepAt(ended.atZone(zone).plusYears(7).plus(Duration.ofDays(1)).toInstant());
        assertThat(exists(name)).as("the later complaint keeps it").isTrue();
        sweepAt(due);
        assertThat(exists(name)).isFalse();
    }

    @Test
    void customerDataIsKeptWhileTheContractRunsThenOnlyForTheTaxDuty() {
        UUID customer = subject("customer");
        UUID name = store(FINANCE, customer, "name", List.of("customer-contract", "legal-obligations"), "crm");
        UUID email = store(CRM, customer, "email", "customer-contract", "crm");
        assertThat(dueAt(name)).as("kept while the contract runs").isNull();
        assertThat(dueAt(email)).as("kept while the contract runs").isNull();
        assertThat(vault.read(CRM, customer, "customer-contract", null).items()).hasSize(2);

        clock.advance(Duration.ofDays(30));
        Instant ended = start();
        vault.recordEvent(CRM, customer, "contract-ended", null);
        assertThat(dueAt(email)).as("needed for the contract only: due when it ends").isCloseTo(ended, within(1, ChronoUnit.MILLIS));
        assertThat(dueAt(name)).isCloseTo(ended.atZone(ZoneId.of("Europe/Amsterdam")).plusYears(7).toInstant(),
                within(1, ChronoUnit.MILLIS));

        Vault.ItemsForPurpose forContract = vault.read(CRM, customer, "customer-contract", null);
        assertThat(forContract.items()).as("past due or retained for the tax duty only").isEmpty();
        assertThat(forContract.withheld()).anySatisfy(w -> {
            assertThat(w.category()).isEqualTo("name");
            assertThat(w.reasons()).extracting(Vault.Reason::code).contains("legal-obligation-only");
        });
        assertThat(vault.read(FINANCE, customer, "legal-obligations", null).items())
                .extracting(StoredItem::category).containsExactly("name");

        sweepAt(clock.instant());
        assertThat(exists(email)).isFalse();
        assertThat(exists(name)).isTrue();
    }

    @Test
    void eachSweepBatchLeavesAnAuditEventWithCountsAndTheHashOfTheErasedIds() {
        UUID visitor = subject("facility-visitor");
        Instant t0 = start();
        UUID a = store(CCTV, visitor, "camera-footage", "camera-surveillance", "cctv");
        UUID b = store(CCTV, visitor, "camera-footage", "camera-surveillance", "cctv");
        long before = jdbc.queryForObject("SELECT coalesce(max(seq), 0) FROM audit_event", Long.class);
        // an earlier test's items may fall due in the same sweep: the proof is checked for ours among them
        sweepAt(t0.plus(Duration.ofDays(8)));
        List<String> reasons = jdbc.query("SELECT array_to_string(reasons, ' ') FROM audit_event WHERE seq > ? "
                + "AND action = 'retention-erased'", (rs, n) -> rs.getString(1), before);
        assertThat(reasons).isNotEmpty();
        assertThat(String.join(" ", reasons)).contains("delete:camera-footage:camera-footage:")
                .contains("ids-sha256:").doesNotContain(a.toString()).doesNotContain(b.toString());
        assertThat(exists(a) || exists(b)).isFalse();
    }

    @Autowired
    nl.waarborg.web.ApiKeys keys;

    @Test
    void forecastSweepAttestationsAndStatisticsAreForStaffOnly() {
        String app = keys.create("management", List.of("camera-surveillance"), "cctv").plaintext();
        for (String path : List.of("/api/v1/retention/forecast?days=30", "/api/v1/retention/attestations",
                "/api/v1/retention/statistics")) {
            assertThat(http.get(path, null).statusCode()).as(path).isEqualTo(401);
            assertThat(http.get(path, "wb_bogus").statusCode()).as(path).isEqualTo(401);
            assertThat(http.get(path, app).statusCode()).as(path).isEqualTo(403);
            assertThat(http.get(path, staffToken()).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(http.post("/api/v1/retention/sweep?dryRun=true", null, "").statusCode()).isEqualTo(401);
        assertThat(http.post("/api/v1/retention/sweep?dryRun=true", app, "").statusCode()).isEqualTo(403);
        assertThat(http.post("/api/v1/retention/sweep?dryRun=true", staffToken(), "").statusCode()).isEqualTo(200);
        assertThat(http.post("/api/v1/retention/attestations/1/confirm", app, "").statusCode()).isEqualTo(403);
        assertThat(http.get("/api/v1/retention/forecast?days=-1", staffToken()).statusCode()).isEqualTo(400);
    }

    @Test
    void theForecastNamesCategoryRuleSystemAndTheAttestationsOfManualSystems() {
        UUID visitor = subject("facility-visitor");
        store(CCTV, visitor, "camera-footage", "camera-surveillance", "cctv");
        var response = http.get("/api/v1/retention/forecast?days=8", staffToken());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"category\":\"camera-footage\"").contains("\"rule\":\"camera-footage\"")
                .contains("\"system\":\"cctv\"")
                // the CCTV recorder and the phone platform cannot be reached: their owners attest
                .contains("\"attestations\"").contains("\"owner\":\"Facilitair manager\"");
    }

    @Autowired
    RetentionForecast forecast;

    @Test
    void aCandidatePolicyThatShortensAPeriodShowsWhatWouldFallDueBeforeItIsActivated() throws Exception {
        UUID visitor = subject("facility-visitor");
        UUID footage = store(CCTV, visitor, "camera-footage", "camera-surveillance", "cctv");
        clock.advance(Duration.ofDays(4));
        String yaml = java.nio.file.Files.readString(java.nio.file.Path.of("examples/self-storage.yaml"));
        java.nio.file.Path shorter = java.nio.file.Files.createTempFile("self-storage-3d", ".yaml");
        java.nio.file.Files.writeString(shorter, yaml.replace("    period: P7D\n", "    period: P3D\n"));
        nl.waarborg.policy.Policy candidate = nl.waarborg.policy.PolicyLoader.load(shorter).orThrow().policy();

        RetentionForecast.Forecast now = forecast.forecast(1);
        RetentionForecast.Forecast then = forecast.forecast(1, candidate);
        assertThat(then.policyVersion()).as("not stored").isNull();
        assertThat(then.overdue()).as("under three days our footage of four days ago is due at once")
                .isGreaterThanOrEqualTo(1).isGreaterThan(now.overdue());
        assertThat(then.groups()).anySatisfy(g -> {
            assertThat(g.category()).isEqualTo("camera-footage");
            assertThat(g.overdue()).isPositive();
        });
        assertThat(exists(footage)).as("a forecast changes nothing").isTrue();
        assertThat(dueAt(footage)).isAfter(clock.instant());
    }

    /** One decision through POST /api/v1/decisions, asked by staff for a role; the deny codes (empty: allowed). */
    private List<String> denyCodes(UUID subject, String role, String purpose, String category) {
        var response = http.post("/api/v1/decisions", staffToken(), """
                {"decisions": [{"subject": "%s", "role": "%s", "purpose": "%s", "action": "read", "categories": ["%s"]}]}"""
                .formatted(subject, role, purpose, category));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        tools.jackson.databind.JsonNode answer = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(response.body()).at("/decisions/0/reasons");
        List<String> codes = new java.util.ArrayList<>();
        answer.forEach(r -> codes.add(r.path("code").asString()));
        return codes;
    }

    /**
     * A complaint hold on the footage keeps a visitor's footage up to the year the policy declares for complaints;
     * one on another category (call recordings) keeps the footage nothing longer. The sweep, the forecast and the
     * decision agree on it, and the release restores day seven. Applications place only what the policy lets them.
     */
    @Test
    void aComplaintHoldOnOneCategoryKeepsOnlyThatCategoryAndSweepForecastAndDecisionAgree() {
        UUID held = subject("facility-visitor");
        UUID other = subject("facility-visitor");
        Instant t0 = start();
        RetentionForecast.Forecast before = forecast.forecast(30);
        UUID heldFootage = store(CCTV, held, "camera-footage", "camera-surveillance", "cctv");
        UUID otherFootage = store(CCTV, other, "camera-footage", "camera-surveillance", "cctv");

        // the policy declares complaint holds without `applications: true`: the camera system may not place them
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> restraints.hold(CCTV, held, "complaint", "CMP-1",
                List.of("camera-footage")))).isInstanceOf(Restraints.HoldKindNotAllowedException.class);
        // an incident hold it may place, but not on data its purpose does not use
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> restraints.hold(CCTV, held, "incident", "INC-3",
                List.of("call-recording")))).isInstanceOf(Restraints.HoldKindNotAllowedException.class);

        // and over HTTP: 403 problem+json naming the kind
        String cctvKey = keys.create("management", List.of("camera-surveillance"), "cctv").plaintext();
        var refused = http.post("/api/v1/subjects/" + held + "/holds", cctvKey,
                "{\"kind\": \"complaint\", \"reason\": \"CMP-1\", \"categories\": [\"camera-footage\"]}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(refused.body()).contains("\"kind\":\"complaint\"").contains("applications: true");
        assertThat(http.post("/api/v1/subjects/" + held + "/holds", cctvKey,
                "{\"kind\": \"incident\", \"reason\": \"INC-4\", \"categories\": [\"camera-footage\"]}").statusCode())
                .as("declared with applications: true").isEqualTo(201);
        restraints.release(STAFF, restraints.holds(held).getFirst().id());

        HoldRecord hold = restraints.hold(STAFF, held, "complaint", "CMP-2", List.of("camera-footage"));
        restraints.hold(STAFF, other, "complaint", "CMP-3", List.of("call-recording"));
        assertThat(hold.categories()).containsExactly("camera-footage");
        Instant yearOn = t0.atZone(ZoneId.of("Europe/Amsterdam")).plusYears(1).toInstant();
        assertThat(dueAt(heldFootage)).as("the complaint maximum declared under holds:")
                .isCloseTo(yearOn, within(1, ChronoUnit.MILLIS));
        assertThat(dueAt(otherFootage)).as("a hold on call recordings keeps footage nothing longer")
                .isCloseTo(t0.plus(Duration.ofDays(7)), within(1, ChronoUnit.MILLIS));

        // the forecast: of the two, only the other visitor's footage falls due within 30 days
        RetentionForecast.Forecast after = forecast.forecast(30);
        assertThat(after.items() - before.items()).isEqualTo(1);

        // day 8, before a sweep: the decision agrees with the dates
        clock.advance(Duration.between(clock.instant(), t0.plus(Duration.ofDays(8))));
        assertThat(denyCodes(held, "management", "camera-surveillance", "camera-footage")).isEmpty();
        assertThat(denyCodes(other, "management", "camera-surveillance", "camera-footage")).containsExactly("retention-over");
        sweeper.sweep(false);
        assertThat(exists(heldFootage)).isTrue();
        assertThat(exists(otherFootage)).isFalse();

        restraints.release(STAFF, hold.id());
        assertThat(dueAt(heldFootage)).isCloseTo(t0.plus(Duration.ofDays(7)), within(1, ChronoUnit.MILLIS));
        sweeper.sweep(false);
        assertThat(exists(heldFootage)).as("released: day seven is back, and past").isFalse();
    }

    /** Customer data kept while the contract runs has no date: the forecast counts it, naming the event it waits for. */
    @Test
    void theForecastCountsWhatIsKeptUntilTheContractEnds() {
        UUID customer = subject("customer");
        start();
        long waiting = undated(forecast.forecast(30), "name", "customers-contract");
        store(CRM, customer, "name", "customer-contract", "crm");
        RetentionForecast.Forecast f = forecast.forecast(30);
        assertThat(undated(f, "name", "customers-contract")).isEqualTo(waiting + 1);
        assertThat(f.undated()).anySatisfy(u -> {
            assertThat(u.category()).isEqualTo("name");
            assertThat(u.rule()).isEqualTo("customers-contract");
            assertThat(u.reason()).isEqualTo(RetentionForecast.UndatedReason.START_EVENT_PENDING);
            assertThat(u.startEvents()).containsExactly("contract-ended");
        });
        assertThat(f.undatedItems()).isEqualTo(f.undated().stream().mapToLong(RetentionForecast.Undated::items).sum());
        assertThat(http.get("/api/v1/retention/forecast?days=30", staffToken()).body())
                .contains("\"undated\"").contains("\"reason\":\"start-event-pending\"")
                .contains("\"startEvents\":[\"contract-ended\"]");

        vault.recordEvent(STAFF, customer, "contract-ended", clock.instant());
        assertThat(undated(forecast.forecast(30), "name", "customers-contract")).as("the contract ended: dated now")
                .isEqualTo(waiting);
    }

    private static long undated(RetentionForecast.Forecast f, String category, String rule) {
        return f.undated().stream().filter(u -> u.category().equals(category) && rule.equals(u.rule()))
                .mapToLong(RetentionForecast.Undated::items).sum();
    }

    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void aHoldPlacedWhileAnotherTransactionSharesTheSubjectsLockNeitherDeadlocksNorIsLost() throws Exception {
        UUID visitor = subject("facility-visitor");
        Instant t0 = start();
        UUID footage = store(CCTV, visitor, "camera-footage", "camera-surveillance", "cctv");
        java.util.concurrent.ExecutorService placing = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (java.sql.Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            // another transaction holds the share lock that storing items (or a hold's foreign key) takes
            try (var ps = other.prepareStatement("SELECT id FROM subject WHERE id = ? FOR KEY SHARE")) {
                ps.setObject(1, visitor);
                ps.executeQuery().close();
            }
            java.util.concurrent.Future<HoldRecord> hold = placing.submit(() -> restraints.hold(CCTV, visitor, "incident", "INC-9"));
            awaitLockWait();
            // now that transaction wants the subject alone, as a change of its history does: had the hold taken the
            // share lock first (through its foreign key) and then waited for the row, the two would deadlock here
            try (var ps = other.prepareStatement("SELECT id FROM subject WHERE id = ? FOR UPDATE")) {
                ps.setObject(1, visitor);
                ps.executeQuery().close();
            }
            other.commit();
            assertThat(hold.get(30, java.util.concurrent.TimeUnit.SECONDS).active()).isTrue();
        } finally {
            placing.shutdownNow();
        }
        assertThat(dueAt(footage)).as("the hold extends the footage's period")
                .isCloseTo(t0.plus(Duration.ofDays(28)), within(1, ChronoUnit.MILLIS));
    }

    /** Until some transaction waits for a lock (the hold's, for the subject's row); gives up after 30 s. */
    private void awaitLockWait() {
        long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (jdbc.queryForObject("SELECT count(*) FROM pg_locks WHERE NOT granted", Long.class) == 0) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("the hold never waited for the subject's row");
            }
            Thread.onSpinWait();
        }
    }
}
