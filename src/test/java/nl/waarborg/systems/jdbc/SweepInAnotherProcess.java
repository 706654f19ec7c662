package nl.waarborg.systems.jdbc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import nl.waarborg.WaarborgApplication;
import nl.waarborg.systems.LinkedSubjects;
import nl.waarborg.systems.SweepRequest;
import nl.waarborg.systems.SystemConnectors;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The process {@link JdbcSweepKilledTest} kills: the service (without web) on a data folder, which writes {@code ready}
 * when it has started, waits for {@code go}, and then sweeps the CRM system of the example policy in batches of one
 * row. Arguments: the data folder, the CRM's settings file.
 */
public final class SweepInAnotherProcess {

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(WaarborgApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .run("--waarborg.data-dir=" + data, "--waarborg.policy=examples/self-storage.yaml",
                        "--waarborg.systems.settings-file=" + args[1], "--waarborg.systems.jdbc.batch=1",
                        "--waarborg.retention.sweep-interval=PT0S", "--logging.config=classpath:waarborg-cli-logback.xml")) {
            Files.writeString(data.resolveSibling(data.getFileName() + ".ready"), "ready");
            Path go = data.resolveSibling(data.getFileName() + ".go");
            while (!Files.exists(go)) {
                Thread.sleep(50);
            }
            SystemConnectors.Entry crm = ctx.getBean(SystemConnectors.class).find("crm").orElseThrow();
            System.out.println(crm.connector().sweep(new SweepRequest(Instant.now(), false, LinkedSubjects.NONE,
                    "sweep-in-another-process")));
        }
    }
}
