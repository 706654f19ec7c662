package nl.waarborg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import nl.waarborg.systems.check.CrmDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * `waarborg systems check`: lint's format and exit codes (0 clean or warnings, 1 errors, 2 unreadable or a system
 * that cannot be reached), against a real PostgreSQL holding the CRM (a second embedded cluster).
 */
class SystemsCommandTest {

    private static final Path POLICY = Path.of("src/test/resources/policies/crm-check.yaml");

    private static final String[] FITTING = {
            "CREATE TABLE customers (id bigint PRIMARY KEY, email text, full_name text, middle_name text, birth_date date,"
                    + " created_at timestamptz NOT NULL, contract_end date, complaint_closed_at timestamp)",
            "CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id), amount numeric(10,2),"
                    + " invoice_date date, contract_end date, complaint_closed_at timestamp)",
            "CREATE INDEX invoices_customer ON invoices (customer_id)",
            "CREATE TABLE visits (id bigint PRIMARY KEY, visitor_email varchar(320), visited_at timestamptz)",
            "CREATE INDEX visits_email ON visits (visitor_email)"};

    private static CrmDatabase crm;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void databases() throws Exception {
        crm = CrmDatabase.shared();
        crm.create("cli_fitting", FITTING);
        // no index on the e-mail link: a warning only
        crm.create("cli_warning", Arrays.stream(FITTING).filter(s -> !s.contains("visits_email")).toArray(String[]::new));
        // a column the mapping names is missing: an error
        crm.create("cli_error", Arrays.stream(FITTING).map(s -> s.replace(" middle_name text,", "")).toArray(String[]::new));
    }

    private int run(Map<String, String> environment, String... args) {
        CommandLine cl = WaarborgCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        ((SystemsCommand.Check) cl.getSubcommands().get("systems").getSubcommands().get("check").getCommand())
                .environment = environment;
        return cl.execute(args);
    }

    private static Map<String, String> env(String database, String password) {
        Map<String, String> env = new HashMap<>();
        env.put("CRM_URL", crm.url(database));
        env.put("CRM_PASSWORD", password);
        return env;
    }

    @Test
    void aFittingMappingExitsZeroSilently() {
        assertThat(run(env("cli_fitting", crm.password()), "systems", "check", "--policy", POLICY.toString(),
                "--data", dir.toString())).isZero();
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void warningsOnlyExitZeroInLintsFormat() {
        assertThat(run(env("cli_warning", crm.password()), "systems", "check", "--policy", POLICY.toString())).isZero();
        assertThat(out.toString().strip()).matches(java.util.regex.Pattern.quote(POLICY.toString())
                + ":\\d+:\\d+: warning schema-link-unindexed: column `visits.visitor_email` .+");
    }

    @Test
    void aMissingColumnExitsOneWithTheFindingAtItsLine() throws Exception {
        assertThat(run(env("cli_error", crm.password()), "systems", "check", "--policy", POLICY.toString())).isEqualTo(1);
        int line = Files.readAllLines(POLICY).indexOf("            middle_name: name") + 1;
        assertThat(out.toString()).startsWith(POLICY + ":" + line + ":13: error schema-column-missing: table `customers` of "
                + "system `crm` has no column `middle_name`");
    }

    @Test
    void wrongCredentialsExitTwoNamingTheSystemAndNeverThePassword() {
        String wrong = "not-" + crm.password();
        assertThat(run(env("cli_fitting", wrong), "systems", "check", "--policy", POLICY.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("waarborg: system `crm`: cannot connect to or read its database")
                .contains("password authentication failed for user \"crm_check\"")
                .doesNotContain(wrong).doesNotContain(crm.password());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aSystemThatIsDownExitsTwo() {
        Map<String, String> env = env("cli_fitting", crm.password());
        env.put("CRM_URL", "jdbc:postgresql://127.0.0.1:1/crm");
        assertThat(run(env, "systems", "check", "--policy", POLICY.toString(), "--timeout", "2")).isEqualTo(2);
        assertThat(err.toString()).contains("system `crm`", "127.0.0.1:1").doesNotContain(crm.password());
    }

    @Test
    void anUnsetVariableExitsTwoNamingIt() {
        assertThat(run(Map.of("CRM_URL", crm.url("cli_fitting")), "systems", "check", "--policy", POLICY.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).isEqualTo("waarborg: system `crm`: password: environment variable CRM_PASSWORD is not set"
                + System.lineSeparator());
    }

    @Test
    void aPolicyWithErrorsExitsOneAndAMissingOneTwo() throws Exception {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, Files.readString(POLICY).replace("    period: P7D", "    period: P7X"));
        assertThat(run(env("cli_fitting", crm.password()), "systems", "check", "--policy", broken.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("retention-period-invalid", "fix them before checking its systems");

        assertThat(run(Map.of(), "systems", "check", "--policy", dir.resolve("nope.yaml").toString())).isEqualTo(2);
    }

    @Test
    void aPolicyWithoutJdbcSystemsHasNothingToCheck() {
        assertThat(run(Map.of(), "systems", "check", "--policy", "src/test/resources/policies/clean.yaml")).isZero();
        assertThat(err.toString()).contains("declares no system with a `jdbc:` mapping");
    }

    @Test
    void withoutPolicyItChecksTheOneServeEnforcesByDefault() {
        // the self-storage example names its CRM by environment variables that are not set here
        assertThat(run(Map.of(), "systems", "check")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("waarborg: system `crm`: url: environment variable CRM_JDBC_URL is not set"
                + System.lineSeparator());
    }
}
