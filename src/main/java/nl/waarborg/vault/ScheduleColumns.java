package nl.waarborg.vault;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

/**
 * Schedules as the seven column arrays the insert, reschedule and shared-schedule statements unnest (due_at,
 * end_action, retention_rule, narrowed_at, retained_for comma-joined, renarrow_at, scheduled_under), bound from
 * parameter {@code first} on.
 */
final class ScheduleColumns {

    private final Timestamp[] due;
    private final String[] actions;
    private final String[] rules;
    private final Timestamp[] narrowed;
    private final String[] retained;
    private final Timestamp[] renarrow;
    private final Long[] versions;

    /**
     * The columns as item rows store them: an item that points to a shared schedule ({@code sharedIds[i]} not null)
     * has its own columns empty (its dates are in the shared_schedule row). {@code sharedIds} may be null: none does.
     */
    static ScheduleColumns ofItems(List<ItemSchedule> schedules, Long[] sharedIds) {
        return new ScheduleColumns(schedules, sharedIds);
    }

    /** The columns of shared_schedule rows. */
    static ScheduleColumns ofShared(List<ItemSchedule> schedules) {
        return new ScheduleColumns(schedules, null);
    }

    private ScheduleColumns(List<ItemSchedule> schedules, Long[] sharedIds) {
        int n = schedules.size();
        due = new Timestamp[n];
        actions = new String[n];
        rules = new String[n];
        narrowed = new Timestamp[n];
        retained = new String[n];
        renarrow = new Timestamp[n];
        versions = new Long[n];
        for (int i = 0; i < n; i++) {
            ItemSchedule s = schedules.get(i);
            if (sharedIds != null && sharedIds[i] != null) {
                actions[i] = "delete"; // the column's default; the other columns stay null
                continue;
            }
            due[i] = s.dueAt() == null ? null : Timestamp.from(s.dueAt());
            actions[i] = s.action().term();
            rules[i] = s.rule();
            narrowed[i] = s.narrowedAt() == null ? null : Timestamp.from(s.narrowedAt());
            retained[i] = s.narrowedAt() == null ? null : String.join(",", s.retainedFor());
            renarrow[i] = s.renarrowAt() == null ? null : Timestamp.from(s.renarrowAt());
            versions[i] = s.policyVersion();
        }
    }

    /**
     * Stores the schedules in the rows of {@code table} whose ids ({@code idType}) are given, in that order: one
     * {@code UPDATE … FROM unnest(…)}; {@code alsoSet} is appended to its SET list.
     */
    int update(org.springframework.jdbc.core.JdbcTemplate template, String table, String idType, Object[] ids,
               String alsoSet) {
        String sql = "UPDATE " + table + " SET due_at = t.due_at, end_action = t.end_action, retention_rule = t.rule, "
                + "narrowed_at = t.narrowed_at, retained_for = string_to_array(t.retained_for, ','), "
                + "renarrow_at = t.renarrow_at, scheduled_under = t.version" + alsoSet
                + " FROM unnest(?::" + idType + "[], ?::timestamptz[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], "
                + "?::timestamptz[], ?::bigint[]) AS t(id, due_at, end_action, rule, narrowed_at, retained_for, "
                + "renarrow_at, version) WHERE " + table + ".id = t.id";
        Integer n = template.execute((Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setArray(1, c.createArrayOf(idType, ids));
                bind(c, ps, 2);
                return ps.executeUpdate();
            }
        });
        return n == null ? 0 : n;
    }

    void bind(Connection c, PreparedStatement ps, int first) throws SQLException {
        ps.setArray(first, c.createArrayOf("timestamptz", due));
        ps.setArray(first + 1, c.createArrayOf("text", actions));
        ps.setArray(first + 2, c.createArrayOf("text", rules));
        ps.setArray(first + 3, c.createArrayOf("timestamptz", narrowed));
        ps.setArray(first + 4, c.createArrayOf("text", retained));
        ps.setArray(first + 5, c.createArrayOf("timestamptz", renarrow));
        ps.setArray(first + 6, c.createArrayOf("bigint", versions));
    }
}
