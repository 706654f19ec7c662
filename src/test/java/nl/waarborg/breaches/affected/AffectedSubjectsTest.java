package nl.waarborg.breaches.affected;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.waarborg.access.Caller;
import nl.waarborg.database.DatabaseProperties;
import nl.waarborg.demo.DemoCrm;
import nl.waarborg.input.InvalidInputException;
import nl.waarborg.systems.Secrets;
import nl.waarborg.vault.NewItem;
import nl.waarborg.vault.Vault;
import nl.waarborg.web.MutableClock;
import nl.waarborg.web.MutableClockConfiguration;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Who a breach affects, against a real vault and the self-storage example's CRM (the demo's, a second embedded
 * PostgreSQL with fictional customers) as its jdbc system. Each test uses data categories of its own in the vault, so
 * the counts of one do not move another's. The loops that sweep and retry are off: nothing changes the CRM.
 */
@TestPropertySource(properties = {
        "waarborg.policy=examples/self-storage.yaml",
        "waarborg.data-dir=${waarborg.test.data-root}/breach-affected",
        "waarborg.retention.sweep-interval=PT0S",
        "waarborg.systems.retry-interval=0s",
        "waarborg.requests.fulfilment-interval=0s"})
@Import(MutableClockConfiguration.class)
class AffectedSubjectsTest extends ServiceTestBase {

    private static final Caller STAFF = new Caller("privacy-team", "management", List.of(), true);
    static final DemoCrm CRM;
    static final Path CRM_DIR;

