package nl.waarborg.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import nl.waarborg.WaarborgApplication;
import nl.waarborg.database.DatabaseProperties;
import nl.waarborg.demo.DemoCrm;
import nl.waarborg.demo.DemoSubjects;
import nl.waarborg.systems.Secrets;
import nl.waarborg.vault.Vault;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `waarborg serve`: the service. No options: embedded PostgreSQL in ./data, the example policy, port 8080. With
 * `--demo`, the example's CRM runs beside it ({@link DemoCrm}).
 */
@Command(name = "serve", description = "Start the Waarborg service.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", description = "data folder (embedded database, keys); default ./data")
    Path data;

    @Option(names = "--policy", paramLabel = "FILE", description = "policy to enforce; default: the self-storage example")
    Path policy;

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port; default 8080")
    Integer port;

    @Option(names = "--host", paramLabel = "ADDRESS",
            description = "address to listen on; default 127.0.0.1 (this machine only); 0.0.0.0 for every interface")
    String host;

    @Option(names = "--database-url", paramLabel = "JDBC-URL",
            description = "an external PostgreSQL instead of the embedded one (user and password via "
                    + "SPRING_DATASOURCE_USERNAME / SPRING_DATASOURCE_PASSWORD)")
    String databaseUrl;

    @Option(names = "--demo", description = "also start the self-storage example's CRM, filled with fictional "
            + "customers, in a second embedded PostgreSQL in DIR/demo-crm, and sweep it (docs/systems.md, \"The demo\")")
    boolean demo;

    @Override
    public Integer call() throws InterruptedException {
        List<String> args = new ArrayList<>();
        DemoCrm crm = null;
        if (demo) {
            if (policy != null) {
                System.err.println("waarborg: --demo runs the self-storage example, whose CRM it starts; leave out --policy");
                return WaarborgCommand.UNREADABLE;
            }
            try {
                Path dir = data != null ? data : Path.of("data");
                crm = DemoCrm.start(dir, new DatabaseProperties("32MB", 2, null, 0, Duration.ofSeconds(1), false).binaries(),
                        LocalDate.now(ZoneId.of("Europe/Amsterdam")));
                DemoCrm started = crm;
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "waarborg-demo-crm-stop"));
                args.add("--waarborg.systems.settings-file=" + crm.settings());
                // the newcomer sees the first sweep: `retention sweep --dry-run`, then `retention sweep`
                args.add("--waarborg.retention.sweep-interval=0");
            } catch (java.io.IOException | java.sql.SQLException | RuntimeException e) {
                System.err.println("waarborg: cannot start the demo CRM: " + e.getMessage());
                return 1;
            }
        }
        if (data != null) {
            args.add("--waarborg.data-dir=" + data);
        }
        if (policy != null) {
            args.add("--waarborg.policy=" + policy);
        }
        if (port != null) {
            args.add("--waarborg.port=" + port);
        }
        if (host != null) {
            args.add("--waarborg.host=" + host);
        }
        if (databaseUrl != null) {
            args.add("--spring.datasource.url=" + databaseUrl);
        }
        ConfigurableApplicationContext context;
        try {
            context = SpringApplication.run(WaarborgApplication.class, args.toArray(String[]::new));
        } catch (RuntimeException e) {
            // Spring Boot has already reported the failure (our failure analyzers keep known ones short)
            if (crm != null) {
                crm.close();
            }
            return 1;
        }
        // The picocli entry point exits when call() returns, so serve waits here until the service is stopped.
        CountDownLatch closed = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger exitCode = new java.util.concurrent.atomic.AtomicInteger();
        context.addApplicationListener(event -> {
            if (event instanceof org.springframework.boot.ExitCodeEvent exit) {
                exitCode.set(exit.getExitCode()); // the service stopped itself, e.g. its database could not be restarted
            } else if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        if (crm != null && context.isActive()) {
            demoSubjects(context, crm);
        }
        if (context.isActive()) {
            closed.await();
        }
        return exitCode.get();
    }

    /** The demo CRM's customers as subjects in the vault, with their `crm` references, once (DemoSubjects). */
    private static void demoSubjects(ConfigurableApplicationContext context, DemoCrm crm) {
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ServeCommand.class);
        try {
            int created = DemoSubjects.createOnce(context.getBean(Vault.class),
                    Secrets.overlay(java.util.Map.of(), crm.settings()));
            if (created > 0) {
                log.info("Created {} subjects for the demo CRM's customers (references crm:<customer id>)", created);
            }
        } catch (java.sql.SQLException | RuntimeException e) { // the demo runs on; the message could hold no value
            log.warn("Could not create the subjects of the demo CRM's customers: {}", e.getClass().getSimpleName());
        }
    }
}
