package nl.waarborg.systems.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.waarborg.policy.Finding;
import nl.waarborg.policy.LoadedPolicy;
import nl.waarborg.policy.Policy.DataSystem;
import nl.waarborg.policy.PolicyLoader;
import nl.waarborg.policy.Severity;
import nl.waarborg.systems.Secrets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mapping of {@code crm} in policies/crm-check.yaml against a real PostgreSQL (a second embedded cluster, not
 * Waarborg's own database) whose schema has one of each fault, and against one that fits.
 */
class SchemaCheckTest {

    static final Path POLICY = Path.of("src/test/resources/policies/crm-check.yaml");

    /** Each fault once: a missing column (middle_name), a date in an integer (birth_date), no primary key (invoices),
     * an unindexed foreign key (invoices.customer_id) and subject link (visits.visitor_email), an unmapped table
     * pointing at customers (notes), an unmapped column that looks personal (phone_number). */
    static final String[] FAULTY = {
            "CREATE TABLE customers (id bigint PRIMARY KEY, email text, full_name text, birth_date integer,"
                    + " created_at timestamptz NOT NULL, contract_end date, complaint_closed_at timestamp, phone_number text)",
            "CREATE TABLE invoices (id bigint NOT NULL, customer_id bigint REFERENCES customers (id), amount numeric(10,2),"
                    + " invoice_date date, contract_end date, complaint_closed_at timestamp)",
            "CREATE TABLE visits (id bigint PRIMARY KEY, visitor_email varchar(320), visited_at timestamptz)",
            "CREATE TABLE notes (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id), body text)",
            "GRANT SELECT ON ALL TABLES IN SCHEMA public TO crm_check"};

    /** The same CRM as the mapping says it. */
    static final String[] FITTING = {
            "CREATE TABLE customers (id bigint PRIMARY KEY, email text, full_name text, middle_name text, birth_date date,"
                    + " created_at timestamptz NOT NULL, contract_end date, complaint_closed_at timestamp, shoe_size int)",
            "CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id), amount numeric(10,2),"
                    + " invoice_date date, contract_end date, complaint_closed_at timestamp)",
            "CREATE INDEX invoices_customer ON invoices (customer_id, invoice_date)",
            "CREATE TABLE visits (id bigint PRIMARY KEY, visitor_email varchar(320), visited_at timestamptz)",
            "CREATE INDEX visits_email ON visits (visitor_email)",
            "GRANT SELECT ON ALL TABLES IN SCHEMA public TO crm_check"};

    static CrmDatabase crm;

    @TempDir
    Path data;

    @BeforeAll
    static void schemas() throws SQLException {
        crm = CrmDatabase.shared();
        crm.create("crm_faulty", FAULTY);
        crm.create("crm_fitting", FITTING);
    }

    static LoadedPolicy policy() throws IOException {
        return PolicyLoader.load(POLICY).orThrow();
    }

    private static List<Finding> check(String database) throws IOException, SQLException {
        LoadedPolicy p = policy();
        DataSystem crmSystem = p.policy().systems().stream().filter(s -> s.id().equals("crm")).findFirst().orElseThrow();
        try (Connection c = DriverManager.getConnection(crm.url(database), crm.user(), crm.password())) {
            return new SchemaCheck(p).check(crmSystem, c);
        }
    }

    private static int lineOf(String text) throws IOException {
        List<String> lines = Files.readAllLines(POLICY);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(text);
    }

    /** "rule@line severity" for each finding. */
    private static List<String> where(List<Finding> findings) {
        return findings.stream().map(f -> f.rule() + "@" + f.at().line() + " " + f.severity().word()).toList();
    }

    @Test
    void eachFaultOfTheSchemaIsOneFindingAtTheMappingLineThatNamesIt() throws Exception {
        List<Finding> findings = check("crm_faulty");
        assertThat(where(findings)).as(findings.stream().map(Finding::format).toList().toString()).containsExactlyInAnyOrder(
                // the `columns` mapping, at its first entry
                "schema-column-unmapped@" + lineOf("            email: email") + " warning",
                "schema-unmapped-reference@" + lineOf("- table: customers") + " warning",
                "schema-column-missing@" + lineOf("middle_name: name") + " error",
                "schema-type-mismatch@" + lineOf("birth_date: birth-date") + " error",
                "schema-key-not-primary@" + (lineOf("- table: invoices") + 1) + " error",
                "schema-link-unindexed@" + lineOf("parent: {table: customers") + " warning",
                "schema-link-unindexed@" + lineOf("subject: {identifier: email") + " warning");
        assertThat(findings).allSatisfy(f -> assertThat(f.at().file()).isEqualTo(POLICY.toString()));
    }

    @Test
    void theMessagesSayWhatIsWrongAndWhy() throws Exception {
        Map<String, String> byRule = new java.util.HashMap<>();
        check("crm_faulty").forEach(f -> byRule.merge(f.rule(), f.message(), (a, b) -> a + " | " + b));
        assertThat(byRule.get("schema-column-missing")).contains("table `customers`", "no column `middle_name`");
        assertThat(byRule.get("schema-type-mismatch")).contains("`customers.birth_date`", "`birth-date`", "a date", "int4");
        assertThat(byRule.get("schema-key-not-primary")).contains("table `invoices` has no primary key");
        assertThat(byRule.get("schema-link-unindexed")).contains("(customer_id) of table `invoices`", "`visits.visitor_email`",
                "reads the whole table");
        assertThat(byRule.get("schema-unmapped-reference")).contains("table `notes` points at `customers` (customer_id)",
                "parent: {table: customers, columns: [customer_id]}", "Art. 5(1)(e), 15, 17");
        assertThat(byRule.get("schema-column-unmapped")).contains("`customers.phone_number`").doesNotContain("body");
    }

    @Test
    void aSchemaThatFitsTheMappingHasNoFinding() throws Exception {
        // shoe_size is unmapped but not personal by its name; the foreign key's index has a second column after it
        assertThat(check("crm_fitting")).extracting(Finding::format).isEmpty();
    }

    @Test
    void aMissingTableIsOneErrorAndItsColumnsAreNotReportedToo() throws Exception {
        crm.create("crm_no_visits", java.util.Arrays.stream(FITTING).filter(s -> !s.contains("visits")).toArray(String[]::new));
        List<Finding> findings = check("crm_no_visits");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("schema-table-missing");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.at().line()).isEqualTo(lineOf("- table: visits"));
            assertThat(f.message()).contains("system `crm` has no table `visits`");
        });
    }

    @Test
    void aKeyThatIsNotThePrimaryKeyAndAMomentThatIsNoDateAreErrors() throws Exception {
        crm.create("crm_other_key", FITTING[0].replace("id bigint PRIMARY KEY", "id bigint, crm_no int PRIMARY KEY")
                .replace("created_at timestamptz", "created_at varchar(30)"), FITTING[1].replace("REFERENCES customers (id)", ""),
                FITTING[3], FITTING[4], FITTING[5]);
        List<Finding> findings = check("crm_other_key");
        assertThat(where(findings)).containsExactlyInAnyOrder(
                "schema-key-not-primary@" + (lineOf("- table: customers") + 1) + " error",
                "schema-type-mismatch@" + lineOf("collected-at: created_at") + " error",
                // id is no longer the primary key, and nothing else indexes it
                "schema-link-unindexed@" + lineOf("subject: {reference: crm") + " warning",
                "schema-link-unindexed@" + lineOf("parent: {table: customers") + " warning");
        assertThat(findings.getFirst().message()).contains("`key: [id]` is not the primary key", "[crm_no]");
        assertThat(findings).filteredOn(f -> f.rule().equals("schema-type-mismatch")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("varchar", "the current time", "date or timestamp"));
    }

    @Test
    void theCheckConnectsWithTheSettingsThePolicyNamesAndOnlyReads() throws Exception {
        MappingCheck check = new MappingCheck(new Secrets(data, Map.of("CRM_URL", crm.url("crm_fitting"),
                "CRM_PASSWORD", crm.password())), Duration.ofSeconds(5));
        assertThat(check.checkAll(policy())).singleElement()
                .isEqualTo(new MappingCheck.Checked("crm", List.of()));
    }

    @Test
    void wrongCredentialsNameTheSystemAndNeverThePassword() throws Exception {
        String wrong = "Wr0ng-" + crm.password();
        MappingCheck check = new MappingCheck(new Secrets(data, Map.of("CRM_URL", crm.url("crm_fitting"),
                "CRM_PASSWORD", wrong)), Duration.ofSeconds(5));
        MappingCheck.Outcome outcome = check.checkAll(policy()).getFirst();
        assertThat(outcome).isInstanceOf(MappingCheck.Unreachable.class);
        String cause = ((MappingCheck.Unreachable) outcome).cause();
        assertThat(cause).startsWith("system `crm`").contains("password authentication failed", "crm_check")
                .doesNotContain(wrong).doesNotContain(crm.password()).doesNotContain("socketFactoryArg");
    }

    @Test
    void aMissingSettingIsUnreachableNamingTheVariable() throws Exception {
        MappingCheck check = new MappingCheck(new Secrets(data, Map.of("CRM_URL", crm.url("crm_fitting"))),
                Duration.ofSeconds(5));
        assertThat(check.checkAll(policy())).singleElement().isEqualTo(new MappingCheck.Unreachable("crm",
                "system `crm`: password: environment variable CRM_PASSWORD is not set"));
    }

    @Test
    void aServerThatIsDownIsUnreachableWithTheDriversReason() throws Exception {
        MappingCheck check = new MappingCheck(new Secrets(data, Map.of("CRM_URL", "jdbc:postgresql://127.0.0.1:1/crm",
                "CRM_PASSWORD", "s3cret-value")), Duration.ofSeconds(2));
        MappingCheck.Outcome outcome = check.checkAll(policy()).getFirst();
        assertThat(outcome).isInstanceOf(MappingCheck.Unreachable.class);
        assertThat(((MappingCheck.Unreachable) outcome).cause()).startsWith("system `crm`: cannot connect")
                .contains("jdbc:postgresql://127.0.0.1:1/crm").doesNotContain("s3cret-value");
    }

    @Test
    void aDriverThatEchoesThePasswordIsScrubbed() {
        assertThat(MappingCheck.scrub("bad URL jdbc:mariadb://h/db?user=a&password=hunter2 for hunter2", "hunter2"))
                .isEqualTo("bad URL jdbc:mariadb://h/db?user=a&password=*** for ***");
        assertThat(MappingCheck.where("jdbc:mysql://root:hunter2@db:3306/crm?password=x")).isEqualTo("jdbc:mysql://db:3306/crm");
    }

    @Test
    void theKindOfACategoryIsReadFromTheLastWordsOfItsIdOrDpvTerm() {
        assertThat(SchemaCheck.kindOf("birth-date", null)).isEqualTo(SchemaCheck.ValueKind.DATE);
        assertThat(SchemaCheck.kindOf("geboorte", "pd:BirthDate")).isEqualTo(SchemaCheck.ValueKind.DATE);
        assertThat(SchemaCheck.kindOf("email", null)).isEqualTo(SchemaCheck.ValueKind.TEXT);
        assertThat(SchemaCheck.kindOf("contact", "https://w3id.org/dpv/pd#EmailAddress")).isEqualTo(SchemaCheck.ValueKind.TEXT);
        assertThat(SchemaCheck.kindOf("phone-number", null)).isEqualTo(SchemaCheck.ValueKind.TEXT);
        assertThat(SchemaCheck.kindOf("billing-address", null)).isEqualTo(SchemaCheck.ValueKind.TEXT);
        // not judged: a machine's address, interactions with e-mails, an update flag, what no word names
        for (String id : List.of("ip-address", "email-interactions", "update-preferences", "payment-details", "invoice")) {
            assertThat(SchemaCheck.kindOf(id, null)).as(id).isNull();
        }
        assertThat(SchemaCheck.kindOf("ip", "pd:IPAddress")).isNull();
    }

    @Test
    void namesThatLookPersonal() {
        assertThat(List.of("email", "e_mail", "EmailAddress", "work_phone", "telephone", "tel", "iban", "bsn",
                "birth_place", "dob", "last_name", "lastName", "name", "home_address", "ip", "mail_opt_in"))
                .allSatisfy(n -> assertThat(SchemaCheck.looksPersonal(n)).as(n).isTrue());
        assertThat(List.of("id", "amount", "created_at", "status", "shoe_size", "hotel", "tip", "body", "notes"))
                .allSatisfy(n -> assertThat(SchemaCheck.looksPersonal(n)).as(n).isFalse());
    }
}
