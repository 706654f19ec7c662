package nl.waarborg.access.service;

import nl.waarborg.input.InvalidInputException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.waarborg.access.ObjectionStatus;
import nl.waarborg.access.RestrictionGround;
import nl.waarborg.access.SubjectFact;
import nl.waarborg.access.SubjectFactSource;
import nl.waarborg.policy.HoldKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of objections, restrictions and holds (V6__objections_restrictions_holds.sql). Callers hold the
 * transaction. Gives decisions the subject's open objections (pending, upheld; a rejected one changes nothing),
 * active restrictions and active holds.
 */
@Repository
public class SubjectRestraints implements SubjectFactSource {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    SubjectRestraints(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    // ---- terms ----

    static String term(ObjectionStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    static String term(RestrictionGround ground) {
        return ground.term();
    }

    static ObjectionStatus objectionStatus(String term) {
        return ObjectionStatus.valueOf(term.toUpperCase(Locale.ROOT));
    }

    static RestrictionGround ground(String term) {
        for (RestrictionGround g : RestrictionGround.values()) {
            if (term(g).equals(term)) {
                return g;
            }
        }
        throw new InvalidInputException("unknown restriction ground" + (term == null ? "" : " '" + term + "'")
                + "; the Art. 18(1) grounds are accuracy-contested, unlawful, needed-for-subjects-claim, objection-pending");
    }

    static HoldKind holdKind(String term) {
        for (HoldKind k : HoldKind.values()) {
            if (k.term().equals(term)) {
                return k;
            }
        }
        throw new InvalidInputException("unknown hold kind" + (term == null ? "" : " '" + term + "'")
                + "; known: incident, legal-claim, complaint");
    }

    // ---- objections ----

    private static final String OBJECTION_COLUMNS = "id, subject_id, purpose, status, direct_marketing, received_at, "
            + "recorded_at, recorded_by, decided_at, decided_by, policy_version_id";

    /** Inserts the objection unless one to the purpose is open (pending or upheld); false then. */
    boolean insertObjection(ObjectionRecord o) {
        return jdbc.sql("INSERT INTO objection (" + OBJECTION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (subject_id, purpose) WHERE status IN ('pending', 'upheld') DO NOTHING")
                .params(o.id(), o.subject(), o.purpose(), term(o.status()), o.directMarketing(), ts(o.receivedAt()),
                        ts(o.recordedAt()), o.recordedBy(), ts(o.decidedAt()), o.decidedBy(), o.policyVersion())
                .update() > 0;
    }

    /** The open (pending or upheld) objection of the subject to the purpose. */
    Optional<ObjectionRecord> openObjection(UUID subject, String purpose) {
        return jdbc.sql("SELECT " + OBJECTION_COLUMNS + " FROM objection WHERE subject_id = ? AND purpose = ? "
                        + "AND status IN ('pending', 'upheld')")
                .params(subject, purpose).query((rs, n) -> objection(rs)).optional();
    }

    Optional<ObjectionRecord> objection(UUID id) {
        return jdbc.sql("SELECT " + OBJECTION_COLUMNS + " FROM objection WHERE id = ?").param(id)
                .query((rs, n) -> objection(rs)).optional();
    }

    /** Decides a pending objection; empty when there is none with this id pending. */
    Optional<ObjectionRecord> decide(UUID id, ObjectionStatus status, Instant at, String by) {
        return jdbc.sql("UPDATE objection SET status = ?, decided_at = ?, decided_by = ? WHERE id = ? AND status = 'pending' "
                        + "RETURNING " + OBJECTION_COLUMNS)
                .params(term(status), ts(at), by, id).query((rs, n) -> objection(rs)).optional();
    }

    List<ObjectionRecord> objections(UUID subject) {
        return jdbc.sql("SELECT " + OBJECTION_COLUMNS + " FROM objection WHERE subject_id = ? ORDER BY received_at DESC, recorded_at DESC")
                .param(subject).query((rs, n) -> objection(rs)).list();
    }

    /** Pending objections of every subject, the longest waiting first. */
    List<ObjectionRecord> pendingObjections(int limit) {
        return jdbc.sql("SELECT " + OBJECTION_COLUMNS + " FROM objection WHERE status = 'pending' ORDER BY received_at LIMIT ?")
                .param(limit).query((rs, n) -> objection(rs)).list();
    }

    private static ObjectionRecord objection(ResultSet rs) throws SQLException {
        return new ObjectionRecord(rs.getObject("id", UUID.class), rs.getObject("subject_id", UUID.class),
                rs.getString("purpose"), objectionStatus(rs.getString("status")), rs.getBoolean("direct_marketing"),
                instant(rs, "received_at"), instant(rs, "recorded_at"), rs.getString("recorded_by"), null,
                instant(rs, "decided_at"), rs.getString("decided_by"), rs.getLong("policy_version_id"));
    }

    // ---- restrictions ----

    private static final String RESTRICTION_COLUMNS = "id, subject_id, ground, categories, placed_at, placed_by, "
            + "lifted_at, lifted_by, policy_version_id";

    void insertRestriction(RestrictionRecord r) {
        template.update(c -> {
            PreparedStatement ps = c.prepareStatement("INSERT INTO restriction (id, subject_id, ground, categories, "
                    + "placed_at, placed_by, policy_version_id) VALUES (?, ?, ?, ?, ?, ?, ?)");
            ps.setObject(1, r.id());
            ps.setObject(2, r.subject());
            ps.setString(3, term(r.ground()));
            ps.setArray(4, c.createArrayOf("text", r.categories().toArray()));
            ps.setTimestamp(5, ts(r.placedAt()));
            ps.setString(6, r.placedBy());
            ps.setLong(7, r.policyVersion());
            return ps;
        });
    }

    Optional<RestrictionRecord> restriction(UUID id) {
        return jdbc.sql("SELECT " + RESTRICTION_COLUMNS + " FROM restriction WHERE id = ?").param(id)
                .query((rs, n) -> restriction(rs)).optional();
    }

    /** Lifts an active restriction; empty when there is none with this id active. */
    Optional<RestrictionRecord> lift(UUID id, Instant at, String by) {
        return jdbc.sql("UPDATE restriction SET lifted_at = ?, lifted_by = ? WHERE id = ? AND lifted_at IS NULL "
                        + "RETURNING " + RESTRICTION_COLUMNS)
                .params(ts(at), by, id).query((rs, n) -> restriction(rs)).optional();
    }

    List<RestrictionRecord> restrictions(UUID subject) {
        return jdbc.sql("SELECT " + RESTRICTION_COLUMNS + " FROM restriction WHERE subject_id = ? ORDER BY placed_at DESC")
                .param(subject).query((rs, n) -> restriction(rs)).list();
    }

    private static RestrictionRecord restriction(ResultSet rs) throws SQLException {
        return new RestrictionRecord(rs.getObject("id", UUID.class), rs.getObject("subject_id", UUID.class),
                ground(rs.getString("ground")), strings(rs.getArray("categories")), instant(rs, "placed_at"),
                rs.getString("placed_by"), instant(rs, "lifted_at"), rs.getString("lifted_by"),
                rs.getLong("policy_version_id"));
    }

    // ---- holds ----

    private static final String HOLD_COLUMNS = "id, subject_id, kind, reason, placed_at, placed_by, released_at, "
            + "released_by, policy_version_id, categories";

    /**
     * Locks the subject's row until the transaction ends, as a change to its history does: a change of its holds
     * moves its items' due dates, which items stored meanwhile (they share the row's lock) must not miss, and two
     * hold changes of one subject must not compute from each other's stale sets.
     */
    void lockSubject(UUID subject) {
        jdbc.sql("SELECT id FROM subject WHERE id = ? FOR UPDATE").param(subject).query(UUID.class).optional();
    }

    void insertHold(HoldRecord h) {
        template.update(c -> {
            PreparedStatement ps = c.prepareStatement("INSERT INTO subject_hold (id, subject_id, kind, reason, placed_at, "
                    + "placed_by, policy_version_id, categories) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            ps.setObject(1, h.id());
            ps.setObject(2, h.subject());
            ps.setString(3, h.kind().term());
            ps.setString(4, h.reason());
            ps.setTimestamp(5, ts(h.placedAt()));
            ps.setString(6, h.placedBy());
            ps.setLong(7, h.policyVersion());
            ps.setArray(8, c.createArrayOf("text", h.categories().toArray()));
            return ps;
        });
    }

    Optional<HoldRecord> hold(UUID id) {
        return jdbc.sql("SELECT " + HOLD_COLUMNS + " FROM subject_hold WHERE id = ?").param(id)
                .query((rs, n) -> hold(rs)).optional();
    }

    /** Releases an active hold; empty when there is none with this id active. */
    Optional<HoldRecord> release(UUID id, Instant at, String by) {
        return jdbc.sql("UPDATE subject_hold SET released_at = ?, released_by = ? WHERE id = ? AND released_at IS NULL "
                        + "RETURNING " + HOLD_COLUMNS)
                .params(ts(at), by, id).query((rs, n) -> hold(rs)).optional();
    }

    List<HoldRecord> holds(UUID subject) {
        return jdbc.sql("SELECT " + HOLD_COLUMNS + " FROM subject_hold WHERE subject_id = ? ORDER BY placed_at DESC")
                .param(subject).query((rs, n) -> hold(rs)).list();
    }

    private static HoldRecord hold(ResultSet rs) throws SQLException {
        return new HoldRecord(rs.getObject("id", UUID.class), rs.getObject("subject_id", UUID.class),
                holdKind(rs.getString("kind")), rs.getString("reason"), instant(rs, "placed_at"),
                rs.getString("placed_by"), instant(rs, "released_at"), rs.getString("released_by"),
                rs.getLong("policy_version_id"), strings(rs.getArray("categories")));
    }

    // ---- facts for decisions ----

    // Open objections only: a rejected one changes nothing, and at most one per purpose is open (objection_open).
    private static final String FACTS = """
            SELECT subject_id, 'objection' AS kind, purpose AS term, status AS detail, NULL::text[] AS categories
              FROM objection WHERE subject_id = ANY (?) AND status IN ('pending', 'upheld')
            UNION ALL
            SELECT subject_id, 'restriction', ground, NULL, categories
              FROM restriction WHERE subject_id = ANY (?) AND lifted_at IS NULL
            UNION ALL
            SELECT subject_id, 'hold', kind, NULL, NULL
              FROM subject_hold WHERE subject_id = ANY (?) AND released_at IS NULL
            """;

    @Override
    public List<SubjectFact> facts(UUID subject) {
        return facts(List.of(subject)).getOrDefault(subject, List.of());
    }

    @Override
    public Map<UUID, List<SubjectFact>> facts(Collection<UUID> subjects) {
        Map<UUID, List<SubjectFact>> all = new HashMap<>(subjects.size() * 2);
        if (subjects.isEmpty()) {
            return all;
        }
        template.execute((Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement(FACTS)) {
                Array ids = c.createArrayOf("uuid", subjects.toArray());
                ps.setArray(1, ids);
                ps.setArray(2, ids);
                ps.setArray(3, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        SubjectFact fact = switch (rs.getString("kind")) {
                            case "objection" -> new SubjectFact.Objection(rs.getString("term"),
                                    objectionStatus(rs.getString("detail")));
                            case "restriction" -> new SubjectFact.Restriction(ground(rs.getString("term")),
                                    strings(rs.getArray("categories")));
                            default -> new SubjectFact.Hold(holdKind(rs.getString("term")));
                        };
                        all.computeIfAbsent(rs.getObject("subject_id", UUID.class), k -> new ArrayList<>()).add(fact);
                    }
                }
            }
            return null;
        });
        return all;
    }

    /**
     * The holds active on one subject, for retention: the kinds held on all of its data, and the kinds held on some
     * data categories only (by category). {@link #NONE} when it has none.
     */
    public record ActiveHolds(java.util.Set<HoldKind> whole, Map<String, java.util.Set<HoldKind>> byCategory) {

        public static final ActiveHolds NONE = new ActiveHolds(java.util.Set.of(), Map.of());
    }

    /** The holds active on each of the subjects (subjects without any are left out). */
    public Map<UUID, ActiveHolds> activeHolds(Collection<UUID> subjects) {
        Map<UUID, ActiveHolds> all = new HashMap<>();
        if (subjects.isEmpty()) {
            return all;
        }
        template.execute((Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT subject_id, kind, categories FROM subject_hold "
                    + "WHERE subject_id = ANY (?) AND released_at IS NULL")) {
                ps.setArray(1, c.createArrayOf("uuid", subjects.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ActiveHolds a = all.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ActiveHolds(
                                java.util.EnumSet.noneOf(HoldKind.class), new HashMap<>()));
                        HoldKind kind = holdKind(rs.getString(2));
                        List<String> categories = strings(rs.getArray(3));
                        if (categories.isEmpty()) {
                            a.whole().add(kind);
                        } else {
                            for (String category : categories) {
                                a.byCategory().computeIfAbsent(category, k -> java.util.EnumSet.noneOf(HoldKind.class))
                                        .add(kind);
                            }
                        }
                    }
                }
            }
            return null;
        });
        return all;
    }

    /**
     * Every subject with an active hold of one of these kinds, with all of its active holds (subjects under a hold are
     * few: the forecast asks which undated items an open-ended hold keeps).
     */
    public Map<UUID, ActiveHolds> holdersOf(java.util.Set<HoldKind> kinds) {
        if (kinds.isEmpty()) {
            return Map.of();
        }
        List<UUID> subjects = template.query(c -> {
            PreparedStatement ps = c.prepareStatement("SELECT DISTINCT subject_id FROM subject_hold "
                    + "WHERE released_at IS NULL AND kind = ANY (?)");
            ps.setArray(1, c.createArrayOf("text", kinds.stream().map(HoldKind::term).toArray()));
            return ps;
        }, (rs, n) -> rs.getObject(1, UUID.class));
        return activeHolds(subjects);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
