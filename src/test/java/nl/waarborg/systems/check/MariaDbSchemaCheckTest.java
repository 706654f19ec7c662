package nl.waarborg.systems.check;

import nl.waarborg.systems.MariaDbServer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.waarborg.policy.Finding;
import nl.waarborg.systems.Secrets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same mapping check on MariaDB (Debian's mariadbd, started here): the metadata of its current database (JDBC's
 * catalog) is read as PostgreSQL's current schema is. InnoDB indexes every foreign key itself, so that fault
 * cannot occur here.
 */
class MariaDbSchemaCheckTest {

    private static final String PASSWORD = "Crm-check-" + Long.toHexString(System.nanoTime());

    private static MariaDbServer server;

    @TempDir
    Path data;

    @BeforeAll
    static void start() throws Exception {
        server = MariaDbServer.start();
        server.asRoot("", "CREATE DATABASE crm_faulty", "CREATE DATABASE crm_fitting",
                "CREATE USER 'crm_check'@'127.0.0.1' IDENTIFIED BY '" + PASSWORD + "'",
                "GRANT SELECT ON crm_faulty.* TO 'crm_check'@'127.0.0.1'",
                "GRANT SELECT ON crm_fitting.* TO 'crm_check'@'127.0.0.1'");
        server.asRoot("crm_faulty",
                "CREATE TABLE customers (id bigint PRIMARY KEY, email text, full_name text, birth_date int,"
                        + " created_at datetime NOT NULL, contract_end date, complaint_closed_at datetime, phone_number text)",
                "CREATE TABLE invoices (id bigint NOT NULL, customer_id bigint, amount decimal(10,2), invoice_date date,"
                        + " contract_end date, complaint_closed_at datetime, FOREIGN KEY (customer_id) REFERENCES customers (id))",
                "CREATE TABLE visits (id bigint PRIMARY KEY, visitor_email varchar(320), visited_at datetime)",
                "CREATE TABLE notes (id bigint PRIMARY KEY, customer_id bigint NOT NULL, body text,"
                        + " FOREIGN KEY (customer_id) REFERENCES customers (id))");
        server.asRoot("crm_fitting",
                "CREATE TABLE customers (id bigint PRIMARY KEY, email varchar(320), full_name text, middle_name text,"
                        + " birth_date date, created_at timestamp NOT NULL, contract_end date, complaint_closed_at datetime)",
                "CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint, amount decimal(10,2), invoice_date date,"
                        + " contract_end date, complaint_closed_at datetime, FOREIGN KEY (customer_id) REFERENCES customers (id))",
                "CREATE TABLE visits (id bigint PRIMARY KEY, visitor_email varchar(320), visited_at datetime,"
                        + " INDEX visits_email (visitor_email))");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    private List<MappingCheck.Outcome> check(String database, String password) throws IOException {
        return new MappingCheck(new Secrets(data, Map.of("CRM_URL", server.url(database), "CRM_PASSWORD", password)),
                Duration.ofSeconds(5)).checkAll(SchemaCheckTest.policy());
    }

    private static int lineOf(String text) throws IOException {
        List<String> lines = Files.readAllLines(SchemaCheckTest.POLICY);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(text);
    }

    private static List<String> where(MappingCheck.Outcome outcome) {
        assertThat(outcome).isInstanceOf(MappingCheck.Checked.class);
        return ((MappingCheck.Checked) outcome).findings().stream()
                .map(f -> f.rule() + "@" + f.at().line() + " " + f.severity().word()).toList();
    }

    @Test
    void eachFaultIsFoundOnMariaDbToo() throws Exception {
        assertThat(where(check("crm_faulty", PASSWORD).getFirst())).containsExactlyInAnyOrder(
                "schema-column-unmapped@" + lineOf("            email: email") + " warning",
                "schema-unmapped-reference@" + lineOf("- table: customers") + " warning",
                "schema-column-missing@" + lineOf("middle_name: name") + " error",
                "schema-type-mismatch@" + lineOf("birth_date: birth-date") + " error",
                "schema-key-not-primary@" + (lineOf("- table: invoices") + 1) + " error",
                "schema-link-unindexed@" + lineOf("subject: {identifier: email") + " warning");
    }

    @Test
    void aSchemaThatFitsHasNoFinding() throws Exception {
        assertThat(check("crm_fitting", PASSWORD)).singleElement().isEqualTo(new MappingCheck.Checked("crm", List.of()));
    }

    @Test
    void wrongCredentialsNameTheSystemAndNeverThePassword() throws Exception {
        String wrong = "not-" + PASSWORD;
        MappingCheck.Outcome outcome = check("crm_fitting", wrong).getFirst();
        assertThat(outcome).isInstanceOf(MappingCheck.Unreachable.class);
        assertThat(((MappingCheck.Unreachable) outcome).cause()).startsWith("system `crm`: cannot connect")
                .contains("Access denied", "crm_check").doesNotContain(wrong).doesNotContain(PASSWORD);
    }

    @Test
    void findingsAreInLintsFormat() throws Exception {
        MappingCheck.Checked checked = (MappingCheck.Checked) check("crm_faulty", PASSWORD).getFirst();
        assertThat(checked.findings()).extracting(Finding::format).allSatisfy(l -> assertThat(l)
                .matches(java.util.regex.Pattern.quote(SchemaCheckTest.POLICY.toString()) + ":\\d+:\\d+: (error|warning) schema-[a-z-]+: .+"));
    }
}
