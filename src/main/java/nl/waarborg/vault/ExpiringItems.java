package nl.waarborg.vault;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.waarborg.policy.EndAction;
import nl.waarborg.vault.crypto.ValueCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The vault's items as the retention capability sees them (docs/retention.md): their facts and stored schedules,
 * the subjects' histories the schedules follow from, and the sweep's claim-and-delete. Callers hold the
 * transaction. Never hands out a value except to anonymise it ({@link #reveal}).
 */
@Repository
public class ExpiringItems {

    private final JdbcTemplate template;
    private final SharedSchedules shared;
    private final Subjects subjects;
    // lazily: the subject ciphers follow subject states, whose fact sources include retention's, which reads here
    private final org.springframework.beans.factory.ObjectProvider<SubjectCiphers> ciphers;

    ExpiringItems(JdbcTemplate template, SharedSchedules shared, Subjects subjects,
                  org.springframework.beans.factory.ObjectProvider<SubjectCiphers> ciphers) {
        this.template = template;
        this.shared = shared;
        this.subjects = subjects;
        this.ciphers = ciphers;
    }

    /**
     * An item's facts that its schedule depends on, and its own stored schedule (null if none: not yet computed, or
     * the item points to a shared schedule); {@code dates} its reference dates (V13), empty when it carries none.
     */
    public record ItemFacts(UUID id, UUID subject, String category, List<String> purposes, Instant collectedAt,
                            String system, ItemSchedule stored, Map<String, java.time.LocalDate> dates) {}

    /**
     * A schedule stored once for a subject's items of one category and purposes, whose dates follow from the subject
     * alone (V11__retention_shared_schedules.sql).
     */
    public record SharedFacts(long id, UUID subject, String category, List<String> purposes, ItemSchedule stored) {}

    /** A subject's history: when it first joined each category, the latest occurrence of each lifecycle event. */
    public record SubjectHistory(Map<String, Instant> joined, Map<String, Instant> lastEvents) {
        public static final SubjectHistory NONE = new SubjectHistory(Map.of(), Map.of());
    }

    /**
     * An item a sweep has just deleted, with the action actually taken: anonymise only where the rule says so and the
     * subject did not refuse an anonymised remainder (R2.6). Subject, collection moment and the (still encrypted)
     * value come back only for items to anonymise.
     */
    public record DeletedItem(UUID id, String category, String rule, EndAction action, Instant dueAt, UUID subject,
                              Instant collectedAt, byte[] value) {}

    /** A lifecycle event whose recording made items due at once: it was recorded when their due date had passed. */
    public record DueAtOnce(long eventId, String event, UUID subject) {}

    /**
     * The lifecycle events that made these deleted items due at the moment they were recorded (a back-dated
     * contract-ended): events of the item's subject that happened before its due date and were recorded at or after
     * it. One query for the batch.
     */
    public List<DueAtOnce> dueAtOnce(List<DeletedItem> deleted) {
        Map<UUID, Instant> latestDue = new java.util.LinkedHashMap<>();
        Map<UUID, Instant> earliestDue = new java.util.LinkedHashMap<>();
        for (DeletedItem d : deleted) {
            if (d.dueAt() != null) {
                latestDue.merge(d.subject(), d.dueAt(), (a, b) -> a.isAfter(b) ? a : b);
                earliestDue.merge(d.subject(), d.dueAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        if (latestDue.isEmpty()) {
            return List.of();
        }
        UUID[] ids = latestDue.keySet().toArray(UUID[]::new);
        java.sql.Timestamp[] earliest = new java.sql.Timestamp[ids.length];
        java.sql.Timestamp[] latest = new java.sql.Timestamp[ids.length];
        for (int i = 0; i < ids.length; i++) {
            earliest[i] = java.sql.Timestamp.from(earliestDue.get(ids[i]));
            latest[i] = java.sql.Timestamp.from(latestDue.get(ids[i]));
        }
        // per subject the span of its items' due dates: an event that happened before the latest and was recorded at
        // or after the earliest made at least one of them due when it was recorded
        return template.execute((Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT e.id, e.event, e.subject_id FROM "
                    + "unnest(?::uuid[], ?::timestamptz[], ?::timestamptz[]) AS d(subject_id, earliest, latest) "
                    + "JOIN subject_event e ON e.subject_id = d.subject_id "
                    + "AND e.occurred_at < d.latest AND e.recorded_at >= d.earliest ORDER BY e.id")) {
                ps.setArray(1, c.createArrayOf("uuid", ids));
                ps.setArray(2, c.createArrayOf("timestamptz", earliest));
                ps.setArray(3, c.createArrayOf("timestamptz", latest));
                List<DueAtOnce> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(new DueAtOnce(rs.getLong(1), rs.getString(2), rs.getObject(3, UUID.class)));
                    }
                }
                return found;
            }
        });
    }

    /** Due items summed per category, rule, system and action; {@code overdue} of them are due already. */
    public record DueGroup(String category, String rule, String system, EndAction action, long items, Instant first,
                           Instant last, long overdue) {

        /** Groups of the same category, rule, system and action as one (their dates spanning both); by first due date. */
        static List<DueGroup> merged(List<DueGroup> groups) {
            Map<List<String>, DueGroup> byKey = new java.util.LinkedHashMap<>();
            for (DueGroup g : groups) {
                byKey.merge(g.key(), g, (d, x) -> new DueGroup(d.category(), d.rule(), d.system(), d.action(),
                        d.items() + x.items(), d.first().isBefore(x.first()) ? d.first() : x.first(),
                        d.last().isAfter(x.last()) ? d.last() : x.last(), d.overdue() + x.overdue()));
            }
            List<DueGroup> out = new ArrayList<>(byKey.values());
            out.sort(java.util.Comparator.comparing(DueGroup::first).thenComparing(DueGroup::category)
                    .thenComparing(g -> String.valueOf(g.rule())));
            return out;
        }

        private List<String> key() {
            return List.of(category, String.valueOf(rule), system, action.term());
        }
    }

    public Map<UUID, SubjectHistory> histories(Collection<UUID> subjects) {
        Map<UUID, Map<String, Instant>> joined = new HashMap<>();
        Map<UUID, Map<String, Instant>> events = new HashMap<>();
        query("SELECT subject_id, subject_category, joined_at FROM subject_membership WHERE subject_id = ANY (?)",
                subjects, rs -> joined.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>())
                        .put(rs.getString(2), rs.getTimestamp(3).toInstant()));
        query("SELECT subject_id, event, max(occurred_at) FROM subject_event WHERE subject_id = ANY (?) GROUP BY 1, 2",
                subjects, rs -> events.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>())
                        .put(rs.getString(2), rs.getTimestamp(3).toInstant()));
        Map<UUID, SubjectHistory> all = new HashMap<>(subjects.size() * 2);
        for (UUID s : subjects) {
            all.put(s, new SubjectHistory(joined.getOrDefault(s, Map.of()), events.getOrDefault(s, Map.of())));
        }
        return all;
    }

    /** Every item of the subjects, whether its schedule is its own or shared. */
    public List<ItemFacts> itemsOf(Collection<UUID> subjects) {
        return facts("subject_id = ANY (?)", "uuid", subjects);
    }

    /** The items of the subjects that have their own schedule (not a shared one), for recomputing them. */
    public List<ItemFacts> ownItemsOf(Collection<UUID> subjects) {
        return facts("subject_id = ANY (?) AND shared_schedule IS NULL", "uuid", subjects);
    }

    /** The items that point to the shared schedules. */
    public List<ItemFacts> itemsSharing(Collection<Long> sharedSchedules) {
        return facts("shared_schedule = ANY (?)", "bigint", sharedSchedules);
    }

    /** The subjects' shared schedules. */
    public List<SharedFacts> sharedOf(Collection<UUID> subjects) {
        List<SharedFacts> out = new ArrayList<>();
        for (SharedSchedules.Stored s : shared.of(subjects)) {
            out.add(new SharedFacts(s.id(), s.key().subject(), s.key().category(), s.key().purposes(), s.schedule()));
        }
        return out;
    }

    private List<ItemFacts> facts(String where, String type, Collection<?> keys) {
        List<ItemFacts> items = new ArrayList<>();
        if (keys.isEmpty()) {
            return items;
        }
        query("SELECT id, subject_id, category, purposes, collected_at, system, due_at, end_action, retention_rule, "
                        + "narrowed_at, retained_for, renarrow_at, scheduled_under, reference_dates FROM item WHERE " + where,
                type, keys, rs -> {
                    long version = rs.getLong(13);
                    ItemSchedule stored = rs.wasNull() ? null : new ItemSchedule(instant(rs.getTimestamp(7)),
                            EndAction.valueOf(rs.getString(8).toUpperCase(java.util.Locale.ROOT)), rs.getString(9),
                            instant(rs.getTimestamp(10)), strings(rs.getArray(11)), instant(rs.getTimestamp(12)), version,
                            false);
                    items.add(new ItemFacts(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            strings(rs.getArray(4)), rs.getTimestamp(5).toInstant(), rs.getString(6), stored,
                            ReferenceDates.parse(rs.getString(14))));
                });
        return items;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static List<String> strings(java.sql.Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    /**
     * Stores new schedules as the items' own, one statement for all, the columns as arrays; an item that pointed to a
     * shared schedule no longer does.
     */
    public int reschedule(List<UUID> items, List<ItemSchedule> schedules) {
        if (items.isEmpty()) {
            return 0;
        }
        return ScheduleColumns.ofItems(schedules, null).update(template, "item", "uuid", items.toArray(),
                ", shared_schedule = NULL");
    }

    /**
     * Lets the items share the schedules (all shared, one per item): each subject's items of one category and
     * purposes point to one stored schedule, and their own schedule columns are emptied.
     */
    public void share(List<ItemFacts> items, List<ItemSchedule> schedules) {
        if (items.isEmpty()) {
            return;
        }
        Map<SharedSchedules.Key, ItemSchedule> byKey = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            if (!schedules.get(i).shared()) {
                throw new IllegalArgumentException("an item's own schedule is stored with reschedule");
            }
            byKey.put(key(items.get(i)), schedules.get(i));
        }
        Map<SharedSchedules.Key, Long> ids = shared.store(byKey);
        UUID[] itemIds = new UUID[items.size()];
        Long[] sharedIds = new Long[items.size()];
        for (int i = 0; i < itemIds.length; i++) {
            itemIds[i] = items.get(i).id();
            sharedIds[i] = java.util.Objects.requireNonNull(ids.get(key(items.get(i))), "no shared schedule stored");
        }
        template.update(c -> {
            PreparedStatement ps = c.prepareStatement("""
                    UPDATE item SET shared_schedule = t.shared, due_at = NULL, end_action = 'delete', retention_rule = NULL,
                        narrowed_at = NULL, retained_for = NULL, renarrow_at = NULL, scheduled_under = NULL
                    FROM unnest(?::uuid[], ?::bigint[]) AS t(id, shared) WHERE item.id = t.id""");
            ps.setArray(1, c.createArrayOf("uuid", itemIds));
            ps.setArray(2, c.createArrayOf("bigint", sharedIds));
            return ps;
        });
    }

    private static SharedSchedules.Key key(ItemFacts f) {
        return new SharedSchedules.Key(f.subject(), f.category(), f.purposes());
    }

    /**
     * Locks the shared schedules in id order until the transaction ends and returns those that still exist (one a
     * sweep held is gone with its items once the lock is granted): taken before their items are given schedules of
     * their own, so a sweep and this never wait for each other crosswise.
     */
    public List<Long> lockShared(Collection<Long> ids) {
        return shared.lock(ids);
    }

    /**
     * Locks the subjects' rows until the transaction ends, in id order, as a change to a subject's history does:
     * storing items for them (which shares the lock) waits, and so computes schedules from what this transaction
     * commits, and two recomputations of one subject do not write each other's stale results.
     */
    public void lockSubjects(Collection<UUID> subjects) {
        this.subjects.lockForChange(subjects);
    }

    /** Stores new schedules in existing shared rows. */
    public void updateShared(List<Long> ids, List<ItemSchedule> schedules) {
        shared.update(ids, schedules);
    }

    /** Removes those of the shared schedules that no item points to any more. */
    public void dropUnusedShared(Collection<Long> ids) {
        shared.dropUnused(ids);
    }

    /** Up to {@code limit} subjects with schedules computed under another policy version than {@code version}. */
    public List<UUID> subjectsScheduledUnderOther(long version, int limit) {
        return template.query("""
                        SELECT DISTINCT subject_id FROM (
                            (SELECT subject_id FROM item WHERE shared_schedule IS NULL AND scheduled_under IS DISTINCT FROM ?
                             LIMIT ?)
                            UNION ALL
                            (SELECT subject_id FROM shared_schedule WHERE scheduled_under <> ? LIMIT ?)) s LIMIT ?""",
                (rs, n) -> rs.getObject(1, UUID.class), version, limit, version, limit, limit);
    }

    /**
     * Deletes up to {@code limit} items due at {@code now} (and not before {@code from}: a sweep passes the latest due
     * date of its previous batch, so its index scan does not walk again over the entries it has just deleted, which
     * stay in the index until vacuum) under the given policy version, earliest first, skipping
     * rows another sweep holds, and returns them. One statement: the rows are claimed, deleted and returned together;
     * the caller's transaction decides whether the deletion stands. The claimed rows are found again by their
     * physical address (a TID scan; they are locked, so it cannot move): with {@code id IN (…)} the planner joined
     * against a scan of the whole table for every batch, 30 times slower than a plain DELETE (docs/benchmarks.md).
     */
    public List<DeletedItem> deleteDue(Instant now, long version, int limit, Instant from) {
        return template.execute((Connection c) -> {
            // only what the proof needs for a deleted item; the value only where the rule anonymises (the refusal is looked
            // up once, in the fifth column; a refuser's value is dropped in Java)
            try (PreparedStatement ps = c.prepareStatement("""
                    DELETE FROM item WHERE ctid = ANY (ARRAY(
                        SELECT ctid FROM item WHERE due_at <= ? AND due_at >= ? AND scheduled_under = ?
                        ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED))
                    RETURNING id, category, retention_rule, due_at,
                        CASE WHEN end_action = 'anonymise'
                             THEN NOT (SELECT no_anonymised_remainder FROM subject WHERE subject.id = item.subject_id)
                             ELSE false END,
                        subject_id,
                        CASE WHEN end_action = 'anonymise' THEN collected_at END,
                        CASE WHEN end_action = 'anonymise' THEN value END""")) {
                // binary results from the first batch on: ids and timestamps are not parsed from text
                ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setTimestamp(2, Timestamp.from(from));
                ps.setLong(3, version);
                ps.setInt(4, limit);
                List<DeletedItem> out = new ArrayList<>(limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(deleted(rs, rs.getObject(1, UUID.class)));
                    }
                }
                return out;
            }
        });
    }

    /**
     * A deleted item from the sweep statements' columns: id, category, rule, due date, whether to anonymise, subject
     * (for the proof's events that made items due at once), and collection moment and value (only for items to
     * anonymise).
     */
    private static DeletedItem deleted(ResultSet rs, UUID id) throws SQLException {
        return rs.getBoolean(5)
                ? new DeletedItem(id, rs.getString(2), rs.getString(3), EndAction.ANONYMISE, rs.getTimestamp(4).toInstant(),
                        rs.getObject(6, UUID.class), rs.getTimestamp(7).toInstant(), rs.getBytes(8))
                : new DeletedItem(id, rs.getString(2), rs.getString(3), EndAction.DELETE, rs.getTimestamp(4).toInstant(),
                        rs.getObject(6, UUID.class), null, null);
    }

    /** What one batch of a sweep over shared schedules deleted: the schedules taken, and their items. */
    public record DeletedShared(int schedules, List<DeletedItem> items) {}

    /**
     * Deletes the items of up to {@code limit} shared schedules due at {@code now} under the given policy version,
     * earliest first, skipping schedules another sweep or a changing subject holds, then the schedules that no item
     * points to any more; returns the items as {@link #deleteDue} does. Two statements: an item stored for such a
     * subject and committed after the first one's snapshot but before its lock keeps its schedule (the second
     * statement sees it; a later batch or the next sweep takes it). Once the lock is held, a new item waits for it.
     */
    public DeletedShared deleteDueShared(Instant now, long version, int limit) {
        List<Long> taken = new ArrayList<>();
        List<DeletedItem> out = new ArrayList<>();
        template.execute((Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    WITH due AS (
                        SELECT id, retention_rule, due_at, end_action FROM shared_schedule
                        WHERE due_at <= ? AND scheduled_under = ? ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED),
                    gone AS (
                        DELETE FROM item USING due WHERE item.shared_schedule = due.id
                        RETURNING item.id, item.category, due.retention_rule, due.due_at,
                            CASE WHEN due.end_action = 'anonymise'
                                 THEN NOT (SELECT no_anonymised_remainder FROM subject WHERE subject.id = item.subject_id)
                                 ELSE false END AS anonymise,
                            item.subject_id,
                            CASE WHEN due.end_action = 'anonymise' THEN item.collected_at END AS collected_at,
                            CASE WHEN due.end_action = 'anonymise' THEN item.value END AS value)
                    SELECT gone.*, NULL::bigint FROM gone
                    UNION ALL
                    SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, id FROM due""")) {
                ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setLong(2, version);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        if (id == null) {
                            taken.add(rs.getLong(9)); // a schedule taken
                            continue;
                        }
                        out.add(deleted(rs, id));
                    }
                }
            }
            return null;
        });
        shared.dropUnused(taken);
        return new DeletedShared(taken.size(), out);
    }

    /**
     * Items due up to {@code until}, summed per category, rule, system and action, each group also counting how many
     * are due at {@code now} already; one range scan, nothing locked or changed.
     */
    public List<DueGroup> dueUpTo(Instant now, Instant until) {
        // one statement, so one snapshot. Items to delete: the columns grouped by are in the due-date index, an
        // index-only scan (V9). Items to anonymise are read with their subject (R2.6): a subject who refused a
        // remainder is deleted where the rule anonymises, as the sweep does. Items of shared schedules (V11) are
        // counted through their schedule
        List<DueGroup> groups = template.query("""
                        SELECT category, retention_rule, system, end_action, count(*), min(due_at), max(due_at),
                               count(*) FILTER (WHERE due_at <= ?)
                        FROM item WHERE due_at <= ? AND end_action = 'delete' GROUP BY 1, 2, 3, 4
                        UNION ALL
                        SELECT category, retention_rule, system,
                               CASE WHEN subject.no_anonymised_remainder THEN 'delete' ELSE 'anonymise' END,
                               count(*), min(due_at), max(due_at), count(*) FILTER (WHERE due_at <= ?)
                        FROM item JOIN subject ON subject.id = item.subject_id
                        WHERE due_at <= ? AND end_action = 'anonymise' GROUP BY 1, 2, 3, 4
                        UNION ALL
                        SELECT s.category, s.retention_rule, item.system,
                               CASE WHEN s.end_action = 'anonymise' AND NOT subject.no_anonymised_remainder
                                    THEN 'anonymise' ELSE 'delete' END,
                               count(*), min(s.due_at), max(s.due_at), count(*) FILTER (WHERE s.due_at <= ?)
                        FROM shared_schedule s JOIN item ON item.shared_schedule = s.id
                             JOIN subject ON subject.id = s.subject_id
                        WHERE s.due_at <= ? GROUP BY 1, 2, 3, 4""",
                (rs, n) -> new DueGroup(rs.getString(1), rs.getString(2), rs.getString(3),
                        EndAction.valueOf(rs.getString(4).toUpperCase(java.util.Locale.ROOT)), rs.getLong(5),
                        rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(), rs.getLong(8)),
                Timestamp.from(now), Timestamp.from(until), Timestamp.from(now), Timestamp.from(until),
                Timestamp.from(now), Timestamp.from(until));
        return DueGroup.merged(groups);
    }

    /**
     * Items kept without a due date, per category and the rule that keeps them undated (its start event has not
     * happened, or an open-ended hold runs); rule null: none recorded (no rule governs them, or their schedule was
     * stored before undated schedules named their rule and has not been recomputed since).
     */
    public record UndatedGroup(String category, String rule, long items) {}

    /**
     * Every item without a due date, per category and rule: one statement over two partial indexes (V14), an
     * index-only scan of the items with their own schedule and, for items of shared schedules, the undated
     * schedules with their items.
     */
    public List<UndatedGroup> undated() {
        return template.query("""
                        SELECT category, retention_rule, sum(n)::bigint FROM (
                            SELECT category, retention_rule, count(*) AS n
                            FROM item WHERE due_at IS NULL AND shared_schedule IS NULL GROUP BY 1, 2
                            UNION ALL
                            SELECT s.category, s.retention_rule, count(*)
                            FROM shared_schedule s JOIN item ON item.shared_schedule = s.id
                            WHERE s.due_at IS NULL GROUP BY 1, 2) u
                        GROUP BY 1, 2 ORDER BY 1, 2""",
                (rs, n) -> new UndatedGroup(rs.getString(1), rs.getString(2), rs.getLong(3)));
    }

    /** The undated items of these subjects, per subject, category and rule (for those kept by an open-ended hold). */
    public Map<UUID, List<UndatedGroup>> undatedOf(Collection<UUID> subjects) {
        Map<UUID, List<UndatedGroup>> out = new HashMap<>();
        if (subjects.isEmpty()) {
            return out;
        }
        template.query(c -> {
                    PreparedStatement ps = c.prepareStatement("""
                            SELECT item.subject_id, item.category, coalesce(s.retention_rule, item.retention_rule), count(*)
                            FROM item LEFT JOIN shared_schedule s ON s.id = item.shared_schedule
                            WHERE item.subject_id = ANY (?) AND coalesce(s.due_at, item.due_at) IS NULL
                            GROUP BY 1, 2, 3""");
                    ps.setArray(1, c.createArrayOf("uuid", subjects.toArray()));
                    return ps;
                }, (ResultSet rs) -> {
                    out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new UndatedGroup(rs.getString(2), rs.getString(3), rs.getLong(4)));
                });
        return out;
    }

    /** Up to {@code limit} subjects with items, after {@code after} (null: from the first) in id order: for paging. */
    public List<UUID> subjectsWithItemsAfter(UUID after, int limit) {
        return after == null
                ? template.query("SELECT DISTINCT subject_id FROM item ORDER BY 1 LIMIT ?", (rs, n) -> rs.getObject(1, UUID.class), limit)
                : template.query("SELECT DISTINCT subject_id FROM item WHERE subject_id > ? ORDER BY 1 LIMIT ?",
                        (rs, n) -> rs.getObject(1, UUID.class), after, limit);
    }

    /** Items whose schedule was computed under another policy version (not yet recomputed). */
    public long scheduledUnderOther(long version) {
        Long n = template.queryForObject("""
                SELECT (SELECT count(*) FROM item WHERE shared_schedule IS NULL AND scheduled_under IS DISTINCT FROM ?)
                     + (SELECT count(*) FROM item JOIN shared_schedule s ON s.id = item.shared_schedule
                        WHERE s.scheduled_under <> ?)""", Long.class, version, version);
        return n == null ? 0 : n;
    }

    /** Up to {@code limit} subjects with an item whose next narrowing step has begun at {@code now}. */
    public List<UUID> subjectsToRenarrow(Instant now, int limit) {
        Timestamp t = Timestamp.from(now);
        return template.query("""
                        SELECT DISTINCT subject_id FROM (
                            (SELECT subject_id FROM item WHERE renarrow_at <= ? LIMIT ?)
                            UNION ALL
                            (SELECT subject_id FROM shared_schedule WHERE renarrow_at <= ? LIMIT ?)) s LIMIT ?""",
                (rs, n) -> rs.getObject(1, UUID.class), t, limit, t, limit, limit);
    }

    /** Subjects with an item whose narrowing moment falls after {@code after} and at or before {@code upTo}. */
    public List<UUID> subjectsNarrowedBetween(Instant after, Instant upTo) {
        Timestamp a = Timestamp.from(after);
        Timestamp u = Timestamp.from(upTo);
        return template.query("""
                        SELECT subject_id FROM item WHERE narrowed_at > ? AND narrowed_at <= ?
                        UNION
                        SELECT subject_id FROM shared_schedule WHERE narrowed_at > ? AND narrowed_at <= ?""",
                (rs, n) -> rs.getObject(1, UUID.class), a, u, a, u);
    }

    /** Per data category of the subject: how many items, how many past due, how many narrowed (and to what). */
    public record CategoryRetention(String category, int items, int over, int narrowed, List<String> retainedFor) {}

    public Map<UUID, List<CategoryRetention>> retention(Collection<UUID> subjects, Instant now) {
        // per item, summed here: a subject has few items, and the cached state hides the cost
        record Acc(int[] n, java.util.TreeSet<String> purposes) {}
        Map<UUID, Map<String, Acc>> acc = new HashMap<>();
        Timestamp t = Timestamp.from(now);
        template.execute((Connection c) -> {
            // an item's schedule is its own or the shared one it points to (V11), never both
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT item.subject_id, item.category, coalesce(s.due_at, item.due_at) <= ?,
                           coalesce(s.narrowed_at, item.narrowed_at) <= ?
                               AND coalesce(s.due_at, item.due_at, 'infinity') > ?,
                           coalesce(s.retained_for, item.retained_for)
                    FROM item LEFT JOIN shared_schedule s ON s.id = item.shared_schedule
                    WHERE item.subject_id = ANY (?)""")) {
                ps.setTimestamp(1, t);
                ps.setTimestamp(2, t);
                ps.setTimestamp(3, t);
                ps.setArray(4, c.createArrayOf("uuid", subjects.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Acc a = acc.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>())
                                .computeIfAbsent(rs.getString(2), k -> new Acc(new int[3], new java.util.TreeSet<>()));
                        a.n()[0]++;
                        if (rs.getBoolean(3)) {
                            a.n()[1]++;
                        } else if (rs.getBoolean(4)) {
                            a.n()[2]++;
                            Array purposes = rs.getArray(5);
                            if (purposes != null) {
                                a.purposes().addAll(Arrays.asList((String[]) purposes.getArray()));
                            }
                        }
                    }
                }
            }
            return null;
        });
        Map<UUID, List<CategoryRetention>> all = new HashMap<>(acc.size() * 2);
        acc.forEach((subject, categories) -> {
            List<CategoryRetention> list = new ArrayList<>(categories.size());
            categories.forEach((category, a) -> list.add(new CategoryRetention(category, a.n()[0], a.n()[1], a.n()[2],
                    List.copyOf(a.purposes()))));
            all.put(subject, list);
        });
        return all;
    }

    /** The value of a deleted item that is to be anonymised; null when its subject's key is gone. */
    public String reveal(DeletedItem item) {
        if (item.value() == null) {
            return null;
        }
        ValueCipher cipher = ciphers.getObject().open(item.subject());
        return cipher == null ? null : cipher.decrypt(item.id(), item.category(), item.value());
    }

    /** Those of the subjects who said that no anonymised remainder of them may be kept (R2.6). */
    public java.util.Set<UUID> refusersOfRemainder(Collection<UUID> subjects) {
        java.util.Set<UUID> out = new java.util.HashSet<>();
        query("SELECT id FROM subject WHERE id = ANY (?) AND no_anonymised_remainder", subjects,
                rs -> out.add(rs.getObject(1, UUID.class)));
        return out;
    }

    /** R2.6: whether the subject said that no anonymised remainder of them may be kept. */
    void refuseAnonymisedRemainder(UUID subject) {
        template.update("UPDATE subject SET no_anonymised_remainder = true WHERE id = ?", subject);
    }

    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Collection<UUID> subjects, RowHandler handler) {
        query(sql, "uuid", subjects, handler);
    }

    private void query(String sql, String type, Collection<?> keys, RowHandler handler) {
        if (keys.isEmpty()) {
            return;
        }
        template.execute((Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                // binary results from the first call on: a subject's items are read whenever its schedules are
                ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
                ps.setArray(1, c.createArrayOf(type, keys.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        handler.row(rs);
                    }
                }
            }
            return null;
        });
    }
}
