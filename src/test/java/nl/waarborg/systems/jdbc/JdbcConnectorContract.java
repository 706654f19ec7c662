package nl.waarborg.systems.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.policy.LinkKind;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.PolicyLoader;
import nl.waarborg.systems.LinkedSubjects;
import nl.waarborg.systems.Secrets;
import nl.waarborg.systems.SubjectCount;
import nl.waarborg.systems.SubjectLinks;
import nl.waarborg.systems.SweepRequest;
import nl.waarborg.systems.SystemConnector;
import nl.waarborg.systems.SystemResult;
import nl.waarborg.web.MutableClock;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the jdbc connector does on a real database server, the same on PostgreSQL and MariaDB (a subclass each starts
 * its server): the self-storage example's CRM (examples/crm/schema.sql) under the example policy's mapping of it.
 * Time moves by the sweep's moment (a {@link MutableClock}), never by sleeping.
 *
 * <p>The rows, at {@link #START} (1 June 2026): customer 1's contract ended in 2015 (everything due: its call log,
 * rental, invoice, then itself); customer 2's ended in 2024 (its rental is due, its invoice is kept for the fiscal
 * seven years, so it stays); customer 3's runs (only its call log of January 2025 is past the year); customer 4 is a
 * lead; customer 5 is as customer 1 but under a hold; customer 6's contract ended in 2015 but it has a call log of May
 * 2026 left, so it stays until that call log goes.
 */
abstract class JdbcConnectorContract extends ServiceTestBase {

    static final Instant START = Instant.parse("2026-06-01T10:00:00Z");
    static final String PASSWORD = "crm-Secret-7q";

    @Autowired
    AuditLog audit;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    SweepJournal sweepJournal;

    MutableClock clock;

    /** Where the connectors a test makes record their batches: Waarborg's own journal, unless a test wraps it. */
    BatchJournal journal;

    /** The factories a test made, whose pools close after it. */
    private final List<JdbcConnectorFactory> factories = new ArrayList<>();

    @AfterEach
    void closePools() {
        factories.forEach(JdbcConnectorFactory::destroy);
    }

    /** A JDBC URL of the CRM database for the connector, its user and password. */
    abstract String url();

    abstract String user();

    /** A connection with rights to recreate the tables. */
    abstract Connection admin() throws SQLException;

    /** The DDL of the CRM tables in this database's dialect. */
    abstract String schema() throws IOException;

    /** A URL of this kind on which nothing listens. */
    abstract String urlOfNothing(int port);

    @BeforeEach
    void freshCrm() throws Exception {
        clock = new MutableClock(START);
        journal = sweepJournal;
        try (Connection c = admin(); Statement s = c.createStatement()) {
            for (String t : List.of("call_logs", "invoices", "rentals", "customers")) {
                s.execute("DROP TABLE IF EXISTS " + t);
            }
            String withoutComments = String.join("\n", schema().lines().filter(l -> !l.startsWith("--")).toList());
            for (String ddl : withoutComments.split(";")) {
                if (!ddl.isBlank()) {
                    s.execute(ddl);
                }
            }
            customer(s, 1, "Anna", "anna@example.org", "2010-01-01 09:00:00", "2015-03-01");
            customer(s, 2, "Bram", "bram@example.org", "2018-01-01 09:00:00", "2024-05-01");
            customer(s, 3, "Cor", "Cor.Jansen@Example.org", "2020-01-01 09:00:00", null);
            customer(s, 4, "Dirk", "dirk@example.org", "2025-01-01 09:00:00", null);
            customer(s, 5, "Eva", "eva@example.org", "2010-01-01 09:00:00", "2015-03-01");
            customer(s, 6, "Fenna", "fenna@example.org", "2010-01-01 09:00:00", "2015-03-01");
            rental(s, 11, 1, "2010-02-01");
            rental(s, 12, 2, "2018-03-15");
            rental(s, 13, 3, "2020-02-01");
            rental(s, 15, 5, "2010-02-01");
            invoice(s, 21, 1, "2014-05-01");
            invoice(s, 22, 2, "2024-04-01");
            invoice(s, 23, 3, "2026-01-01");
            invoice(s, 25, 5, "2014-05-01");
            call(s, 31, 1, "2014-02-01 10:00:00");
            call(s, 32, 2, "2024-04-15 10:00:00");
            call(s, 33, 2, "2026-05-01 10:00:00");
            call(s, 34, 3, "2025-01-01 10:00:00");
            call(s, 35, 3, "2026-05-20 10:00:00");
            call(s, 36, 5, "2014-02-01 10:00:00");
            call(s, 37, 6, "2026-05-01 10:00:00");
        }
    }

    private static void customer(Statement s, int id, String name, String email, String created, String ended) throws SQLException {
        customer(s, id, name, email, created, ended, ended != null ? "former" : id == 4 ? "prospect" : "active");
    }

    private static void customer(Statement s, int id, String name, String email, String created, String ended,
                                 String status) throws SQLException {
        s.execute("INSERT INTO customers (id, first_name, last_name, email, phone, birth_date, billing_address, iban, created_at, "
                + "contract_end, status) VALUES (" + id + ", '" + name + "', 'Jansen', '" + email + "', '06-1234 56" + id + "0', "
                + "DATE '1980-05-17', 'Dorpsstraat 1, 3512 AB Utrecht', 'NL91ABNA0417164300', TIMESTAMP '" + created + "', "
                + (ended == null ? "NULL" : "DATE '" + ended + "'") + ", '" + status + "')");
    }

