package nl.waarborg.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import nl.waarborg.WaarborgApplication;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.web.ApiKeys;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The vault over HTTP on this machine with the embedded PostgreSQL, service and load in one JVM (the load
 * generator is a plain keep-alive socket client, so most CPU goes to the service):
 * <ol>
 *   <li>creates SUBJECTS subjects (POST /api/v1/subjects/batch);</li>
 *   <li>ingests ITEMS_PER_SUBJECT items each (POST /api/v1/items/batch, BATCH items per call, INGEST_CLIENTS
 *       calls at a time), every value decided, encrypted with its subject's key and audited;</li>
 *   <li>baseline: inserts the same rows, unencrypted, with plain JDBC batches (same batch size and threads)
 *       into a copy of the item table with the same indexes and foreign keys;</li>
 *   <li>reads: READ_CLIENTS connections each reading random subjects' items for a purpose
 *       (GET /api/v1/subjects/{id}/items) for WARMUP then MEASURE seconds; throughput and latency.</li>
 * </ol>
 * Usage: {@code VaultHttpLoad key=value... [--property=value...]} with subjects, items-per-subject, batch,
 * ingest-clients, read-clients, warmup, measure, stacks (true: where the server's threads are during the reads),
 * settle (true: VACUUM ANALYZE and CHECKPOINT between the load and the reads), read (items, or health to calibrate);
 * {@code --name=value} arguments configure the service. Run with scripts/bench-vault.
 */
public final class VaultHttpLoad {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PURPOSE = "customer-contract";
    private static final String[] CATEGORIES = {"name", "email", "phone", "billing-address", "payment-details",
            "rental-details", "rental-details", "rental-details", "company-details", "birth-date"};

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>(Map.of("subjects", "100000", "items-per-subject", "10",
                "batch", "5000", "ingest-clients", "2", "read-clients", "32", "warmup", "10", "measure", "30"));
        opts.put("stacks", "false");
        opts.put("settle", "true");
        opts.put("explain", "false");
        opts.put("read", "items"); // items: a subject's items for a purpose; health: calibration, no work at all
        List<String> springArgs = new ArrayList<>(); // --name=value: a property of the service
        for (String a : args) {
            if (a.startsWith("--")) {
                springArgs.add(a);
                continue;
            }
            String[] kv = a.split("=", 2);
            if (!opts.containsKey(kv[0]) || kv.length != 2) {
                throw new IllegalArgumentException("unknown option " + a + "; known: " + opts.keySet());
            }
            opts.put(kv[0], kv[1]);
        }
        int subjects = Integer.parseInt(opts.get("subjects"));
        int perSubject = Integer.parseInt(opts.get("items-per-subject"));
        int batch = Integer.parseInt(opts.get("batch"));
        int ingestClients = Integer.parseInt(opts.get("ingest-clients"));
        int readClients = Integer.parseInt(opts.get("read-clients"));
        int warmup = Integer.parseInt(opts.get("warmup"));
        int measure = Integer.parseInt(opts.get("measure"));
        System.out.println("options " + opts + ", cores " + Runtime.getRuntime().availableProcessors()
                + ", java " + Runtime.version());

        Path dir = Files.createTempDirectory("waarborg-vault-load");
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(WaarborgApplication.class)
                .logStartupInfo(false)
                .run(Stream.concat(Stream.of("--waarborg.data-dir=" + dir, "--server.port=0", "--logging.level.root=WARN",
                        "--logging.level.nl.waarborg=WARN"), springArgs.stream()).toArray(String[]::new))) {
            int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
            String key = ctx.getBean(ApiKeys.class).create("customer-service", List.of(PURPOSE), "load").plaintext();
            long version = ctx.getBean(ActivePolicy.class).version().id();
            DataSource ds = ctx.getBean(DataSource.class);

            UUID[] ids = createSubjects(port, key, subjects);
            List<byte[]> bodies = itemBatches(ids, perSubject, batch);
            long items = (long) subjects * perSubject;

            long t0 = System.nanoTime();
            runAll(ingestClients, bodies.size(), (client, i) -> {
                RawHttpClient.Response r = client.post("/api/v1/items/batch", key, bodies.get(i));
                if (r.status() != 201) {
                    throw new IllegalStateException("ingestion failed: " + r.status() + " " + r.text());
                }
            }, port);
            double ingestS = (System.nanoTime() - t0) / 1e9;
            double ingestRate = items / ingestS;
            System.out.printf("ingest: %,d items over HTTP in %.1f s = %,.0f items/s (decided, encrypted, audited)%n",
                    items, ingestS, ingestRate);
            long auditEvents = count(ds, "SELECT count(*) FROM audit_event");
            System.out.printf("audit events written so far: %,d%n", auditEvents);

            double baselineRate = baseline(ds, ids, perSubject, batch, ingestClients, version);
            System.out.printf("baseline: plain JDBC batch inserts of the same rows unencrypted = %,.0f rows/s; "
                    + "ingestion / baseline = %.2f%n", baselineRate, ingestRate / baselineRate);

            if (Boolean.parseBoolean(opts.get("settle"))) {
                // what autovacuum and the checkpointer do within minutes of a bulk load, done now, so the reads
                // measure the steady state rather than the clean-up after the load
                long s0 = System.nanoTime();
                try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                    st.execute("VACUUM (ANALYZE)");
                }
                EmbeddedSuperuser.checkpoint(ctx, dir);
                System.out.printf("settled after the load (VACUUM ANALYZE, CHECKPOINT) in %.1f s%n", (System.nanoTime() - s0) / 1e9);
            }
            if (Boolean.parseBoolean(opts.get("explain"))) {
                try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                     var rs = st.executeQuery("EXPLAIN (ANALYZE, BUFFERS) SELECT id, category, purposes, source, system, "
                             + "collected_at, policy_version, value FROM item WHERE subject_id = '" + ids[ids.length / 2]
                             + "' ORDER BY collected_at, id")) {
                    while (rs.next()) {
                        System.out.println("explain " + rs.getString(1));
                    }
                }
            }
            if (Boolean.parseBoolean(opts.get("stacks"))) {
                Thread.ofPlatform().daemon().start(() -> sampleStacks(warmup + measure / 2));
            }
            reads(port, key, ids, readClients, warmup, measure, opts.get("read"));
        } finally {
            deleteTree(dir);
        }
    }

    private static UUID[] createSubjects(int port, String key, int n) throws Exception {
        UUID[] ids = new UUID[n];
        int per = 10_000;
        long t0 = System.nanoTime();
        try (RawHttpClient client = new RawHttpClient("localhost", port)) {
            for (int from = 0; from < n; from += per) {
                StringBuilder b = new StringBuilder("{\"subjects\":[");
                for (int i = from; i < Math.min(n, from + per); i++) {
                    b.append(i > from ? "," : "").append("{\"references\":[{\"scheme\":\"crm\",\"reference\":\"C-")
                            .append(i).append("\"}],\"identifiers\":[{\"kind\":\"email\",\"value\":\"customer")
                            .append(i).append("@example.nl\"}],\"categories\":[\"customer\"]}");
                }
                b.append("]}");
                RawHttpClient.Response r = client.post("/api/v1/subjects/batch", key, b.toString().getBytes(StandardCharsets.UTF_8));
                if (r.status() != 201) {
                    throw new IllegalStateException("subjects failed: " + r.status() + " " + r.text());
                }
                JsonNode created = JSON.readTree(r.body()).get("ids");
                for (int i = 0; i < created.size(); i++) {
                    ids[from + i] = UUID.fromString(created.get(i).asString());
                }
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("subjects: %,d created over HTTP in %.1f s = %,.0f subjects/s (data key, blind index, audit)%n",
                n, s, n / s);
        return ids;
    }

    private static String value(String category, int subject, int k) {
        return switch (category) {
            case "name" -> "Klant " + subject + " van der Berg";
            case "email" -> "customer" + subject + "@example.nl";
            case "phone" -> "+3161" + String.format("%07d", subject % 10_000_000);
            case "billing-address" -> "Hoofdstraat " + (subject % 300) + ", 1234 AB Utrecht";
            case "payment-details" -> "NL91ABNA0" + String.format("%09d", subject);
            case "company-details" -> "KvK " + (10_000_000 + subject);
            case "birth-date" -> "19" + (50 + subject % 50) + "-0" + (1 + subject % 9) + "-1" + (subject % 9);
            default -> "Unit " + (k * 37 + subject) % 900 + ", 6 m2, from 2026-0" + (1 + k % 9) + "-01";
        };
    }

    private static List<byte[]> itemBatches(UUID[] ids, int perSubject, int batch) {
        List<byte[]> bodies = new ArrayList<>();
        StringBuilder b = null;
        int inBatch = 0;
        for (int s = 0; s < ids.length; s++) {
            for (int k = 0; k < perSubject; k++) {
                if (b == null) {
                    b = new StringBuilder(batch * 200).append("{\"items\":[");
                }
                String category = CATEGORIES[k % CATEGORIES.length];
                b.append(inBatch > 0 ? "," : "").append("{\"subject\":\"").append(ids[s]).append("\",\"category\":\"")
                        .append(category).append("\",\"value\":\"").append(value(category, s, k))
                        .append("\",\"purposes\":[\"").append(PURPOSE).append("\"],\"source\":\"from-subject\",\"system\":\"vault\"}");
                if (++inBatch == batch) {
                    bodies.add(b.append("]}").toString().getBytes(StandardCharsets.UTF_8));
                    b = null;
                    inBatch = 0;
                }
            }
        }
        if (b != null) {
            bodies.add(b.append("]}").toString().getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }

    private static double baseline(DataSource ds, UUID[] ids, int perSubject, int batch, int threads, long version)
            throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE item_baseline (LIKE item INCLUDING ALL)");
            s.execute("ALTER TABLE item_baseline ADD FOREIGN KEY (subject_id) REFERENCES subject (id) ON DELETE CASCADE, "
                    + "ADD FOREIGN KEY (policy_version) REFERENCES policy_version (id)");
        }
        int batches = (int) ((long) ids.length * perSubject / batch);
        int subjectsPerBatch = batch / perSubject;
        Timestamp now = Timestamp.from(Instant.now());
        long t0 = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                try (Connection c = ds.getConnection()) {
                    c.setAutoCommit(false);
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO item_baseline (id, subject_id, category, "
                            + "purposes, source, system, collected_at, policy_version, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                        for (int bi = next.getAndIncrement(); bi < batches; bi = next.getAndIncrement()) {
                            for (int s = bi * subjectsPerBatch; s < (bi + 1) * subjectsPerBatch; s++) {
                                for (int k = 0; k < perSubject; k++) {
                                    String category = CATEGORIES[k % CATEGORIES.length];
                                    ps.setObject(1, timeOrdered());
                                    ps.setObject(2, ids[s]);
                                    ps.setString(3, category);
                                    ps.setArray(4, c.createArrayOf("text", new String[] {PURPOSE}));
                                    ps.setString(5, "from-subject");
                                    ps.setString(6, "vault");
                                    ps.setTimestamp(7, now);
                                    ps.setLong(8, version);
                                    ps.setBytes(9, value(category, s, k).getBytes(StandardCharsets.UTF_8));
                                    ps.addBatch();
                                }
                            }
                            ps.executeBatch();
                            c.commit();
                        }
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                    e.printStackTrace();
                }
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
        if (failures.get() > 0) {
            throw new IllegalStateException("baseline failed");
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long rows = count(ds, "SELECT count(*) FROM item_baseline");
        System.out.printf("baseline: %,d rows in %.1f s%n", rows, seconds);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE item_baseline"); // the reads then find the database as ingestion left it
        }
        return rows / seconds;
    }

    private static void reads(int port, String key, UUID[] ids, int clients, int warmup, int measure, String what)
            throws Exception {
        System.out.println("reads start at " + java.time.LocalTime.now());
        long warmEnd = System.nanoTime() + warmup * 1_000_000_000L;
        long end = warmEnd + measure * 1_000_000_000L;
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        AtomicLong errors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            int me = t;
            threads.add(Thread.ofPlatform().start(() -> {
                long[] lat = new long[1 << 20];
                int n = 0;
                try (RawHttpClient client = new RawHttpClient("localhost", port)) {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (true) {
                        long start = System.nanoTime();
                        if (start >= end) {
                            break;
                        }
                        UUID s = ids[random.nextInt(ids.length)];
                        RawHttpClient.Response r = client.get(what.equals("health") ? "/actuator/health"
                                : "/api/v1/subjects/" + s + "/items?purpose=" + PURPOSE, key);
                        long took = System.nanoTime() - start;
                        if (r.status() != 200) {
                            errors.incrementAndGet();
                        }
                        if (start >= warmEnd && n < lat.length) {
                            lat[n++] = took;
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    e.printStackTrace();
                }
                latencies[me] = lat;
                counts[me] = n;
            }));
        }
        Thread.sleep(Math.max(0, (warmEnd - System.nanoTime()) / 1_000_000));
        long[] cpu0 = cpuTicks();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long jvm0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        for (Thread t : threads) {
            t.join();
        }
        long[] cpu1 = cpuTicks();
        double jvmCores = (os.getProcessCpuTime() - jvm0) / (double) (System.nanoTime() - wall0);
        double busy = (double) (cpu1[0] - cpu0[0]) / Math.max(1, cpu1[1] - cpu0[1]);
        double stolen = (double) (cpu1[2] - cpu0[2]) / Math.max(1, cpu1[1] - cpu0[1]);
        System.out.printf("reads: machine CPU busy %.0f%% of %d cores while measuring (stolen by the host: %.0f%%); this "
                + "JVM (service and load) %.2f cores, the rest (PostgreSQL) %.2f cores%n", 100 * busy,
                os.getAvailableProcessors(), 100 * stolen, jvmCores, busy * os.getAvailableProcessors() - jvmCores);
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < clients; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        System.out.printf("reads: %d connections, %d s measured after %d s warm-up: %,d requests = %,.0f requests/s, "
                        + "latency p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms, errors %d%n",
                clients, measure, warmup, total, total / (double) measure, pct(all, 0.50), pct(all, 0.99),
                pct(all, 0.999), all.length == 0 ? 0 : all[all.length - 1] / 1e6, errors.get());
    }

    // Where the server's threads are, half-way through the reads: the frames of ours and of the libraries
    // they wait in, counted over 20 samples.
    private static void sampleStacks(int afterSeconds) {
        try {
            Thread.sleep(afterSeconds * 1000L);
            Map<String, Integer> counts = new java.util.TreeMap<>();
            for (int i = 0; i < 20; i++) {
                for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
                    String name = e.getKey().getName();
                    if (!name.startsWith("http-nio") && !name.contains("audit")) {
                        continue;
                    }
                    StringBuilder where = new StringBuilder(name.contains("audit") ? "[writer] " : "");
                    int shown = 0;
                    for (StackTraceElement f : e.getValue()) {
                        String c = f.getClassName();
                        if (shown < 3 && (c.startsWith("nl.waarborg") || c.contains("hikari") || c.contains("postgresql")
                                || c.contains("LockSupport") || c.contains("CompletableFuture") || c.contains("sun.nio"))) {
                            where.append(c.substring(c.lastIndexOf('.') + 1)).append('.').append(f.getMethodName()).append(" < ");
                            shown++;
                        }
                    }
                    counts.merge(where.toString(), 1, Integer::sum);
                }
                Thread.sleep(100);
            }
            counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
                    .forEach(e -> System.out.printf("stacks %5d  %s%n", e.getValue(), e.getKey()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }

    @FunctionalInterface
    private interface Task {
        void run(RawHttpClient client, int index) throws Exception;
    }

    private static void runAll(int threads, int tasks, Task task, int port) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                try (RawHttpClient client = new RawHttpClient("localhost", port)) {
                    for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
                        task.run(client, i);
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                    e.printStackTrace();
                }
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " load thread(s) failed");
        }
    }

    private static UUID timeOrdered() { // as the vault makes item ids (UUID version 7)
        long msb = (System.currentTimeMillis() << 16) | 0x7000L | (RANDOM.nextLong() & 0x0fffL);
        long lsb = (RANDOM.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    // {busy, total} jiffies of all cores from /proc/stat (Linux)
    private static long[] cpuTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
            return new long[] {total - idle - steal, total, steal};
        } catch (Exception e) {
            return new long[] {0, 0, 0};
        }
    }

    private static long count(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
