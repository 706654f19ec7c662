package nl.waarborg.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import nl.waarborg.WaarborgApplication;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.web.RefusedCallAudit;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 12: a flood of anonymous calls against legitimate authenticated ones, service and load in one JVM on
 * loopback. Legitimate: LEGIT clients, each a keep-alive connection from 127.0.0.1 sending the staff token
 * ({@code GET /api/v1/policy/versions}) at a paced RATE calls per second. Flood: FLOOD keep-alive connections
 * calling {@code GET /api/v1/audit/events} without credentials as fast as they are answered, from FLOOD-FROM
 * (127.0.1.1: another /24 on loopback; 127.0.0.1: the legitimate clients' own network). Phases: the legitimate
 * load alone for BASELINE seconds (the baseline), then with the flood for SECONDS seconds. Prints the
 * legitimate calls' p50/p99/max in each phase and their ratio, the flood's calls per second and answers, and how
 * many audit events the flood added (after the counts of the running minute are written). All loops are
 * bounded in time. Usage: {@code RefusedCallFlood key=value...} (legit, rate, flood, flood-from, warmup, baseline,
 * seconds, flood-rate: the flood's calls per second in all, 0 as fast as answered); {@code --name=value} configures the service. Run with scripts/bench-refused-calls.
 */
public final class RefusedCallFlood {

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>(Map.of("legit", "4", "rate", "50", "flood", "8",
                "flood-from", "127.0.1.1", "baseline", "10", "seconds", "20", "flood-rate", "0", "warmup", "15"));
        List<String> service = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--")) {
                service.add(a);
            } else {
                String[] kv = a.split("=", 2);
                opts.put(kv[0], kv[1]);
            }
        }
        int legit = Integer.parseInt(opts.get("legit"));
        int rate = Integer.parseInt(opts.get("rate"));
        int flood = Integer.parseInt(opts.get("flood"));
        String floodFrom = opts.get("flood-from");
        int baselineSeconds = Integer.parseInt(opts.get("baseline"));
        int floodSeconds = Integer.parseInt(opts.get("seconds"));
        int floodRate = Integer.parseInt(opts.get("flood-rate"));
        Path dir = Files.createTempDirectory("waarborg-flood");
        service.add("--waarborg.data-dir=" + dir);
        service.add("--server.port=0");
        service.add("--logging.config=classpath:waarborg-cli-logback.xml");
        service.add("--waarborg.retention.sweep-interval=0");
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(WaarborgApplication.class)
                .logStartupInfo(false).run(service.toArray(String[]::new))) {
            int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
            String token = Files.readString(dir.resolve("staff-token")).trim();
            AuditLog log = ctx.getBean(AuditLog.class);
            RefusedCallAudit refused = ctx.getBean(RefusedCallAudit.class);
            System.out.printf("options %s; service %s; load average %s%n", opts, service, loadAverage());

            // warm-up: the same legitimate load, not measured (the JIT compiles the service meanwhile)
            legitimate(port, token, legit, rate, Integer.parseInt(opts.get("warmup")));
            long[] baseline = legitimate(port, token, legit, rate, baselineSeconds);
            report("legitimate alone", baseline, baselineSeconds);

            refused.flushAll();
            long before = log.head().lastSeq();
            LongAdder floodCalls = new LongAdder();
            Map<Integer, LongAdder> statuses = new java.util.concurrent.ConcurrentHashMap<>();
            long floodEnd = System.nanoTime() + floodSeconds * 1_000_000_000L;
            List<Thread> flooders = new ArrayList<>();
            for (int f = 0; f < flood; f++) {
                int n = f;
                flooders.add(Thread.ofPlatform().name("flood-" + f).start(() -> {
                    long interval = floodRate == 0 ? 0 : 1_000_000_000L * flood / floodRate;
                    try (RawHttpClient c = new RawHttpClient("127.0.0.1", port, floodFrom)) {
                        long i = 0;
                        for (long next = System.nanoTime(); System.nanoTime() < floodEnd; next += interval) {
                            long wait = next - System.nanoTime();
                            if (wait > 0) {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            }
                            int status = c.get("/api/v1/audit/events?after=" + (i++), n % 2 == 0 ? "" : "wrong").status();
                            statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                            floodCalls.increment();
                        }
                    } catch (Exception e) {
                        System.out.println("flood client stopped: " + e);
                    }
                }));
            }
            long[] during = legitimate(port, token, legit, rate, floodSeconds);
            for (Thread t : flooders) {
                t.join();
            }
            report("legitimate during the flood", during, floodSeconds);
            refused.flushAll();
            long added = log.head().lastSeq() - before;
            System.out.printf("flood: %,d anonymous calls in %d s = %,.0f calls/s from %s, answers %s; audit events "
                            + "added %d (the issue measured 133,262 for 20 s before counting)%n", floodCalls.sum(), floodSeconds,
                    floodCalls.sum() / (double) floodSeconds, floodFrom, statuses, added);
            System.out.printf("load average at the end %s%n", loadAverage());
            System.out.printf("p99 ratio during/alone: %.2f%n", percentile(during, 0.99) / (double) percentile(baseline, 0.99));
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    /** Runs the paced legitimate clients for {@code seconds}; returns every call's latency in microseconds, sorted. */
    private static long[] legitimate(int port, String token, int clients, int rate, int seconds) throws Exception {
        List<long[]> lat = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long interval = 1_000_000_000L / rate;
        for (int c = 0; c < clients; c++) {
            long[] mine = new long[(int) ((long) rate * seconds + 10)];
            lat.add(mine);
            long offset = interval * c / clients;
            threads.add(Thread.ofPlatform().name("legit-" + c).start(() -> {
                int n = 0;
                try (RawHttpClient client = new RawHttpClient("127.0.0.1", port)) {
                    for (long next = start + offset; next < end && n < mine.length; next += interval) {
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        // latency from the planned send time, so a stalled server is not hidden (coordinated omission)
                        long planned = Math.min(next, System.nanoTime());
                        int status = client.get("/api/v1/policy/versions", token).status();
                        mine[n++] = (System.nanoTime() - planned) / 1_000;
                        if (status != 200) {
                            failures.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    System.out.println("legitimate client stopped: " + e);
                }
                if (n < mine.length) {
                    mine[n] = -1;
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failures.get() > 0) {
            System.out.println("legitimate calls not answered 200: " + failures.get());
        }
        return lat.stream().flatMapToLong(a -> Arrays.stream(a).takeWhile(v -> v >= 0)).filter(v -> v > 0).sorted().toArray();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static void report(String what, long[] sorted, int seconds) {
        System.out.printf("%s: %,d calls in %d s, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", what, sorted.length, seconds,
                percentile(sorted, 0.5) / 1e3, percentile(sorted, 0.99) / 1e3, sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e3);
    }

    private RefusedCallFlood() {
    }
}