    private static void rental(Statement s, int id, int customer, String on) throws SQLException {
        s.execute("INSERT INTO rentals (id, customer_id, unit, location, starts_on, created_at) VALUES (" + id + ", "
                + customer + ", 'B-" + id + "', 'Utrecht', DATE '" + on + "', TIMESTAMP '" + on + " 12:00:00')");
    }

    private static void invoice(Statement s, int id, int customer, String on) throws SQLException {
        s.execute("INSERT INTO invoices (id, customer_id, number, amount, invoice_date) VALUES (" + id + ", " + customer
                + ", 'F" + id + "', 99.50, DATE '" + on + "')");
    }

    private static void call(Statement s, int id, int customer, String at) throws SQLException {
        s.execute("INSERT INTO call_logs (id, customer_id, started_at, duration_seconds) VALUES (" + id + ", " + customer
                + ", TIMESTAMP '" + at + "', 120)");
    }

    // ---- the connector ----

    static Policy examplePolicy(String... replacements) throws IOException {
        String text = Files.readString(Path.of("examples/self-storage.yaml"));
        for (int i = 0; i < replacements.length; i += 2) {
            assertThat(text).contains(replacements[i]);
            text = text.replace(replacements[i], replacements[i + 1]);
        }
        return PolicyLoader.load("self-storage.yaml", text.getBytes(StandardCharsets.UTF_8)).orThrow().policy();
    }

    /** The environment the example's settings name: CRM_JDBC_URL, CRM_DB_USER, CRM_DB_PASSWORD. */
    Map<String, String> environment(String url, String password) {
        Map<String, String> env = new HashMap<>();
        env.put("CRM_JDBC_URL", url);
        env.put("CRM_DB_USER", user());
        env.put("CRM_DB_PASSWORD", password);
        return env;
    }

    SystemConnector connector(Policy policy, String url, String password) {
        Map<String, String> env = environment(url, password);
        JdbcConnectorFactory factory = new JdbcConnectorFactory(new Secrets(dataDir, env), journal,
                ZoneId.of("Europe/Amsterdam"), new JdbcConnectorFactory.Settings(2, Duration.ofSeconds(1),
                Duration.ofSeconds(30), 2)); // batches of 2: every sweep below takes several
        factories.add(factory);
        Policy.DataSystem crm = policy.system("crm").orElseThrow();
        assertThat(factory.handles(crm)).isTrue();
        return factory.create(policy, crm);
    }

    SystemConnector crm() throws IOException {
        return connector(examplePolicy(), url(), PASSWORD);
    }

    static SubjectLinks customer(long id) {
        return new SubjectLinks(null, List.of(new SubjectLinks.Link(LinkKind.REFERENCE, "crm", Long.toString(id))));
    }

    /** Customer 5 is under a hold. */
    static final LinkedSubjects HOLD_ON_5 = (kind, scheme, values) ->
            kind == LinkKind.REFERENCE && "crm".equals(scheme) && values.contains("5") ? Set.of("5") : Set.of();

    SweepRequest sweepAt(Instant now, boolean dryRun) {
        return new SweepRequest(now, dryRun, HOLD_ON_5, "test-sweep");
    }

