package nl.waarborg.breaches.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.waarborg.breaches.Breach;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tables {@code breach} and {@code breach_version} (V25): only inserts and reads, as the triggers allow nothing
 * else. A breach is kept as JSON of {@link Breach} in each version, so that what the register said then reads back
 * as it was, whatever fields later versions of the code add.
 */
@Repository
class BreachStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String VERSION_COLUMNS = "v.version, v.change, v.data::text AS data, v.changed_by, v.changed_at, v.reason";

    private final JdbcClient jdbc;

    BreachStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A breach's row, locked until the transaction ends, with its current version. */
    record Locked(UUID id, BreachVersion current) {}

    void insert(UUID id, String reference, Instant at, String by) {
        jdbc.sql("INSERT INTO breach (id, reference, created_at, created_by) VALUES (?, ?, ?, ?)")
                .params(id, reference, Timestamp.from(at), by).update();
    }

    void append(UUID id, int version, String change, Breach breach, String by, Instant at, String reason) {
        jdbc.sql("INSERT INTO breach_version (breach_id, version, change, data, changed_by, changed_at, reason, open) "
                        + "VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?)")
                .params(id, version, change, JSON.writeValueAsString(breach), by, Timestamp.from(at), reason,
                        breach.open())
                .update();
    }

    /** Locks the breach's row (two staff acting at once act one after the other) and reads its current version. */
    Optional<Locked> lock(String reference) {
        Optional<UUID> id = jdbc.sql("SELECT id FROM breach WHERE reference = ? FOR UPDATE").param(reference)
                .query(UUID.class).optional();
        return id.map(i -> new Locked(i, current(i).orElseThrow()));
    }

    Optional<BreachVersion> current(String reference) {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM breach_version v JOIN breach b ON b.id = v.breach_id "
                        + "WHERE b.reference = ? ORDER BY v.version DESC LIMIT 1")
                .param(reference).query((rs, n) -> map(rs)).optional();
    }

    private Optional<BreachVersion> current(UUID id) {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM breach_version v WHERE v.breach_id = ? "
                        + "ORDER BY v.version DESC LIMIT 1")
                .param(id).query((rs, n) -> map(rs)).optional();
    }

    List<BreachVersion> versions(String reference) {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM breach_version v JOIN breach b ON b.id = v.breach_id "
                        + "WHERE b.reference = ? ORDER BY v.version")
                .param(reference).query((rs, n) -> map(rs)).list();
    }

    /** The current version of every breach (only the open ones with {@code open}), the earliest awareness first. */
    List<BreachVersion> list(boolean open, int limit) {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM breach_version v "
                        + "WHERE v.version = (SELECT max(w.version) FROM breach_version w WHERE w.breach_id = v.breach_id)"
                        + (open ? " AND v.open" : "")
                        + " ORDER BY (v.data->>'awareAt')::timestamptz, v.data->>'reference' LIMIT ?")
                .param(limit).query((rs, n) -> map(rs)).list();
    }

    private static BreachVersion map(ResultSet rs) throws SQLException {
        return new BreachVersion(rs.getInt("version"), rs.getString("change"),
                JSON.readValue(rs.getString("data"), Breach.class), rs.getString("changed_by"),
                rs.getTimestamp("changed_at").toInstant(), rs.getString("reason"));
    }
}
