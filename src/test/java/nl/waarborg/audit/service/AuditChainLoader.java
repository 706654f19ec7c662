package nl.waarborg.audit.service;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import nl.waarborg.audit.AuditChain;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.AuditFixtures;
import nl.waarborg.audit.AuditHash;
import org.postgresql.PGConnection;

/**
 * Appends many valid events to a live log quickly: sealed with the real chain encoding, written with COPY in
 * chunks, with the database's guards on (the statement trigger checks every chunk and moves the head), so the
 * result is a chain the service itself could have written. About 1 M events in 10-20 s on this machine.
 */
public final class AuditChainLoader {

    private static final int CHUNK = 50_000;

    private AuditChainLoader() {
    }

    /** Appends {@code n} events after the current head; returns the new head's seq. */
    public static long append(DataSource ds, int n) throws SQLException {
        AuditChain chain = new AuditChain();
        Random random = new Random(42);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            long seq;
            AuditHash prev;
            try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                seq = rs.getLong(1);
                prev = AuditHash.of(rs.getBytes(2));
            }
            Instant start = Instant.parse("2026-01-01T00:00:00Z");
            StringBuilder rows = new StringBuilder(1 << 20);
            for (int i = 0; i < n; i++) {
                AuditEvent e = chain.seal(AuditFixtures.draft(i, random), ++seq, start.plusMillis(37L * i), prev);
                prev = e.hash();
                rows.append(e.seq()).append('\t').append(e.occurredAt()).append('\t').append(e.actor()).append('\t')
                        .append(e.role()).append('\t').append(e.action()).append('\t')
                        .append(e.purpose() == null ? "\\N" : e.purpose()).append('\t')
                        .append(e.subjectId() == null ? "\\N" : e.subjectId().toString()).append('\t')
                        .append(array(e.categories())).append('\t').append(e.outcome().word()).append('\t')
                        .append(array(e.reasons())).append('\t')
                        .append(e.policyVersion() == null ? "\\N" : e.policyVersion().toString()).append('\t')
                        .append("\\\\x").append(e.prevHash().hex()).append('\t')
                        .append("\\\\x").append(e.hash().hex()).append('\n');
                if ((i + 1) % CHUNK == 0 || i == n - 1) {
                    copy(c, rows.toString());
                    rows.setLength(0);
                }
            }
            c.commit();
            return seq;
        }
    }

    private static void copy(Connection c, String rows) throws SQLException {
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY audit_event (seq, occurred_at, actor, role, action, "
                    + "purpose, subject_id, categories, outcome, reasons, policy_version, prev_hash, hash) FROM STDIN",
                    new StringReader(rows));
        } catch (java.io.IOException e) {
            throw new SQLException("copy failed", e);
        }
    }

    private static String array(List<String> values) {
        return values.isEmpty() ? "{}" : "{" + String.join(",", values) + "}";
    }
}