    List<Long> ids(String table) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Connection c = admin(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM " + table + " ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    String value(String sql) throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : "(no row)";
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    // ---- retention ----

    @Test
    void sweepDeletesExactlyTheDueRowsChildrenBeforeParentsAndKeepsLinkedSubjects() throws Exception {
        long before = audit.head().lastSeq();
        SystemResult r = crm().sweep(sweepAt(clock.instant(), false));

        assertThat(r).isInstanceOf(SystemResult.Done.class);
        assertThat(ids("call_logs")).containsExactly(33L, 35L, 36L, 37L); // 31, 32, 34 were more than a year old
        assertThat(ids("rentals")).containsExactly(13L, 15L);            // 11, 12: their contracts ended
        assertThat(ids("invoices")).containsExactly(22L, 23L, 25L);      // 21: seven years after 2015
        // 1 went after its children; 6 stays while its call log of May 2026 does; 5 is held; 2 has an invoice left;
        // 4, a prospect of January 2025, went by the leads' six months (a customer's rules are not its own)
        assertThat(ids("customers")).containsExactly(2L, 3L, 5L, 6L);
        Map<String, Long> counts = ((SystemResult.Done) r).counts();
        assertThat(counts).containsEntry("delete:call_logs:call-metadata", 3L)
                .containsEntry("delete:rentals:rental-details", 2L).containsEntry("delete:invoices:payment-details", 1L)
                .containsEntry("delete:customers:name", 2L).containsEntry("delete:customers:email", 2L);
        assertThat(((SystemResult.Done) r).digest()).matches("[0-9a-f]{64}");

        // the proof, per batch, in the audit log: counts and the keys' digest, never a value
        List<AuditEvent> proofs = audit.events(before, 100).stream()
                .filter(e -> e.action().equals("retention-erased")).toList();
        assertThat(proofs).isNotEmpty().allSatisfy(e -> {
            assertThat(e.reasons()).contains("system:crm").anyMatch(x -> x.startsWith("keys-sha256:"))
                    .anyMatch(x -> x.startsWith("rows:"));
            assertThat(String.join(" ", e.reasons()) + e.categories()).doesNotContain("Anna", "anna@", "Jansen",
                    "3512", "NL91", "1980");
        });
        assertThat(proofs.stream().flatMap(e -> e.reasons().stream()).filter(x -> x.startsWith("rows:"))
                .mapToInt(x -> Integer.parseInt(x.substring(5))).sum()).isEqualTo(8);

        // a year on, customer 6's last call log is due, and customer 6 goes after it in the same sweep
        clock.advance(Duration.ofDays(366));
        SystemResult later = crm().sweep(sweepAt(clock.instant(), false));
        assertThat(later).isInstanceOf(SystemResult.Done.class);
        assertThat(ids("call_logs")).containsExactly(36L);
        assertThat(ids("customers")).containsExactly(2L, 3L, 5L);
    }

    @Test
    void aParentKeepsItsRowWhenAChildAppearsBetweenThePageAndTheDelete() throws Exception {
        boolean[] inserted = {false};
        // asked once per page, between reading it and erasing it: the moment another writer can add a child
        LinkedSubjects addsACallForCustomer1 = (kind, scheme, values) -> {
            try {
                if (!inserted[0] && values.contains("1") && !ids("call_logs").contains(31L) && !ids("invoices").contains(21L)
                        && !ids("rentals").contains(11L)) {
                    try (Connection c = admin(); Statement st = c.createStatement()) {
                        call(st, 38, 1, "2026-05-30 10:00:00");
                    }
                    inserted[0] = true;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return Set.of();
        };

        SystemResult r = crm().sweep(new SweepRequest(clock.instant(), false, addsACallForCustomer1, "test-sweep"));

        assertThat(inserted[0]).isTrue();
        assertThat(r).isInstanceOf(SystemResult.Done.class);
        // customers 1 and 5 (nobody is held here) were one page; the delete took 5 and left 1 with its new child,
        // and the proof counts only 5 (and the lead, 4, of another page)
        assertThat(ids("customers")).contains(1L).doesNotContain(4L, 5L);
        assertThat(ids("call_logs")).contains(38L);
        assertThat(((SystemResult.Done) r).counts()).containsEntry("delete:customers:name", 2L);
    }

    @Test
    void aSecondSweepFindsNothingAndCountsNothing() throws Exception {
        SystemConnector crm = crm();
        Instant now = clock.instant();
        assertThat(((SystemResult.Done) crm.sweep(sweepAt(now, false))).counts()).isNotEmpty();
        long before = audit.head().lastSeq();

        SystemResult again = crm.sweep(sweepAt(now, false));

        assertThat(again).isEqualTo(new SystemResult.Done("crm", Map.of(), null, List.of()));
        assertThat(audit.events(before, 100)).noneMatch(e -> e.action().equals("retention-erased"));
    }

    @Test
    void aDryRunCountsAndChangesNothing() throws Exception {
        long before = audit.head().lastSeq();

        SystemResult dry = crm().sweep(sweepAt(clock.instant(), true));

        assertThat(((SystemResult.Done) dry).counts()).containsEntry("delete:call_logs:call-metadata", 3L)
                .containsEntry("delete:rentals:rental-details", 2L)
                // customer 1, whose children all go first, as the sweep does, and lead 4; not 6 (a call log stays)
                // nor 5 (held)
                .containsEntry("delete:customers:name", 2L);
        assertThat(((SystemResult.Done) dry).digest()).isNull();
        assertThat(ids("call_logs")).hasSize(7);
        assertThat(ids("customers")).hasSize(6);
        assertThat(audit.events(before, 100)).noneMatch(e -> e.action().equals("retention-erased"));
    }

    @Test
    void nullifyAndAnonymiseActPerColumnAndOnlyOnce() throws Exception {
        Policy policy = examplePolicy(
                "events: {contract-ended: contract_end, complaint-closed: complaint_closed_at}\n          erase: delete",
                "events: {contract-ended: contract_end, complaint-closed: complaint_closed_at}\n          erase: nullify",
                "ends_on: rental-details}\n          collected-at: created_at\n          erase: delete",
                "ends_on: rental-details}\n          collected-at: created_at\n          erase: anonymise");
        SystemConnector crm = connector(policy, url(), PASSWORD);

        SystemResult r = crm.sweep(sweepAt(clock.instant(), false));

        Map<String, Long> counts = ((SystemResult.Done) r).counts();
        // customer 2's contract ended in 2024: its e-mail (the contract rule only) is due, its name is not (fiscal)
        assertThat(value("SELECT email FROM customers WHERE id = 2")).isNull();
        assertThat(value("SELECT first_name FROM customers WHERE id = 2")).isEqualTo("Bram");
        assertThat(value("SELECT first_name FROM customers WHERE id = 1")).isNull();
        assertThat(value("SELECT email FROM customers WHERE id = 5")).isEqualTo("eva@example.org"); // held
        assertThat(ids("customers")).hasSize(6);
        // rentals 11 and 12 generalised: the date keeps its year, the unit's text goes
        assertThat(value("SELECT starts_on FROM rentals WHERE id = 12")).startsWith("2018-01-01");
        assertThat(value("SELECT unit FROM rentals WHERE id = 12")).isNull();
        assertThat(value("SELECT unit FROM rentals WHERE id = 13")).isEqualTo("B-13");
        assertThat(counts).containsEntry("anonymise:rentals:rental-details", 6L) // 2 rows × unit, location, starts_on
                .containsEntry("nullify:customers:email", 4L);                  // customers 1, 2, 6; lead 4

        SystemResult again = crm.sweep(sweepAt(clock.instant(), false));
        assertThat(((SystemResult.Done) again).counts()).isEmpty();
    }

    // ---- a sweep that dies between two commits ----

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate waarborg;

    /** The sweep process dies at one step of one batch: Waarborg's journal takes that step, then the process is gone. */
    private final class DiesOnce implements BatchJournal {
        private final boolean afterCommit;
        private boolean died;

        DiesOnce(boolean afterCommit) {
            this.afterCommit = afterCommit;
        }

        @Override
        public java.util.UUID intend(Batch batch, Committed previous) {
            if (afterCommit && !died && previous != null) {
                died = true; // the first batch committed; its proof was to go with the second batch's record
                throw new IllegalStateException("killed after the system's commit, before the proof");
            }
            java.util.UUID id = sweepJournal.intend(batch, previous);
            if (!afterCommit && !died && batch.table().equals("customers")) {
                died = true;
                throw new IllegalStateException("killed after the record, before the system's commit");
            }
            return id;
        }

        @Override
        public void proven(java.util.UUID id, AuditEvent.Draft proof) {
            if (died) {
                throw new IllegalStateException("the process is gone");
            }
            sweepJournal.proven(id, proof);
        }

        @Override
        public void abandoned(java.util.UUID id) {
            sweepJournal.abandoned(id);
        }

        @Override
        public List<Batch> pending(String system) {
            return sweepJournal.pending(system);
        }
    }

    private int rowsProven(long after) {
        return audit.events(after, 1000).stream().filter(e -> e.action().equals("retention-erased"))
                .flatMap(e -> e.reasons().stream()).filter(x -> x.startsWith("rows:"))
                .mapToInt(x -> Integer.parseInt(x.substring(5))).sum();
    }

    private int recorded() {
        return waarborg.queryForObject("SELECT count(*) FROM system_sweep_batch WHERE system = 'crm'", Integer.class);
    }

    @Test
    void aBatchCommittedInTheSystemJustBeforeTheProcessDiedIsProvenOnceByTheNextSweep() throws Exception {
        long before = audit.head().lastSeq();
        journal = new DiesOnce(true);
        SystemResult interrupted = crm().sweep(sweepAt(clock.instant(), false));

        // the first batch (children first: rentals 11 and 12) committed in the CRM, and its proof was not written:
        // only its record is left
        assertThat(interrupted).isInstanceOf(SystemResult.Partial.class);
        assertThat(ids("rentals")).containsExactly(13L, 15L);
        assertThat(rowsProven(before)).isZero();
        assertThat(recorded()).isEqualTo(1);

        journal = sweepJournal;
        SystemResult next = crm().sweep(sweepAt(clock.instant(), false));

        assertThat(next).isInstanceOf(SystemResult.Done.class);
        assertThat(recorded()).isZero();
        assertThat(audit.events(before, 1000)).filteredOn(e -> e.reasons().contains("recovered-after-interruption"))
                .singleElement().satisfies(e -> assertThat(e.reasons()).contains("rows:2", "table:rentals"));
        // every row deleted is in exactly one proof: the 8 of an uninterrupted sweep
        assertThat(rowsProven(before)).isEqualTo(8);
        assertThat(ids("customers")).containsExactly(2L, 3L, 5L, 6L);
    }

    @Test
    void aBatchRecordedButNotCommittedBeforeTheProcessDiedIsAbandonedAndSweptAgain() throws Exception {
        long before = audit.head().lastSeq();
        journal = new DiesOnce(false);
        crm().sweep(sweepAt(clock.instant(), false));

        // the customers' batch was recorded, then rolled back in the CRM: its rows are all there
        assertThat(recorded()).isEqualTo(1);
        assertThat(ids("customers")).contains(1L, 4L);

        journal = sweepJournal;
        assertThat(crm().sweep(sweepAt(clock.instant(), false))).isInstanceOf(SystemResult.Done.class);

        assertThat(recorded()).isZero();
        assertThat(audit.events(before, 1000)).noneMatch(e -> e.reasons().contains("recovered-after-interruption"));
        assertThat(rowsProven(before)).isEqualTo(8);
        assertThat(ids("customers")).containsExactly(2L, 3L, 5L, 6L);
    }

    // ---- rows of several subject categories, item dates, consent (src/test/resources/policies/crm-rows.yaml) ----

    /** The CRM under crm-rows.yaml, which maps customers and invoices only: the other tables' rows are removed. */
    SystemConnector crmRows() throws Exception {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM call_logs");
            s.execute("DELETE FROM rentals");
        }
        Policy policy = PolicyLoader.load(Path.of("src/test/resources/policies/crm-rows.yaml")).orThrow().policy();
        return connector(policy, url(), PASSWORD);
    }

    @Test
    void eachRowIsSweptByTheRulesOfItsOwnSubjectCategoryAndEachInvoiceFromItsOwnDate() throws Exception {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            invoice(s, 24, 2, "2018-06-01"); // 7 years from 1 January 2019: gone since 1 January 2026
            // neither a lead nor a customer: swept by the rules of both, so kept until a contract ends
            customer(s, 10, "Jet", "jet@example.org", "2020-01-01 09:00:00", null, "archived");
        }
        SystemConnector crm = crmRows();

        SystemResult r = crm.sweep(sweepAt(clock.instant(), false));

        assertThat(r).isInstanceOf(SystemResult.Done.class);
        // customer 2's invoices: the one of 2018 went, the one of 2024 stays (until 1 January 2032)
        assertThat(ids("invoices")).containsExactly(22L, 23L, 25L);
        // 1 and 6: former customers past the fiscal years; 4: a prospect, six months after it came (the customer
        // rules, which count from a contract's end, are not its own); 5 held; 2's fiscal years run; 3 and 10 run
        assertThat(ids("customers")).containsExactly(2L, 3L, 5L, 10L);
        assertThat(((SystemResult.Done) r).counts()).containsEntry("delete:invoices:invoice", 2L)
                .containsEntry("delete:customers:name", 3L);
    }

    @Test
    void aRuleBoundToConsentKeepsOnlyTheRowsOfSubjectsWhoseConsentStands() throws Exception {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            customer(s, 7, "Gijs", "gijs@example.org", "2025-06-01 09:00:00", null, "prospect");
            customer(s, 8, "Hanna", "hanna@example.org", "2025-06-01 09:00:00", null, "prospect");
            customer(s, 9, "Ids", "ids@example.org", "2024-01-01 09:00:00", null, "prospect");
        }
        SystemConnector crm = crmRows();
        java.util.List<String> asked = new ArrayList<>();
        LinkedSubjects newsletter = new LinkedSubjects() {
            @Override
            public Set<String> held(LinkKind kind, String scheme, java.util.Collection<String> values) {
                return Set.of();
            }

            @Override
            public Map<String, Set<String>> consenting(LinkKind kind, String scheme, java.util.Collection<String> values,
                                                       Instant at) {
                asked.addAll(values);
                Map<String, Set<String>> out = new HashMap<>();
                for (String v : List.of("7", "9")) {
                    if (values.contains(v)) {
                        out.put(v, Set.of("newsletter"));
                    }
                }
                return out;
            }
        };

        crm.sweep(new SweepRequest(clock.instant(), false, newsletter, "test-sweep"));

        // 7 consented: its e-mail is kept for the newsletter up to two years, so its row stays; 8 did not: the
        // leads' six months decide; 9 consented, but its two years have passed
        assertThat(ids("customers")).contains(7L).doesNotContain(8L, 9L, 4L);
        assertThat(asked).as("consent is asked for the rows of the page, by their references").contains("7", "8");

        // withdrawn a month on: the leads' six months have long passed, so the row is due at once
        clock.advance(Duration.ofDays(30));
        crm.sweep(new SweepRequest(clock.instant(), false, LinkedSubjects.NONE, "test-sweep-2"));
        assertThat(ids("customers")).doesNotContain(7L);
    }

