package nl.waarborg.policy.service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.policy.LoadedPolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The stored policy versions: immutable contents keyed by hash, and the log of loads. */
@Repository
public class PolicyVersions {

    private static final String SELECT = """
            SELECT v.id, v.content_hash, v.statement_version, v.effective_date, v.first_loaded_at, l.loaded_at, l.source
            FROM policy_load l JOIN policy_version v ON v.id = l.version_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;

    public PolicyVersions(JdbcClient jdbc, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /** Stores the version if its content is new, and records this load, with its audit event. */
    @Transactional
    public PolicyVersion recordLoad(LoadedPolicy loaded) {
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO policy_version (content_hash, statement_version, effective_date, content, first_loaded_at)
                VALUES (:hash, :version, :effective, :content, :now)
                ON CONFLICT (content_hash) DO NOTHING
                """)
                .param("hash", loaded.contentHash())
                .param("version", loaded.policy().statement().version())
                .param("effective", loaded.policy().statement().effective())
                .param("content", loaded.text())
                .param("now", Timestamp.from(now))
                .update();
        long versionId = jdbc.sql("SELECT id FROM policy_version WHERE content_hash = :hash")
                .param("hash", loaded.contentHash()).query(Long.class).single();
        long loadId = jdbc.sql("INSERT INTO policy_load (version_id, source, loaded_at) VALUES (:v, :s, :now) RETURNING id")
                .param("v", versionId).param("s", loaded.source()).param("now", Timestamp.from(now))
                .query(Long.class).single();
        audit.append(AuditEvent.draft("system", "system", "policy-load").outcome(Outcome.ALLOWED).policyVersion(versionId));
        return jdbc.sql(SELECT + " WHERE l.id = :id").param("id", loadId).query(PolicyVersions::map).single();
    }

    /** Every stored version with its latest load, newest first. */
    public List<PolicyVersion> history() {
        return jdbc.sql("""
                SELECT DISTINCT ON (v.id) v.id, v.content_hash, v.statement_version, v.effective_date, v.first_loaded_at,
                       l.loaded_at, l.source
                FROM policy_load l JOIN policy_version v ON v.id = l.version_id
                ORDER BY v.id DESC, l.loaded_at DESC, l.id DESC
                """).query(PolicyVersions::map).list();
    }

    /** The version of the most recent load: the policy in force. */
    public Optional<PolicyVersion> latest() {
        return jdbc.sql(SELECT + " ORDER BY l.loaded_at DESC, l.id DESC LIMIT 1").query(PolicyVersions::map).optional();
    }

    public Optional<String> content(long versionId) {
        return jdbc.sql("SELECT content FROM policy_version WHERE id = :id").param("id", versionId)
                .query(String.class).optional();
    }


    private static PolicyVersion map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new PolicyVersion(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, java.time.LocalDate.class),
                rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(), rs.getString(7));
    }
}
