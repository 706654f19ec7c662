package nl.waarborg.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import nl.waarborg.WaarborgApplication;
import nl.waarborg.access.Caller;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.retention.service.RetentionForecast;
import nl.waarborg.retention.service.RetentionUpkeep;
import nl.waarborg.retention.service.Sweeper;
import nl.waarborg.vault.Vault;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention figures on the embedded PostgreSQL (docs/benchmarks.md, scripts/bench-retention):
 * <ol>
 *   <li>a sweep of 1,000,000 due items among 10,000,000 against the baseline of one plain
 *       {@code DELETE FROM item WHERE due_at <= now()} of as many freshly loaded due rows, in the same run,
 *       alternating which goes first;</li>
 *   <li>a lifecycle event for a subject with 1,000 items, recorded through the vault: the event, the schedules
 *       recomputed and the moved ones stored, the audit event, in one transaction;</li>
 *   <li>the same sweep and baseline for as many due items in shared schedules (ten items each);</li>
 *   <li>the 30-day forecast over the 10,000,000 items.</li>
 * </ol>
 * Rows are loaded with INSERT … SELECT from generate_series (not through the vault: the point is the sweep).
 * Usage: {@code RetentionSweepBenchmark [ITEMS] [DUE] [RUNS]}.
 */
public final class RetentionSweepBenchmark {