    // ---- subject operations ----

    @Test
    void exportGivesTheSubjectsValuesByCategoryInItsTablesAndTheirChildren() throws Exception {
        SystemResult r = crm().export(customer(3));

        List<SystemResult.ExportedValue> values = ((SystemResult.Done) r).exported();
        assertThat(values).anySatisfy(v -> {
            assertThat(v.table()).isEqualTo("customers");
            assertThat(v.category()).isEqualTo("name");
            assertThat(v.value()).isEqualTo("Cor");
        });
        assertThat(values).extracting(SystemResult.ExportedValue::table)
                .contains("customers", "rentals", "invoices", "call_logs");
        assertThat(values).filteredOn(v -> v.table().equals("call_logs")).hasSize(4); // two calls × two columns
        assertThat(values).noneMatch(v -> v.value().equals("Anna")); // no one else's
        assertThat(((SystemResult.Done) r).counts()).containsEntry("export:customers:email", 1L);
        assertThat(((SystemResult.Done) crm().export(customer(99))).exported()).isEmpty();
    }

    @Test
    void anEMailLinkFindsTheRowsAsTheVaultNormalisesTheAddress() throws Exception {
        Policy policy = examplePolicy("subject: {reference: crm, column: id}", "subject: {identifier: email, column: email}");
        SystemConnector crm = connector(policy, url(), PASSWORD);

        // stored as Cor.Jansen@Example.org; asked with other capitals and spaces around it
        SystemResult r = crm.export(new SubjectLinks(null, List.of(new SubjectLinks.Link(LinkKind.EMAIL, null,
                "  COR.jansen@example.ORG "))));

        assertThat(((SystemResult.Done) r).exported()).anySatisfy(v -> assertThat(v.value()).isEqualTo("Cor"))
                .filteredOn(v -> v.table().equals("call_logs")).hasSize(4);
        assertThat(((SystemResult.Done) r).exported()).noneMatch(v -> "Bram".equals(v.value()));
    }

