package nl.waarborg.retention.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import nl.waarborg.access.Action;
import nl.waarborg.access.Caller;
import nl.waarborg.access.Decision;
import nl.waarborg.access.DecisionEngine;
import nl.waarborg.access.DecisionRequest;
import nl.waarborg.access.DenyReason;
import nl.waarborg.access.service.SubjectStates;
import nl.waarborg.consent.Consents;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.vault.ExpiringItems.DueGroup;
import nl.waarborg.vault.NewItem;
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
 * "Rejected applicants are deleted four weeks after the procedure; with your consent we keep your CV for up to two
 * years for future vacancies" (issue 13), end to end on the self-storage example with a moving clock: the CV stored
 * through the vault, consent given and withdrawn through {@link Consents}, the forecast on the stored due dates, the
 * real sweep and the decision. Shares its service (and clock) with {@link SelfStorageRetentionTest}.
 */
@TestPropertySource(properties = {
        "waarborg.policy=examples/self-storage.yaml",
        "waarborg.data-dir=${waarborg.test.data-root}/retention",
        "waarborg.retention.sweep-interval=PT0S"}) // the tests sweep themselves
@Import(MutableClockConfiguration.class)
class TalentPoolRetentionTest extends ServiceTestBase {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Caller STAFF = new Caller("test", "management", List.of(), true);
    private static final Caller HR = new Caller("hr", "hr", List.of("recruitment", "talent-pool"), false);

    @Autowired
    MutableClock clock;
    @Autowired
    Vault vault;
    @Autowired
    Consents consents;
    @Autowired
    Sweeper sweeper;
    @Autowired
    RetentionForecast forecast;
    @Autowired
    SubjectStates states;
    @Autowired
    ActivePolicy policy;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    nl.waarborg.access.service.Restraints restraints;
    @Autowired
    RetentionUpkeep upkeep;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    private UUID applicant() {
        return vault.createSubjects(STAFF, List.of(new Vault.NewSubject(List.of(), List.of(), List.of("applicant")))).getFirst();
    }

    private UUID storeCv(UUID subject, String... purposes) {
        return vault.addItems(HR, List.of(new NewItem(subject, "cv", "cv.pdf", List.of(purposes), "from-subject", "vault",
                null))).getFirst();
    }

