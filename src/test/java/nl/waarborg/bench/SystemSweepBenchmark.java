package nl.waarborg.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import nl.waarborg.WaarborgApplication;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.systems.LinkedSubjects;
import nl.waarborg.systems.SweepRequest;
import nl.waarborg.systems.SystemConnector;
import nl.waarborg.systems.SystemResult;
import nl.waarborg.systems.jdbc.JdbcConnectorFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sweep of a jdbc system against a hand-written baseline (docs/benchmarks.md, "Systems (issue 15)";
 * scripts/bench-systems sweep): a CRM on a second embedded PostgreSQL ({@link BenchCrm}: customers, rentals, invoices)
 * with {@code CUSTOMERS} customers, a tenth of them due with their children. Per run, in the same process, alternating
 * which goes first, the same due rows freshly loaded before each side:
 * <ol>
 *   <li>Waarborg's sweep of the system through the real connector ({@link JdbcConnectorFactory#create} on the policy in
 *       force, its settings from the owner-only settings file), holding nobody: keyset pages of the candidates with
 *       their start columns, the check of each row in Java, the DELETE, and the batch's proof in Waarborg's audit log,
 *       one transaction per batch;</li>
 *   <li>the baseline: a keyset-batched {@code DELETE … RETURNING id} loop over the same rows, children before parents,
 *       batches of the same size, one transaction per batch, with the due condition written by hand (the customer's
 *       contract ended more than seven years ago): {@code DELETE … WHERE id = ANY (ARRAY(SELECT the next page's keys
 *       after the last one)) RETURNING id}; a page of customers is taken by key and condition alone, and the DELETE
 *       checks that their children are gone. The loop goes on from the last key deleted (in this data
 *       every due customer goes).</li>
 * </ol>
 * Usage: {@code SystemSweepBenchmark [CUSTOMERS] [RUNS] [BATCH]} (default 1,000,000, 3, 1000). To see the plans:
 * {@code -Dexplain=MS} logs every CRM statement slower than MS ms with its plan ({@code auto_explain}, with ANALYZE and
 * BUFFERS, which slows both sides), copied to {@code target/bench-systems-explain/} at the end.
 */
public final class SystemSweepBenchmark {

    public static void main(String[] args) throws Exception {
        long customers = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        Path dir = Files.createTempDirectory("waarborg-systems-bench");
        try (BenchCrm crm = BenchCrm.start(dir.resolve("crm"), "256MB")) {
            String explain = System.getProperty("explain");
            if (explain != null) {
                crm.explainSlowerThan(Integer.parseInt(explain));
            }
            try {
                run(crm, dir, customers, runs, batch);
            } finally {
                if (explain != null) {
                    crm.copyLogs(Path.of("target", "bench-systems-explain"));
                }
            }
        } finally {
            BenchCrm.remove(dir); // gigabytes at full size: the folder goes with the run
        }
    }

    private static void run(BenchCrm crm, Path dir, long customers, int runs, int batch) throws Exception {
        long due = customers / 10;
        long t0 = System.nanoTime();
        crm.createTables();
        crm.load(1, customers, customers, "i % 10 <> 0"); // the customers whose contracts run: never due
        crm.addKeysAndIndexes();
        crm.exec("VACUUM ANALYZE customers", "VACUUM ANALYZE rentals", "VACUUM ANALYZE invoices");
        System.out.printf("CRM: %,d customers whose contracts run, with a rental and two invoices each, loaded in %.1f s%n",
                customers - due, (System.nanoTime() - t0) / 1e9);

        Path policy = BenchCrm.policy(dir.resolve("policy.yaml"));
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(WaarborgApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .run("--waarborg.data-dir=" + dir.resolve("waarborg"), "--waarborg.policy=" + policy,
                        "--logging.config=classpath:waarborg-cli-logback.xml",
                        "--waarborg.retention.sweep-interval=0", "--waarborg.systems.retry-interval=0s",
                        "--waarborg.systems.settings-file=" + crm.settings(),
                        "--waarborg.systems.jdbc.batch=" + batch)) {
            Policy inForce = ctx.getBean(ActivePolicy.class).loaded().policy();
            SystemConnector connector = ctx.getBean(JdbcConnectorFactory.class).create(inForce,
                    inForce.system("crm").orElseThrow());
            ZoneId zone = ZoneId.of(ctx.getEnvironment().getProperty("waarborg.zone", "Europe/Amsterdam"));

            double[] sweeps = new double[runs];
            double[] baselines = new double[runs];
            for (int run = 1; run <= runs; run++) {
                boolean sweepFirst = run % 2 == 1;
                for (int step = 0; step < 2; step++) {
                    long l = System.nanoTime();
                    reload(crm, customers);
                    double loaded = (System.nanoTime() - l) / 1e9;
                    boolean sweepNow = (step == 0) == sweepFirst;
                    long s = System.nanoTime();
                    long[] deleted = sweepNow ? sweep(connector, run) : baseline(crm, batch, zone);
                    double seconds = (System.nanoTime() - s) / 1e9;
                    check(crm, deleted, due, customers, sweepNow ? "sweep" : "baseline");
                    if (sweepNow) {
                        sweeps[run - 1] = seconds;
                    } else {
                        baselines[run - 1] = seconds;
                    }
                    System.out.printf("  run %d %s: %.2f s (due rows reloaded in %.1f s)%n", run,
                            sweepNow ? "sweep   " : "baseline", seconds, loaded);
                }
                long rows = 4 * due;
                System.out.printf("run %d (%s first): sweep %,d rows (%,d customers, %,d rentals, %,d invoices) in %.2f s "
                                + "= %,.0f rows/s; baseline %.2f s = %,.0f rows/s; baseline/sweep %.2f%n", run,
                        sweepFirst ? "sweep" : "baseline", rows, due, due, 2 * due, sweeps[run - 1],
                        rows / sweeps[run - 1], baselines[run - 1], rows / baselines[run - 1],
                        baselines[run - 1] / sweeps[run - 1]);
            }
        }
    }

