package nl.waarborg.bench;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import nl.waarborg.WaarborgApplication;
import nl.waarborg.audit.AuditChain;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.AuditFixtures;
import nl.waarborg.audit.AuditHash;
import nl.waarborg.audit.Verification;
import nl.waarborg.audit.service.AuditLog;
import org.postgresql.PGConnection;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Audit verification end to end: {@code AuditLog.verify()} over N rows in the embedded PostgreSQL (cursor,
 * driver, mapping, hashing), against the baseline of only reading the same rows and columns through the same
 * driver and fetch size. Loads the rows with COPY first (guards switched off for the load: the point is the
 * read). Prints events/s. Usage: {@code AuditVerifyEndToEnd [EVENTS] [DATA-DIR]}; a given folder is kept, so
 * {@code waarborg audit verify --data DIR} can be timed on it afterwards. Run with scripts/bench-audit.
 */
public final class AuditVerifyEndToEnd {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("waarborg-audit-bench");
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(WaarborgApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .run("--waarborg.data-dir=" + dir, "--logging.config=classpath:waarborg-cli-logback.xml")) {
            AuditLog log = ctx.getBean(AuditLog.class);
            DataSource ds = ctx.getBean(DataSource.class);
            if (log.head().lastSeq() < n) { // a fresh folder holds only the policy load's event
                long t0 = System.nanoTime();
                load(ds, n);
                System.out.printf("loaded %d events with COPY in %.1f s (%s)%n", n, (System.nanoTime() - t0) / 1e9, dir);
            } else {
                System.out.printf("using the %d events already in %s%n", log.head().lastSeq(), dir);
            }
            long rows = log.head().lastSeq();
            for (int run = 1; run <= 5; run++) {
                long t0 = System.nanoTime();
                long read = readOnly(ds);
                double readS = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                Verification v = log.verify();
                double verifyS = (System.nanoTime() - t0) / 1e9;
                if (!v.ok() || read != rows) {
                    throw new IllegalStateException("expected an intact chain of " + rows + ": " + v);
                }
                t0 = System.nanoTime();
                long bytes = copyOnly(ds);
                double copyS = (System.nanoTime() - t0) / 1e9;
                System.out.printf("run %d: verify %d events in %.2f s = %,.0f events/s; baseline binary COPY of the "
                                + "same rows, bytes only (%,d MB) %.2f s = %,.0f rows/s, ratio %.2f; baseline query "
                                + "read-only %.2f s = %,.0f rows/s%n", run, rows, verifyS, rows / verifyS, bytes >> 20, copyS,
                        rows / copyS, copyS / verifyS, readS, rows / readS);
            }
        }
    }

    /** The baseline of verify's reading: the same binary COPY, its bytes counted and nothing made of them. */
    private static long copyOnly(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (java.io.InputStream in = new org.postgresql.copy.PGCopyInputStream(c.unwrap(org.postgresql.PGConnection.class),
                    "COPY (SELECT seq, occurred_at, actor, role, action, purpose, subject_id, categories, outcome, reasons, "
                            + "policy_version, prev_hash, hash FROM audit_event ORDER BY seq) TO STDOUT (FORMAT binary)")) {
                byte[] buffer = new byte[1 << 16];
                long total = 0;
                for (int r = in.read(buffer); r >= 0; r = in.read(buffer)) {
                    total += r;
                }
                c.commit();
                return total;
            }
        }
    }

    /** The earlier baseline: the same columns through a query and a ResultSet, nothing made of them. */
    private static long readOnly(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            c.setReadOnly(true);
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, occurred_at, actor, role, action, purpose, "
                    + "subject_id, categories, outcome, reasons, policy_version, prev_hash, hash FROM audit_event ORDER BY seq")) {
                ps.setFetchSize(5_000);
                long n = 0;
                long sink = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink += rs.getLong(1);
                        sink += rs.getObject(2, java.time.OffsetDateTime.class).getNano();
                        sink += rs.getString(3).length() + rs.getString(4).length() + rs.getString(5).length();
                        String purpose = rs.getString(6);
                        sink += purpose == null ? 0 : purpose.length();
                        UUID subject = rs.getObject(7, UUID.class);
                        sink += subject == null ? 0 : 1;
                        sink += ((String[]) rs.getArray(8).getArray()).length;
                        sink += rs.getString(9).length();
                        sink += ((String[]) rs.getArray(10).getArray()).length;
                        sink += rs.getLong(11);
                        sink += rs.getBytes(12)[0] + rs.getBytes(13)[0];
                        n++;
                    }
                }
                c.commit();
                return sink == Long.MIN_VALUE ? -1 : n; // uses sink, so no read is optimised away
            }
        }
    }

    /** A valid chain of {@code n} events through COPY, in chunks, then the head set to its end. */
    private static void load(DataSource ds, int n) throws Exception {
        AuditChain chain = new AuditChain();
        Random random = new Random(42);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        AuditHash prev = AuditHash.GENESIS;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE audit_event DISABLE TRIGGER USER");
                s.execute("ALTER TABLE audit_head DISABLE TRIGGER USER");
                s.execute("DELETE FROM audit_event"); // the start's own events: the loaded chain replaces them
            }
            StringBuilder chunk = new StringBuilder(1 << 24);
            for (int i = 0; i < n; i++) {
                AuditEvent e = chain.seal(AuditFixtures.draft(i, random), i + 1, start.plusMillis(37L * i), prev);
                prev = e.hash();
                chunk.append(e.seq()).append('\t').append(e.occurredAt()).append('\t').append(e.actor()).append('\t')
                        .append(e.role()).append('\t').append(e.action()).append('\t')
                        .append(e.purpose() == null ? "\\N" : e.purpose()).append('\t')
                        .append(e.subjectId() == null ? "\\N" : e.subjectId().toString()).append('\t')
                        .append(array(e.categories())).append('\t').append(e.outcome().word()).append('\t')
                        .append(array(e.reasons())).append('\t')
                        .append(e.policyVersion() == null ? "\\N" : e.policyVersion().toString()).append('\t')
                        .append("\\\\x").append(e.prevHash().hex()).append('\t')
                        .append("\\\\x").append(e.hash().hex()).append('\n');
                if ((i + 1) % 100_000 == 0 || i == n - 1) {
                    copy(c, chunk.toString());
                    chunk.setLength(0);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
                ps.setLong(1, n);
                ps.setBytes(2, prev.toBytes());
                ps.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE audit_event ENABLE TRIGGER USER");
                s.execute("ALTER TABLE audit_head ENABLE TRIGGER USER");
                c.commit();
                c.setAutoCommit(true); // VACUUM runs outside a transaction
                s.execute("VACUUM ANALYZE audit_event");
            }
        }
    }

    private static void copy(Connection c, String rows) throws Exception {
        c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY audit_event (seq, occurred_at, actor, role, action, "
                + "purpose, subject_id, categories, outcome, reasons, policy_version, prev_hash, hash) FROM STDIN",
                new StringReader(rows));
    }

    private static String array(List<String> values) {
        return values.isEmpty() ? "{}" : "{" + String.join(",", values) + "}";
    }

    private AuditVerifyEndToEnd() {
    }
}
