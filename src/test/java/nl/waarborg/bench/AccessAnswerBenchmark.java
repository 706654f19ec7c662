package nl.waarborg.bench;

import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import nl.waarborg.WaarborgApplication;
import nl.waarborg.access.Caller;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.requests.AccessAnswerHeader;
import nl.waarborg.requests.AccessAnswerJson;
import nl.waarborg.requests.AccessContext;
import nl.waarborg.requests.AnswerItem;
import nl.waarborg.vault.NewItem;
import nl.waarborg.vault.SubjectRequests;
import nl.waarborg.vault.Vault;
import nl.waarborg.vault.crypto.MasterKey;
import nl.waarborg.vault.crypto.StreamKeys;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The access answer end to end (docs/benchmarks.md, "Requests: the access answer (issue 16)",
 * scripts/bench-access-answer): the service on the self-storage policy with SUBJECTS × ITEMS background items (INSERT …
 * SELECT, as scripts/bench-vault-requests), then for each of REPS customers with 500 items (stored through the vault):
 * <ol>
 *   <li>the JSON answer alone, in this process: the vault's export of the 500 items through the answer's JSON writer
 *       into the answer's encryption (what fulfilment does for the JSON, without the HTTP call and the other formats);</li>
 *   <li>over HTTP: {@code POST /api/v1/requests/{ref}/fulfil} (every step; the JSON, the HTML and the page the PDF is
 *       printed from at its download),
 *       then the person's download of the JSON by the link.</li>
 * </ol>
 * Usage: {@code AccessAnswerBenchmark [SUBJECTS] [ITEMS] [REPS]} (default 1000000 10 50).
 */
public final class AccessAnswerBenchmark {

    private static final Caller STAFF = new Caller("bench", "management", List.of(), true);
    private static final Caller CRM = new Caller("crm", "customer-service", List.of("customer-contract"), false);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern REFERENCE = Pattern.compile("\"reference\":\"(WB-[0-9A-Z-]+)\"");
    private static final Pattern LINK = Pattern.compile("\"link\":\"[^\"]*(/api/v1/requests/answers/[A-Za-z0-9_-]{43})\"");

