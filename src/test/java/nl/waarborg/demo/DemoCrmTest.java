package nl.waarborg.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.database.DatabaseProperties;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.PolicyLoader;
import nl.waarborg.systems.LinkedSubjects;
import nl.waarborg.systems.Secrets;
import nl.waarborg.systems.SweepRequest;
import nl.waarborg.systems.SystemConnector;
import nl.waarborg.systems.SystemResult;
import nl.waarborg.systems.jdbc.JdbcConnectorFactory;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's CRM ({@code waarborg serve --demo}) on a real second embedded PostgreSQL: filled once with the fictional
 * customers of {@link DemoCustomers}, reached with the settings the demo writes (through {@link Secrets#overlay}, as
 * {@code waarborg.systems.settings-file} does in the service), and swept at the demo's day under the self-storage
 * example's mapping: only the rows the policy makes due go. The tests run in order on one CRM: the sweep last.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class DemoCrmTest extends ServiceTestBase {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    /** The demo's clock: the day it was filled, at noon. */
    static final Instant NOW = TODAY.atTime(LocalTime.NOON).atZone(ZONE).toInstant();
    static final List<String> TABLES = List.of("customers", "rentals", "invoices", "call_logs");

    private static Path dir;
    private static DemoCrm crm;

    @Autowired
    AuditLog audit;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    nl.waarborg.systems.jdbc.SweepJournal journal;

    @BeforeAll
    static void startDemoCrm() throws Exception {
        dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "demo");
        Path binaries = new DatabaseProperties("32MB", 2, null, 0, Duration.ofSeconds(1), false).binaries();
        crm = DemoCrm.start(dir, binaries, TODAY);
    }

    @AfterAll
    static void stopDemoCrm() {
        if (crm != null) {
            crm.close();
        }
    }

    static Map<String, String> settings() {
        return Secrets.overlay(Map.of(), DemoCrm.settingsFile(dir));
    }

    static Connection connect() throws SQLException {
        Map<String, String> s = settings();
        return DriverManager.getConnection(s.get("CRM_JDBC_URL"), s.get("CRM_DB_USER"), s.get("CRM_DB_PASSWORD"));
    }

    static long count(String sql, Object... params) throws SQLException {
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i]);
            }
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    static Map<String, Long> counts() throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String t : TABLES) {
            out.put(t, count("SELECT count(*) FROM " + t));
        }
        return out;
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void theSettingsFileNamesTheExamplesVariablesAndOnlyItsOwnerMayReadIt() throws IOException {
        Path file = DemoCrm.settingsFile(dir);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(settings()).containsKeys("CRM_JDBC_URL", "CRM_DB_USER", "CRM_DB_PASSWORD");
        assertThat(settings().get("CRM_DB_PASSWORD")).hasSizeGreaterThanOrEqualTo(40); // random, per demo folder
        assertThat(settings().get("CRM_JDBC_URL")).startsWith("jdbc:postgresql:").contains(dir.getFileName().toString());
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void theCrmHoldsAFewThousandFictionalCustomersAtEveryStage() throws SQLException {
        assertThat(count("SELECT count(*) FROM customers")).isEqualTo(DemoCustomers.COUNT);
        for (DemoCustomers.Stage stage : DemoCustomers.Stage.values()) {
            long expected = java.util.stream.LongStream.rangeClosed(1, DemoCustomers.COUNT)
                    .filter(id -> DemoCustomers.stage(id) == stage).count();
            assertThat(expected).as(stage.name()).isGreaterThan(100);
        }
        // leads: no contract and no rental; running contracts and debtors: no end; the ended: an end
        assertThat(count("SELECT count(*) FROM customers c WHERE contract_end IS NULL AND EXISTS "
                + "(SELECT 1 FROM rentals r WHERE r.customer_id = c.id)")).isEqualTo(ids(DemoCustomers.Stage.RUNNING)
                + ids(DemoCustomers.Stage.DEBTOR));
        assertThat(count("SELECT count(*) FROM customers WHERE contract_end IS NOT NULL"))
                .isEqualTo(ids(DemoCustomers.Stage.ENDED_RECENTLY) + ids(DemoCustomers.Stage.ENDED_LONG_AGO)
                        + ids(DemoCustomers.Stage.COMPLAINT_CLOSED));
        assertThat(count("SELECT count(*) FROM customers WHERE complaint_closed_at > ?",
                Timestamp.from(NOW.minus(Duration.ofDays(730))))).isEqualTo(ids(DemoCustomers.Stage.COMPLAINT_CLOSED));
        assertThat(count("SELECT count(*) FROM invoices WHERE invoice_date > ?", java.sql.Date.valueOf(TODAY.minusDays(90))))
                .isGreaterThanOrEqualTo(3 * ids(DemoCustomers.Stage.DEBTOR));
        assertThat(count("SELECT count(*) FROM customers WHERE contract_end < ?", java.sql.Date.valueOf(TODAY.minusYears(7))))
                .isEqualTo(ids(DemoCustomers.Stage.ENDED_LONG_AGO) + ids(DemoCustomers.Stage.COMPLAINT_CLOSED));
        // fictional: example.nl addresses, IBANs with check digits 00, phone numbers of the unissued 06-00 range
        assertThat(count("SELECT count(*) FROM customers WHERE email NOT LIKE '%@example.nl' OR phone NOT LIKE '06-00%' "
                + "OR (iban IS NOT NULL AND iban NOT LIKE 'NL00DEMO%')")).isZero();
        for (String t : TABLES) {
            assertThat(count("SELECT count(*) FROM " + t)).as(t).isGreaterThan(1000);
        }
    }

    private static long ids(DemoCustomers.Stage stage) {
        return java.util.stream.LongStream.rangeClosed(1, DemoCustomers.COUNT)
                .filter(id -> DemoCustomers.stage(id) == stage).count();
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void theSameSeedAndDayGiveTheSameCustomersAndASecondStartAddsNone() throws Exception {
        Map<String, Long> before = counts();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            DemoCrm.fillOnce(c, TODAY.plusDays(3)); // the tables exist: nothing is added, whatever the day
            s.execute("CREATE SCHEMA again");
            s.execute("SET search_path TO again");
            c.setAutoCommit(false);
            for (String ddl : DemoCrm.schema().split(";")) {
                if (!ddl.isBlank()) {
                    s.execute(ddl);
                }
            }
            DemoCustomers.fill(c, TODAY, DemoCustomers.SEED, DemoCustomers.COUNT);
            c.commit();
            c.setAutoCommit(true);
            for (String t : TABLES) {
                String digest = "SELECT md5(string_agg(t::text, '|' ORDER BY t.id)) FROM %s." + t + " t";
                try (ResultSet a = s.executeQuery(digest.formatted("public"))) {
                    a.next();
                    String first = a.getString(1);
                    try (ResultSet b = c.createStatement().executeQuery(digest.formatted("again"))) {
                        b.next();
                        assertThat(b.getString(1)).as(t).isEqualTo(first);
                    }
                }
            }
            s.execute("DROP SCHEMA again CASCADE");
        }
        assertThat(counts()).isEqualTo(before);
    }

    /** What the policy makes due at {@link #NOW}, per table, counted with the rules written out by hand. */
    static Map<String, Long> dueByHand() throws SQLException {
        Timestamp yearAgo = Timestamp.from(NOW.atZone(ZONE).minusYears(1).toInstant());
        Timestamp halfYearAgo = Timestamp.from(NOW.atZone(ZONE).minusMonths(6).toInstant());
        java.sql.Date sevenYearsAgo = java.sql.Date.valueOf(TODAY.minusYears(7));
        java.sql.Date today = java.sql.Date.valueOf(TODAY);
        Map<String, Long> due = new LinkedHashMap<>();
        // call-metadata: a customer's one year from the call; a lead's (a prospect's row) six months (leads)
        due.put("call_logs", count("SELECT count(*) FROM call_logs l JOIN customers c ON c.id = l.customer_id "
                + "WHERE (c.status <> 'prospect' AND l.started_at <= ?) OR (c.status = 'prospect' AND l.started_at <= ?)",
                yearAgo, halfYearAgo));
        // rental-details: the contract has ended (customers-contract, P0D)
        due.put("rentals", count("SELECT count(*) FROM rentals r JOIN customers c ON c.id = r.customer_id "
                + "WHERE c.contract_end <= ?", today));
        // payment-details: seven years from the end of the contract or, if later, the closing of a complaint
        due.put("invoices", count("SELECT count(*) FROM invoices i JOIN customers c ON c.id = i.customer_id "
                + "WHERE c.contract_end <= ? AND (c.complaint_closed_at IS NULL OR c.complaint_closed_at::date <= ?) "
                + "AND i.invoice_date <= ?", sevenYearsAgo, sevenYearsAgo, new java.sql.Date(halfYearAgo.getTime())));
        // a customer row goes when all its columns are due (the fiscal seven years for its name) and no child is left
        // a customer row goes when all its columns are due (the fiscal seven years for its name) and no child is left;
        // a prospect's six months after it came (leads), once its calls have gone too
        due.put("customers", count("SELECT count(*) FROM customers c WHERE (c.status <> 'prospect' AND c.contract_end <= ? "
                + "AND (c.complaint_closed_at IS NULL OR c.complaint_closed_at::date <= ?) "
                + "AND NOT EXISTS (SELECT 1 FROM call_logs l WHERE l.customer_id = c.id AND l.started_at > ?)) "
                + "OR (c.status = 'prospect' AND c.created_at <= ? "
                + "AND NOT EXISTS (SELECT 1 FROM call_logs l WHERE l.customer_id = c.id AND l.started_at > ?))",
                sevenYearsAgo, sevenYearsAgo, yearAgo, halfYearAgo, halfYearAgo));
        return due;
    }

    SystemConnector connector() throws IOException {
        Policy policy = PolicyLoader.load(Path.of("examples/self-storage.yaml")).orThrow().policy();
        JdbcConnectorFactory factory = new JdbcConnectorFactory(new Secrets(dir, settings()), journal, ZONE,
                new JdbcConnectorFactory.Settings(2, Duration.ofSeconds(5), Duration.ofSeconds(60), 1000));
        return factory.create(policy, policy.system("crm").orElseThrow());
    }

    @Test
    @org.junit.jupiter.api.Order(4)
    void theFirstSweepAtTheDemosDayDeletesOnlyWhatThePolicyMakesDue() throws Exception {
        Map<String, Long> before = counts();
        Map<String, Long> due = dueByHand();
        // the demo shows something to delete in every table, and keeps most
        due.forEach((t, n) -> assertThat(n).as(t).isPositive().isLessThan(before.get(t)));
        Timestamp halfYearAgo = Timestamp.from(NOW.atZone(ZONE).minusMonths(6).toInstant());
        Timestamp yearAgo = Timestamp.from(NOW.atZone(ZONE).minusYears(1).toInstant());
        long oldLeads = count("SELECT count(*) FROM customers WHERE status = 'prospect' AND created_at <= ?", halfYearAgo);
        assertThat(oldLeads).as("leads of more than six months").isPositive();
        // a lead with a call of the last six months stays until that call goes
        long oldLeadsGone = count("SELECT count(*) FROM customers c WHERE status = 'prospect' AND created_at <= ? "
                + "AND NOT EXISTS (SELECT 1 FROM call_logs l WHERE l.customer_id = c.id AND l.started_at > ?)",
                halfYearAgo, halfYearAgo);
        assertThat(due.get("customers")).isEqualTo(ids(DemoCustomers.Stage.ENDED_LONG_AGO) + oldLeadsGone);
        long runningKept = count("SELECT count(*) FROM customers WHERE contract_end IS NULL AND status = 'active'");
        long recentLeads = count("SELECT count(*) FROM customers WHERE status = 'prospect'") - oldLeadsGone;
        long runningRentals = count("SELECT count(*) FROM rentals r JOIN customers c ON c.id = r.customer_id "
                + "WHERE c.contract_end IS NULL");
        long runningInvoices = count("SELECT count(*) FROM invoices i JOIN customers c ON c.id = i.customer_id "
                + "WHERE c.contract_end IS NULL");
        long recentCalls = count("SELECT count(*) FROM call_logs l JOIN customers c ON c.id = l.customer_id "
                + "WHERE (c.status <> 'prospect' AND l.started_at > ?) OR (c.status = 'prospect' AND l.started_at > ?)",
                yearAgo, halfYearAgo);
        SystemConnector connector = connector();

        // a dry run counts what the sweep deletes and changes nothing
        SystemResult dry = connector.sweep(new SweepRequest(NOW, true, LinkedSubjects.NONE, "demo-dry-run"));
        assertThat(dry).isInstanceOf(SystemResult.Done.class);
        assertThat(((SystemResult.Done) dry).counts()).containsEntry("delete:call_logs:call-metadata", due.get("call_logs"))
                .containsEntry("delete:rentals:rental-details", due.get("rentals"))
                .containsEntry("delete:invoices:payment-details", due.get("invoices"))
                // the customers whose children all go first, though a dry run deletes no child
                .containsEntry("delete:customers:name", due.get("customers"));
        assertThat(counts()).isEqualTo(before);

        SystemResult swept = connector.sweep(new SweepRequest(NOW, false, LinkedSubjects.NONE, "demo-sweep"));

        assertThat(swept).isInstanceOf(SystemResult.Done.class);
        Map<String, Long> after = counts();
        for (String t : TABLES) {
            assertThat(before.get(t) - after.get(t)).as(t + " deleted").isEqualTo(due.get(t));
        }
        // no running contract lost a row, nor a lead of the last six months (or with a call of them); only call logs
        // older than a year (a lead's: six months) went
        assertThat(count("SELECT count(*) FROM customers WHERE contract_end IS NULL AND status = 'active'"))
                .isEqualTo(runningKept);
        assertThat(count("SELECT count(*) FROM customers WHERE status = 'prospect'")).isEqualTo(recentLeads);
        assertThat(count("SELECT count(*) FROM rentals r JOIN customers c ON c.id = r.customer_id "
                + "WHERE c.contract_end IS NULL")).isEqualTo(runningRentals);
        assertThat(count("SELECT count(*) FROM invoices i JOIN customers c ON c.id = i.customer_id "
                + "WHERE c.contract_end IS NULL")).isEqualTo(runningInvoices);
        assertThat(count("SELECT count(*) FROM call_logs")).isEqualTo(recentCalls);
        // every customer whose contract ended more than seven years ago went, but for a complaint closed since
        assertThat(count("SELECT count(*) FROM customers WHERE contract_end < ?", java.sql.Date.valueOf(TODAY.minusYears(7))))
                .isEqualTo(ids(DemoCustomers.Stage.COMPLAINT_CLOSED));
        // the CRM now holds exactly what the policy allows: a second sweep finds nothing
        SystemResult again = connector.sweep(new SweepRequest(NOW, false, LinkedSubjects.NONE, "demo-sweep-2"));
        assertThat(again).isEqualTo(new SystemResult.Done("crm", Map.of(), null, List.of()));
        assertThat(dueByHand()).containsOnly(Map.entry("call_logs", 0L), Map.entry("rentals", 0L),
                Map.entry("invoices", 0L), Map.entry("customers", 0L));
    }

    @Autowired
    nl.waarborg.vault.Vault vault;

    @Test
    @org.junit.jupiter.api.Order(5)
    void everyCustomerBecomesASubjectWithItsReferenceOnce() throws Exception {
        long customers = count("SELECT count(*) FROM customers");

        int created = DemoSubjects.createOnce(vault, settings(), "demo-test");

        assertThat(created).isEqualTo(customers);
        assertThat(DemoSubjects.createOnce(vault, settings(), "demo-test")).isZero();
        nl.waarborg.access.Caller staff = new nl.waarborg.access.Caller("staff", "dpo", List.of(), true);
        long last = count("SELECT max(id) FROM customers");
        assertThat(vault.find(staff, new nl.waarborg.vault.Reference("demo-test", Long.toString(last)))).isPresent();
        // the sweep before this test deleted the first customers (old leads): the first one left has its subject
        long first = count("SELECT min(id) FROM customers");
        assertThat(first).isGreaterThan(1);
        assertThat(vault.find(staff, new nl.waarborg.vault.Reference("demo-test", Long.toString(first)))).isPresent();
    }
}