    @Test
    void aPhoneLinkFindsTheRowsWhateverTheSpellingOfTheNumber() throws Exception {
        Policy policy = examplePolicy("subject: {reference: crm, column: id}", "subject: {identifier: phone, column: phone}");
        SystemConnector crm = connector(policy, url(), PASSWORD);

        // stored as 06-1234 5630 (customer 3)
        for (String spelling : List.of("+31 6 12345630", "0031612345630", "+31 (0)6 1234 5630")) {
            SystemResult r = crm.export(new SubjectLinks(null, List.of(new SubjectLinks.Link(LinkKind.PHONE, null, spelling))));
            assertThat(((SystemResult.Done) r).exported()).filteredOn(v -> v.column().equals("first_name"))
                    .extracting(SystemResult.ExportedValue::value).containsExactly("Cor");
        }
    }

    /** An erasure on request at the clock's moment, customer 5 under a hold. */
    SystemResult eraseNow(SystemConnector crm, long customer) {
        return crm.erase(customer(customer), "op-" + customer + "-" + clock.instant(), clock.instant(), HOLD_ON_5);
    }

    @Test
    void aSubjectWithNothingKeptLosesEveryRowChildrenFirstAndASecondEraseDoesNothing() throws Exception {
        SystemConnector crm = crm();

        // customer 1's contract ended in 2015: its seven fiscal years are over, nothing keeps anything
        SystemResult r = eraseNow(crm, 1);

        assertThat(r).isInstanceOf(SystemResult.Done.class);
        assertThat(ids("customers")).doesNotContain(1L);
        assertThat(ids("call_logs")).doesNotContain(31L);
        assertThat(ids("rentals")).doesNotContain(11L);
        assertThat(ids("invoices")).doesNotContain(21L);
        assertThat(((SystemResult.Done) r).counts()).containsEntry("delete:call_logs:call-metadata", 1L)
                .containsEntry("delete:customers:name", 1L).containsEntry("delete:invoices:payment-details", 1L)
                .allSatisfy((k, v) -> assertThat(k).doesNotStartWith("kept:"));
        assertThat(((SystemResult.Done) r).digest()).matches("[0-9a-f]{64}");
        assertThat(eraseNow(crm, 1)).isEqualTo(new SystemResult.Done("crm", Map.of(), null, List.of()));
    }

