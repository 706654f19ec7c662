package nl.waarborg.retention.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.UUID;
import nl.waarborg.access.Caller;
import nl.waarborg.policy.EndAction;
import nl.waarborg.vault.ExpiringItems;
import nl.waarborg.vault.NewItem;
import nl.waarborg.vault.Vault;
import nl.waarborg.web.ApiKeys;
import nl.waarborg.web.MutableClock;
import nl.waarborg.web.MutableClockConfiguration;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Anonymisation at expiry, the subject's advance refusal of a remainder (R2.6), attestation tasks of a manual
 * system and an item that narrows twice, on src/test/resources/policies/retention-edges.yaml: leads anonymised
 * after six months; a customer's name kept a year after the contract for the rental, three years for disputes
 * (rental and bookkeeping), seven for bookkeeping.
 */
@TestPropertySource(properties = {
        "waarborg.policy=src/test/resources/policies/retention-edges.yaml",
        "waarborg.data-dir=${waarborg.test.data-root}/retention-edges",
        "waarborg.retention.sweep-interval=PT0S",
        "waarborg.retention.batch=20"}) // several batches per sweep, of items and of shared schedules (2 per batch)
@Import(MutableClockConfiguration.class)
class RetentionEdgeCasesTest extends ServiceTestBase {

    private static final Caller STAFF = new Caller("test", "management", List.of(), true);
    private static final Caller SALES = new Caller("sales", "staff", List.of("quote"), false);

    @Autowired
    MutableClock clock;
    @Autowired
    Vault vault;
    @Autowired
    Sweeper sweeper;
    @Autowired
    AnonymisedStatistics statistics;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApiKeys keys;
    @Autowired
    AttestationTasks attestations;
    @Autowired
    RetentionForecast forecast;
    @Autowired
    nl.waarborg.policy.service.ActivePolicy policy;

    private UUID lead(String address) {
        UUID lead = vault.createSubjects(STAFF, List.of(new Vault.NewSubject(List.of(), List.of(), List.of("lead")))).getFirst();
        vault.addItems(SALES, List.of(
                new NewItem(lead, "name", "Lead " + lead, List.of("quote"), "subject", "vault", null),
                new NewItem(lead, "home-address", address, List.of("quote"), "subject", "vault", null)));
        return lead;
    }

    @Test
    void expiredLeadsLeaveOnlyGeneralisedCountsReleasedForGroupsOfAtLeastK() {
        String app = keys.create("staff", List.of("quote"), "vault").plaintext();
        Instant collected = clock.instant();
        List<UUID> utrecht = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            utrecht.add(lead("Dorpsstraat " + i + ", 3511 AB Utrecht"));
        }
        List<UUID> amsterdam = List.of(lead("Kalverstraat 2, 1012 AB Amsterdam"), lead("Kalverstraat 4, 1012 AB Amsterdam"));

        // R2.6: one Utrecht lead says in advance that nothing of them may remain, not even anonymised
        UUID refuser = utrecht.getFirst();
        String refusal = "/api/v1/subjects/" + refuser + "/anonymised-remainder-refusal";
        assertThat(http.post(refusal, null, "").statusCode()).as("no token").isEqualTo(401);
        assertThat(http.post(refusal, app, "").statusCode()).isEqualTo(204);
        assertThat(http.post(refusal, app, "").statusCode()).as("repeating it changes nothing").isEqualTo(204);

