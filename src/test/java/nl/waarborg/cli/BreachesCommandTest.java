package nl.waarborg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import nl.waarborg.WaarborgApplication;
import nl.waarborg.access.Caller;
import nl.waarborg.breaches.service.Breaches;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/** `waarborg breaches list` on a real data folder: the register with each clock's state, and only open ones with --open. */
class BreachesCommandTest {

    @TempDir
    static Path data;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    static String open;
    static String closed;

    @BeforeAll
    static void aServiceRanThere() {
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(WaarborgApplication.class)
                .web(WebApplicationType.NONE)
                .run("--waarborg.data-dir=" + data, "--waarborg.policy=examples/self-storage.yaml")) {
            Breaches breaches = service.getBean(Breaches.class);
            Caller staff = new Caller("staff", "dpo", List.of(), true);
            Instant now = Instant.now();
            open = breaches.register(staff, facts(now)).breach().reference();
            closed = breaches.register(staff, facts(now)).breach().reference();
            breaches.decide(staff, closed, new Breaches.Decision(false, "no risk", "no", "no risk"));
            breaches.close(staff, closed);
        }
    }

    private static Breaches.Facts facts(Instant now) {
        return new Breaches.Facts("Mail to wrong recipient", null, null, null, now, now, null, null,
                List.of("confidentiality"), List.of("reading"), List.of(), List.of(), 1L, 1L, null, null, null, null,
                null, null, null, null, null);
    }

    private int run(String... args) {
        CommandLine cl = WaarborgCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void listOpenShowsTheOpenBreachesWithTheirClock() {
        assertThat(run("breaches", "list", "--open", "--data", data.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("REFERENCE\tSTATE\tDUE").contains(open + "\trunning\t")
                .doesNotContain(closed).contains("1 breach\n");
    }

    @Test
    void listShowsClosedOnesToo() {
        assertThat(run("breaches", "list", "--data", data.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains(open).contains(closed + "\tnot-required\t").contains("2 breaches");
    }
}