    @Test
    void erasureKeepsInvoicesUnderTheFiscalRuleWithTheUntilDateAndDeletesTheRest() throws Exception {
        SystemConnector crm = crm();

        // customer 2's contract ended on 1 May 2024: the fiscal rule (legal obligation, seven years from the contract's
        // end) runs until 1 May 2031 for its invoice and for the name, address and IBAN of the customer row
        SystemResult r = eraseNow(crm, 2);

        assertThat(r).isInstanceOf(SystemResult.Done.class);
        assertThat(ids("invoices")).contains(22L);
        assertThat(ids("rentals")).doesNotContain(12L);
        assertThat(ids("call_logs")).doesNotContain(32L, 33L); // 33, of May 2026, is within its year, but no duty keeps it
        assertThat(ids("customers")).contains(2L);                 // its invoice needs it (foreign key), and so does the law
        assertThat(value("SELECT first_name FROM customers WHERE id = 2")).isEqualTo("Bram");
        assertThat(value("SELECT iban FROM customers WHERE id = 2")).isEqualTo("NL91ABNA0417164300");
        assertThat(value("SELECT email FROM customers WHERE id = 2")).isNull();
        assertThat(value("SELECT phone FROM customers WHERE id = 2")).isNull();
        assertThat(value("SELECT birth_date FROM customers WHERE id = 2")).isNull();
        assertThat(((SystemResult.Done) r).counts()).isEqualTo(Map.of(
                "kept:payment-details:legal-obligation:2031-05-01", 2L, // the invoice's amount, the customer's IBAN
                "kept:name:legal-obligation:2031-05-01", 1L,
                "kept:billing-address:legal-obligation:2031-05-01", 1L,
                "nullify:customers:email", 1L,
                "nullify:customers:phone", 1L,
                "nullify:customers:birth-date", 1L,
                "delete:rentals:rental-details", 1L,
                "delete:call_logs:call-metadata", 2L));
        // the other customers are untouched
        assertThat(ids("invoices")).contains(21L, 23L, 25L);
        assertThat(value("SELECT email FROM customers WHERE id = 3")).isEqualTo("Cor.Jansen@Example.org");

        // idempotent: a second erasure erases nothing more and says again what it keeps
        SystemResult again = eraseNow(crm, 2);
        assertThat(((SystemResult.Done) again).counts()).isEqualTo(Map.of(
                "kept:payment-details:legal-obligation:2031-05-01", 2L,
                "kept:name:legal-obligation:2031-05-01", 1L,
                "kept:billing-address:legal-obligation:2031-05-01", 1L));
        assertThat(((SystemResult.Done) again).digest()).isNull();
        assertThat(ids("invoices")).contains(22L);

        // once the seven years are over, the same request erases what was kept
        clock.advance(Duration.between(clock.instant(), Instant.parse("2031-05-01T00:00:00Z")));
        SystemResult later = eraseNow(crm, 2);
        assertThat(ids("invoices")).doesNotContain(22L);
        assertThat(ids("customers")).doesNotContain(2L);
        assertThat(((SystemResult.Done) later).counts()).containsEntry("delete:invoices:payment-details", 1L)
                .allSatisfy((k, v) -> assertThat(k).doesNotStartWith("kept:"));
    }

    @Test
    void aParentRowAKeptChildNeedsStaysWithoutItsPersonalValues() throws Exception {
        // the fiscal rule keeps payment details only, and the customer row holds none: only its invoice is kept
        Policy policy = examplePolicy(
                "data: [name, id-document, company-details, billing-address, payment-details]\n    subjects: [customer]\n"
                        + "    purposes: [legal-obligations]",
                "data: [payment-details]\n    subjects: [customer]\n    purposes: [legal-obligations]",
                "iban: payment-details", "iban: billing-address");
        SystemConnector crm = connector(policy, url(), PASSWORD);

        SystemResult r = eraseNow(crm, 2);

        assertThat(ids("invoices")).contains(22L);
        assertThat(ids("customers")).as("the invoice's foreign key needs it").contains(2L);
        for (String column : List.of("first_name", "last_name", "email", "phone", "birth_date", "billing_address", "iban")) {
            assertThat(value("SELECT " + column + " FROM customers WHERE id = 2")).as(column).isNull();
        }
        assertThat(((SystemResult.Done) r).counts()).containsEntry("kept:payment-details:legal-obligation:2031-05-01", 1L)
                .containsEntry("nullify:customers:name", 2L).containsEntry("nullify:customers:billing-address", 2L)
                .doesNotContainKey("delete:customers:name").doesNotContainKey("kept:name:legal-obligation:2031-05-01");
    }

