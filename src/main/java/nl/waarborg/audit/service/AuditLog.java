package nl.waarborg.audit.service;

import nl.waarborg.input.InvalidInputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import nl.waarborg.audit.AuditChain;
import nl.waarborg.audit.AuditChainVerifier;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.AuditFilter;
import nl.waarborg.audit.AuditHash;
import nl.waarborg.audit.Checkpoint;
import nl.waarborg.audit.CheckpointCheck;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.Verification;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log in PostgreSQL (table {@code audit_event}, head {@code audit_head}; V2__audit.sql).
 *
 * <p>Appending <b>requires</b> the caller's transaction: an event is written with the change it records and
 * rolls back with it, so there is never a change without its event nor an event for a change that did not
 * happen. Each append locks the head row until that transaction ends, so all appends, from every
 * connection and node, form one chain; the price is that audited transactions commit one after another.
 * Append as the last write of a transaction: the head is then locked for the shortest time, and no
 * transaction holding it waits for a row another transaction holds while waiting for the head (a deadlock).
 * Events that record no change (a read; refused calls, once counted) need no transaction of their own: {@link AuditRecorder}
 * commits them in groups.
 *
 * <p>Verifying and exporting stream the log with one binary COPY ({@link AuditCopyReader}), so a log of any
 * length needs little memory and is read as fast as PostgreSQL hands it out.
 */
@Repository
public class AuditLog {

    /** The most events one page of {@link #events(long, int)} returns. */
    public static final int MAX_PAGE = 10_000;

    private static final String COLUMNS = "seq, occurred_at, actor, role, action, purpose, subject_id, categories, "
            + "outcome, reasons, policy_version, prev_hash, hash";

    private static final int COLUMN_COUNT = 13;

    /** Rows per INSERT statement: 13 parameters each, well under PostgreSQL's 32,767 per statement. */
    static final int ROWS_PER_INSERT = 1_000;

