package nl.waarborg.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import nl.waarborg.WaarborgApplication;
import nl.waarborg.policy.LinkKind;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.systems.SubjectLinks;
import nl.waarborg.systems.SystemConnector;
import nl.waarborg.systems.SystemResult;
import nl.waarborg.systems.jdbc.JdbcConnectorFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One subject's export from a jdbc system (docs/benchmarks.md, "Systems (issue 15)"; scripts/bench-systems export): the
 * CRM of {@link BenchCrm} with {@code CUSTOMERS} customers, each with a rental and two invoices (2,500,000 customers:
 * 10,000,000 rows in all). After a warm-up, {@code SUBJECTS} customers drawn at random (seed 15) are exported through
 * the real connector ({@code JdbcConnector.export}, a reference of scheme {@code crm}: the customer's rows, then its
 * children's, every personal value with its category), each timed from the call to its answer. The baseline, in the
 * same run for the same customers, alternating which goes first: the three queries written by hand (the customer by
 * its key, its rentals and invoices by their foreign key, the same columns), on one open connection.
 * Usage: {@code SystemExportBenchmark [CUSTOMERS] [SUBJECTS] [WARMUP]} (default 2,500,000, 5,000, 1,000).
 */
public final class SystemExportBenchmark {

    public static void main(String[] args) throws Exception {
        long customers = args.length > 0 ? Long.parseLong(args[0]) : 2_500_000L;
        int subjects = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        Path dir = Files.createTempDirectory("waarborg-systems-bench");
        try (BenchCrm crm = BenchCrm.start(dir.resolve("crm"), "256MB")) {
            run(crm, dir, customers, subjects, warmup);
        } finally {
            BenchCrm.remove(dir);
        }
    }

    private static void run(BenchCrm crm, Path dir, long customers, int subjects, int warmup) throws Exception {
        long t0 = System.nanoTime();
        crm.createTables();
        long chunk = 500_000;
        for (long from = 1; from <= customers; from += chunk) {
            crm.load(from, Math.min(customers, from + chunk - 1), customers, "true");
        }
        crm.addKeysAndIndexes();
        crm.exec("VACUUM ANALYZE customers", "VACUUM ANALYZE rentals", "VACUUM ANALYZE invoices");
        long rows = crm.count("SELECT (SELECT count(*) FROM customers) + (SELECT count(*) FROM rentals) "
                + "+ (SELECT count(*) FROM invoices)");
        System.out.printf("CRM: %,d customers with a rental and two invoices each, %,d rows in all, loaded and indexed "
                + "in %.1f s%n", customers, rows, (System.nanoTime() - t0) / 1e9);

        Path policy = BenchCrm.policy(dir.resolve("policy.yaml"));
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(WaarborgApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .run("--waarborg.data-dir=" + dir.resolve("waarborg"), "--waarborg.policy=" + policy,
                        "--logging.config=classpath:waarborg-cli-logback.xml",
                        "--waarborg.retention.sweep-interval=0", "--waarborg.systems.retry-interval=0s",
                        "--waarborg.systems.settings-file=" + crm.settings());
             Connection baseline = crm.connect()) {
            Policy inForce = ctx.getBean(ActivePolicy.class).loaded().policy();
            SystemConnector connector = ctx.getBean(JdbcConnectorFactory.class).create(inForce,
                    inForce.system("crm").orElseThrow());
            Random random = new Random(15);
            Exports exports = new Exports(connector, baseline);
            for (int i = 0; i < warmup; i++) {
                long id = 1 + (long) (random.nextDouble() * customers);
                exports.waarborg(id);
                exports.baseline(id);
            }
            long[] waarborg = new long[subjects];
            long[] hand = new long[subjects];
            long values = 0;
            for (int i = 0; i < subjects; i++) {
                long id = 1 + (long) (random.nextDouble() * customers);
                boolean waarborgFirst = i % 2 == 0;
                for (int step = 0; step < 2; step++) {
                    long s = System.nanoTime();
                    if ((step == 0) == waarborgFirst) {
                        values += exports.waarborg(id);
                        waarborg[i] = System.nanoTime() - s;
                    } else {
                        exports.baseline(id);
                        hand[i] = System.nanoTime() - s;
                    }
                }
            }
            System.out.printf("export of one subject through JdbcConnector.export, %,d random customers after %,d of "
                    + "warm-up (%,d values, %.1f per subject): %s%n", subjects, warmup, values, (double) values / subjects,
                    percentiles(waarborg));
            System.out.printf("baseline, the three queries by hand on one open connection, the same customers: %s%n",
                    percentiles(hand));
        }
    }

    private static String percentiles(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms", s[s.length / 2] / 1e6,
                s[(int) (s.length * 0.90)] / 1e6, s[(int) (s.length * 0.99)] / 1e6, s[s.length - 1] / 1e6);
    }

    /** The two ways to export one customer. */
    private static final class Exports {

        private final SystemConnector connector;
        private final PreparedStatement customer;
        private final PreparedStatement rentals;
        private final PreparedStatement invoices;

        Exports(SystemConnector connector, Connection c) throws Exception {
            this.connector = connector;
            this.customer = c.prepareStatement("SELECT id, first_name, last_name, email, phone, birth_date, id_document, "
                    + "company, billing_address, iban FROM customers WHERE id = ?");
            this.rentals = c.prepareStatement("SELECT id, unit, location, starts_on, ends_on FROM rentals WHERE customer_id = ?");
            this.invoices = c.prepareStatement("SELECT id, amount FROM invoices WHERE customer_id = ?");
        }

        /** Waarborg's export; the number of values it found. */
        int waarborg(long id) {
            SystemResult r = connector.export(new SubjectLinks(null, List.of(
                    new SubjectLinks.Link(LinkKind.REFERENCE, "crm", Long.toString(id)))));
            if (!(r instanceof SystemResult.Done done) || done.exported().isEmpty()) {
                throw new IllegalStateException("customer " + id + " was not exported: " + r);
            }
            return done.exported().size();
        }

        void baseline(long id) throws Exception {
            int values = 0;
            for (PreparedStatement ps : List.of(customer, rentals, invoices)) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            if (rs.getObject(i) != null) {
                                values++;
                            }
                        }
                    }
                }
            }
            if (values == 0) {
                throw new IllegalStateException("customer " + id + " not found");
            }
        }
    }
}