    @Test
    void erasureDuringARunningContractKeepsWhatTheContractAndTheFiscalRuleNeed() throws Exception {
        SystemConnector crm = crm();

        // customer 3's contract runs (no end yet): the fiscal rule has not started, the contract rule keeps the rest;
        // the call logs are kept for call quality only, a legitimate interest, so they go
        SystemResult r = eraseNow(crm, 3);

        assertThat(ids("call_logs")).doesNotContain(34L, 35L);
        assertThat(ids("rentals")).contains(13L);
        assertThat(ids("invoices")).contains(23L);
        assertThat(value("SELECT email FROM customers WHERE id = 3")).isEqualTo("Cor.Jansen@Example.org");
        assertThat(((SystemResult.Done) r).counts()).containsEntry("delete:call_logs:call-metadata", 2L)
                .containsEntry("kept:payment-details:legal-obligation:open", 2L)
                .containsEntry("kept:name:legal-obligation:open", 1L)
                .containsEntry("kept:email:contract:open", 1L)
                .containsEntry("kept:rental-details:contract:open", 1L)
                .allSatisfy((k, v) -> assertThat(k).doesNotStartWith("nullify:"));
    }

    @Test
    void erasureOfASubjectUnderAHoldKeepsEveryRow() throws Exception {
        SystemResult r = eraseNow(crm(), 5);

        assertThat(ids("customers")).contains(5L);
        assertThat(ids("rentals")).contains(15L);
        assertThat(ids("invoices")).contains(25L);
        assertThat(ids("call_logs")).contains(36L);
        assertThat(((SystemResult.Done) r).counts()).containsEntry("kept:name:hold:open", 1L)
                .containsEntry("kept:call-metadata:hold:open", 1L).containsEntry("kept:payment-details:hold:open", 2L)
                .allSatisfy((k, v) -> assertThat(k).startsWith("kept:"));
    }

    @Test
    void erasureSaysALegalClaimWhenTheHoldIsOne() throws Exception {
        LinkedSubjects claim = new LinkedSubjects() {
            @Override
            public Set<String> held(LinkKind kind, String scheme, java.util.Collection<String> values) {
                return values.contains("5") ? Set.of("5") : Set.of();
            }

            @Override
            public Map<String, Set<nl.waarborg.policy.HoldKind>> holds(LinkKind kind, String scheme,
                                                                      java.util.Collection<String> values) {
                return values.contains("5") ? Map.of("5", Set.of(nl.waarborg.policy.HoldKind.LEGAL_CLAIM)) : Map.of();
            }
        };

        SystemResult r = crm().erase(customer(5), "op-claim", clock.instant(), claim);

        assertThat(ids("invoices")).contains(25L);
        assertThat(((SystemResult.Done) r).counts()).containsEntry("kept:name:legal-claim:open", 1L);
    }

    @Test
    void eraseNullifiesWhereTheMappingSaysSo() throws Exception {
        Policy policy = examplePolicy(
                "events: {contract-ended: contract_end, complaint-closed: complaint_closed_at}\n          erase: delete",
                "events: {contract-ended: contract_end, complaint-closed: complaint_closed_at}\n          erase: nullify",
                "ends_on: rental-details}\n          collected-at: created_at\n          erase: delete",
                "ends_on: rental-details}\n          collected-at: created_at\n          erase: nullify");
        SystemConnector crm = connector(policy, url(), PASSWORD);

        SystemResult r = eraseNow(crm, 1);

        assertThat(r).isInstanceOf(SystemResult.Done.class);
        assertThat(ids("customers")).contains(1L);
        assertThat(value("SELECT email FROM customers WHERE id = 1")).isNull();
        assertThat(value("SELECT iban FROM customers WHERE id = 1")).isNull();
        assertThat(value("SELECT unit FROM rentals WHERE id = 11")).isNull();
        assertThat(ids("invoices")).doesNotContain(21L);
        assertThat(((SystemResult.Done) r).counts()).containsEntry("nullify:customers:email", 1L);
        assertThat(((SystemResult.Done) eraseNow(crm, 1)).counts()).isEmpty();
    }

    @Test
    void rectifySetsOneCategoryOfTheSubjectOnly() throws Exception {
        SystemResult r = crm().rectify(customer(3), "email", "cor@example.net", "op-1");

        assertThat(((SystemResult.Done) r).counts()).containsEntry("rectify:customers:email", 1L);
        assertThat(value("SELECT email FROM customers WHERE id = 3")).isEqualTo("cor@example.net");
        assertThat(value("SELECT email FROM customers WHERE id = 2")).isEqualTo("bram@example.org");
        assertThat(value("SELECT first_name FROM customers WHERE id = 3")).isEqualTo("Cor");
    }

    @Test
    void rectifyRefusesACategoryTheSystemDoesNotHold() throws Exception {
        SystemResult r = crm().rectify(customer(3), "camera-footage", "x", "op-1");

        assertThat(r).isInstanceOf(SystemResult.Failed.class);
        assertThat(((SystemResult.Failed) r).cause()).contains("crm", "camera-footage", "no column");
    }

    // ---- faults ----