        long before = jdbc.queryForObject("SELECT coalesce(max(seq), 0) FROM audit_event", Long.class);
        clock.advance(Duration.ofDays(190)); // six months and more
        Sweeper.Report dry = sweeper.sweep(true);
        assertThat(dry.due()).as("the forecast already knows the refuser's items are deleted")
                .filteredOn(g -> g.category().equals("home-address"))
                .extracting(g -> g.action().term() + ":" + g.items())
                .containsExactlyInAnyOrder("anonymise:7", "delete:1");
        Map<EndAction, ExpiringItems.DueGroup> homeAddresses = dry.due().stream()
                .filter(g -> g.category().equals("home-address"))
                .collect(Collectors.toMap(ExpiringItems.DueGroup::action, g -> g));
        assertThat(homeAddresses.get(EndAction.ANONYMISE).first())
                .as("the refuser's item, stored first, is due first: the anonymise group's dates are of its own items")
                .isAfter(homeAddresses.get(EndAction.DELETE).first());
        RetentionForecast.Forecast candidate = forecast.forecast(0, policy.policy());
        assertThat(candidate.groups()).as("so does a forecast under a candidate policy")
                .filteredOn(g -> g.category().equals("home-address"))
                .extracting(g -> g.action().term() + ":" + g.items())
                .containsExactlyInAnyOrder("anonymise:7", "delete:1");
        Sweeper.Report report = sweeper.sweep(false);
        assertThat(report.deleted()).isEqualTo(16);
        assertThat(report.anonymised()).as("7 leads x 2 items; the refuser's 2 are deleted").isEqualTo(14);
        List<UUID> all = new ArrayList<>(utrecht);
        all.addAll(amsterdam);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM item WHERE subject_id = ANY (?)", Long.class,
                (Object) all.toArray(UUID[]::new))).isZero();

        YearMonth month = YearMonth.from(collected.atZone(ZoneId.of("Europe/Amsterdam")));
        AnonymisedStatistics.Release release = statistics.release();
        assertThat(release.k()).isEqualTo(5);
        assertThat(release.groups()).contains(
                new AnonymisedStatistics.Released("leads", "home-address", month, "postcode-area", "35", 5),
                new AnonymisedStatistics.Released("leads", "home-address", month, "item", "-", 7),
                new AnonymisedStatistics.Released("leads", "name", month, "item", "-", 7));
        assertThat(release.groups()).as("two Amsterdam leads are too few to show")
                .noneMatch(g -> g.attribute().equals("postcode-area") && g.value().equals("10"));
        assertThat(release.suppressedGroups()).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT value FROM retention_statistic", String.class))
                .noneMatch(v -> v.contains("straat") || v.contains("Lead") || v.contains("AB"));
        assertThat(jdbc.queryForList("SELECT column_name FROM information_schema.columns WHERE table_name = "
                + "'retention_statistic' ORDER BY ordinal_position", String.class))
                .as("no link to a subject or item").containsExactly("rule", "category", "month", "attribute", "value", "members");

        List<String> reasons = jdbc.queryForList("SELECT r FROM audit_event, unnest(reasons) r "
                + "WHERE seq > ? AND action = 'retention-erased'", String.class, before);
        assertThat(reasons).contains("anonymise:home-address:leads:7", "anonymise:name:leads:7",
                "delete:home-address:leads:1", "delete:name:leads:1", "items:16");

        HttpResponse<String> released = http.get("/api/v1/retention/statistics", staffToken());
        assertThat(released.statusCode()).isEqualTo(200);
        assertThat(released.body()).contains("\"postcode-area\"").contains("\"35\"").doesNotContain("\"10\"");
        assertThat(http.get("/api/v1/retention/statistics", app).statusCode()).as("an application").isEqualTo(403);
    }

    @Test
    void aRefusalForAnUnknownSubjectIsANotFoundProblem() {
        String app = keys.create("staff", List.of("quote"), "vault").plaintext();
        HttpResponse<String> unknown = http.post("/api/v1/subjects/" + UUID.randomUUID() + "/anonymised-remainder-refusal", app, "");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
    }

    @Test
    void theOwnerOfAManualSystemConfirmsEachAttestationOnceAndLateOnesShowOverdue() {
        sweeper.sweep(false); // plans the tasks around now
        HttpResponse<String> listed = http.get("/api/v1/retention/attestations?open=true", staffToken());
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"system\":\"cctv\"");
        List<AttestationTasks.Task> open = attestations.list(true);
        assertThat(open).isNotEmpty().allSatisfy(t -> {
            assertThat(t.system()).isEqualTo("cctv");
            assertThat(t.owner()).isEqualTo("Facility manager");
            assertThat(t.text()).contains("video-footage").contains("older than P7D").contains("cctv");
        });
        AttestationTasks.Task first = open.getFirst();
        String confirm = "/api/v1/retention/attestations/" + first.id() + "/confirm";
        String app = keys.create("staff", List.of("quote"), "vault").plaintext();
        assertThat(http.post(confirm, null, "").statusCode()).as("no token").isEqualTo(401);
        assertThat(http.post(confirm, app, "").statusCode()).as("an application").isEqualTo(403);

        // the owner is late: the task is overdue once its day has passed, and says so when confirmed
        Duration untilLate = Duration.between(clock.instant(), first.dueAt().plus(Duration.ofHours(1)));
        if (untilLate.isPositive()) {
            clock.advance(untilLate);
        }
        assertThat(attestations.find(first.id())).hasValueSatisfying(t -> assertThat(t.overdue()).isTrue());
        HttpResponse<String> confirmed = http.post(confirm, staffToken(), "");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.body()).contains("\"confirmedBy\"").contains("\"overdue\":false");
        assertThat(http.post(confirm, staffToken(), "").statusCode()).as("confirmed once").isEqualTo(409);
        assertThat(http.post("/api/v1/retention/attestations/999999/confirm", staffToken(), "").statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForList("SELECT r FROM audit_event, unnest(reasons) r WHERE action = 'attestation-confirmed'",
                String.class)).contains("task:" + first.id(), "overdue");
    }

    @Test
    void aNameNarrowsToDisputesAndBookkeepingThenToBookkeepingAlone() {
        Caller office = new Caller("office", "staff", List.of("rental", "bookkeeping"), false);
        UUID customer = vault.createSubjects(STAFF, List.of(new Vault.NewSubject(List.of(), List.of(), List.of("customer"))))
                .getFirst();
        vault.addItems(office, List.of(new NewItem(customer, "name", "Ann", List.of("rental", "bookkeeping"), "subject",
                "vault", null)));
        vault.recordEvent(office, customer, "contract-ended", null);

        clock.advance(Duration.ofDays(400)); // the rental year is over: disputes and bookkeeping remain
        sweeper.sweep(false);
        assertThat(vault.read(office, customer, "rental", null).items()).as("disputes may still use it for the rental").hasSize(1);

        clock.advance(Duration.ofDays(800)); // three years: the disputes rule is over too
        assertThat(sweeper.sweep(false).subjectsNarrowed()).as("one subject, counted once").isEqualTo(1);
        Vault.ItemsForPurpose rental = vault.read(office, customer, "rental", null);
        assertThat(rental.items()).isEmpty();
        assertThat(rental.withheld()).singleElement()
                .satisfies(w -> assertThat(w.reasons()).extracting(Vault.Reason::code).contains("legal-obligation-only"));
        assertThat(vault.read(office, customer, "bookkeeping", null).items()).extracting(i -> i.value()).containsExactly("Ann");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM item LEFT JOIN shared_schedule s "
                + "ON s.id = item.shared_schedule WHERE item.subject_id = ? AND coalesce(s.renarrow_at, item.renarrow_at) "
                + "IS NOT NULL", Long.class, customer)).as("no step left").isZero();
    }

    private static final Caller OFFICE = new Caller("office", "staff", List.of("rental", "bookkeeping"), false);

    private UUID customer() {
        return vault.createSubjects(STAFF, List.of(new Vault.NewSubject(List.of(), List.of(), List.of("customer"))))
                .getFirst();
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    /** The physical versions of the subject's item rows: a row written again gets a new one. */
    private List<String> itemRowVersions(UUID subject) {
        return jdbc.queryForList("SELECT ctid::text || '/' || xmin::text FROM item WHERE subject_id = ? ORDER BY id",
                String.class, subject);
    }

    @Test
    void aCustomersItemsShareOneScheduleThatALifecycleEventRewritesWithoutWritingTheItems() {
        UUID customer = customer();
        List<NewItem> stored = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            stored.add(new NewItem(customer, "email", "ann" + i + "@example.org", List.of("rental"), "subject", "vault", null));
        }
        stored.add(new NewItem(customer, "name", "Ann", List.of("rental", "bookkeeping"), "subject", "vault", null));
        stored.add(new NewItem(customer, "name", "Ann B.", List.of("rental", "bookkeeping"), "subject", "vault", null));
        vault.addItems(OFFICE, stored);
        assertThat(count("SELECT count(*) FROM shared_schedule WHERE subject_id = ?", customer))
                .as("one per category and purposes").isEqualTo(2);
        // R2.6 on a shared schedule: a customer who refused any anonymised remainder
        UUID refuser = customer();
        vault.refuseAnonymisedRemainder(STAFF, refuser);
        vault.addItems(OFFICE, List.of(
                new NewItem(refuser, "email", "bo@example.org", List.of("rental"), "subject", "vault", null),
                new NewItem(refuser, "email", "bo2@example.org", List.of("rental"), "subject", "vault", null)));
        assertThat(count("SELECT count(*) FROM item WHERE subject_id = ? AND (shared_schedule IS NULL "
                + "OR due_at IS NOT NULL OR scheduled_under IS NOT NULL)", customer)).as("no item keeps its own").isZero();
        List<String> rows = itemRowVersions(customer);

        Instant ended = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        vault.recordEvent(OFFICE, customer, "contract-ended", ended);
        vault.recordEvent(OFFICE, refuser, "contract-ended", ended);
        assertThat(itemRowVersions(customer)).as("the event wrote no item row").isEqualTo(rows);
        ZoneId zone = ZoneId.of("Europe/Amsterdam");
        Instant emailsDue = ended.atZone(zone).plusYears(1).toInstant();
        assertThat(jdbc.queryForObject("SELECT due_at FROM shared_schedule WHERE subject_id = ? AND category = 'email'",
                java.sql.Timestamp.class, customer).toInstant()).isEqualTo(emailsDue);
        assertThat(jdbc.queryForObject("SELECT due_at FROM shared_schedule WHERE subject_id = ? AND category = 'name'",
                java.sql.Timestamp.class, customer).toInstant()).as("fiscal: seven years")
                .isEqualTo(ended.atZone(zone).plusYears(7).toInstant());
        assertThat(forecast.forecast(400).groups()).as("the forecast counts the items of a shared schedule")
                .filteredOn(g -> g.category().equals("email"))
                .extracting(g -> g.rule() + ":" + g.system() + ":" + g.action().term() + ":" + g.items() + ":" + g.first())
                .containsExactlyInAnyOrder("customers:vault:anonymise:3:" + emailsDue,
                        "customers:vault:delete:2:" + emailsDue);

        long before = jdbc.queryForObject("SELECT coalesce(max(seq), 0) FROM audit_event", Long.class);
        clock.advance(Duration.between(clock.instant(), emailsDue).plusSeconds(1));
        sweeper.sweep(false);
        assertThat(count("SELECT count(*) FROM item WHERE subject_id = ? AND category = 'email'", customer)).isZero();
        assertThat(count("SELECT count(*) FROM item WHERE subject_id = ? AND category = 'name'", customer)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM shared_schedule WHERE subject_id = ?", customer))
                .as("the swept schedule went with its items").isEqualTo(1);
        assertThat(count("SELECT coalesce(sum(members), 0) FROM retention_statistic WHERE rule = 'customers' "
                + "AND category = 'email' AND attribute = 'item'")).as("anonymised, not only deleted").isEqualTo(3);
        assertThat(count("SELECT count(*) FROM item WHERE subject_id = ?", refuser)).isZero();
        assertThat(jdbc.queryForList("SELECT r FROM audit_event, unnest(reasons) r WHERE action = 'retention-erased' "
                + "AND seq > ? AND r LIKE '%:email:%'", String.class, before))
                .as("batches of two schedules: the refuser's two e-mails deleted, the others anonymised")
                .containsExactlyInAnyOrder("anonymise:email:customers:3", "delete:email:customers:2");

        assertThat(vault.erase(STAFF, customer)).isTrue();
        assertThat(count("SELECT count(*) FROM shared_schedule WHERE subject_id = ?", customer))
                .as("erasing the subject takes its shared schedules").isZero();
        vault.erase(STAFF, refuser); // the other tests count what their sweeps narrow
    }

    @Test
    void itemsMoveBetweenTheirOwnAndASharedScheduleWhenTheRulesGoverningThemChange() {
        // a lead's items run six months from their collection: each its own schedule
        UUID lead = lead("Dorpsstraat 1, 3511 AB Utrecht");
        vault.addItems(SALES, List.of(new NewItem(lead, "name", "Lead B " + lead, List.of("quote"), "subject", "vault", null)));
        assertThat(count("SELECT count(*) FROM item WHERE subject_id = ? AND shared_schedule IS NULL AND due_at IS NOT NULL",
                lead)).isEqualTo(3);
        vault.join(STAFF, lead, "customer", null);
        // the customers rule supersedes the leads rule: a year after the contract ends, the same for all three;
        // the two names share a row, the single home address keeps its own
        assertThat(count("SELECT count(*) FROM item WHERE subject_id = ? AND category = 'name' "
                + "AND shared_schedule IS NOT NULL AND due_at IS NULL AND scheduled_under IS NULL", lead)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM shared_schedule WHERE subject_id = ? AND category = 'name' AND due_at IS NULL",
                lead)).as("kept while the contract runs").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM item WHERE subject_id = ? AND category = 'home-address' "
                + "AND shared_schedule IS NULL AND due_at IS NULL AND scheduled_under IS NOT NULL", lead)).isEqualTo(1);

        // a customer's invoices share the fiscal schedule until the customer becomes a debtor: then two years from
        // their collection govern them too, and each item's dates are its own again
        UUID customer = customer();
        List<UUID> invoices = vault.addItems(OFFICE, List.of(
                new NewItem(customer, "invoice", "INV-1", List.of("bookkeeping"), "subject", "vault", null),
                new NewItem(customer, "invoice", "INV-2", List.of("bookkeeping"), "subject", "vault", null)));
        assertThat(count("SELECT count(DISTINCT shared_schedule) FROM item WHERE id = ANY (?) AND shared_schedule IS NOT NULL",
                (Object) invoices.toArray(UUID[]::new))).isEqualTo(1);
        vault.join(STAFF, customer, "debtor", null);
        assertThat(count("SELECT count(*) FROM item WHERE id = ANY (?) AND shared_schedule IS NULL AND due_at IS NULL "
                + "AND scheduled_under IS NOT NULL", (Object) invoices.toArray(UUID[]::new)))
                .as("their own schedules: kept while the contract runs").isEqualTo(2);
        assertThat(count("SELECT count(*) FROM shared_schedule WHERE subject_id = ?", customer))
                .as("the schedule no item shares any more is gone").isZero();

        Instant ended = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        vault.recordEvent(OFFICE, customer, "contract-ended", ended);
        assertThat(jdbc.queryForList("SELECT due_at FROM item WHERE id = ANY (?)", java.sql.Timestamp.class,
                (Object) invoices.toArray(UUID[]::new))).extracting(java.sql.Timestamp::toInstant)
                .as("seven years after the contract outlast two from collection")
                .containsOnly(ended.atZone(ZoneId.of("Europe/Amsterdam")).plusYears(7).toInstant());
        vault.erase(STAFF, lead); // the other tests count what their sweeps narrow
        vault.erase(STAFF, customer);
    }
}
