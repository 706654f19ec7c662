package nl.waarborg.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import nl.waarborg.WaarborgApplication;
import nl.waarborg.database.DataFolder;
import nl.waarborg.demo.DemoCrm;
import org.springframework.beans.BeansException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.transaction.TransactionException;
import picocli.CommandLine.Option;

/**
 * `--data DIR` or `--database-url URL`: the database of a Waarborg service, for one-shot commands that work
 * on it (`audit verify|export`, `keys create|list|revoke`). They run the application without its web server
 * on that database; beside a running service they use the database that service published.
 */
final class DatabaseOptions {

    @Option(names = "--data", paramLabel = "DIR",
            description = "the data folder of the service (its embedded database); default ./data")
    Path data;

    @Option(names = "--database-url", paramLabel = "JDBC-URL",
            description = "an external PostgreSQL instead of the embedded one (user and password via "
                    + "SPRING_DATASOURCE_USERNAME / SPRING_DATASOURCE_PASSWORD)")
    String databaseUrl;

    /**
     * Runs {@code work} on a context opened on the database and closes it; empty after telling {@code err} why
     * the database could not be opened or read. {@code whileRunning} says what to use instead when a running
     * service holds the data folder (its HTTP endpoint).
     */
    <T> Optional<T> query(PrintWriter err, String whileRunning, Function<ConfigurableApplicationContext, T> work) {
        List<String> args = new ArrayList<>();
        // the command's output is its result: libraries speak only when something is wrong
        args.add("--logging.config=classpath:waarborg-cli-logback.xml");
        // a one-shot command leaves the schema as it is: migrating is for `waarborg serve`
        args.add("--spring.flyway.enabled=false");
        // it works with the policy the service enforces (the latest stored version) and records no load
        args.add("--waarborg.policy-from-database=true");
        if (databaseUrl != null) {
            if (data != null) {
                return fail(err, "give --data or --database-url, not both");
            }
            args.add("--spring.datasource.url=" + databaseUrl);
        } else {
            Path dir = data != null ? data : Path.of("data");
            if (!Files.isDirectory(dir.resolve("postgres"))) {
                // opening it would create an empty database there and report on that: a typo must not look like a clean log
                return fail(err, "no Waarborg database in " + dir.toAbsolutePath()
                        + "; give the folder `waarborg serve` uses (--data DIR), or --database-url");
            }
            args.add("--waarborg.data-dir=" + dir);
            // beside a running service: use the database it runs (through its socket) instead of the folder it holds
            if (DataFolder.heldByRunningService(dir)) {
                args.add("--waarborg.database.attach=true");
            }
            // a folder `serve --demo` ran in: its systems are reached with the demo CRM's settings
            if (Files.isRegularFile(DemoCrm.settingsFile(dir))) {
                args.add("--waarborg.systems.settings-file=" + DemoCrm.settingsFile(dir));
            }
        }
        // `waarborg` points plain logback at the command-line configuration; Spring Boot is told through
        // logging.config above and would only warn that it ignores the system property
        System.clearProperty("logback.configurationFile");
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(WaarborgApplication.class)
                    .web(WebApplicationType.NONE)
                    // only the beans the command asks for: no policy load is recorded, no staff token is created
                    .lazyInitialization(true)
                    .logStartupInfo(false)
                    .run(args.toArray(String[]::new));
        } catch (RuntimeException e) {
            return cannotOpen(err, whileRunning, e);
        }
        // with lazy beans, some failures (an unreachable server, a missing table) only show when the work uses the database
        try (context) {
            return Optional.ofNullable(work.apply(context));
        } catch (BeansException | DataAccessException | TransactionException e) {
            return cannotOpen(err, whileRunning, e);
        }
    }

    private static <T> Optional<T> cannotOpen(PrintWriter err, String whileRunning, RuntimeException e) {
        DataFolder.DataFolderInUseException inUse = find(e, DataFolder.DataFolderInUseException.class);
        if (inUse != null) {
            return fail(err, "the data folder " + inUse.root().toAbsolutePath() + " is in use by a running Waarborg ("
                    + inUse.holder() + "); ask that service instead (" + whileRunning + ", with the staff token), "
                    + "or stop it and run this again");
        }
        if (find(e, BadSqlGrammarException.class) != null) {
            return fail(err, "cannot read the database: " + reason(e) + " (a table is missing: either the database is older "
                    + "than this Waarborg, and `waarborg serve` of this version brings it up to date, or the table was removed)");
        }
        return fail(err, "cannot read the database: " + reason(e));
    }

    private static <T> Optional<T> fail(PrintWriter err, String message) {
        err.println("waarborg: " + message);
        err.flush();
        return Optional.empty();
    }

    private static <X extends Throwable> X find(Throwable t, Class<X> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    /** The driver's own words when there are any (they name host and port), else the root cause's; first line only. */
    private static String reason(Throwable t) {
        Throwable said = find(t, SQLException.class);
        if (said == null) {
            said = t;
            while (said.getCause() != null && said.getCause() != said) {
                said = said.getCause();
            }
        }
        String message = said.getMessage() != null ? said.getMessage() : said.toString();
        return message.lines().findFirst().orElse(message);
    }
}
