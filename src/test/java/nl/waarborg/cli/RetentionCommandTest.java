package nl.waarborg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.waarborg.WaarborgApplication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/** `waarborg retention forecast|sweep` on a real data folder: output, exit codes, and a bad policy located. */
class RetentionCommandTest {

    @TempDir
    static Path data;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void aServiceRanThere() {
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(WaarborgApplication.class)
                .web(WebApplicationType.NONE)
                .run("--waarborg.data-dir=" + data, "--waarborg.policy=examples/self-storage.yaml")) {
            service.getBean(javax.sql.DataSource.class); // migrated, policy stored
            // one customer's name, kept while the contract runs: no due date yet
            nl.waarborg.access.Caller staff = new nl.waarborg.access.Caller("test", "management", java.util.List.of(), true);
            nl.waarborg.vault.Vault vault = service.getBean(nl.waarborg.vault.Vault.class);
            java.util.UUID customer = vault.createSubjects(staff, java.util.List.of(new nl.waarborg.vault.Vault.NewSubject(
                    java.util.List.of(), java.util.List.of(), java.util.List.of("customer")))).getFirst();
            nl.waarborg.access.Caller crm = new nl.waarborg.access.Caller("crm", "customer-service",
                    java.util.List.of("customer-contract"), false);
            vault.addItems(crm, java.util.List.of(new nl.waarborg.vault.NewItem(customer, "name", "value",
                    java.util.List.of("customer-contract"), "from-subject", "crm", null)));
        }
    }

    private int run(String... args) {
        CommandLine cl = WaarborgCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void forecastListsTheAttestationsOfManualSystems() {
        assertThat(run("retention", "forecast", "--days", "14", "--data", data.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Retention forecast").contains("(14 days)").contains("0 items")
                .contains("ATTESTATION DUE").contains("cctv").contains("Facilitair manager");
    }

    @Test
    void forecastCountsWhatIsKeptWithoutADateAndNamesTheEventItWaitsFor() {
        assertThat(run("retention", "forecast", "--data", data.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Kept without a due date: 1 items")
                .contains("name\tcustomers-contract\tuntil contract-ended\t1");
    }

    @Test
    void aDryRunSweepChangesNothingAndSaysSo() {
        assertThat(run("retention", "sweep", "--dry-run", "--data", data.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("dry run at ").contains("0 items due");
    }

    @Test
    void aSweepReportsWhatItErased() {
        assertThat(run("retention", "sweep", "--data", data.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("0 items erased").contains("attestation tasks created");
    }

    @Test
    void badDaysAndABrokenCandidatePolicyAreRefusedWithTheirReason() throws Exception {
        assertThat(run("retention", "forecast", "--days", "-3", "--data", data.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--days is 0 to 3660");

        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, Files.readString(Path.of("examples/self-storage.yaml"))
                .replace("    period: P7D\n", "    period: as long as necessary\n"));
        assertThat(run("retention", "forecast", "--policy", broken.toString(), "--data", data.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("broken.yaml:").contains("retention-not-concrete");

        assertThat(run("retention", "forecast", "--data", dir.resolve("nothing").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no Waarborg database in");
    }
}
