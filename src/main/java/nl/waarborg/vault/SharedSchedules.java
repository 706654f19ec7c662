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

    /** Which items share a schedule: a subject's of one category and purposes (in the order the item lists them). */
    record Key(UUID subject, String category, List<String> purposes) {

        Key {
            purposes = List.copyOf(purposes);
        }
    }

    /** A stored shared schedule. */
    record Stored(long id, Key key, ItemSchedule schedule) {}

    /**
     * Stores the schedules (a new row per key, or the key's row overwritten) and returns the row id of each key.
     * Overwriting is right: a schedule is computed from the subject's history as it stands in this transaction, and
     * the subject row is locked while that history changes.
     */
    Map<Key, Long> store(Map<Key, ItemSchedule> schedules) {
        if (schedules.isEmpty()) {
            return Map.of();
        }
        List<Key> keys = new ArrayList<>(schedules.keySet());
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
        return ids;
    }

    /** Stores new schedules in existing rows. */
    void update(List<Long> ids, List<ItemSchedule> schedules) {
        if (ids.isEmpty()) {
            return;
        }
        ScheduleColumns columns = ScheduleColumns.ofShared(schedules);
        template.execute((Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE shared_schedule s SET due_at = t.due_at, end_action = t.end_action, retention_rule = t.rule,
                        narrowed_at = t.narrowed_at, retained_for = string_to_array(t.retained_for, ','),
                        renarrow_at = t.renarrow_at, scheduled_under = t.version
                    FROM unnest(?::bigint[], ?::timestamptz[], ?::text[], ?::text[], ?::timestamptz[], ?::text[],
                                ?::timestamptz[], ?::bigint[])
                         AS t(id, due_at, end_action, rule, narrowed_at, retained_for, renarrow_at, version)
                    WHERE s.id = t.id""")) {
                ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                columns.bind(c, ps, 2);
                return ps.executeUpdate();
            }
        });
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
