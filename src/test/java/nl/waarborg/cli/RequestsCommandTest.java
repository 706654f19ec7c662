package nl.waarborg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import nl.waarborg.WaarborgApplication;
import nl.waarborg.access.Caller;
import nl.waarborg.requests.service.Requests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/** `waarborg requests list` on a real data folder: the open requests by deadline, filters, and a bad option's exit code. */
class RequestsCommandTest {

    @TempDir
    static Path data;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    static String verified;
    static String unverified;

    @BeforeAll
    static void aServiceRanThere() {
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(WaarborgApplication.class)
                .web(WebApplicationType.NONE)
                .run("--waarborg.data-dir=" + data, "--waarborg.policy=examples/self-storage.yaml")) {
            Requests requests = service.getBean(Requests.class);
            Caller staff = new Caller("staff", "dpo", List.of(), true);
            verified = requests.receive(staff, new Requests.NewRequest(List.of("access"), List.of(), "email", "nl", null,
                    null)).reference();
            requests.identity(staff, verified, "email-link", "verified");
            unverified = requests.receive(staff, new Requests.NewRequest(List.of("erasure"), List.of(), "post", "en", null,
                    null)).reference();
        }
    }

    private int run(String... args) {
        CommandLine cl = WaarborgCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void listShowsTheVerifiedOpenRequestsWithTheirDeadlines() {
        assertThat(run("requests", "list", "--due-within", "6w", "--data", data.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("REFERENCE\tDUE\tDAYS LEFT").contains(verified + "\t")
                .contains("\taccess\tverified\topen\t").doesNotContain(unverified).contains("1 request\n");
    }

    @Test
    void unverifiedRequestsAreListedWhenAskedFor() {
        assertThat(run("requests", "list", "--unverified", "--data", data.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains(verified).contains(unverified).contains("2 requests");
    }

    @Test
    void aDueWithinThatIsNoNumberOfDaysOrWeeksIsRefused() {
        assertThat(run("requests", "list", "--due-within", "1m", "--data", data.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--due-within").contains("7d or 2w");
    }
}
