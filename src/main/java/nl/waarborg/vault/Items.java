package nl.waarborg.vault;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The SQL of items (V4__vault.sql). Values arrive and leave encrypted; callers hold the transaction. */
@Repository
class Items {

    private final JdbcTemplate template;
    private final SharedSchedules shared;

    Items(JdbcTemplate template, SharedSchedules shared) {
        this.template = template;
        this.shared = shared;
    }

    /** An item row as stored: the value still encrypted; {@code dates} its reference dates (none: empty). */
    record Row(UUID id, UUID subject, String category, List<String> purposes, String source, String system,
               Instant collectedAt, long policyVersion, byte[] value, Map<String, java.time.LocalDate> dates) {

        Row {
            dates = dates == null ? Map.of() : dates;
        }

        Row(UUID id, UUID subject, String category, List<String> purposes, String source, String system,
            Instant collectedAt, long policyVersion, byte[] value) {
            this(id, subject, category, purposes, source, system, collectedAt, policyVersion, value, Map.of());
        }
    }

    /** A row read for a use: with the moment from which only some purposes may use it (null: never). */
    record ReadRow(Row row, Instant narrowedAt, List<String> retainedFor) {

        /** Whether the item's retention still lets the purpose use it at {@code now}. */
        boolean retainedFor(String purpose, Instant now) {
            return narrowedAt == null || now.isBefore(narrowedAt) || retainedFor.contains(purpose);
        }
    }

    private static final String INSERT = insert(false);
    private static final String INSERT_WITH_DATES = insert(true);

    /** The insert, with the reference dates column (parameter 18) only for calls where an item carries dates. */
    private static String insert(boolean dates) {
        return """
                INSERT INTO item (id, subject_id, category, purposes, source, system, collected_at, policy_version, value,
                                  due_at, end_action, retention_rule, narrowed_at, retained_for, renarrow_at, scheduled_under,
                                  shared_schedule%1$s)
                SELECT id, subject_id, category, string_to_array(purposes, ','), source, system, collected_at, version, value,
                       due_at, end_action, rule, narrowed_at, string_to_array(retained_for, ','), renarrow_at, scheduled_under,
                       shared_schedule%2$s
                FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::bigint[], ?::bytea[],
                            ?::timestamptz[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::timestamptz[], ?::bigint[],
                            ?::bigint[]%3$s)
                     AS t(id, subject_id, category, purposes, source, system, collected_at, version, value,
                          due_at, end_action, rule, narrowed_at, retained_for, renarrow_at, scheduled_under,
                          shared_schedule%1$s)""".formatted(dates ? ", reference_dates" : "",
                dates ? ", reference_dates::jsonb" : "", dates ? ", ?::text[]" : "");
    }

