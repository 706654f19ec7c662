package nl.waarborg.vault;

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
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.waarborg.policy.EndAction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL of shared schedules (V11__retention_shared_schedules.sql): one row per subject, category and purposes for
 * items whose dates follow from the subject alone; the items point to it. Callers hold the transaction.
 */
@Repository
class SharedSchedules {

    private final JdbcTemplate template;

    SharedSchedules(JdbcTemplate template) {
        this.template = template;
    }

    /** Which items share a schedule: a subject's of one category and purposes (sorted: the order carries no meaning). */
    record Key(UUID subject, String category, List<String> purposes) implements Comparable<Key> {

        private static final java.util.Comparator<Key> ORDER = java.util.Comparator.comparing(Key::subject)
                .thenComparing(Key::category).thenComparing(k -> String.join(",", k.purposes()));

        Key {
            purposes = List.copyOf(new java.util.TreeSet<>(purposes));
        }

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    /** A stored shared schedule. */
    record Stored(long id, Key key, ItemSchedule schedule) {}

    /**
     * Stores the schedules (a new row per key, or the key's row overwritten where it differs) and returns the row id
     * of each key. Overwriting is right: callers hold the subject's row lock (the vault storing items shares it, a
     * change to the subject's history or holds takes it alone), so the schedule is computed from the history as it
     * stands. Rows are written in key order, so two callers never wait for each other's rows crosswise.
     */
    Map<Key, Long> store(Map<Key, ItemSchedule> schedules) {
        if (schedules.isEmpty()) {
            return Map.of();
        }
        List<Key> keys = new ArrayList<>(schedules.keySet());
        java.util.Collections.sort(keys);
        int n = keys.size();
        UUID[] subjects = new UUID[n];
        String[] categories = new String[n];
        String[] purposes = new String[n]; // comma-joined: purpose ids are terms without commas
        List<ItemSchedule> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Key k = keys.get(i);
            subjects[i] = k.subject();
            categories[i] = k.category();
            purposes[i] = String.join(",", k.purposes());
            list.add(schedules.get(k));
        }
        ScheduleColumns columns = ScheduleColumns.ofShared(list);
        Map<Key, Long> ids = new HashMap<>(n * 2);
        template.execute((Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO shared_schedule AS s (subject_id, category, purposes, due_at, end_action, retention_rule,
                                                      narrowed_at, retained_for, renarrow_at, scheduled_under)
                    SELECT subject_id, category, string_to_array(purposes, ','), due_at, end_action, rule, narrowed_at,
                           string_to_array(retained_for, ','), renarrow_at, version
                    FROM unnest(?::uuid[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::timestamptz[],
                                ?::text[], ?::timestamptz[], ?::bigint[])
                         AS t(subject_id, category, purposes, due_at, end_action, rule, narrowed_at, retained_for,
                              renarrow_at, version)
                    ON CONFLICT (subject_id, category, purposes) DO UPDATE SET due_at = excluded.due_at,
                        end_action = excluded.end_action, retention_rule = excluded.retention_rule,
                        narrowed_at = excluded.narrowed_at, retained_for = excluded.retained_for,
                        renarrow_at = excluded.renarrow_at, scheduled_under = excluded.scheduled_under
                    WHERE (s.due_at, s.end_action, s.retention_rule, s.narrowed_at, s.retained_for, s.renarrow_at,
                           s.scheduled_under)
                          IS DISTINCT FROM (excluded.due_at, excluded.end_action, excluded.retention_rule,
                           excluded.narrowed_at, excluded.retained_for, excluded.renarrow_at, excluded.scheduled_under)
                    RETURNING id, subject_id, category, purposes""")) {
                ps.setArray(1, c.createArrayOf("uuid", subjects));
                ps.setArray(2, c.createArrayOf("text", categories));
                ps.setArray(3, c.createArrayOf("text", purposes));
                columns.bind(c, ps, 4);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.put(new Key(rs.getObject(2, UUID.class), rs.getString(3), strings(rs.getArray(4))),
                                rs.getLong(1));
                    }
                }
            }
            return null;
        });
        if (ids.size() < n) {
            // rows that were already as computed are not returned by the upsert (nothing written)
            List<Key> missing = keys.stream().filter(k -> !ids.containsKey(k)).toList();
            ids.putAll(existing(missing));
        }
        return ids;
    }

    /**
     * The row ids of those of the keys that have a row, each locked against deletion until the transaction ends: a
     * sweep deleting one meanwhile is waited for, and its row is then not found (its items get a schedule anew),
     * instead of an item pointing to a deleted row. A sweep skips a row so held.
     */
    Map<Key, Long> existing(Collection<Key> keys) {
        Map<Key, Long> ids = new HashMap<>(keys.size() * 2);
        if (keys.isEmpty()) {
            return ids;
        }
        UUID[] subjects = new UUID[keys.size()];
        String[] categories = new String[keys.size()];
        String[] purposes = new String[keys.size()];
        int i = 0;
        for (Key k : keys) {
            subjects[i] = k.subject();
            categories[i] = k.category();
            purposes[i++] = String.join(",", k.purposes());
        }
        template.execute((Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT s.id, s.subject_id, s.category, s.purposes
                    FROM unnest(?::uuid[], ?::text[], ?::text[]) AS t(subject_id, category, purposes)
                    JOIN shared_schedule s ON s.subject_id = t.subject_id AND s.category = t.category
                                          AND s.purposes = string_to_array(t.purposes, ',')
                    ORDER BY s.id FOR KEY SHARE OF s""")) {
                ps.setArray(1, c.createArrayOf("uuid", subjects));
                ps.setArray(2, c.createArrayOf("text", categories));
                ps.setArray(3, c.createArrayOf("text", purposes));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.put(new Key(rs.getObject(2, UUID.class), rs.getString(3), strings(rs.getArray(4))),
                                rs.getLong(1));
                    }
                }
            }
            return null;
        });
        return ids;
    }

    /**
     * Locks the rows until the transaction ends, in id order, and returns those that still exist: a sweep that
     * holds one has deleted it with its items by the time the lock is granted.
     */
    List<Long> lock(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return template.query(c -> {
            PreparedStatement ps = c.prepareStatement("SELECT id FROM shared_schedule WHERE id = ANY (?) ORDER BY id FOR UPDATE");
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            return ps;
        }, (rs, n) -> rs.getLong(1));
    }

    /**
     * Stores new schedules in existing rows. No lock order is needed: every recomputation holds its subjects' row
     * locks first, so two never write one subject's rows at once.
     */
    void update(List<Long> ids, List<ItemSchedule> schedules) {
        if (ids.isEmpty()) {
            return;
        }
        ScheduleColumns.ofShared(schedules).update(template, "shared_schedule", "bigint", ids.toArray(), "");
    }

    /** The subjects' shared schedules. */
    List<Stored> of(Collection<UUID> subjects) {
        List<Stored> out = new ArrayList<>();
        if (subjects.isEmpty()) {
            return out;
        }
        template.execute((Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, subject_id, category, purposes, due_at, end_action, "
                    + "retention_rule, narrowed_at, retained_for, renarrow_at, scheduled_under FROM shared_schedule "
                    + "WHERE subject_id = ANY (?)")) {
                // binary results from the first call on: read whenever a subject's schedules are
                ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
                ps.setArray(1, c.createArrayOf("uuid", subjects.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Stored(rs.getLong(1),
                                new Key(rs.getObject(2, UUID.class), rs.getString(3), strings(rs.getArray(4))),
                                new ItemSchedule(instant(rs.getTimestamp(5)),
                                        EndAction.valueOf(rs.getString(6).toUpperCase(Locale.ROOT)), rs.getString(7),
                                        instant(rs.getTimestamp(8)), strings(rs.getArray(9)), instant(rs.getTimestamp(10)),
                                        rs.getLong(11), true)));
                    }
                }
            }
            return null;
        });
        return out;
    }

    /** Removes the rows that no item points to any more. */
    void dropUnused(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        template.update(c -> {
            PreparedStatement ps = c.prepareStatement("DELETE FROM shared_schedule s WHERE id = ANY (?) "
                    + "AND NOT EXISTS (SELECT 1 FROM item WHERE item.shared_schedule = s.id)");
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            return ps;
        });
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static List<String> strings(java.sql.Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }
}