    private void consent(UUID subject) {
        consents.give(HR, subject, new Consents.NewConsent("talent-pool", "2026-03", "nl", "web-form", null));
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
        return clock.advance(Duration.between(now, now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1)));
    }

    private void advanceTo(Instant at) {
        Duration by = Duration.between(clock.instant(), at);
        if (!by.isNegative()) {
            clock.advance(by);
        }
    }

    private Decision decide(UUID subject, String purpose) {
        return DecisionEngine.decide(policy.compiled(), states.state(subject, policy.compiled()),
                DecisionRequest.of("hr", purpose, Action.READ, "cv"));
    }

    /** Overdue CVs the forecast counts under the applicants' four weeks. */
    private long overdueCvs() {
        return forecast.forecast(30).groups().stream()
                .filter(g -> g.category().equals("cv") && "applicants".equals(g.rule()))
                .mapToLong(DueGroup::overdue).sum();
    }

    @Test
    void withConsentTheCvOutlivesTheFourWeeksForTheTalentPoolOnlyAndWithdrawalMakesItDueAtOnce() {
        UUID subject = applicant();
        Instant t0 = start();
        consent(subject);
        UUID cv = storeCv(subject, "recruitment", "talent-pool");
        Instant fourWeeks = t0.atZone(AMSTERDAM).plusWeeks(4).toInstant();
        assertThat(dueAt(cv)).isCloseTo(t0.atZone(AMSTERDAM).plusYears(2).toInstant(), within(1, ChronoUnit.SECONDS));

        advanceTo(fourWeeks.plus(Duration.ofDays(14)));
        sweeper.sweep(false);
        assertThat(exists(cv)).as("consent keeps it beyond the four weeks").isTrue();
        // beyond the four weeks only the talent pool may read it
        Vault.ItemsForPurpose pool = vault.read(HR, subject, "talent-pool", List.of("cv"));
        assertThat(pool.items()).extracting(i -> i.id()).containsExactly(cv);
        Vault.ItemsForPurpose recruitment = vault.read(HR, subject, "recruitment", List.of("cv"));
        assertThat(recruitment.items()).isEmpty();
        assertThat(recruitment.withheld()).flatExtracting(Vault.Withheld::reasons).extracting(Vault.Reason::code)
                .contains(DenyReason.LEGAL_OBLIGATION_ONLY.code());
        assertThat(decide(subject, "talent-pool")).isSameAs(Decision.ALLOW);
        assertThat(decide(subject, "recruitment").reasons()).containsExactly(DenyReason.LEGAL_OBLIGATION_ONLY);

        long overdueBefore = overdueCvs();
        consents.withdraw(HR, subject, "talent-pool", "web-form");
        // the four weeks decide alone now, and they have passed: due at once
        assertThat(dueAt(cv)).isCloseTo(fourWeeks, within(1, ChronoUnit.SECONDS));
        assertThat(overdueCvs()).as("the forecast counts it among the overdue").isEqualTo(overdueBefore + 1);
        assertThat(decide(subject, "recruitment").reasons()).containsExactly(DenyReason.RETENTION_OVER);
        assertThat(decide(subject, "talent-pool").reasons()).contains(DenyReason.CONSENT_WITHDRAWN);

        sweeper.sweep(false);
        assertThat(exists(cv)).as("the next sweep deletes it").isFalse();
        assertThat(overdueCvs()).isEqualTo(overdueBefore);
        assertThat(decide(subject, "talent-pool").reasons()).contains(DenyReason.CONSENT_WITHDRAWN);
    }

    @Test
    void withoutConsentTheCvGoesAfterFourWeeks() {
        UUID subject = applicant();
        Instant t0 = start();
        UUID cv = storeCv(subject, "recruitment");
        Instant fourWeeks = t0.atZone(AMSTERDAM).plusWeeks(4).toInstant();
        assertThat(dueAt(cv)).isCloseTo(fourWeeks, within(1, ChronoUnit.SECONDS));

        advanceTo(fourWeeks.minusSeconds(1));
        sweeper.sweep(false);
        assertThat(exists(cv)).isTrue();
        advanceTo(fourWeeks);
        sweeper.sweep(false);
        assertThat(exists(cv)).isFalse();
    }

    @Test
    void aConsentGivenForAYearKeepsTheCvUntilItLapsesWithoutWaitingForTheExpiryToBeRecorded() {
        UUID subject = applicant();
        Instant t0 = start();
        Instant lapses = t0.atZone(AMSTERDAM).plusYears(1).toInstant();
        consents.give(HR, subject, new Consents.NewConsent("talent-pool", "2026-03", "en", "app", lapses));
        UUID cv = storeCv(subject, "recruitment", "talent-pool");
        assertThat(dueAt(cv)).as("the consent's end ends the rule").isCloseTo(lapses, within(1, ChronoUnit.SECONDS));

        advanceTo(lapses.minusSeconds(1));
        sweeper.sweep(false);
        assertThat(exists(cv)).isTrue();
        advanceTo(lapses); // whether the expiry sweep has recorded it yet or not: the stored date was right already
        sweeper.sweep(false);
        assertThat(exists(cv)).isFalse();
    }

    @Test
    void consentChangesHoldsAndNewItemsOfOneSubjectAtOnceNeitherDeadlockNorLeaveAStaleSchedule() throws Exception {
        List<UUID> subjects = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UUID s = applicant();
            subjects.add(s);
            consent(s);
            storeCv(s, "recruitment", "talent-pool");
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> work = new java.util.ArrayList<>();
            for (UUID s : subjects) {
                // two consents of one subject at once: each locks the subject before its record's foreign key would
                // take a shared lock on it, which two could not both upgrade
                work.add(pool.submit(() -> consent(s)));
                work.add(pool.submit(() -> consent(s)));
                work.add(pool.submit(() -> {
                    storeCv(s, "recruitment");
                    storeCv(s, "recruitment");
                }));
                work.add(pool.submit(() -> restraints.release(STAFF, restraints.hold(STAFF, s, "incident", "INC-9").id())));
            }
            for (java.util.concurrent.Future<?> f : work) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS); // a deadlock would surface here as 40P01
            }
        } finally {
            pool.shutdownNow();
        }
        subjects.forEach(s -> consents.withdraw(HR, s, "talent-pool", "email"));
        // what is stored is what the facts give now: recomputing moves nothing
        Integer moved = tx.execute(st -> upkeep.recomputeMoved(subjects, clock.instant()));
        assertThat(moved).isZero();
    }

    @Test
    void consentGivenWithinTheFourWeeksKeepsAStoredCvAndWithdrawalWithinThemRestoresThem() {
        UUID subject = applicant();
        Instant t0 = start();
        consent(subject);
        UUID cv = storeCv(subject, "recruitment", "talent-pool");
        Instant fourWeeks = t0.atZone(AMSTERDAM).plusWeeks(4).toInstant();
        clock.advance(Duration.ofDays(3));
        consents.withdraw(HR, subject, "talent-pool", "email");
        assertThat(dueAt(cv)).isCloseTo(fourWeeks, within(1, ChronoUnit.SECONDS));

        clock.advance(Duration.ofDays(3));
        consent(subject); // given again: the two years count from collection, as before
        assertThat(dueAt(cv)).isCloseTo(t0.atZone(AMSTERDAM).plusYears(2).toInstant(), within(1, ChronoUnit.SECONDS));
    }

    @Autowired
    VaultLinkedSubjects linked;

    @Test
    void aSystemsSweepLearnsWhichLinkValuesBelongToSubjectsWhoseConsentStandsAndForWhichPurpose() {
        UUID consenting = vault.createSubjects(STAFF, List.of(new Vault.NewSubject(
                List.of(new nl.waarborg.vault.Reference("hr", "A-1")), List.of(new nl.waarborg.vault.Identifier(
                nl.waarborg.vault.Identifier.Kind.EMAIL, "sam@example.org")), List.of("applicant")))).getFirst();
        UUID withdrawn = vault.createSubjects(STAFF, List.of(new Vault.NewSubject(
                List.of(new nl.waarborg.vault.Reference("hr", "A-2")), List.of(), List.of("applicant")))).getFirst();
        vault.createSubjects(STAFF, List.of(new Vault.NewSubject(
                List.of(new nl.waarborg.vault.Reference("hr", "A-3")), List.of(), List.of("applicant"))));
        consent(consenting);
        consent(withdrawn);
        consents.withdraw(HR, withdrawn, "talent-pool", "email");

        assertThat(linked.consenting(nl.waarborg.policy.LinkKind.REFERENCE, "hr", List.of("A-1", "A-2", "A-3", "A-4"),
                clock.instant())).isEqualTo(java.util.Map.of("A-1", java.util.Set.of("talent-pool")));
        // an e-mail address as the system spells it, matched through the vault's blind index
        assertThat(linked.consenting(nl.waarborg.policy.LinkKind.EMAIL, null, List.of(" Sam@Example.ORG "),
                clock.instant())).isEqualTo(java.util.Map.of(" Sam@Example.ORG ", java.util.Set.of("talent-pool")));
        assertThat(linked.consenting(nl.waarborg.policy.LinkKind.REFERENCE, "other", List.of("A-1"), clock.instant()))
                .as("another scheme").isEmpty();
    }

    @Test
    void anErasureOfASystemLearnsTheKindsOfTheHoldsOnTheSubjectsBehindLinkValues() {
        UUID claimed = vault.createSubjects(STAFF, List.of(new Vault.NewSubject(
                List.of(new nl.waarborg.vault.Reference("hr", "H-1")), List.of(), List.of("applicant")))).getFirst();
        UUID incident = vault.createSubjects(STAFF, List.of(new Vault.NewSubject(
                List.of(new nl.waarborg.vault.Reference("hr", "H-2")), List.of(), List.of("applicant")))).getFirst();
        vault.createSubjects(STAFF, List.of(new Vault.NewSubject(
                List.of(new nl.waarborg.vault.Reference("hr", "H-3")), List.of(), List.of("applicant"))));
        restraints.hold(STAFF, claimed, "legal-claim", "CASE-1");
        restraints.hold(STAFF, incident, "incident", "INC-1");

        assertThat(linked.holds(nl.waarborg.policy.LinkKind.REFERENCE, "hr", List.of("H-1", "H-2", "H-3", "H-4")))
                .isEqualTo(java.util.Map.of("H-1", java.util.Set.of(nl.waarborg.policy.HoldKind.LEGAL_CLAIM),
                        "H-2", java.util.Set.of(nl.waarborg.policy.HoldKind.INCIDENT)));
    }
}