    static {
        try {
            CRM_DIR = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "breach-crm");
            CRM = DemoCrm.start(CRM_DIR, new DatabaseProperties("32MB", 2, null, 0, Duration.ofSeconds(1), false).binaries(),
                    LocalDate.now(ZoneId.of("Europe/Amsterdam")));
        } catch (IOException | SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void crm(DynamicPropertyRegistry registry) {
        registry.add("waarborg.systems.settings-file", () -> DemoCrm.settingsFile(CRM_DIR).toString());
    }

    @AfterAll
    static void stop() {
        CRM.close();
    }

    @Autowired
    AffectedSubjects affected;
    @Autowired
    Vault vault;
    @Autowired
    MutableClock clock;

    @Test
    void theVaultCountsEverySubjectHoldingAnItemOfTheCategoriesOnce() {
        UUID birth = subject("birth-date");
        UUID both = subject("birth-date", "id-document");
        subject("id-document");
        subject("billing-address");

        assertThat(affected.count(scope(Set.of("birth-date"), Set.of("vault"), null, null, Set.of())))
                .isEqualTo(new Affected(2, Map.of("vault", 2L), List.of()));
        assertThat(affected.count(scope(Set.of("birth-date", "id-document"), Set.of("vault"), null, null, Set.of())).count())
                .isEqualTo(3);
        assertThat(affected.vaultSubjects(scope(Set.of("birth-date"), Set.of("vault"), null, null, Set.of()), 10, null))
                .containsExactlyInAnyOrder(birth, both);
        // without the vault among the systems, and without accounts, nobody of Waarborg's is affected
        assertThat(affected.count(scope(Set.of("birth-date"), Set.of(), null, null, Set.of())))
                .isEqualTo(new Affected(0, Map.of(), List.of()));
    }

    @Test
    void anItemCollectedAfterTheWindowEndedWasNotInTheBreach() {
        subject("payment-details");
        Instant until = clock.advance(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        subject("payment-details");

        assertThat(affected.count(scope(Set.of("payment-details"), Set.of("vault"), null, until, Set.of())).count())
                .isEqualTo(1);
        assertThat(affected.count(scope(Set.of("payment-details"), Set.of("vault"), null, null, Set.of())).count())
                .isEqualTo(2);
    }

    @Test
    void theAuditLogCountsTheSubjectsWhoseItemsTheAccountsReadInTheWindow() {
        Caller account = reader("breach-account-" + UUID.randomUUID().toString().substring(0, 8));
        Caller other = reader("other-account-" + UUID.randomUUID().toString().substring(0, 8));
        UUID before = subject("email", "phone");
        UUID inside = subject("email", "phone");
        UUID byOther = subject("email", "phone");
        UUID phoneOnly = subject("email", "phone");
        UUID after = subject("email", "phone");

        vault.read(account, before, "customer-contract", List.of("email"));
        Instant from = clock.advance(Duration.ofMinutes(1));
        vault.read(account, inside, "customer-contract", List.of("email"));
        vault.read(other, byOther, "customer-contract", List.of("email"));
        vault.read(account, phoneOnly, "customer-contract", List.of("phone")); // read, but not the breached category
        Instant until = clock.advance(Duration.ofMinutes(1));
        vault.read(account, after, "customer-contract", List.of("email")); // the window ends before it

        assertThat(affected.count(scope(Set.of("email"), Set.of(), from, until, Set.of(account.actor()))))
                .isEqualTo(new Affected(1, Map.of("audit", 1L), List.of()));
        assertThat(affected.vaultSubjects(scope(Set.of("email"), Set.of(), from, until, Set.of(account.actor())), 10, null))
                .containsExactly(inside);
        assertThat(affected.vaultSubjects(scope(Set.of("email"), Set.of(), from, until,
                Set.of(account.actor(), other.actor())), 10, null)).containsExactlyInAnyOrder(inside, byOther);
        assertThat(affected.vaultSubjects(scope(Set.of("email", "phone"), Set.of(), from, until,
                Set.of(account.actor())), 10, null)).containsExactlyInAnyOrder(inside, phoneOnly);
        // open on both sides: every read by the account
        assertThat(affected.count(scope(Set.of("email"), Set.of(), null, null, Set.of(account.actor()))).count())
                .isEqualTo(3);
        // no accounts: the audit log is not asked
        assertThat(affected.count(scope(Set.of("email"), Set.of(), from, until, Set.of())).bySource()).isEmpty();
    }

    @Test
    void aJdbcSystemCountsTheRowsOfItsRootTableThatHoldTheCategoriesThemselvesOrBelow() {
        long phones = crmLong("SELECT COUNT(*) FROM customers WHERE phone IS NOT NULL");
        long callers = crmLong("SELECT COUNT(DISTINCT customer_id) FROM call_logs");
        long either = crmLong("SELECT COUNT(*) FROM customers c WHERE c.phone IS NOT NULL "
                + "OR EXISTS (SELECT 1 FROM call_logs l WHERE l.customer_id = c.id)");
        assertThat(phones).isPositive();
        assertThat(callers).isPositive();
        assertThat(either).isLessThan(phones + callers); // the union is counted once per customer

        assertThat(affected.count(scope(Set.of("phone"), Set.of("crm"), null, null, Set.of())))
                .isEqualTo(new Affected(phones, Map.of("crm", phones), List.of()));
        assertThat(affected.count(scope(Set.of("call-metadata"), Set.of("crm"), null, null, Set.of())).count())
                .isEqualTo(callers);
        assertThat(affected.count(scope(Set.of("phone", "call-metadata"), Set.of("crm"), null, null, Set.of())).count())
                .isEqualTo(either);
        // a category the system does not hold
        assertThat(affected.count(scope(Set.of("camera-footage"), Set.of("crm"), null, null, Set.of())).bySource())
                .isEqualTo(Map.of("crm", 0L));
    }

    @Test
    void webhookAndManualSystemsAreNamedAsNotCountable() {
        Affected a = affected.count(scope(Set.of("visit-log", "rental-details"),
                Set.of("access-control", "cctv", "crm"), null, null, Set.of()));

        assertThat(a.causes()).containsExactly("not-countable:access-control", "not-countable:cctv");
        assertThat(a.bySource()).containsOnlyKeys("crm");
        assertThat(a.count()).isEqualTo(crmLong("SELECT COUNT(DISTINCT customer_id) FROM rentals WHERE unit IS NOT NULL "
                + "OR location IS NOT NULL OR starts_on IS NOT NULL OR ends_on IS NOT NULL"));
    }

    @Test
    void aSystemThePolicyDoesNotDeclareIsRefused() {
        assertThatThrownBy(() -> affected.count(scope(Set.of("email"), Set.of("crm", "no-such-system"), null, null,
                Set.of()))).isInstanceOf(InvalidInputException.class).hasMessageContaining("no-such-system");
        assertThatThrownBy(() -> scope(Set.of(), Set.of("vault"), null, null, Set.of()))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> affected.vaultSubjects(scope(Set.of("email"), Set.of("vault"), null, null, Set.of()),
                0, null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theVaultsAndTheAuditLogsSubjectsComeInPagesEachOnce() {
        Caller account = reader("paging-account-" + UUID.randomUUID().toString().substring(0, 8));
        List<UUID> holders = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            holders.add(subject("company-details"));
        }
        for (UUID s : holders.subList(0, 3)) {
            vault.read(account, s, "customer-contract", List.of("company-details"));
        }
        UUID erased = subject("company-details"); // read, then erased: the vault no longer has it, the audit log does
        vault.read(account, erased, "customer-contract", List.of("company-details"));
        vault.erase(STAFF, erased);
        Scope scope = scope(Set.of("company-details"), Set.of("vault"), null, null, Set.of(account.actor()));

        Affected a = affected.count(scope);
        assertThat(a.bySource()).isEqualTo(Map.of("vault", 7L, "audit", 4L));
        assertThat(a.count()).isEqualTo(8);

        List<UUID> walked = new ArrayList<>();
        UUID last = null;
        for (List<UUID> page = affected.vaultSubjects(scope, 3, null); !page.isEmpty();
             page = affected.vaultSubjects(scope, 3, last)) {
            assertThat(page.size()).isLessThanOrEqualTo(3);
            walked.addAll(page);
            last = page.getLast();
        }
        List<UUID> expected = new ArrayList<>(holders);
        expected.add(erased);
        expected.sort(AffectedSubjects.DATABASE_ORDER);
        assertThat(walked).containsExactlyElementsOf(expected);
    }

    @Test
    void theMergeOrdersIdsAsTheDatabaseDoes() {
        // signed comparison would put 8000… before 0000…; PostgreSQL compares bytes unsigned
        UUID high = UUID.fromString("80000000-0000-0000-0000-000000000000");
        UUID low = UUID.fromString("00000000-0000-0000-0000-000000000001");
        assertThat(AffectedSubjects.DATABASE_ORDER.compare(low, high)).isNegative();
        assertThat(low.compareTo(high)).isPositive();
    }

    // ---- helpers ----

    private static Scope scope(Set<String> categories, Set<String> systems, Instant from, Instant until,
                               Set<String> accounts) {
        return new Scope(categories, systems, from, until, accounts);
    }

    private static Caller reader(String actor) {
        return new Caller(actor, "customer-service", List.of("customer-contract"), false);
    }

    /** A customer in the vault with one item of each category. */
    private UUID subject(String... categories) {
        UUID s = vault.createSubjects(STAFF, List.of(new Vault.NewSubject(List.of(), List.of(), List.of("customer"))))
                .getFirst();
        List<NewItem> items = new ArrayList<>();
        for (String c : categories) {
            items.add(new NewItem(s, c, value(c), List.of("customer-contract"), "from-subject", "vault", null));
        }
        try {
            vault.addItems(reader("crm"), items);
        } catch (Vault.ItemsRefusedException e) {
            throw new AssertionError(e.refusals().toString(), e);
        }
        return s;
    }

    private static String value(String category) {
        return switch (category) {
            case "email" -> "someone@example.nl";
            case "phone" -> "+31612345678";
            case "birth-date" -> "1980-01-01";
            default -> "a value";
        };
    }

    private static long crmLong(String sql) {
        Map<String, String> s = Secrets.overlay(Map.of(), DemoCrm.settingsFile(CRM_DIR));
        try (Connection c = DriverManager.getConnection(s.get("CRM_JDBC_URL"), s.get("CRM_DB_USER"), s.get("CRM_DB_PASSWORD"));
             Statement st = c.createStatement(); ResultSet r = st.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