    /**
     * Inserts the rows with one statement per call: each column travels as one array and is unnested on the
     * server, far fewer round trips and parse steps than a row at a time. The reference dates travel as one more
     * array only in calls where some item carries them.
     */
    void insert(List<Row> rows, List<ItemSchedule> schedules) {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        UUID[] ids = new UUID[n];
        UUID[] subjects = new UUID[n];
        String[] categories = new String[n];
        String[] purposes = new String[n]; // comma-joined: purpose ids are terms without commas
        String[] sources = new String[n];
        String[] systems = new String[n];
        Timestamp[] collected = new Timestamp[n];
        Long[] versions = new Long[n];
        byte[][] values = new byte[n][];
        String[] referenceDates = null; // no array at all when no item carries dates: the common case costs nothing
        Long[] sharedIds = sharedSchedules(rows, schedules);
        ScheduleColumns columns = ScheduleColumns.ofItems(schedules, sharedIds);
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            ids[i] = r.id();
            subjects[i] = r.subject();
            categories[i] = r.category();
            purposes[i] = String.join(",", r.purposes());
            sources[i] = r.source();
            systems[i] = r.system();
            collected[i] = Timestamp.from(r.collectedAt());
            versions[i] = r.policyVersion();
            values[i] = r.value();
            if (!r.dates().isEmpty()) {
                if (referenceDates == null) {
                    referenceDates = new String[n];
                }
                referenceDates[i] = ReferenceDates.json(r.dates());
            }
        }
        String[] datesColumn = referenceDates;
        template.execute((Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement(datesColumn == null ? INSERT : INSERT_WITH_DATES)) {
                ps.setArray(1, c.createArrayOf("uuid", ids));
                ps.setArray(2, c.createArrayOf("uuid", subjects));
                ps.setArray(3, c.createArrayOf("text", categories));
                ps.setArray(4, c.createArrayOf("text", purposes));
                ps.setArray(5, c.createArrayOf("text", sources));
                ps.setArray(6, c.createArrayOf("text", systems));
                ps.setArray(7, c.createArrayOf("timestamptz", collected));
                ps.setArray(8, c.createArrayOf("bigint", versions));
                ps.setArray(9, c.createArrayOf("bytea", values));
                columns.bind(c, ps, 10);
                ps.setArray(17, c.createArrayOf("bigint", sharedIds));
                if (datesColumn != null) {
                    ps.setArray(18, c.createArrayOf("text", datesColumn));
                }
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Which rows point to a shared schedule, by id (null: the row keeps its own). A row whose schedule may be shared
     * joins its subject's existing row for its category and purposes (kept as it is: the caller holds the subject's
     * lock, under which every change of its history or holds rewrites that row), or a new row where this call stores
     * two or more such items; a single one keeps its own, as cheap to move as a shared row and one row fewer.
     */
    private Long[] sharedSchedules(List<Row> rows, List<ItemSchedule> schedules) {
        Long[] ids = new Long[rows.size()];
        SharedSchedules.Key[] keys = new SharedSchedules.Key[rows.size()];
        Map<SharedSchedules.Key, Integer> counts = new HashMap<>();
        for (int i = 0; i < keys.length; i++) {
            if (schedules.get(i).shared()) {
                Row r = rows.get(i);
                keys[i] = new SharedSchedules.Key(r.subject(), r.category(), r.purposes());
                counts.merge(keys[i], 1, Integer::sum);
            }
        }
        if (counts.isEmpty()) {
            return ids;
        }
        Map<SharedSchedules.Key, Long> found = new HashMap<>(shared.existing(counts.keySet()));
        Map<SharedSchedules.Key, ItemSchedule> toCreate = new HashMap<>();
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null && !found.containsKey(keys[i]) && counts.get(keys[i]) > 1) {
                toCreate.put(keys[i], schedules.get(i));
            }
        }
        found.putAll(shared.store(toCreate));
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                ids[i] = found.get(keys[i]);
            }
        }
        return ids;
    }

    /**
     * The subject's items still within their retention at {@code now} (past-due items wait for the sweep and are
     * never handed out), of the given categories only when {@code categories} is not null, oldest first.
     */
    List<ReadRow> ofSubject(UUID subject, List<String> categories, Instant now) {
        // an item's schedule is its own or the shared one it points to (V11), never both
        String sql = "SELECT item.id, item.category, item.purposes, source, system, collected_at, policy_version, value, "
                + "coalesce(s.narrowed_at, item.narrowed_at), coalesce(s.retained_for, item.retained_for), "
                + "item.reference_dates FROM item "
                + "LEFT JOIN shared_schedule s ON s.id = item.shared_schedule WHERE item.subject_id = ? "
                + "AND coalesce(s.due_at, item.due_at, 'infinity') > ?"
                + (categories == null ? "" : " AND item.category = ANY (?)") + " ORDER BY collected_at, item.id";
        return template.execute((Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, subject);
                ps.setTimestamp(2, Timestamp.from(now));
                if (categories != null) {
                    ps.setArray(3, c.createArrayOf("text", categories.toArray()));
                }
                List<ReadRow> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Timestamp narrowed = rs.getTimestamp(9);
                        java.sql.Array retained = rs.getArray(10);
                        rows.add(new ReadRow(new Row(rs.getObject(1, UUID.class), subject, rs.getString(2),
                                Arrays.asList((String[]) rs.getArray(3).getArray()), rs.getString(4), rs.getString(5),
                                rs.getTimestamp(6).toInstant(), rs.getLong(7), rs.getBytes(8),
                                ReferenceDates.parse(rs.getString(11))),
                                narrowed == null ? null : narrowed.toInstant(),
                                retained == null ? List.of() : Arrays.asList((String[]) retained.getArray())));
                    }
                }
                return rows;
            }
        });
    }
}
