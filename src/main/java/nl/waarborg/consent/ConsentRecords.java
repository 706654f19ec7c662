package nl.waarborg.consent;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.waarborg.access.SubjectFact;
import nl.waarborg.access.SubjectFactSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of consent records (V5__consent.sql). Callers hold the transaction. Gives decisions the subject's
 * consent: per purpose, the latest record counts — given (and not past its expiry) allows, withdrawn denies
 * {@code consent-withdrawn}, expired gives no fact at all (so {@code no-consent}).
 */
@Repository
public class ConsentRecords implements SubjectFactSource {

    private static final String COLUMNS = "id, seq, subject_id, purpose, state, follows, statement_version, language, "
            + "collection_method, given_at, expires_at, withdrawn_at, withdrawal_method, recorded_at, recorded_by, "
            + "policy_version_id";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;

    ConsentRecords(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    /** A record to insert; seq is assigned by the database. */
    record NewRecord(UUID id, UUID subject, String purpose, ConsentState state, UUID follows, String statementVersion,
                     String language, ConsentMethod method, Instant givenAt, Instant expiresAt, Instant withdrawnAt,
                     ConsentMethod withdrawalMethod, Instant recordedAt, String recordedBy, long policyVersion) {
    }

    void insert(NewRecord r) {
        jdbc.sql("""
                INSERT INTO consent_record (id, subject_id, purpose, state, follows, statement_version, language,
                    collection_method, given_at, expires_at, withdrawn_at, withdrawal_method, recorded_at, recorded_by,
                    policy_version_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(r.id(), r.subject(), r.purpose(), r.state().term(), r.follows(), r.statementVersion(),
                        r.language(), r.method().term(), ts(r.givenAt()), ts(r.expiresAt()), ts(r.withdrawnAt()),
                        r.withdrawalMethod() == null ? null : r.withdrawalMethod().term(), ts(r.recordedAt()),
                        r.recordedBy(), r.policyVersion())
                .update();
    }

    /** Records an expiry unless the given record already has a successor (a withdrawal won the race). */
    boolean insertExpiry(NewRecord r) {
        return jdbc.sql("""
                INSERT INTO consent_record (id, subject_id, purpose, state, follows, statement_version, language,
                    collection_method, given_at, expires_at, recorded_at, recorded_by, policy_version_id)
                VALUES (?, ?, ?, 'expired', ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (follows) DO NOTHING
                """)
                .params(r.id(), r.subject(), r.purpose(), r.follows(), r.statementVersion(), r.language(),
                        r.method().term(), ts(r.givenAt()), ts(r.expiresAt()), ts(r.recordedAt()), r.recordedBy(),
                        r.policyVersion())
                .update() > 0;
    }

    Optional<ConsentRecord> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consent_record WHERE id = ?").param(id)
                .query((rs, n) -> map(rs)).optional();
    }

    /** The latest record of the subject for the purpose, or empty. */
    Optional<ConsentRecord> latest(UUID subject, String purpose) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consent_record WHERE subject_id = ? AND purpose = ? "
                        + "ORDER BY seq DESC LIMIT 1")
                .params(subject, purpose).query((rs, n) -> map(rs)).optional();
    }

    /**
     * The latest record, locked until the transaction ends against another withdrawal. FOR NO KEY UPDATE, not FOR
     * UPDATE: an expiry being recorded at the same moment references the row (its foreign key takes a key-share
     * lock), and must not wait for us while we wait for its claim on the expiry queue.
     */
    Optional<ConsentRecord> latestForChange(UUID subject, String purpose) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consent_record WHERE subject_id = ? AND purpose = ? "
                        + "ORDER BY seq DESC LIMIT 1 FOR NO KEY UPDATE")
                .params(subject, purpose).query((rs, n) -> map(rs)).optional();
    }

    /** Every record of the subject, newest first. */
    List<ConsentRecord> history(UUID subject) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consent_record WHERE subject_id = ? ORDER BY seq DESC")
                .param(subject).query((rs, n) -> map(rs)).list();
    }

    // ---- the expiry queue ----

    void scheduleExpiry(UUID record, Instant expiresAt) {
        jdbc.sql("INSERT INTO consent_expiry_due (record_id, expires_at) VALUES (?, ?)").params(record, ts(expiresAt))
                .update();
    }

    /** Takes the subject's consents for the purpose out of the expiry queue (withdrawn, or superseded by a new one). */
    void unscheduleExpiry(UUID subject, String purpose) {
        jdbc.sql("""
                DELETE FROM consent_expiry_due d USING consent_record r
                WHERE d.record_id = r.id AND r.subject_id = ? AND r.purpose = ?
                """).params(subject, purpose).update();
    }

    /** Claims (removes) up to {@code limit} queue entries due at {@code now}; others sweeping skip them. */
    List<UUID> claimDue(Instant now, int limit) {
        return jdbc.sql("""
                DELETE FROM consent_expiry_due WHERE record_id IN (
                    SELECT record_id FROM consent_expiry_due WHERE expires_at <= ?
                    ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING record_id
                """).params(ts(now), limit).query(UUID.class).list();
    }

    /**
     * Locks the subject's row alone until the transaction ends, before a consent record that retention depends on is
     * written: its schedules are recomputed under the same lock, and storing items for the subject waits for it.
     * Taken before the insert, whose foreign key would take a shared lock that two changes could not both upgrade.
     */
    void lockSubject(UUID subject) {
        jdbc.sql("SELECT id FROM subject WHERE id = ? FOR UPDATE").param(subject).query(UUID.class).optional();
    }

    /**
     * Per subject, the purposes whose consent stands at {@code at} (given, not withdrawn, not past its expiry), each
     * with when it lapses by itself ({@link Instant#MAX} when it does not). For retention, whose rules may apply only
     * while consent stands.
     */
    public Map<UUID, Map<String, Instant>> standing(Collection<UUID> subjects, Instant at) {
        Map<UUID, Map<String, Instant>> all = new HashMap<>();
        latestPerPurpose(subjects, r -> {
            if (r.stateAt(at) == ConsentState.GIVEN) {
                all.computeIfAbsent(r.subject(), k -> new HashMap<>()).put(r.purpose(),
                        r.expiresAt() == null ? Instant.MAX : r.expiresAt());
            }
        });
        return all;
    }

    // ---- facts for decisions ----

    @Override
    public List<SubjectFact> facts(UUID subject) {
        Instant now = clock.instant();
        List<SubjectFact> facts = new ArrayList<>();
        jdbc.sql("SELECT DISTINCT ON (purpose) " + COLUMNS + " FROM consent_record WHERE subject_id = ? "
                        + "ORDER BY purpose, seq DESC")
                .param(subject).query((rs, n) -> map(rs)).list()
                .forEach(r -> fact(r, now).ifPresent(facts::add));
        return facts;
    }

    @Override
    public Map<UUID, List<SubjectFact>> facts(Collection<UUID> subjects) {
        Map<UUID, List<SubjectFact>> all = new HashMap<>(subjects.size() * 2);
        Instant now = clock.instant();
        latestPerPurpose(subjects,
                r -> fact(r, now).ifPresent(f -> all.computeIfAbsent(r.subject(), k -> new ArrayList<>()).add(f)));
        return all;
    }

    /** The latest record of each subject's purposes, one query for all the subjects. */
    private void latestPerPurpose(Collection<UUID> subjects, java.util.function.Consumer<ConsentRecord> each) {
        if (subjects.isEmpty()) {
            return;
        }
        template.execute((java.sql.Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT ON (subject_id, purpose) " + COLUMNS
                    + " FROM consent_record WHERE subject_id = ANY (?) ORDER BY subject_id, purpose, seq DESC")) {
                ps.setArray(1, c.createArrayOf("uuid", subjects.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        each.accept(map(rs));
                    }
                }
            }
            return null;
        });
    }

    /** The fact the latest record of a purpose gives: none once expired (there is no consent then). */
    static Optional<SubjectFact> fact(ConsentRecord latest, Instant now) {
        return switch (latest.stateAt(now)) {
            case GIVEN -> Optional.of(new SubjectFact.Consent(latest.purpose(), true, latest.givenAt()));
            case WITHDRAWN -> Optional.of(new SubjectFact.Consent(latest.purpose(), false, latest.withdrawnAt()));
            case EXPIRED -> Optional.empty();
        };
    }

    private static ConsentRecord map(ResultSet rs) throws SQLException {
        String withdrawal = rs.getString("withdrawal_method");
        return new ConsentRecord(rs.getObject("id", UUID.class), rs.getLong("seq"), rs.getObject("subject_id", UUID.class),
                rs.getString("purpose"), ConsentState.parse(rs.getString("state")), rs.getObject("follows", UUID.class),
                rs.getString("statement_version"), rs.getString("language"),
                ConsentMethod.parse(rs.getString("collection_method")), instant(rs, "given_at"),
                instant(rs, "expires_at"), instant(rs, "withdrawn_at"),
                withdrawal == null ? null : ConsentMethod.parse(withdrawal), instant(rs, "recorded_at"),
                rs.getString("recorded_by"), rs.getLong("policy_version_id"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
