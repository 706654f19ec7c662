package nl.waarborg.requests.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import nl.waarborg.requests.FulfilmentPlan;
import nl.waarborg.requests.KeptData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code request_step} table (V22). A system's step reads its status live from its system operation, so that
 * what the systems capability's retries and a manual task's owner achieve later shows at once. Not an export that
 * failed: its values are read into the answer, so a retry the systems capability makes later (whose values go
 * nowhere) does not make it done; staff resume it, which reads it into a new answer.
 */
@Repository
class FulfilmentStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One step as it stands ({@code status}: a system's step as its operation stands). {@code givenUp}: failed with no
     * attempt left, for staff to act on; {@code ownStatus}: the step's own row, {@code running} when a process died
     * while trying it.
     */
    record StoredStep(int seq, FulfilmentPlan.Action action, String target, String category, String status,
                      String operationId, String cause, Map<String, Long> counts, List<KeptData> kept, int attempts,
                      Instant updatedAt, String doneBy, boolean givenUp, Instant nextAttemptAt, String ownStatus) {

        FulfilmentPlan.Step step() {
            return new FulfilmentPlan.Step(action, target, category);
        }

        boolean finished() {
            return status.equals("done") || status.equals("skipped");
        }
    }

    private final JdbcClient jdbc;

    FulfilmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void plan(UUID request, List<FulfilmentPlan.Step> steps, Instant now) {
        for (int i = 0; i < steps.size(); i++) {
            FulfilmentPlan.Step s = steps.get(i);
            jdbc.sql("INSERT INTO request_step (request_id, seq, action, target, category, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(request, i + 1, s.action().term(), s.target(), s.category(), Timestamp.from(now)).update();
        }
    }

    List<StoredStep> steps(UUID request) {
        return jdbc.sql("""
                SELECT s.seq, s.action, s.target, s.category, s.operation_id, s.attempts, s.kept::text, s.done_by,
                       s.status AS own_status,
                       coalesce(o.status, s.status) AS status, coalesce(o.cause, s.cause) AS cause,
                       coalesce(o.counts, s.counts)::text AS counts, greatest(o.updated_at, s.updated_at) AS updated_at,
                       o.next_attempt_at,
                       (o.id IS NOT NULL AND o.status IN ('failed', 'partial') AND o.next_attempt_at IS NULL
                        AND o.attempts > 0) AS given_up
                FROM request_step s LEFT JOIN system_operation o ON o.id = s.operation_id AND (s.action <> 'export'
                     OR s.status = 'pending')
                WHERE s.request_id = ? ORDER BY s.seq""").param(request).query((rs, n) -> step(rs)).list();
    }

    /** Records what a step came to (a system's step: its operation; the status shown follows that operation). */
    void record(UUID request, int seq, String status, String operationId, String cause, Map<String, Long> counts,
                List<KeptData> kept, Instant now, String by) {
        jdbc.sql("""
                UPDATE request_step SET status = ?, operation_id = coalesce(?, operation_id), cause = ?, counts = ?::jsonb,
                    kept = ?::jsonb, attempts = attempts + 1, updated_at = ?, done_by = ? WHERE request_id = ? AND seq = ?""")
                .params(status, operationId, cause, JSON.writeValueAsString(new TreeMap<>(counts)),
                        JSON.writeValueAsString(kept), Timestamp.from(now), by, request, seq).update();
    }

    /** Marks a step running before it is tried, so that a restart finds it and tries it again. */
    void running(UUID request, int seq, String operationId, Instant now) {
        jdbc.sql("UPDATE request_step SET status = 'running', operation_id = coalesce(?, operation_id), updated_at = ? "
                + "WHERE request_id = ? AND seq = ?").params(operationId, Timestamp.from(now), request, seq).update();
    }

    /**
     * Open requests whose fulfilment may move on by itself: a step not yet tried, or left running by a process that died
     * (a phase finished later leaves the next phase's steps waiting). Those that only wait for staff (failed steps) or
     * for a system's answer (pending) are left out, so they cannot crowd the others out. A page of at most
     * {@code limit}, in the order they were started, after {@code afterId} (null: from the first).
     */
    List<Unfinished> unfinished(UUID afterId, Instant afterStarted, int limit) {
        return jdbc.sql("""
                SELECT r.id, r.reference, r.fulfilment_started_at FROM request r
                WHERE r.status = 'open' AND r.fulfilment_started_at IS NOT NULL
                AND EXISTS (SELECT 1 FROM request_step s WHERE s.request_id = r.id AND s.status IN ('waiting', 'running'))
                AND (CAST(? AS timestamptz) IS NULL OR (r.fulfilment_started_at, r.id) > (?, ?))
                ORDER BY r.fulfilment_started_at, r.id LIMIT ?""")
                .params(afterStarted == null ? null : Timestamp.from(afterStarted),
                        afterStarted == null ? null : Timestamp.from(afterStarted), afterId, limit)
                .query((rs, n) -> new Unfinished(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getTimestamp(3).toInstant())).list();
    }

    /** A request {@link #unfinished} found: its id, reference and when its fulfilment started (the page's key). */
    record Unfinished(UUID id, String reference, Instant startedAt) {}

    private static StoredStep step(ResultSet rs) throws SQLException {
        Timestamp next = rs.getTimestamp("next_attempt_at");
        return new StoredStep(rs.getInt("seq"), FulfilmentPlan.Action.of(rs.getString("action")), rs.getString("target"),
                rs.getString("category"), rs.getString("status"), rs.getString("operation_id"), rs.getString("cause"),
                JSON.readValue(rs.getString("counts"), new TypeReference<TreeMap<String, Long>>() {}),
                JSON.readValue(rs.getString("kept"), new TypeReference<List<KeptData>>() {}), rs.getInt("attempts"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("done_by"), rs.getBoolean("given_up"),
                next == null ? null : next.toInstant(), rs.getString("own_status"));
    }
}
