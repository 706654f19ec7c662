package nl.waarborg.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import nl.waarborg.WaarborgApplication;
import nl.waarborg.database.OwnerOnly;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.retention.service.Sweeper;
import nl.waarborg.systems.LinkedSubjects;
import nl.waarborg.systems.SweepRequest;
import nl.waarborg.systems.SystemConnectors;
import nl.waarborg.systems.SystemOperations;
import nl.waarborg.systems.SystemResult;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A system that is down holds nothing else up (docs/benchmarks.md, "Systems (issue 15)"; scripts/bench-systems down):
 * the service's whole retention sweep ({@link Sweeper}: the vault, then every reachable system through
 * {@link SystemOperations}) with, in the policy's order, two jdbc systems that are down, then the reachable CRM of
 * {@link BenchCrm}:
 * <ul>
 *   <li>{@code crm-refused}: a URL on a loopback port where nothing listens (the connection is refused);</li>
 *   <li>{@code crm-silent}: a URL on a loopback port where a socket accepts every connection and never says a word
 *       (only the connect timeout, {@code waarborg.systems.jdbc.connect-timeout}, default 5 s, ends the wait);</li>
 *   <li>{@code crm}: the CRM, {@code CUSTOMERS} customers, a tenth due with their children (the mapping of
 *       {@link BenchCrm#policy} for all three);</li>
 *   <li>the vault: {@code ITEMS} due items loaded by SQL.</li>
 * </ul>
 * Each round: wait until the two down systems' next attempt is due (backoff {@code waarborg.systems.backoff=20s} here,
 * doubled per attempt), load the due rows and items, and time a sweep that asks all of them; then load them again and
 * time a sweep while the down systems wait for their next attempt (reported as they stand, not asked): the sweep of
 * the vault and the CRM alone, the baseline. Every outcome is checked (the vault's items and the CRM's due rows
 * deleted, the down systems failed with their cause and a next attempt, their attempts counting up under one operation
 * id); the program stops if one is not as expected. At the end, the {@code system_operation} rows and the audit
 * events of the failed sweeps. Usage: {@code SystemDownBenchmark [ROUNDS] [CUSTOMERS] [ITEMS]} (default 3, 100,000,
 * 100,000).
 */
public final class SystemDownBenchmark {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        long customers = args.length > 1 ? Long.parseLong(args[1]) : 100_000L;
        long items = args.length > 2 ? Long.parseLong(args[2]) : 100_000L;
        Path dir = Files.createTempDirectory("waarborg-systems-bench");
        try (BenchCrm crm = BenchCrm.start(dir.resolve("crm"), "128MB"); Silent silent = new Silent()) {
            run(crm, silent, dir, rounds, customers, items);
        } finally {
            BenchCrm.remove(dir);
        }
    }

    private static void run(BenchCrm crm, Silent silent, Path dir, int rounds, long customers, long items) throws Exception {
        long due = customers / 10;
        crm.createTables();
        crm.load(1, customers, customers, "i % 10 <> 0");
        crm.addKeysAndIndexes();
        crm.exec("VACUUM ANALYZE customers", "VACUUM ANALYZE rentals", "VACUUM ANALYZE invoices");

        int refused;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            refused = s.getLocalPort(); // closed here: nothing listens there any more
        }
        Properties settings = new Properties();
        try (var in = Files.newBufferedReader(crm.settings())) {
            settings.load(in);
        }
        settings.setProperty("CRM_REFUSED_URL", "jdbc:postgresql://127.0.0.1:" + refused + "/crm");
        settings.setProperty("CRM_SILENT_URL", "jdbc:postgresql://127.0.0.1:" + silent.port() + "/crm");
        java.io.StringWriter text = new java.io.StringWriter();
        settings.store(text, "the benchmark's systems");
        OwnerOnly.write(crm.settings(), text.toString());
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, policyWithSystemsDown());

        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(WaarborgApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .run("--waarborg.data-dir=" + dir.resolve("waarborg"), "--waarborg.policy=" + policy,
                        "--logging.config=classpath:waarborg-cli-logback.xml",
                        "--waarborg.retention.sweep-interval=0", "--waarborg.systems.retry-interval=0s",
                        "--waarborg.systems.backoff=20s", "--waarborg.systems.settings-file=" + crm.settings())) {
            DataSource ds = ctx.getBean(DataSource.class);
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            long version = ctx.getBean(ActivePolicy.class).version().id();
            Sweeper sweeper = ctx.getBean(Sweeper.class);
            jdbc.execute("INSERT INTO subject (id, created_at) SELECT gen_random_uuid(), now() FROM generate_series(1, 10000)");

            // each down system alone, asked directly (a dry run stores nothing): how long it takes to fail
            SystemConnectors connectors = ctx.getBean(SystemConnectors.class);
            for (String id : List.of("crm-refused", "crm-silent")) {
                long s = System.nanoTime();
                SystemResult r = connectors.find(id).orElseThrow().connector().sweep(
                        new SweepRequest(Instant.now(), true, LinkedSubjects.NONE, "bench-dry-" + id));
                System.out.printf("%s alone (a dry run through its connector): %.2f s, %s%n", id,
                        (System.nanoTime() - s) / 1e9, r instanceof SystemResult.Failed f ? "failed: " + f.cause() : r);
            }

            String operation = null;
            for (int round = 1; round <= rounds; round++) {
                waitForNextAttempt(jdbc);
                load(crm, jdbc, customers, items, version);
                long s = System.nanoTime();
                Sweeper.Report all = sweeper.sweep(false);
                double allSeconds = (System.nanoTime() - s) / 1e9;
                check(all, items, due, true);
                String refusedOp = of(all, "crm-refused").operation();
                if (operation == null) {
                    operation = refusedOp;
                } else if (!operation.equals(refusedOp)) {
                    throw new IllegalStateException("the refused system's sweep was not tried again under its id");
                }
                int attempts = jdbc.queryForObject("SELECT attempts FROM system_operation WHERE id = ?", Integer.class,
                        refusedOp);
                if (attempts != round) {
                    throw new IllegalStateException("attempt " + attempts + " in round " + round);
                }

                load(crm, jdbc, customers, items, version);
                s = System.nanoTime();
                Sweeper.Report waiting = sweeper.sweep(false);
                double waitingSeconds = (System.nanoTime() - s) / 1e9;
                check(waiting, items, due, false);
                System.out.printf("round %d: whole sweep with both down systems asked (attempt %d) %.2f s; while they "
                                + "wait for their next attempt (not asked) %.2f s; difference %.2f s. Each sweep: %,d vault "
                                + "items and %,d CRM rows deleted%n", round, attempts, allSeconds, waitingSeconds,
                        allSeconds - waitingSeconds, items, 4 * due);
                System.out.printf("  crm-refused: %s; crm-silent: %s; crm: %s %s%n", describe(of(all, "crm-refused")),
                        describe(of(all, "crm-silent")), of(all, "crm").status(), of(all, "crm").counts());
            }
            System.out.println("system_operation, the sweeps of the down systems:");
            jdbc.query("SELECT id, system, status, attempts, cause, next_attempt_at - updated_at AS wait FROM "
                    + "system_operation WHERE system IN ('crm-refused', 'crm-silent') ORDER BY system, created_at", rs -> {
                        System.out.printf("  %s %s %s attempts=%d next attempt after %s; cause: %s%n", rs.getString(1),
                                rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(6), rs.getString(5));
                    });
            System.out.println("their audit events (system-swept):");
            jdbc.query("SELECT outcome, reasons FROM audit_event WHERE action = 'system-swept' AND "
                    + "('system:crm-refused' = ANY (reasons) OR 'system:crm-silent' = ANY (reasons)) ORDER BY seq", rs -> {
                        System.out.printf("  %s %s%n", rs.getString(1), String.join(" ", (String[]) rs.getArray(2).getArray()));
                    });
        }
    }

    /**
     * The example policy with the CRM mapping of {@link BenchCrm}, and two more jdbc systems with the same mapping
     * before it, {@code crm-refused} and {@code crm-silent}, whose URLs are other settings; every purpose that lists
     * the CRM lists them too.
     */
    static String policyWithSystemsDown() throws IOException {
        String text = BenchCrm.policyText();
        int start = text.indexOf("  - id: crm\n");
        int end = text.indexOf("  - id: website\n", Math.max(0, start));
        if (start < 0 || end < start) {
            throw new IllegalStateException("examples/self-storage.yaml changed: the crm system is not where expected");
        }
        String crm = text.substring(start, end);
        StringBuilder copies = new StringBuilder();
        for (String[] c : new String[][] {{"crm-refused", "CRM_REFUSED_URL", "weigert"}, {"crm-silent", "CRM_SILENT_URL", "zwijgt"}}) {
            copies.append(crm.replace("  - id: crm\n", "  - id: " + c[0] + "\n")
                    .replace("{env: CRM_JDBC_URL}", "{env: " + c[1] + "}")
                    .replace("name: {nl: \"Klantbeheersysteem\", en: \"Customer management system\"}",
                            "name: {nl: \"Klantbeheersysteem dat " + c[2] + "\", en: \"Customer management system, " + c[0] + "\"}"));
        }
        text = text.substring(0, start) + copies + text.substring(start);
        Matcher m = Pattern.compile("(?m)^(    systems: \\[)(.*)(\\])$").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String list = m.group(2).replaceAll("\\bcrm\\b(?!-)", "crm-refused, crm-silent, crm");
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + list + m.group(3)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The CRM's due customers with their children, and {@code items} due vault items. */
    private static void load(BenchCrm crm, JdbcTemplate jdbc, long customers, long items, long version) throws Exception {
        crm.load(1, customers, customers, "i % 10 = 0");
        crm.exec("ANALYZE customers", "ANALYZE rentals", "ANALYZE invoices");
        jdbc.execute("INSERT INTO item (id, subject_id, category, purposes, source, system, collected_at, policy_version, "
                + "value, due_at, end_action, retention_rule, scheduled_under) SELECT gen_random_uuid(), s.ids[1 + i % 10000], "
                + "'camera-footage', ARRAY['camera-surveillance'], 'from-subject', 'cctv', now() - interval '8 days', "
                + version + ", '\\x0102030405060708090a0b0c0d0e0f'::bytea, now() - interval '1 day', 'delete', "
                + "'camera-footage', " + version + " FROM generate_series(1, " + items + ") i, "
                + "(SELECT array_agg(id) ids FROM subject) s");
        jdbc.execute("ANALYZE item");
    }

    private static void waitForNextAttempt(JdbcTemplate jdbc) throws InterruptedException {
        while (true) {
            java.sql.Timestamp next = jdbc.queryForObject("SELECT max(next_attempt_at) FROM system_operation WHERE "
                    + "system IN ('crm-refused', 'crm-silent') AND kind = 'sweep' AND status <> 'done'", java.sql.Timestamp.class);
            if (next == null) {
                return;
            }
            Duration left = Duration.between(Instant.now(), next.toInstant());
            if (left.isNegative()) {
                return;
            }
            Thread.sleep(left.toMillis() + 100);
        }
    }

    private static void check(Sweeper.Report r, long items, long due, boolean downAsked) {
        if (r.deleted() != items) {
            throw new IllegalStateException("the vault's sweep deleted " + r.deleted() + " items, not " + items);
        }
        SystemOperations.SystemSweep crm = of(r, "crm");
        Map<String, Long> counts = crm.counts();
        if (!"done".equals(crm.status()) || counts.getOrDefault("delete:customers:name", 0L) != due
                || counts.getOrDefault("delete:rentals:rental-details", 0L) != due
                || counts.getOrDefault("delete:invoices:payment-details", 0L) != 2 * due) {
            throw new IllegalStateException("the reachable CRM was not swept: " + crm);
        }
        for (String id : List.of("crm-refused", "crm-silent")) {
            SystemOperations.SystemSweep down = of(r, id);
            if (!"failed".equals(down.status()) || down.cause() == null || down.nextAttemptAt() == null
                    || (downAsked && !down.nextAttemptAt().isAfter(r.at()))) {
                throw new IllegalStateException(id + " was not recorded as failed with a cause and a next attempt: " + down);
            }
            if (!downAsked && !down.nextAttemptAt().isAfter(Instant.now())) {
                throw new IllegalStateException(id + " was due for its next attempt during the sweep meant to find it waiting");
            }
        }
        if (!of(r, "crm-refused").cause().contains("refused the connection")) {
            throw new IllegalStateException("crm-refused: " + of(r, "crm-refused").cause());
        }
    }

    private static SystemOperations.SystemSweep of(Sweeper.Report r, String system) {
        return r.systems().stream().filter(s -> s.system().equals(system)).findFirst().orElseThrow();
    }

    private static String describe(SystemOperations.SystemSweep s) {
        return s.status() + " (" + s.cause() + "), next attempt " + s.nextAttemptAt();
    }

    /** A loopback socket that accepts every connection and never reads or writes: a server that does not answer. */
    private static final class Silent implements AutoCloseable {

        private final ServerSocket server;
        private final List<Socket> accepted = new ArrayList<>();

        Silent() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        synchronized (accepted) {
                            accepted.add(s);
                        }
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "silent-server");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
            synchronized (accepted) {
                for (Socket s : accepted) {
                    s.close();
                }
            }
        }
    }
}