    @Test
    void aWrongPasswordFailsWithACauseThatNamesTheSystemButNotThePassword() throws Exception {
        String wrong = "Wrong-Pw-55x";
        SystemConnector crm = connector(examplePolicy(), url(), wrong);

        for (SystemResult r : List.of(crm.export(customer(3)), crm.sweep(sweepAt(clock.instant(), false)),
                crm.erase(customer(3), "op"), crm.rectify(customer(3), "email", "a@b.nl", "op"))) {
            assertThat(r).isInstanceOf(SystemResult.Failed.class);
            String cause = ((SystemResult.Failed) r).cause();
            assertThat(cause).contains("`crm`").containsIgnoringCase("password").doesNotContain(wrong)
                    .doesNotContain(PASSWORD).doesNotContain(user() + "@");
        }
        assertThat(ids("customers")).hasSize(6);
    }

    // how long a system that is down holds a sweep up is a figure (scripts/bench-systems down), not an assertion here

    @Test
    void countingSubjectsCountsEachRootRowHoldingTheCategoriesItselfOrBelowOnce() throws Exception {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("UPDATE customers SET phone = NULL WHERE id = 6");
        }
        SystemConnector crm = crm();

        assertThat(crm.countSubjects(Set.of("phone"))).isEqualTo(new SubjectCount.Counted(5));
        assertThat(crm.countSubjects(Set.of("call-metadata"))).isEqualTo(new SubjectCount.Counted(5)); // 1, 2, 3, 5, 6
        assertThat(crm.countSubjects(Set.of("rental-details"))).isEqualTo(new SubjectCount.Counted(4)); // 1, 2, 3, 5
        assertThat(crm.countSubjects(Set.of("phone", "rental-details"))).isEqualTo(new SubjectCount.Counted(5));
        assertThat(crm.countSubjects(Set.of("phone", "call-metadata"))).isEqualTo(new SubjectCount.Counted(6));
        assertThat(crm.countSubjects(Set.of("camera-footage"))).isEqualTo(new SubjectCount.Counted(0));
    }

    @Test
    void aServerThatIsDownCannotBeCountedAndSaysWhy() throws Exception {
        SystemConnector crm = connector(examplePolicy(), urlOfNothing(freePort()), PASSWORD);

        assertThat(crm.countSubjects(Set.of("phone"))).isInstanceOfSatisfying(SubjectCount.NotCounted.class,
                n -> assertThat(n.code()).isIn("connection-refused", "unreachable", "connection-failed"));
    }

    @Test
    void aServerThatIsDownFailsWithTheKindOfFault() throws Exception {
        SystemConnector crm = connector(examplePolicy(), urlOfNothing(freePort()), PASSWORD);

        SystemResult r = crm.sweep(sweepAt(clock.instant(), false));

        assertThat(r).isInstanceOf(SystemResult.Failed.class);
        assertThat(((SystemResult.Failed) r).cause()).matches("(connection-refused|unreachable|connection-failed): "
                + "system `crm`: .*").doesNotContain(PASSWORD);
    }

    @Test
    void aServerThatDoesNotAnswerFailsWithTheKindOfFault() throws Exception {
        // a listener that takes connections and never says a word: the connect timeout (1 s here) ends the wait
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            SystemConnector crm = connector(examplePolicy(), urlOfNothing(silent.getLocalPort()), PASSWORD);

            SystemResult r = crm.export(customer(3));

            assertThat(r).isInstanceOf(SystemResult.Failed.class);
            assertThat(((SystemResult.Failed) r).cause()).matches("(timeout|unreachable|connection-failed): system `crm`: .*")
                    .doesNotContain(PASSWORD);
        }
    }

    @Test
    void aMissingTableFailsWithACauseThatSaysSo() throws Exception {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE call_logs");
        }

        SystemResult r = crm().export(customer(3));

        assertThat(r).isInstanceOf(SystemResult.Failed.class);
        assertThat(((SystemResult.Failed) r).cause()).contains("`crm`", "table does not exist");
    }

    @Test
    void aMissingSecretFailsWithTheVariableNamedNeverAValue() throws Exception {
        JdbcConnectorFactory factory = new JdbcConnectorFactory(new Secrets(dataDir, Map.of("CRM_JDBC_URL", url())),
                journal, ZoneId.of("Europe/Amsterdam"), new JdbcConnectorFactory.Settings(2, Duration.ofSeconds(1),
                Duration.ofSeconds(30), 10));
        factories.add(factory);
        Policy policy = examplePolicy();
        SystemResult r = factory.create(policy, policy.system("crm").orElseThrow()).export(customer(3));

        assertThat(r).isInstanceOf(SystemResult.Failed.class);
        assertThat(((SystemResult.Failed) r).cause()).contains("crm", "CRM_DB_USER");
    }

    @Test
    void aUrlThatIsNoJdbcUrlFailsWithoutRepeatingIt() throws Exception {
        SystemConnector crm = connector(examplePolicy(), "https://crm:" + PASSWORD + "@crm.example/db", PASSWORD);

        SystemResult r = crm.export(customer(3));

        assertThat(r).isInstanceOf(SystemResult.Failed.class);
        assertThat(((SystemResult.Failed) r).cause()).contains("`crm`", "CRM_JDBC_URL").doesNotContain(PASSWORD)
                .doesNotContain("crm.example");
    }

    /** Removes a server's temporary folder after it stopped. */
    static void remove(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Connection connect(String url, String user, String password) throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
