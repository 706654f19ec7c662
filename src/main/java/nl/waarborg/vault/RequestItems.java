package nl.waarborg.vault;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL of a data-subject request's part in the vault ({@link SubjectRequests}): every item of one subject, whatever
 * its purposes, streamed; the items that are not kept deleted; one category's values replaced. Values arrive and
 * leave encrypted; callers hold the transaction.
 */
@Repository
class RequestItems {

    /** Rows fetched per round trip while streaming: memory stays bounded however many items a subject has. */
    static final int FETCH_SIZE = 1_000;

    private final JdbcTemplate template;
    private final SharedSchedules shared;

    RequestItems(JdbcTemplate template, SharedSchedules shared) {
        this.template = template;
        this.shared = shared;
    }

    /** One stored item as streamed for an export: the value still encrypted. */
    record Encrypted(UUID id, String category, List<String> purposes, String source, String system,
                     java.time.Instant collectedAt, byte[] value) {}

    interface Sink {
        void accept(Encrypted item);
    }

    /** How many items of each category the subject has, by category (in the transaction's snapshot). */
    Map<String, Long> countsByCategory(UUID subject) {
        Map<String, Long> counts = new LinkedHashMap<>();
        template.query("SELECT category, count(*) FROM item WHERE subject_id = ? GROUP BY category ORDER BY category",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, subject);
        return counts;
    }

    /**
     * Streams the subject's items by category, then collection moment, through a cursor: inside a transaction the
     * driver fetches {@link #FETCH_SIZE} rows at a time instead of the whole result.
     */
    long stream(UUID subject, Sink sink) {
        Long n = template.execute((Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, category, purposes, source, system, collected_at, "
                    + "value FROM item WHERE subject_id = ? ORDER BY category, collected_at, id")) {
                ps.setFetchSize(FETCH_SIZE);
                ps.setObject(1, subject);
                long count = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(new Encrypted(rs.getObject(1, UUID.class), rs.getString(2), strings(rs.getArray(3)),
                                rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getBytes(7)));
                        count++;
                    }
                }
                return count;
            }
        });
        return n == null ? 0 : n;
    }

    /**
     * Deletes the subject's items whose ids are not in {@code keep}, and the shared schedules (V11) no item points to
     * any more, as the sweep leaves them; returns the deleted items' categories, one per item. The shared schedules are
     * locked first, in id order, as a sweep and a recomputation lock them before their items, so that none of them
     * waits for this crosswise.
     */
    List<String> deleteAllBut(UUID subject, Collection<UUID> keep) {
        List<Long> schedules = shared.lock(template.queryForList("SELECT DISTINCT shared_schedule FROM item "
                + "WHERE subject_id = ? AND shared_schedule IS NOT NULL", Long.class, subject));
        List<String> categories = new ArrayList<>();
        template.query(c -> {
            PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM item WHERE subject_id = ? AND NOT (id = ANY (?)) RETURNING category");
            ps.setObject(1, subject);
            ps.setArray(2, c.createArrayOf("uuid", keep.toArray()));
            return ps;
        }, rs -> {
            categories.add(rs.getString(1));
        });
        shared.dropUnused(schedules);
        return categories;
    }

    /** The ids of the subject's items of the category. */
    List<UUID> idsOf(UUID subject, String category) {
        return template.queryForList("SELECT id FROM item WHERE subject_id = ? AND category = ? ORDER BY id", UUID.class,
                subject, category);
    }

    /** Replaces the values of these items, one statement for all. */
    int replaceValues(List<UUID> ids, List<byte[]> values) {
        if (ids.isEmpty()) {
            return 0;
        }
        return template.update(c -> {
            PreparedStatement ps = c.prepareStatement(
                    "UPDATE item SET value = t.value FROM unnest(?::uuid[], ?::bytea[]) AS t(id, value) WHERE item.id = t.id");
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            ps.setArray(2, c.createArrayOf("bytea", values.toArray(new byte[0][])));
            return ps;
        });
    }

    private static List<String> strings(java.sql.Array a) throws SQLException {
        return a == null ? List.of() : List.of((String[]) a.getArray());
    }
}
