package nl.waarborg.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.sql.DataSource;
import nl.waarborg.WaarborgApplication;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.requests.service.Requests;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 16's figure "10,000 open requests listed with deadlines in under 200 ms" (docs/benchmarks.md,
 * scripts/bench-requests): the service on a fresh embedded database in a temporary folder, N open requests whose
 * identity is verified loaded with INSERT … SELECT (plus as many closed ones and as many unverified, which the list
 * leaves out), then {@code GET /api/v1/requests?limit=N} over HTTP with the staff token, end to end (the JSON parsed
 * by nobody: read to its end), and the service's {@code Requests.list} alone, each after a warm-up.
 * Usage: {@code RequestListBenchmark [N] [CALLS]} (default 10000 50).
 */
public final class RequestListBenchmark {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Path dir = Files.createTempDirectory("waarborg-requests-bench");
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(WaarborgApplication.class)
                .logStartupInfo(false)
                .run("--waarborg.data-dir=" + dir, "--server.port=0", "--logging.config=classpath:waarborg-cli-logback.xml",
                        "--waarborg.retention.sweep-interval=0")) {
            DataSource ds = ctx.getBean(DataSource.class);
            long version = ctx.getBean(ActivePolicy.class).version().id();
            long t0 = System.nanoTime();
            load(ds, n, version, "open", "verified");
            load(ds, n, version, "refused", "verified");
            load(ds, n, version, "open", "pending");
            try (var c = ds.getConnection(); var s = c.createStatement()) {
                s.execute("VACUUM ANALYZE request");
            }
            System.out.printf("loaded %,d open verified requests (and %,d closed, %,d unverified) in %.1f s%n", n, n, n,
                    (System.nanoTime() - t0) / 1e9);

            int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
            String token = Files.readString(dir.resolve("staff-token")).strip();
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/requests?limit=" + n))
                    .header("Authorization", "Bearer " + token).build();
            int[] size = new int[1];
            double[] endToEnd = time(calls, () -> {
                HttpResponse<byte[]> r = http.send(get, HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("status " + r.statusCode());
                }
                size[0] = r.body().length;
            });
            Requests requests = ctx.getBean(Requests.class);
            double[] service = time(calls, () -> {
                if (requests.list(false, null, false, false, n).size() != n) {
                    throw new IllegalStateException("expected " + n + " requests");
                }
            });
            report("GET /api/v1/requests?limit=" + n + " (HTTP, " + String.format("%,d", size[0]) + " bytes)", endToEnd);
            report("Requests.list (the query and the rows)", service);
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** N requests of {@code status} and {@code identity} with INSERT … SELECT (PageBenchmark loads its own this way too). */
    static void load(DataSource ds, int n, long version, String status, String identity) throws Exception {
        String closed = status.equals("open") ? "NULL, NULL, NULL, NULL" : "'excessive', 'r', now(), 'bench'";
        try (var c = ds.getConnection(); var s = c.createStatement()) {
            s.execute("INSERT INTO request (id, reference, kinds, channel, language, received_at, received_by, deadline, "
                    + "deadline_ends_at, identity, status, refusal_ground, refusal_reason, closed_at, closed_by, "
                    + "policy_version) SELECT gen_random_uuid(), 'WB-' || upper(substr(md5(random()::text), 1, 4)) || '-' "
                    + "|| upper(substr(md5(random()::text), 1, 4)) || lpad(g::text, 7, '0'), ARRAY['access'], 'email', "
                    + "'nl', now() - (g % 28) * interval '1 day', 'bench', (now() + (28 - g % 28) * interval '1 day')::date, "
                    + "now() + (28 - g % 28) * interval '1 day', '" + identity + "', '" + status + "', " + closed + ", "
                    + version + " FROM generate_series(1, " + n + ") g");
        }
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }

    /** Milliseconds per call, after as many warm-up calls. */
    private static double[] time(int calls, Call call) throws Exception {
        for (int i = 0; i < calls; i++) {
            call.run();
        }
        double[] ms = new double[calls];
        for (int i = 0; i < calls; i++) {
            long s = System.nanoTime();
            call.run();
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static void report(String what, double[] ms) {
        System.out.printf("%s: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (%d calls)%n", what,
                ms[ms.length / 2], ms[(int) (ms.length * 0.9)], ms[Math.min(ms.length - 1, (int) (ms.length * 0.99))],
                ms[ms.length - 1], ms.length);
    }
}
