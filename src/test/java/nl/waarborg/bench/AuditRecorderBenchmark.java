package nl.waarborg.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import nl.waarborg.WaarborgApplication;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.AuditFixtures;
import nl.waarborg.audit.Verification;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.audit.service.AuditRecorder;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recording audit events that record no change, on the embedded PostgreSQL: {@link AuditRecorder#record}
 * (group commit) against the baseline of one transaction per event with {@link AuditLog#append}, from 1, 16 and
 * 64 threads, in one run. Each caller records realistic events ({@link AuditFixtures}) back to back; a call's
 * latency is from the call until it returns (the event committed).
 *
 * <p>Three ways, for each thread count:
 * <ul>
 *   <li>{@code baseline}: one transaction per event, with {@code synchronous_commit = on} set in it, the
 *       durability the recorder gives (the embedded server runs with it off);</li>
 *   <li>{@code recorder}: {@code AuditRecorder.record}, default settings (batches of up to 1,000);</li>
 *   <li>{@code baseline-async}: one transaction per event as the embedded server is configured
 *       ({@code synchronous_commit = off}: a commit does not wait for the disk, so a crash may lose it) — for
 *       comparison only, not durable.</li>
 * </ul>
 * Prints events/s, p50 and p99 latency and, for the recorder, the mean events per commit (the events of one
 * batch share their {@code occurred_at}). Usage: {@code AuditRecorderBenchmark [MEASURE-S] [WARMUP-S] [DATA-DIR]} (defaults 4, 2, a new
 * temporary folder); run with
 * scripts/bench-audit-recorder.
 */
public final class AuditRecorderBenchmark {

    private static final int[] THREADS = {1, 16, 64};

    public static void main(String[] args) throws Exception {
        double measureS = args.length > 0 ? Double.parseDouble(args[0]) : 4;
        double warmupS = args.length > 1 ? Double.parseDouble(args[1]) : 2;
        Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("waarborg-recorder-bench");
        System.out.println("load average at start: " + Files.readString(Path.of("/proc/loadavg")).trim());
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(WaarborgApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .run("--waarborg.data-dir=" + dir, "--logging.config=classpath:waarborg-cli-logback.xml")) {
            AuditLog log = ctx.getBean(AuditLog.class);
            AuditRecorder recorder = ctx.getBean(AuditRecorder.class);
            TransactionTemplate tx = ctx.getBean(TransactionTemplate.class);
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            System.out.println("server synchronous_commit = " + jdbc.sql("SHOW synchronous_commit").query(String.class).single());

            Random random = new Random(42);
            AuditEvent.Draft[] drafts = new AuditEvent.Draft[10_000];
            for (int i = 0; i < drafts.length; i++) {
                drafts[i] = AuditFixtures.draft(i, random);
            }
            Consumer<AuditEvent.Draft> baseline = d -> tx.executeWithoutResult(s -> {
                jdbc.sql("SET LOCAL synchronous_commit = on").update();
                log.append(d);
            });
            Consumer<AuditEvent.Draft> baselineAsync = d -> tx.executeWithoutResult(s -> log.append(d));

            List<String> table = new ArrayList<>();
            for (int threads : THREADS) {
                Result b = run("baseline", threads, baseline, drafts, warmupS, measureS, log, jdbc);
                Result r = run("recorder", threads, recorder::record, drafts, warmupS, measureS, log, jdbc);
                Result a = run("baseline-async", threads, baselineAsync, drafts, warmupS, measureS, log, jdbc);
                for (Result x : List.of(b, r, a)) {
                    System.out.println(x);
                }
                table.add(String.format(Locale.ROOT, "| %d | %,.0f | %.2f | %.2f | %,.0f | %.2f | %.2f | %.1f | %.1f × | %,.0f | %.2f | %.2f |",
                        threads, b.perSecond, b.p50ms, b.p99ms, r.perSecond, r.p50ms, r.p99ms, r.perCommit,
                        r.perSecond / b.perSecond, a.perSecond, a.p50ms, a.p99ms));
            }
            Verification v = log.verify();
            System.out.println("chain after the runs: " + (v.ok() ? "intact, " + ((Verification.Ok) v).events() + " events" : v));
            System.out.println();
            System.out.println("| threads | baseline events/s | p50 ms | p99 ms | recorder events/s | p50 ms | p99 ms | events/commit "
                    + "| recorder / baseline | baseline-async events/s | p50 ms | p99 ms |");
            System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            table.forEach(System.out::println);
        }
        System.out.println("load average at end: " + Files.readString(Path.of("/proc/loadavg")).trim());
    }

    record Result(String mode, int threads, long events, double perSecond, double p50ms, double p99ms, double perCommit) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "threads=%d mode=%s events=%d events/s=%,.0f p50_ms=%.2f p99_ms=%.2f events/commit=%.1f",
                    threads, mode, events, perSecond, p50ms, p99ms, perCommit);
        }
    }

    /** {@code threads} callers doing {@code call} back to back: warm-up, then the measured window. */
    private static Result run(String mode, int threads, Consumer<AuditEvent.Draft> call, AuditEvent.Draft[] drafts,
                              double warmupS, double measureS, AuditLog log, JdbcClient jdbc) throws Exception {
        long firstSeq = log.head().lastSeq();
        Phase phase = new Phase();
        long[][] latencies = new long[threads][];
        int[] counts = new int[threads];
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch done = new CountDownLatch(threads);
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int me = t;
            callers.add(Thread.ofPlatform().name("bench-" + mode + "-" + t).start(() -> {
                long[] mine = new long[1 << 14];
                int n = 0;
                int i = me * 997;
                ready.countDown();
                while (phase.value != Phase.STOP) {
                    long t0 = System.nanoTime();
                    call.accept(drafts[i++ % drafts.length]);
                    long took = System.nanoTime() - t0;
                    if (phase.value == Phase.MEASURE) {
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = took;
                    }
                }
                latencies[me] = mine;
                counts[me] = n;
                done.countDown();
            }));
        }
        ready.await();
        Thread.sleep((long) (warmupS * 1000));
        phase.value = Phase.MEASURE;
        long start = System.nanoTime();
        Thread.sleep((long) (measureS * 1000));
        phase.value = Phase.STOP;
        double seconds = (System.nanoTime() - start) / 1e9;
        done.await();
        for (Thread c : callers) {
            c.join();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        long lastSeq = log.head().lastSeq();
        // the events of one batch share their time; the baselines' events each have their own transaction
        double perCommit = jdbc.sql("SELECT count(*)::float8 / greatest(count(DISTINCT occurred_at), 1) FROM audit_event "
                + "WHERE seq > ? AND seq <= ?").params(firstSeq, lastSeq).query(Double.class).single();
        return new Result(mode, threads, total, total / seconds, percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6,
                perCommit);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static final class Phase {
        static final int WARMUP = 0;
        static final int MEASURE = 1;
        static final int STOP = 2;
        volatile int value = WARMUP;
    }

    private AuditRecorderBenchmark() {
    }
}