    public static void main(String[] args) throws Exception {
        long subjects = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        int perSubject = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        Path dir = Files.createTempDirectory("waarborg-answer-bench");
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(WaarborgApplication.class)
                .logStartupInfo(false)
                .run("--waarborg.data-dir=" + dir, "--logging.config=classpath:waarborg-cli-logback.xml",
                        "--waarborg.policy=classpath:examples/self-storage.yaml", "--waarborg.port=0",
                        "--server.port=0", "--waarborg.retention.sweep-interval=PT0S",
                        "--waarborg.requests.fulfilment-interval=0s", "--waarborg.systems.retry-interval=0s")) {
            int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
            String token = Files.readString(dir.resolve("staff-token")).trim();
            DataSource ds = ctx.getBean(DataSource.class);
            long version = ctx.getBean(ActivePolicy.class).version().id();
            Vault vault = ctx.getBean(Vault.class);
            SubjectRequests requests = ctx.getBean(SubjectRequests.class);
            StreamKeys keys = new StreamKeys(ctx.getBean(MasterKey.class));

            long t0 = System.nanoTime();
            exec(ds, "INSERT INTO subject (id, created_at) SELECT gen_random_uuid(), now() FROM generate_series(1, " + subjects + ")");
            exec(ds, "INSERT INTO subject_membership (subject_id, subject_category, joined_at) SELECT id, 'customer', now() FROM subject");
            exec(ds, "INSERT INTO item (id, subject_id, category, purposes, source, system, collected_at, policy_version, "
                    + "value, due_at, end_action, retention_rule, scheduled_under) SELECT gen_random_uuid(), s.id, "
                    + "(ARRAY['name','email','phone','rental-details','billing-address'])[1 + i % 5], ARRAY['customer-contract'], "
                    + "'from-subject', 'vault', now() - i * interval '1 day', " + version
                    + ", '\\x0102030405060708090a0b0c0d0e0f'::bytea, NULL, 'delete', 'customers-contract', " + version
                    + " FROM subject s, generate_series(1, " + perSubject + ") i");
            exec(ds, "VACUUM ANALYZE");
            System.out.printf("background: %,d subjects, %,d items, loaded in %.1f s%n", subjects,
                    subjects * perSubject, (System.nanoTime() - t0) / 1e9);

            int warm = 10;
            List<UUID> customers = new ArrayList<>();
            for (int i = 0; i < reps + warm; i++) {
                UUID s = vault.createSubjects(STAFF, List.of(new Vault.NewSubject(List.of(), List.of(), List.of("customer"))))
                        .getFirst();
                List<NewItem> items = new ArrayList<>();
                String[] categories = {"name", "email", "phone", "rental-details", "billing-address"};
                for (int n = 0; n < 500; n++) {
                    items.add(new NewItem(s, categories[n % 5], "value " + n + " of customer " + i, List.of("customer-contract"),
                            "from-subject", "vault", null));
                }
                vault.addItems(CRM, items);
                customers.add(s);
            }

            AccessContext context = AccessContext.of(ctx.getBean(ActivePolicy.class).policy(), Lang.NL,
                    Set.of("name", "email", "phone", "rental-details", "billing-address"), Set.of("customer"));
            long[] json = new long[reps];
            long[] fulfil = new long[reps];
            long[] download = new long[reps];
            long bytes = 0;
            for (int i = 0; i < reps + warm; i++) {
                UUID s = customers.get(i);
                // (1) the JSON answer in this process
                long a = System.nanoTime();
                UUID answer = UUID.randomUUID();
                try (OutputStream out = keys.open(answer, keys.newWrappedKey(answer)).newEncryptingStream(
                        OutputStream.nullOutputStream(), new byte[0])) {
                    List<AnswerItem> items = new ArrayList<>(500);
                    requests.exportAll(STAFF, s, "WB-BNCH-" + String.format("%04d", i % 10_000), e -> items.add(
                            new AnswerItem("vault", e.category(), e.value(), e.collectedAt(), e.purposes(), e.source(), null)));
                    AccessAnswerJson.write(new AccessAnswerHeader("WB-BNCH-0000", Lang.NL, LocalDate.now(), Instant.now(),
                            "Opslag"), context, items.iterator(), out);
                }
                long b = System.nanoTime();
                // (2) over HTTP: the request, its identity, the fulfilment, the download
                String reference = match(REFERENCE, post(port, token, "/api/v1/requests",
                        "{\"kinds\":[\"access\"],\"channel\":\"email\",\"subject\":\"" + s + "\"}"));
                post(port, token, "/api/v1/requests/" + reference + "/identity",
                        "{\"method\":\"account-login\",\"outcome\":\"verified\"}");
                long c = System.nanoTime();
                String progress = post(port, token, "/api/v1/requests/" + reference + "/fulfil", "{}");
                long d = System.nanoTime();
                HttpResponse<byte[]> got = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + match(LINK, progress) + "?format=json")).build(), HttpResponse.BodyHandlers.ofByteArray());
                long e = System.nanoTime();
                if (got.statusCode() != 200) {
                    throw new IllegalStateException("download: " + got.statusCode());
                }
                if (i >= warm) {
                    json[i - warm] = b - a;
                    fulfil[i - warm] = d - c;
                    download[i - warm] = e - d;
                    bytes = got.body().length;
                }
            }
            System.out.printf("customers with 500 items each, %d measured after %d warm-up; JSON answer %,d bytes%n", reps, warm, bytes);
            report("JSON answer in process (export 500 + JSON + encryption)", json);
            report("POST fulfil over HTTP (all steps; JSON, HTML, the PDF's page)", fulfil);
            report("GET the JSON by the link over HTTP (decrypt + send)", download);
            long[] e2e = new long[reps];
            for (int i = 0; i < reps; i++) {
                e2e[i] = json[i] + download[i];
            }
            report("JSON answer made + downloaded (1 + 3)", e2e);
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String post(int port, String token, String path, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static String match(Pattern p, String s) {
        Matcher m = p.matcher(s);
        if (!m.find()) {
            throw new IllegalStateException("not found in " + s);
        }
        return m.group(1);
    }

    private static void report(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf("%-60s p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms%n", what, s[s.length / 2] / 1e6,
                s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.99) - 1)] / 1e6, s[s.length - 1] / 1e6);
    }

    private static void exec(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
