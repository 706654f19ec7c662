package nl.waarborg.bench;

import jakarta.servlet.Filter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import nl.waarborg.WaarborgApplication;
import nl.waarborg.staff.Roles;
import nl.waarborg.accounts.service.Accounts;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.web.ConsoleClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.Ordered;

/**
 * Issue 18's page figures (docs/benchmarks.md, scripts/bench-pages): "dashboard and portal pages served in under 50 ms
 * at the server with 1 M subjects and 10,000 open requests; no page ships more than 100 KB of script". The service on
 * a fresh embedded database in a temporary folder; SUBJECTS subjects (with a category membership each) and N open
 * requests whose identity is verified (plus as many closed ones) loaded with INSERT … SELECT as the other benchmarks
 * do; a privacy officer signed in over real HTTP (form, session cookie, temporary password changed); then each page
 * read CALLS times after as many warm-up reads, one after another.
 *
 * <p>Server time is measured by a servlet filter registered first of all (before security): from the request's
 * entry to the filter chain's return, the page rendered into Tomcat's buffer; the time over loopback HTTP as the
 * client sees it is printed beside it. Script per page is the sum of the sizes of its {@code <script src>} files,
 * each read from the service. Rate limits are off: one client reading a page thousands of times is not what they are
 * for. A page that does not exist on this branch is reported with its status and not timed.
 *
 * <p>Usage: {@code PageBenchmark [PAGES] [SUBJECTS] [N] [CALLS]}, PAGES comma-separated (default
 * {@link #DEFAULT_PAGES} 1000000 10000 500); {@code {request}} in a page stands for a loaded open request's reference.
 */
public final class PageBenchmark {

    /** Issue 18's page list; {@code {request}} is replaced by the reference of one loaded open request. */
    static final String DEFAULT_PAGES = "/console,/console/requests,/console/requests/{request},/console/breaches,"
            + "/console/policy,/console/audit,/,/statement/versions,/request,/accessibility";

    private static final Pattern SCRIPT = Pattern.compile("<script[^>]*\\ssrc=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);

    /** Nanoseconds of the last request the timing filter saw (one request at a time). */
    private static volatile long lastServerNanos;

    public static void main(String[] args) throws Exception {
        List<String> pages = List.of((args.length > 0 ? args[0] : DEFAULT_PAGES).split(","));
        long subjects = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int calls = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        Path dir = Files.createTempDirectory("waarborg-pages-bench");
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(WaarborgApplication.class)
                .logStartupInfo(false)
                .initializers(c -> ((GenericApplicationContext) c).registerBean("benchServerTime",
                        FilterRegistrationBean.class, PageBenchmark::timingFilter))
                .run("--waarborg.data-dir=" + dir, "--server.port=0", "--logging.config=classpath:waarborg-cli-logback.xml",
                        "--waarborg.retention.sweep-interval=0", "--waarborg.rate-limit.enabled=false")) {
            DataSource ds = ctx.getBean(DataSource.class);
            long version = ctx.getBean(ActivePolicy.class).version().id();
            long t0 = System.nanoTime();
            exec(ds, "INSERT INTO subject (id, created_at) SELECT gen_random_uuid(), now() FROM generate_series(1, " + subjects + ")");
            exec(ds, "INSERT INTO subject_membership (subject_id, subject_category, joined_at) SELECT id, 'customer', now() FROM subject");
            System.out.printf("loaded %,d subjects in %.1f s%n", subjects, (System.nanoTime() - t0) / 1e9);
            long t1 = System.nanoTime();
            RequestListBenchmark.load(ds, n, version, "open", "verified");
            RequestListBenchmark.load(ds, n, version, "refused", "verified");
            exec(ds, "VACUUM ANALYZE");
            System.out.printf("loaded %,d open requests (and %,d closed) in %.1f s%n", n, n, (System.nanoTime() - t1) / 1e9);

            int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
            ConsoleClient client = ConsoleClient.signedIn(port, ctx.getBean(Accounts.class), "bench-officer",
                    Roles.PRIVACY_OFFICER);
            // A request's own page: the open request in the middle of the loaded ones (by reference order), so the
            // page is timed on a row the index has to find, not the first one.
            String reference = new org.springframework.jdbc.core.JdbcTemplate(ds).queryForObject(
                    "SELECT reference FROM request WHERE status = 'open' ORDER BY reference OFFSET ? LIMIT 1",
                    String.class, n / 2);
            for (String page : pages) {
                measure(client, page.replace("{request}", reference), calls);
            }
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static FilterRegistrationBean<Filter> timingFilter() {
        FilterRegistrationBean<Filter> bean = new FilterRegistrationBean<>((request, response, chain) -> {
            long s = System.nanoTime();
            try {
                chain.doFilter(request, response);
            } finally {
                lastServerNanos = System.nanoTime() - s;
            }
        });
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return bean;
    }

    private static void measure(ConsoleClient client, String page, int calls) {
        HttpResponse<String> first = client.get(page);
        if (first.statusCode() != 200) {
            System.out.printf("%s: status %d, not timed (not on this branch, or refused)%n", page, first.statusCode());
            return;
        }
        for (int i = 0; i < calls; i++) {
            client.get(page);
        }
        double[] server = new double[calls];
        double[] loopback = new double[calls];
        for (int i = 0; i < calls; i++) {
            long s = System.nanoTime();
            HttpResponse<String> r = client.get(page);
            loopback[i] = (System.nanoTime() - s) / 1e6;
            server[i] = lastServerNanos / 1e6;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(page + " gave " + r.statusCode());
            }
        }
        Arrays.sort(server);
        Arrays.sort(loopback);
        Set<String> scripts = new LinkedHashSet<>();
        Matcher m = SCRIPT.matcher(first.body());
        while (m.find()) {
            scripts.add(m.group(1));
        }
        long scriptBytes = 0;
        List<String> sizes = new ArrayList<>();
        for (String src : scripts) {
            int bytes = client.getBytes(src).body().length;
            scriptBytes += bytes;
            sizes.add(src + " " + bytes);
        }
        System.out.printf("%s (%,d bytes of HTML): server p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms; "
                        + "loopback HTTP p50 %.2f ms, p99 %.2f ms (%d calls); script %,d bytes in %d file(s)%s%n",
                page, first.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                at(server, 0.5), at(server, 0.9), at(server, 0.99), server[calls - 1], at(loopback, 0.5),
                at(loopback, 0.99), calls, scriptBytes, scripts.size(), sizes.isEmpty() ? "" : " " + sizes);
    }

    private static double at(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))];
    }

    private static void exec(DataSource ds, String sql) throws Exception {
        try (var c = ds.getConnection(); var s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
