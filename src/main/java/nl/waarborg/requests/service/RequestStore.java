package nl.waarborg.requests.service;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.waarborg.requests.IntakeChannel;
import nl.waarborg.requests.RefusalGround;
import nl.waarborg.requests.Request;
import nl.waarborg.requests.RequestKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code request} table (V17). */
@Repository
class RequestStore {

    static final String COLUMNS = "id, reference, kinds, purposes, channel, language, subject_id, received_at, "
            + "received_by, deadline, deadline_ends_at, extended_to, extended_ends_at, extended_at, extended_by, "
            + "extension_reason, identity, identity_method, identity_by, identity_at, status, refusal_ground, "
            + "refusal_reason, closed_at, closed_by, policy_version, legal_deadline, restriction_ground";

    private final JdbcClient jdbc;

    RequestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Request r) {
        jdbc.sql("INSERT INTO request (id, reference, kinds, purposes, channel, language, subject_id, received_at, "
                        + "received_by, deadline, deadline_ends_at, policy_version, restriction_ground) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.id(), r.reference(), r.kinds().stream().map(RequestKind::term).toArray(String[]::new),
                        r.purposes().toArray(String[]::new), r.channel().term(), r.language(), r.subject(),
                        Timestamp.from(r.receivedAt()), r.receivedBy(), r.deadline(), Timestamp.from(r.deadlineEndsAt()),
                        r.policyVersion(), r.restrictionGround())
                .update();
    }

    Optional<Request> find(String reference) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM request WHERE reference = ?").param(reference)
                .query((rs, n) -> map(rs)).optional();
    }

    Optional<Request> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM request WHERE id = ?").param(id).query((rs, n) -> map(rs)).optional();
    }

    boolean fulfilmentStarted(UUID id) {
        return jdbc.sql("SELECT fulfilment_started_at IS NOT NULL FROM request WHERE id = ?").param(id)
                .query(Boolean.class).single();
    }

    /** Locks the request's row until the transaction ends: two staff acting on it at once act one after the other. */
    Optional<Request> lock(String reference) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM request WHERE reference = ? FOR UPDATE").param(reference)
                .query((rs, n) -> map(rs)).optional();
    }

    /**
     * Requests by the day they are due, soonest first: the open ones (all: closed ones too), those due before
     * {@code dueBefore} only when given, those whose identity is still pending only with {@code unverified}.
     */
    List<Request> list(boolean all, Instant dueBefore, boolean unverified, int limit) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (!all) {
            where.add("status = 'open'");
        }
        if (dueBefore != null) {
            where.add("coalesce(extended_ends_at, deadline_ends_at) <= ?");
            params.add(Timestamp.from(dueBefore));
        }
        if (!unverified) {
            where.add("identity <> 'pending'");
        }
        params.add(limit);
        return jdbc.sql("SELECT " + COLUMNS + " FROM request" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                        + " ORDER BY coalesce(extended_ends_at, deadline_ends_at), reference LIMIT ?")
                .params(params).query((rs, n) -> map(rs)).list();
    }

    void extend(UUID id, LocalDate to, Instant endsAt, Instant at, String by, String reason) {
        jdbc.sql("UPDATE request SET extended_to = ?, extended_ends_at = ?, extended_at = ?, extended_by = ?, "
                        + "extension_reason = ? WHERE id = ?")
                .params(to, Timestamp.from(endsAt), Timestamp.from(at), by, reason, id).update();
    }

    void refuse(UUID id, RefusalGround ground, String reason, Instant at, String by) {
        jdbc.sql("UPDATE request SET status = 'refused', refusal_ground = ?, refusal_reason = ?, closed_at = ?, "
                        + "closed_by = ? WHERE id = ?")
                .params(ground.term(), reason, Timestamp.from(at), by, id).update();
    }

    void complete(UUID id, Instant at, String by) {
        jdbc.sql("UPDATE request SET status = 'completed', closed_at = ?, closed_by = ? WHERE id = ?")
                .params(Timestamp.from(at), by, id).update();
    }

    /** Marks the fulfilment started (once): false when it had started before. */
    boolean startFulfilment(UUID id, Instant at, String by) {
        return jdbc.sql("UPDATE request SET fulfilment_started_at = ?, fulfilment_started_by = ? WHERE id = ? "
                + "AND fulfilment_started_at IS NULL").params(Timestamp.from(at), by, id).update() == 1;
    }

    /** The deadline moved on by the days identity was outstanding; the legal date without the pause kept. */
    void pause(UUID id, LocalDate deadline, Instant endsAt, LocalDate legal) {
        jdbc.sql("UPDATE request SET deadline = ?, deadline_ends_at = ?, legal_deadline = ? WHERE id = ?")
                .params(deadline, Timestamp.from(endsAt), legal, id).update();
    }

    void identity(UUID id, Request.Identity outcome, String method, Instant at, String by) {
        jdbc.sql("UPDATE request SET identity = ?, identity_method = ?, identity_at = ?, identity_by = ? WHERE id = ?")
                .params(outcome.term(), method, Timestamp.from(at), by, id).update();
    }

    static Request map(ResultSet rs) throws SQLException {
        return new Request(rs.getObject("id", UUID.class), rs.getString("reference"),
                Arrays.stream(strings(rs.getArray("kinds"))).map(k -> RequestKind.of(k).orElseThrow()).toList(),
                List.of(strings(rs.getArray("purposes"))),
                IntakeChannel.of(rs.getString("channel")).orElseThrow(), rs.getString("language"),
                rs.getObject("subject_id", UUID.class), instant(rs, "received_at"), rs.getString("received_by"),
                rs.getObject("deadline", LocalDate.class), instant(rs, "deadline_ends_at"),
                rs.getObject("extended_to", LocalDate.class), instant(rs, "extended_ends_at"), instant(rs, "extended_at"),
                rs.getString("extended_by"), rs.getString("extension_reason"),
                Request.Identity.valueOf(rs.getString("identity").toUpperCase(java.util.Locale.ROOT)),
                rs.getString("identity_method"), rs.getString("identity_by"), instant(rs, "identity_at"),
                Request.Status.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT)),
                rs.getString("refusal_ground") == null ? null : RefusalGround.of(rs.getString("refusal_ground")).orElseThrow(),
                rs.getString("refusal_reason"), instant(rs, "closed_at"), rs.getString("closed_by"),
                rs.getLong("policy_version"), rs.getObject("legal_deadline", LocalDate.class),
                rs.getString("restriction_ground"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String[] strings(Array a) throws SQLException {
        Object[] values = (Object[]) a.getArray();
        return Arrays.copyOf(values, values.length, String[].class);
    }
}