    public static void main(String[] args) throws Exception {
        long items = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        long due = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = Files.createTempDirectory("waarborg-retention-bench");
        try {
            run(dir, items, due, runs);
        } finally {
            // gigabytes at full size: the folder goes with the run
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(Path dir, long items, long due, int runs) throws Exception {
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(WaarborgApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .run("--waarborg.data-dir=" + dir, "--logging.config=classpath:waarborg-cli-logback.xml",
                        "--waarborg.retention.batch=" + System.getProperty("batch", "10000"))) {
            DataSource ds = ctx.getBean(DataSource.class);
            long version = ctx.getBean(ActivePolicy.class).version().id();
            long t0 = System.nanoTime();
            exec(ds, "INSERT INTO subject (id, created_at) SELECT gen_random_uuid(), now() FROM generate_series(1, 100000)");
            exec(ds, "CREATE TEMP TABLE IF NOT EXISTS x (i int)"); // warms the connection
            load(ds, items - due, version, "now() + interval '40 days' + (i % 1000) * interval '1 hour'");
            exec(ds, "VACUUM ANALYZE item");
            System.out.printf("loaded %,d items that are not due with INSERT … SELECT in %.1f s (%s)%n", items - due,
                    (System.nanoTime() - t0) / 1e9, dir);

            Sweeper sweeper = ctx.getBean(Sweeper.class);
            sweeper.sweep(false); // first sweep: finds every schedule current, plans attestation tasks
            for (int run = 1; run <= runs; run++) {
                // three ways to erase the same freshly loaded due rows, the order rotating per run: the sweep; one
                // plain DELETE that tells nothing of what it erased; one DELETE … RETURNING id whose ids the client
                // reads (binary), the least a sweep that proves what it erased must do, without batches or claims
                double[] seconds = new double[3];
                String[] names = {"sweep", "DELETE", "DELETE RETURNING id"};
                for (int step = 0; step < 3; step++) {
                    int way = (step + run - 1) % 3;
                    load(ds, due, version, "now() - interval '1 day' + (i % 1000) * interval '1 second'");
                    exec(ds, "ANALYZE item");
                    EmbeddedSuperuser.checkpoint(ctx, dir);
                    long s = System.nanoTime();
                    long deleted = switch (way) {
                        case 0 -> sweeper.sweep(false).deleted();
                        case 1 -> exec(ds, "DELETE FROM item WHERE due_at <= now()");
                        default -> deleteReturningIds(ds);
                    };
                    seconds[way] = (System.nanoTime() - s) / 1e9;
                    if (deleted != due) {
                        throw new IllegalStateException("expected " + due + " deleted, was " + deleted);
                    }
                }
                System.out.printf("run %d (%s first): sweep %,d items in %.2f s = %,.0f items/s; plain DELETE %.2f s = "
                                + "%,.0f items/s; ratio %.2f; DELETE RETURNING id %.2f s = %,.0f items/s; ratio %.2f%n",
                        run, names[(run - 1) % 3], due, seconds[0], due / seconds[0], seconds[1], due / seconds[1],
                        seconds[1] / seconds[0], seconds[2], due / seconds[2], seconds[2] / seconds[0]);
            }

            // the same for items whose dates follow from their subject's events (shared schedules, V11): 10 items per
            // schedule, one schedule per subject; the plain baseline deletes the due schedules and their items in one
            // statement
            for (int run = 1; run <= runs; run++) {
                boolean sweepFirst = run % 2 == 0;
                double sweepS = 0;
                double deleteS = 0;
                for (int step = 0; step < 2; step++) {
                    loadShared(ds, due, version, "now() - interval '1 day' + (row_number() OVER () % 1000) * interval '1 second'");
                    exec(ds, "ANALYZE item");
                    exec(ds, "ANALYZE shared_schedule");
                    EmbeddedSuperuser.checkpoint(ctx, dir);
                    boolean sweepNow = (step == 0) == sweepFirst;
                    long s = System.nanoTime();
                    long deleted;
                    if (sweepNow) {
                        deleted = sweeper.sweep(false).deleted();
                        sweepS = (System.nanoTime() - s) / 1e9;
                    } else {
                        deleted = exec(ds, "WITH s AS (DELETE FROM shared_schedule WHERE due_at <= now() RETURNING id) "
                                + "DELETE FROM item USING s WHERE item.shared_schedule = s.id");
                        deleteS = (System.nanoTime() - s) / 1e9;
                    }
                    if (deleted != due) {
                        throw new IllegalStateException("expected " + due + " deleted, was " + deleted);
                    }
                }
                System.out.printf("shared run %d (%s first): sweep %,d items in %.2f s = %,.0f items/s; plain DELETE %.2f s = "
                                + "%,.0f items/s; ratio %.2f%n", run, sweepFirst ? "sweep" : "DELETE", due, sweepS, due / sweepS,
                        deleteS, due / deleteS, deleteS / sweepS);
            }

            // recomputation after a lifecycle event: one subject with 1,000 items
            UUID subject;
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                var rs = st.executeQuery("INSERT INTO subject (id, created_at) VALUES (gen_random_uuid(), now()) RETURNING id");
                rs.next();
                subject = rs.getObject(1, UUID.class);
                st.execute("INSERT INTO subject_membership VALUES ('" + subject + "', 'customer', now())");
                st.execute("INSERT INTO item (id, subject_id, category, purposes, source, system, collected_at, policy_version, "
                        + "value, scheduled_under) SELECT gen_random_uuid(), '" + subject + "', (ARRAY['name','email','visit-log',"
                        + "'call-recording'])[1 + i % 4], ARRAY['customer-contract','access-control','call-quality'], "
                        + "'from-subject', 'crm', now() - i * interval '1 hour', " + version + ", '\\x00'::bytea, " + version
                        + " FROM generate_series(1, 1000) i");
            }
            RetentionUpkeep upkeep = ctx.getBean(RetentionUpkeep.class);
            TransactionTemplate tx = ctx.getBean(TransactionTemplate.class);
            tx.executeWithoutResult(st -> upkeep.recompute(List.of(subject))); // schedules as the vault would have stored them
            Vault vault = ctx.getBean(Vault.class);
            Caller staff = new Caller("bench", "management", List.of(), true);
            int reps = 300;
            long[] events = new long[reps];
            long[] alone = new long[reps];
            Instant base = Instant.now().minus(Duration.ofDays(1));
            for (int i = 0; i < reps + 100; i++) {
                // each event ends the contract at another moment: the due dates of the items whose periods start
                // there (visit logs, fiscal records: 750 of the 1,000) move every time
                Instant ended = base.plusSeconds(i);
                long s = System.nanoTime();
                vault.recordEvent(staff, subject, "contract-ended", ended);
                long e = System.nanoTime() - s;
                long s2 = System.nanoTime();
                Integer n = tx.execute(st -> upkeep.recompute(List.of(subject)));
                long e2 = System.nanoTime() - s2;
                if (n == null || n == 0) {
                    throw new IllegalStateException("recomputed " + n);
                }
                if (i >= 100) {
                    events[i - 100] = e;
                    alone[i - 100] = e2;
                }
            }
            Arrays.sort(events);
            Arrays.sort(alone);
            System.out.printf("lifecycle event for a subject with 1,000 items (record it, recompute, store what moved, "
                    + "audit, commit): median %.2f ms, p99 %.2f ms; recomputation alone with nothing moved: median %.2f ms "
                    + "(%d runs after 100 warm-up)%n", events[reps / 2] / 1e6, events[(int) (reps * 0.99)] / 1e6,
                    alone[reps / 2] / 1e6, reps);

            // the forecast: another 1,000,000 due within 30 days among the 10,000,000
            load(ds, due, version, "now() + interval '1 day' + (i % 1000) * interval '30 minutes'");
            exec(ds, "VACUUM ANALYZE item");
            RetentionForecast forecast = ctx.getBean(RetentionForecast.class);
            long[] fs = new long[7];
            long counted = 0;
            for (int i = 0; i < fs.length; i++) {
                long s = System.nanoTime();
                counted = forecast.forecast(30).items();
                fs[i] = System.nanoTime() - s;
            }
            Arrays.sort(fs);
            System.out.printf("forecast 30 days over %,d items (%,d of them due then): median %.0f ms, max %.0f ms (7 runs)%n",
                    items + 1000, counted, fs[3] / 1e6, fs[6] / 1e6);

            // and with as many more due in shared schedules (ten items each), counted through their schedule
            loadShared(ds, due, version, "now() + interval '1 day' + (row_number() OVER () % 1000) * interval '30 minutes'");
            exec(ds, "VACUUM ANALYZE item");
            exec(ds, "VACUUM ANALYZE shared_schedule");
            for (int i = 0; i < fs.length; i++) {
                long s = System.nanoTime();
                counted = forecast.forecast(30).items();
                fs[i] = System.nanoTime() - s;
            }
            Arrays.sort(fs);
            System.out.printf("forecast 30 days over %,d items (%,d of them due then, %,d through shared schedules): "
                    + "median %.0f ms, max %.0f ms (7 runs)%n", items + 1000 + due, counted, due, fs[3] / 1e6, fs[6] / 1e6);

            // and with as many items kept without a date (a contract still running), half with their own schedule and
            // half through shared schedules: the forecast counts them per category and rule (issue 13)
            exec(ds, "INSERT INTO item (id, subject_id, category, purposes, source, system, collected_at, policy_version, "
                    + "value, due_at, end_action, retention_rule, scheduled_under) SELECT gen_random_uuid(), "
                    + "s.ids[1 + i % 100000], 'name', ARRAY['customer-contract'], 'from-subject', 'crm', now(), " + version
                    + ", '\\x0102030405060708090a0b0c0d0e0f'::bytea, NULL, 'delete', 'customers-contract', " + version
                    + " FROM generate_series(1, " + (due / 2) + ") i, (SELECT array_agg(id) ids FROM subject) s");
            exec(ds, "INSERT INTO shared_schedule (subject_id, category, purposes, due_at, end_action, retention_rule, "
                    + "scheduled_under) SELECT id, 'email', ARRAY['customer-contract'], NULL, 'delete', 'customers-contract', "
                    + version + " FROM (SELECT id FROM subject ORDER BY id LIMIT " + (due / 20) + ") s");
            exec(ds, "INSERT INTO item (id, subject_id, category, purposes, source, system, collected_at, policy_version, value, "
                    + "shared_schedule) SELECT gen_random_uuid(), g.subject_id, 'email', ARRAY['customer-contract'], "
                    + "'from-subject', 'crm', now(), " + version + ", '\\x0102030405060708090a0b0c0d0e0f'::bytea, g.id "
                    + "FROM shared_schedule g, generate_series(1, 10) i WHERE g.category = 'email' AND g.due_at IS NULL");
            exec(ds, "VACUUM ANALYZE item");
            exec(ds, "VACUUM ANALYZE shared_schedule");
            long undated = 0;
            for (int i = 0; i < fs.length; i++) {
                long s = System.nanoTime();
                RetentionForecast.Forecast f = forecast.forecast(30);
                fs[i] = System.nanoTime() - s;
                counted = f.items();
                undated = f.undatedItems();
            }
            Arrays.sort(fs);
            System.out.printf("forecast 30 days over %,d items (%,d due then, %,d kept without a date and counted per "
                    + "category and rule): median %.0f ms, max %.0f ms (7 runs)%n", items + 1000 + due + due, counted,
                    undated, fs[3] / 1e6, fs[6] / 1e6);
        }
    }

    private static void load(DataSource ds, long n, long version, String dueExpression) throws Exception {
        exec(ds, "INSERT INTO item (id, subject_id, category, purposes, source, system, collected_at, policy_version, value, "
                + "due_at, end_action, retention_rule, scheduled_under) "
                + "SELECT gen_random_uuid(), s.ids[1 + i % 100000], 'camera-footage', ARRAY['camera-surveillance'], 'from-subject', "
                + "'cctv', now() - interval '8 days', " + version + ", '\\x0102030405060708090a0b0c0d0e0f'::bytea, "
                + dueExpression + ", 'delete', 'camera-footage', " + version
                + " FROM generate_series(1, " + n + ") i, (SELECT array_agg(id) ids FROM subject) s");
    }

    /** {@code n} items in shared schedules of ten items each, one schedule per subject, due as given. */
    private static void loadShared(DataSource ds, long n, long version, String dueExpression) throws Exception {
        exec(ds, "INSERT INTO shared_schedule (subject_id, category, purposes, due_at, end_action, retention_rule, "
                + "scheduled_under) SELECT id, 'visit-log', ARRAY['access-control'], " + dueExpression
                + ", 'delete', 'visit-logs', " + version
                + " FROM (SELECT id FROM subject ORDER BY id LIMIT " + (n / 10) + ") s");
        exec(ds, "INSERT INTO item (id, subject_id, category, purposes, source, system, collected_at, policy_version, value, "
                + "shared_schedule) SELECT gen_random_uuid(), g.subject_id, 'visit-log', ARRAY['access-control'], "
                + "'from-subject', 'access-control', now() - interval '200 weeks', " + version
                + ", '\\x0102030405060708090a0b0c0d0e0f'::bytea, g.id FROM shared_schedule g, generate_series(1, 10) i "
                + "WHERE g.retention_rule = 'visit-logs'");
    }

    /** One DELETE of every due row, its ids read by the client (binary, as the sweep reads them). */
    private static long deleteReturningIds(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement("DELETE FROM item WHERE due_at <= now() RETURNING id")) {
            ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
            long n = 0;
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getObject(1, UUID.class) != null) {
                        n++;
                    }
                }
            }
            return n;
        }
    }

    private static long exec(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
            return Math.max(0, st.getUpdateCount());
        }
    }
}