    /** The due customers and their children, loaded again (what a side deleted), then analysed and checkpointed. */
    private static void reload(BenchCrm crm, long customers) throws Exception {
        crm.load(1, customers, customers, "i % 10 = 0");
        crm.exec("VACUUM ANALYZE customers", "VACUUM ANALYZE rentals", "VACUUM ANALYZE invoices");
        crm.asSuperuser("CHECKPOINT");
    }

    /** Waarborg's sweep of the system; the rows it deleted per table (customers, rentals, invoices). */
    private static long[] sweep(SystemConnector connector, int run) {
        SystemResult r = connector.sweep(new SweepRequest(Instant.now(), false, LinkedSubjects.NONE, "bench-sweep-" + run));
        if (!(r instanceof SystemResult.Done done)) {
            throw new IllegalStateException("the sweep did not finish: " + r);
        }
        Map<String, Long> counts = done.counts();
        return new long[] {counts.getOrDefault("delete:customers:name", 0L),
                counts.getOrDefault("delete:rentals:rental-details", 0L),
                counts.getOrDefault("delete:invoices:payment-details", 0L)};
    }

    /**
     * The baseline: per table, children first, {@code DELETE … WHERE id = ANY (ARRAY(the next page of due keys after the last
     * one)) RETURNING id}, one transaction per page of {@code batch} rows; the due condition written by hand.
     */
    private static long[] baseline(BenchCrm crm, int batch, ZoneId zone) throws Exception {
        LocalDate cutoff = LocalDate.now(zone).minusYears(7);
        // each page's keys are taken first (ARRAY(…)), so that the DELETE finds its rows through the key's index
        String rentals = "DELETE FROM rentals WHERE id = ANY (ARRAY(SELECT r.id FROM rentals r JOIN customers c "
                + "ON c.id = r.customer_id WHERE r.id > ? AND c.contract_end <= ? ORDER BY r.id LIMIT ?)) RETURNING id";
        String invoices = "DELETE FROM invoices WHERE id = ANY (ARRAY(SELECT v.id FROM invoices v JOIN customers c "
                + "ON c.id = v.customer_id WHERE v.id > ? AND c.contract_end <= ? ORDER BY v.id LIMIT ?)) RETURNING id";
        // the page of due customers by key; that their children are gone is checked by the DELETE itself (with the
        // NOT EXISTS in the page, PostgreSQL expects it to leave almost none and reads all due customers, or the
        // children's whole index, for every page)
        String parents = "DELETE FROM customers WHERE id = ANY (ARRAY(SELECT c.id FROM customers c WHERE c.id > ? "
                + "AND c.contract_end <= ? ORDER BY c.id LIMIT ?)) AND NOT EXISTS (SELECT 1 FROM rentals r WHERE "
                + "r.customer_id = customers.id) AND NOT EXISTS (SELECT 1 FROM invoices v WHERE v.customer_id = customers.id) "
                + "RETURNING id";
        try (Connection c = crm.connect()) {
            c.setAutoCommit(false);
            long r = loop(c, rentals, batch, cutoff); // children before parents
            long v = loop(c, invoices, batch, cutoff);
            long p = loop(c, parents, batch, cutoff);
            return new long[] {p, r, v};
        }
    }

    private static long loop(Connection c, String sql, int batch, LocalDate cutoff) throws Exception {
        long last = 0;
        long deleted = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            while (true) {
                ps.setLong(1, last);
                ps.setObject(2, cutoff);
                ps.setInt(3, batch);
                int n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        last = Math.max(last, rs.getLong(1));
                        n++;
                    }
                }
                c.commit();
                deleted += n;
                if (n < batch) {
                    return deleted;
                }
            }
        }
    }

    private static void check(BenchCrm crm, long[] deleted, long due, long customers, String side) throws Exception {
        long[] expected = {due, due, 2 * due};
        if (!java.util.Arrays.equals(deleted, expected)) {
            throw new IllegalStateException(side + " deleted " + java.util.Arrays.toString(deleted) + " rows (customers, "
                    + "rentals, invoices), not " + java.util.Arrays.toString(expected));
        }
        long left = crm.count("SELECT (SELECT count(*) FROM customers) + (SELECT count(*) FROM rentals) "
                + "+ (SELECT count(*) FROM invoices)");
        if (left != 4 * (customers - due)) {
            throw new IllegalStateException(side + " left " + left + " rows, not " + 4 * (customers - due));
        }
    }
}
