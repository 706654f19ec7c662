package nl.waarborg.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import javax.sql.DataSource;
import nl.waarborg.WaarborgApplication;
import nl.waarborg.audit.Verification;
import nl.waarborg.audit.service.AuditChainLoader;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.cli.AuditCommandLine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 12 at scale: a log of N events (default 1,000,000, sealed with the real chain and appended with COPY
 * through the guards), then the event in the middle changed with the triggers off, as a superuser would
 * ({@code ALTER TABLE audit_event DISABLE TRIGGER USER}, then UPDATE). Checks that {@code AuditLog.verify()},
 * {@code GET /api/v1/audit/verify} and {@code waarborg audit verify --data DIR} each name that event (and exit 1),
 * and prints how long each took. Exits non-zero when any of them does not. Usage:
 * {@code AuditTamperAtScale [EVENTS]}; run with {@code scripts/bench-audit-tamper}.
 */
public final class AuditTamperAtScale {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("waarborg-audit-tamper");
        long middle;
        boolean failed = false;
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(WaarborgApplication.class)
                .logStartupInfo(false)
                .run("--waarborg.data-dir=" + dir, "--server.port=0", "--logging.config=classpath:waarborg-cli-logback.xml")) {
            AuditLog log = ctx.getBean(AuditLog.class);
            DataSource ds = ctx.getBean(DataSource.class);
            long t0 = System.nanoTime();
            long last = AuditChainLoader.append(ds, n);
            System.out.printf("appended %,d events with COPY through the guards in %.1f s; head at %d%n", n,
                    (System.nanoTime() - t0) / 1e9, last);
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE audit_event");
            }
            t0 = System.nanoTime();
            Verification intact = log.verify();
            System.out.printf("intact: %s in %.2f s%n", intact, (System.nanoTime() - t0) / 1e9);
            middle = last / 2;
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE audit_event DISABLE TRIGGER USER");
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE audit_event SET action = 'read' || action WHERE seq = ?")) {
                    ps.setLong(1, middle);
                    ps.executeUpdate();
                }
                try (Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE audit_event ENABLE TRIGGER USER");
                }
                c.commit();
            }
            System.out.printf("changed event %d (of %d) with the triggers off%n", middle, last);
            t0 = System.nanoTime();
            Verification v = log.verify();
            System.out.printf("AuditLog.verify(): %s in %.2f s%n", v, (System.nanoTime() - t0) / 1e9);
            failed |= !(v instanceof Verification.Broken b && b.seq() == middle);

            int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
            String token = Files.readString(dir.resolve("staff-token")).trim();
            t0 = System.nanoTime();
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/audit/verify"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            System.out.printf("GET /api/v1/audit/verify: %d %s in %.2f s%n", r.statusCode(), r.body(),
                    (System.nanoTime() - t0) / 1e9);
            failed |= r.statusCode() != 200 || !r.body().contains("\"ok\":false") || !r.body().contains("\"brokenAt\":" + middle + ",");
        }
        // the command as a user runs it, in a fresh JVM, on the folder the service has left
        String cp = System.getProperty("java.class.path");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", cp,
                AuditCommandLine.class.getName(), "verify", "--data", dir.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes()).trim();
        int exit = p.waitFor();
        System.out.printf("waarborg audit verify --data DIR: exit %d, %s, in %.2f s (JVM and PostgreSQL start included)%n",
                exit, output, (System.nanoTime() - t0) / 1e9);
        failed |= exit != 1 || !output.contains("audit chain broken at event " + middle + ": content changed");
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        System.out.println(failed ? "FAILED: the changed event was not named everywhere" : "every check named event " + middle);
        System.exit(failed ? 1 : 0);
    }

    private AuditTamperAtScale() {
    }
}