    private static String insert(int rows) {
        StringBuilder sql = new StringBuilder(60 + rows * 32).append("INSERT INTO audit_event (").append(COLUMNS)
                .append(") VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        return sql.toString();
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    /** Where the chain ends: the last event appended and its hash (0 and the genesis hash when empty). */
    public record Head(long lastSeq, AuditHash lastHash) {
    }

    /** Appends one event in the caller's transaction; fails when there is none. */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEvent append(AuditEvent.Draft draft) {
        return appendAll(List.of(draft)).getFirst();
    }

    /** Appends events in this order, one after another in the chain, in the caller's transaction; fails when there is none. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<AuditEvent> appendAll(List<AuditEvent.Draft> drafts) {
        if (drafts.isEmpty()) {
            return List.of();
        }
        // the lock is held until the caller's transaction ends: nobody else can append in between
        Head head = jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong(1), AuditHash.of(rs.getBytes(2)))).single();
        Instant now = clock.instant();
        AuditChain chain = new AuditChain();
        List<AuditEvent> events = new ArrayList<>(drafts.size());
        long seq = head.lastSeq();
        AuditHash prev = head.lastHash();
        for (AuditEvent.Draft draft : drafts) {
            AuditEvent e = chain.seal(draft, ++seq, now, prev);
            events.add(e);
            prev = e.hash();
        }
        // one INSERT per chunk: the database checks the chain and moves the head once per statement (V7)
        for (int from = 0; from < events.size(); from += ROWS_PER_INSERT) {
            List<AuditEvent> chunk = events.subList(from, Math.min(events.size(), from + ROWS_PER_INSERT));
            template.execute((Connection c) -> {
                try (PreparedStatement ps = c.prepareStatement(insert(chunk.size()))) {
                    for (int i = 0; i < chunk.size(); i++) {
                        bind(ps, i * COLUMN_COUNT, chunk.get(i));
                    }
                    return ps.executeUpdate();
                }
            });
        }
        return List.copyOf(events);
    }

    /** The head as this transaction sees it. */
    @Transactional(readOnly = true)
    public Head head() {
        return jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), AuditHash.of(rs.getBytes(2)))).single();
    }

    /** Up to {@code limit} events after seq {@code afterSeq}, in order. */
    @Transactional(readOnly = true)
    public List<AuditEvent> events(long afterSeq, int limit) {
        if (afterSeq < 0) {
            throw new InvalidInputException("after must be 0 or a seq, not " + afterSeq);
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit must be between 1 and " + MAX_PAGE + ", not " + limit);
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_event WHERE seq > ? ORDER BY seq LIMIT ?")
                .params(afterSeq, limit).query((rs, n) -> map(rs)).list();
    }

    /**
     * One page of a browse, newest first.
     *
     * @param searchedFrom the lowest seq this page looked at: the events from there up to the page's start were all
     *                     checked against the filter
     * @param nextBefore   where the next (older) page starts ({@code before} of the next call), or 0 when there is none
     */
    public record Browse(List<AuditEvent> events, long searchedFrom, long nextBefore) {
    }

    /**
     * Up to {@code limit} events matching {@code filter} with a seq below {@code before} (0: from the newest), newest
     * first, looking at no more than {@code window} events: the primary key is walked backwards, so a page costs at
     * most {@code window} rows however rare the filter's events are, and nothing is ever counted. A date range is
     * turned into a seq range by a binary search on seq (events are appended in time order, under the head lock),
     * then the times are checked again on each row.
     */
    @Transactional(readOnly = true)
    public Browse browse(AuditFilter filter, long before, int limit, long window) {
        if (limit < 1 || limit > MAX_PAGE || window < limit) {
            throw new InvalidInputException("limit must be between 1 and " + MAX_PAGE + " and no more than the window");
        }
        long head = head().lastSeq();
        long top = before <= 0 || before > head + 1 ? head + 1 : before;
        long low = 1;
        if (filter.until() != null) {
            top = Math.min(top, firstSeqAtOrAfter(filter.until(), head));
        }
        if (filter.from() != null) {
            low = firstSeqAtOrAfter(filter.from(), head);
        }
        long windowLow = Math.max(low, top - window);
        if (top <= windowLow) {
            return new Browse(List.of(), windowLow, 0);
        }
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_event WHERE seq < ? AND seq >= ?");
        List<Object> params = new ArrayList<>(List.of(top, windowLow));
        if (filter.actor() != null) {
            sql.append(" AND actor = ?");
            params.add(filter.actor());
        }
        if (filter.action() != null) {
            sql.append(" AND action = ?");
            params.add(filter.action());
        }
        if (filter.outcome() != null) {
            sql.append(" AND outcome = ?");
            params.add(filter.outcome().word());
        }
        if (filter.from() != null) {
            sql.append(" AND occurred_at >= ?");
            params.add(OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
        }
        if (filter.until() != null) {
            sql.append(" AND occurred_at < ?");
            params.add(OffsetDateTime.ofInstant(filter.until(), ZoneOffset.UTC));
        }
        sql.append(" ORDER BY seq DESC LIMIT ?");
        params.add(limit);
        List<AuditEvent> events = jdbc.sql(sql.toString()).params(params).query((rs, n) -> map(rs)).list();
        if (events.size() == limit) {
            long last = events.get(events.size() - 1).seq();
            return new Browse(events, last, last > low ? last : 0);
        }
        return new Browse(events, windowLow, windowLow > low ? windowLow : 0);
    }

    /** The smallest seq whose event happened at or after {@code t}; {@code head + 1} when none did. */
    private long firstSeqAtOrAfter(Instant t, long head) {
        long lo = 1;
        long hi = head + 1;
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            Instant at = jdbc.sql("SELECT occurred_at FROM audit_event WHERE seq >= ? ORDER BY seq LIMIT 1").param(mid)
                    .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).optional().orElse(null);
            if (at == null || !at.isBefore(t)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * Up to {@code limit} events of the requests capability ({@code request-…}) that name {@code reason} among their
     * reasons, in order: a request's timeline, through a partial GIN index that only those events are in (V21).
     */
    @Transactional(readOnly = true)
    public List<AuditEvent> requestEventsWithReason(String reason, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit must be between 1 and " + MAX_PAGE + ", not " + limit);
        }
        // the predicate is written as the index's, literally, so that the planner may use it
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_event WHERE action LIKE 'request-%' "
                        + "AND reasons @> ARRAY[?]::text[] ORDER BY seq LIMIT ?")
                .params(reason, limit).query((rs, n) -> map(rs)).list();
    }

    /** The readers' subjects' filter of {@link #readSubjects} and {@link #countReadSubjects}; the parameters of {@link #bindReads}. */
    private static final String READS = "FROM audit_event WHERE subject_id IS NOT NULL AND action = 'read' "
            + "AND outcome = 'allowed' AND actor = ANY (?) AND categories && ? "
            + "AND (?::timestamptz IS NULL OR occurred_at >= ?) AND (?::timestamptz IS NULL OR occurred_at < ?)";

    /**
     * The subjects after {@code after} (null: from the first) whose items of one of {@code categories} one of
     * {@code actors} read (an allowed {@code read}: a denied one handed nothing out) from {@code from} up to, not
     * including, {@code until} (null: no bound), at most {@code limit}, in id order: who a breach of those accounts
     * affects (issue 17). Ids only; the caller keeps no list.
     */
    @Transactional(readOnly = true)
    public List<UUID> readSubjects(Set<String> actors, Set<String> categories, Instant from, Instant until, UUID after,
                                   int limit) {
        if (actors.isEmpty() || categories.isEmpty() || limit < 1) {
            return List.of();
        }
        return template.execute((Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT subject_id " + READS
                    + " AND (?::uuid IS NULL OR subject_id > ?) ORDER BY subject_id LIMIT ?")) {
                int i = bindReads(c, ps, actors, categories, from, until);
                ps.setObject(++i, after, Types.OTHER);
                ps.setObject(++i, after, Types.OTHER);
                ps.setInt(++i, limit);
                List<UUID> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getObject(1, UUID.class));
                    }
                }
                return out;
            }
        });
    }

    /** How many subjects {@link #readSubjects} would walk through in all. */
    @Transactional(readOnly = true)
    public long countReadSubjects(Set<String> actors, Set<String> categories, Instant from, Instant until) {
        if (actors.isEmpty() || categories.isEmpty()) {
            return 0;
        }
        Long n = template.execute((Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(DISTINCT subject_id) " + READS)) {
                bindReads(c, ps, actors, categories, from, until);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        return n == null ? 0 : n;
    }

    private static int bindReads(Connection c, PreparedStatement ps, Set<String> actors, Set<String> categories,
                                 Instant from, Instant until) throws SQLException {
        ps.setArray(1, c.createArrayOf("text", actors.toArray()));
        ps.setArray(2, c.createArrayOf("text", categories.toArray()));
        OffsetDateTime f = from == null ? null : OffsetDateTime.ofInstant(from, ZoneOffset.UTC);
        OffsetDateTime u = until == null ? null : OffsetDateTime.ofInstant(until, ZoneOffset.UTC);
        ps.setObject(3, f, Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setObject(4, f, Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setObject(5, u, Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setObject(6, u, Types.TIMESTAMP_WITH_TIMEZONE);
        return 6;
    }

    /**
     * Gives every event after {@code afterSeq} to {@code action}, in order, from one snapshot (events appended
     * meanwhile are not included); returns how many.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public long forEach(long afterSeq, Consumer<AuditEvent> action) {
        long[] n = {0};
        copy(afterSeq, 0, e -> {
            action.accept(e);
            n[0]++;
            return true;
        });
        return n[0];
    }

    /** Events per COPY while verifying: stopping at a break reads at most this many more rows. */
    static final int VERIFY_CHUNK = 50_000;

    /**
     * Streams the events after {@code afterSeq}, in order, at most {@code limit} of them (0: all), in the caller's
     * transaction, with a binary COPY ({@link AuditCopyReader}); stops giving events when {@code each} answers false.
     * Returns how many events were read and the last seq read.
     *
     * <p>The stream is always read to its end, also after a stop or an unreadable row: closing a COPY half-way
     * makes the driver cancel the statement, and PostgreSQL answers "canceling statement due to user request",
     * which fails the whole read instead of naming the event. Verification reads in chunks ({@link #VERIFY_CHUNK}),
     * so what is read after a stop stays small.
     */
    private Chunk copy(long afterSeq, int limit, java.util.function.Predicate<AuditEvent> each) {
        return template.execute((Connection c) -> {
            String sql = "COPY (SELECT " + COLUMNS + " FROM audit_event WHERE seq > " + afterSeq
                    + " ORDER BY seq" + (limit > 0 ? " LIMIT " + limit : "") + ") TO STDOUT (FORMAT binary)";
            try (InputStream in = new BufferedInputStream(new PGCopyInputStream(c.unwrap(PGConnection.class), sql), 1 << 16)) {
                long read = 0;
                long last = afterSeq;
                try {
                    AuditCopyReader reader = new AuditCopyReader(in);
                    for (AuditEvent e = reader.next(); e != null; e = reader.next()) {
                        read++;
                        last = e.seq();
                        if (!each.test(e)) {
                            return new Chunk(read, last, true);
                        }
                    }
                    return new Chunk(read, last, false);
                } finally {
                    in.transferTo(java.io.OutputStream.nullOutputStream()); // see above: never abandon a COPY
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading the audit log failed", e);
            }
        });
    }

    /** What one COPY read: how many events, the last seq, and whether the reader stopped early. */
    private record Chunk(long events, long lastSeq, boolean stopped) {
    }

    /**
     * Re-computes the whole chain from one snapshot and compares its end with the recorded head; names the first
     * event that does not hold. A row that cannot even be read as an event counts as changed content. Reads the
     * log in chunks of {@link #VERIFY_CHUNK} events from the seq the last one ended at, so a break anywhere is
     * named after reading at most one chunk more.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Verification verify() {
        return verify(List.of());
    }

    /**
     * {@link #verify()}, then holds the chain against checkpoints of its head kept outside the database
     * ({@link CheckpointCheck}): a checkpoint beyond the end shows a removed tail with its head reset, a checkpoint
     * whose event now has another hash shows a rewrite.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Verification verify(List<Checkpoint> checkpoints) {
        return verify(checkpoints, n -> { });
    }

    /**
     * {@link #verify(List)}, telling {@code progress} how many events have been checked so far (after each chunk and at
     * the end), for a page that shows a long verification's progress.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Verification verify(List<Checkpoint> checkpoints, java.util.function.LongConsumer progress) {
        Head head = head(); // the snapshot starts here; the events below are read from the same one
        AuditChainVerifier verifier = new AuditChainVerifier();
        Set<Long> wanted = CheckpointCheck.seqs(checkpoints);
        Map<Long, AuditHash> hashes = new HashMap<>();
        try {
            long after = 0;
            while (true) {
                Chunk chunk = copy(after, VERIFY_CHUNK, e -> {
                    if (verifier.accept(e) && !wanted.isEmpty() && wanted.contains(e.seq())) {
                        hashes.put(e.seq(), e.hash());
                    }
                    return !verifier.isBroken(); // the first break is the answer: the rest need not be checked
                });
                progress.accept(chunk.lastSeq());
                if (chunk.stopped() || chunk.events() < VERIFY_CHUNK) {
                    break;
                }
                after = chunk.lastSeq();
            }
        } catch (AuditCopyReader.UnreadableRowException unreadable) {
            verifier.brokenAt(unreadable.seq(), Verification.Why.CONTENT_CHANGED,
                    "the row cannot be read as an event (" + unreadable.getMessage() + ")");
        }
        return CheckpointCheck.check(verifier.finish(head.lastSeq(), head.lastHash()), checkpoints, hashes);
    }

    // binds one row's 13 parameters after the first `at` ones
    private static void bind(PreparedStatement ps, int at, AuditEvent e) throws SQLException {
        Connection c = ps.getConnection();
        ps.setLong(at + 1, e.seq());
        ps.setObject(at + 2, OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC));
        ps.setString(at + 3, e.actor());
        ps.setString(at + 4, e.role());
        ps.setString(at + 5, e.action());
        ps.setString(at + 6, e.purpose());
        ps.setObject(at + 7, e.subjectId(), Types.OTHER);
        ps.setArray(at + 8, c.createArrayOf("text", e.categories().toArray()));
        ps.setString(at + 9, e.outcome().word());
        ps.setArray(at + 10, c.createArrayOf("text", e.reasons().toArray()));
        if (e.policyVersion() == null) {
            ps.setNull(at + 11, Types.BIGINT);
        } else {
            ps.setLong(at + 11, e.policyVersion());
        }
        ps.setBytes(at + 12, e.prevHash().toBytes());
        ps.setBytes(at + 13, e.hash().toBytes());
    }

    static AuditEvent map(ResultSet rs) throws SQLException {
        long policyVersion = rs.getLong(11);
        Long version = rs.wasNull() ? null : policyVersion;
        return new AuditEvent(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, UUID.class), texts(rs.getArray(8)),
                Outcome.parse(rs.getString(9)), texts(rs.getArray(10)), version, AuditHash.of(rs.getBytes(12)),
                AuditHash.of(rs.getBytes(13)));
    }

    private static List<String> texts(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
