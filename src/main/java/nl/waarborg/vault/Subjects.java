package nl.waarborg.vault;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.waarborg.access.SubjectFact;
import nl.waarborg.access.SubjectFactSource;
import nl.waarborg.vault.SubjectRecord.LifecycleEventRecord;
import nl.waarborg.vault.SubjectRecord.Membership;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of subjects (V4__vault.sql): rows, references, blind-indexed identifiers, memberships and lifecycle
 * events. Callers hold the transaction. Gives the subject's memberships to decisions.
 */
@Repository
class Subjects implements SubjectFactSource {

    /** A subject's identifier; one it has already changes nothing. */
    private static final String INSERT_IDENTIFIER = "INSERT INTO subject_identifier (kind, blind_index, subject_id) "
            + "VALUES (?, ?, ?) ON CONFLICT DO NOTHING";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    Subjects(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** One subject to insert: its id, references, identifiers' blind indexes and subject categories. */
    record Row(UUID id, List<Reference> references, List<IndexedIdentifier> identifiers, List<String> categories) {
    }

    record IndexedIdentifier(Identifier.Kind kind, byte[] blindIndex) {
    }

    void insert(List<Row> rows, Instant now) {
        Timestamp at = Timestamp.from(now);
        template.batchUpdate("INSERT INTO subject (id, created_at) VALUES (?, ?)", rows, 1000, (ps, r) -> {
            ps.setObject(1, r.id());
            ps.setTimestamp(2, at);
        });
        List<Object[]> refs = new ArrayList<>();
        List<Object[]> ids = new ArrayList<>();
        List<Object[]> members = new ArrayList<>();
        for (Row r : rows) {
            r.references().forEach(ref -> refs.add(new Object[] {ref.scheme(), ref.reference(), r.id()}));
            r.identifiers().forEach(i -> ids.add(new Object[] {i.kind().code(), i.blindIndex(), r.id()}));
            r.categories().forEach(c -> members.add(new Object[] {r.id(), c, at}));
        }
        template.batchUpdate("INSERT INTO subject_reference (scheme, reference, subject_id) VALUES (?, ?, ?)", refs);
        template.batchUpdate(INSERT_IDENTIFIER, ids);
        template.batchUpdate("INSERT INTO subject_membership (subject_id, subject_category, joined_at) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING", members);
    }

    /** Which of these references are taken already, and by whom: one query for all of them. */
    Map<Reference, UUID> taken(Collection<Reference> references) {
        Map<Reference, UUID> taken = new LinkedHashMap<>();
        if (references.isEmpty()) {
            return taken;
        }
        template.execute((java.sql.Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT r.scheme, r.reference, r.subject_id "
                    + "FROM subject_reference r JOIN unnest(?::text[], ?::text[]) AS t(scheme, reference) "
                    + "ON r.scheme = t.scheme AND r.reference = t.reference")) {
                ps.setArray(1, c.createArrayOf("text", references.stream().map(Reference::scheme).toArray()));
                ps.setArray(2, c.createArrayOf("text", references.stream().map(Reference::reference).toArray()));
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        taken.put(new Reference(rs.getString(1), rs.getString(2)), rs.getObject(3, UUID.class));
                    }
                }
            }
            return null;
        });
        return taken;
    }

    Optional<UUID> byReference(Reference reference) {
        return jdbc.sql("SELECT subject_id FROM subject_reference WHERE scheme = ? AND reference = ?")
                .params(reference.scheme(), reference.reference()).query(UUID.class).optional();
    }

    List<UUID> byIdentifier(IndexedIdentifier identifier) {
        return jdbc.sql("SELECT subject_id FROM subject_identifier WHERE kind = ? AND blind_index = ? ORDER BY subject_id")
                .params(identifier.kind().code(), identifier.blindIndex()).query(UUID.class).list();
    }

    /**
     * Those of the subjects within a key's purposes: in one of the subject categories, or with an item collected for
     * one of the purposes (docs/vault.md, "Purpose limitation").
     */
    java.util.Set<UUID> withinScope(Collection<UUID> candidates, Collection<String> subjectCategories,
                                    Collection<String> purposes) {
        java.util.Set<UUID> within = new java.util.HashSet<>();
        if (candidates.isEmpty()) {
            return within;
        }
        template.execute((java.sql.Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT s.id FROM unnest(?::uuid[]) AS s(id) "
                    + "WHERE EXISTS (SELECT 1 FROM subject_membership m WHERE m.subject_id = s.id "
                    + "AND m.subject_category = ANY (?::text[])) "
                    + "OR EXISTS (SELECT 1 FROM item i WHERE i.subject_id = s.id AND i.purposes && ?::text[])")) {
                ps.setArray(1, c.createArrayOf("uuid", candidates.toArray()));
                ps.setArray(2, c.createArrayOf("text", subjectCategories.toArray()));
                ps.setArray(3, c.createArrayOf("text", purposes.toArray()));
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        within.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            return null;
        });
        return within;
    }

    boolean exists(UUID subject) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM subject WHERE id = ?)").param(subject).query(Boolean.class).single();
    }

    /** Whether no purpose claims the subject yet: it is in no subject category and has no items. */
    boolean unclaimed(UUID subject) {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM subject_membership WHERE subject_id = :s) "
                        + "AND NOT EXISTS (SELECT 1 FROM item WHERE subject_id = :s)")
                .param("s", subject).query(Boolean.class).single();
    }

    /** Locks the subject's row until the transaction ends: changes to one subject happen one at a time. */
    boolean lock(UUID subject) {
        return jdbc.sql("SELECT id FROM subject WHERE id = ? FOR UPDATE").param(subject).query(UUID.class).optional()
                .isPresent();
    }

    /**
     * Locks the subjects' rows against changes until the transaction ends, in id order, without keeping other
     * storers out: storing items waits for a change to a subject's history or holds ({@link #lockForChange}) and is
     * waited for.
     */
    void lockForItems(java.util.Collection<UUID> subjects) {
        lockAll(subjects, "FOR KEY SHARE");
    }

    /** Locks the subjects' rows alone until the transaction ends, in id order, as a change to their history does. */
    void lockForChange(java.util.Collection<UUID> subjects) {
        lockAll(subjects, "FOR UPDATE");
    }

    private void lockAll(java.util.Collection<UUID> subjects, String strength) {
        if (subjects.isEmpty()) {
            return;
        }
        template.query(c -> {
            java.sql.PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM subject WHERE id = ANY (?) ORDER BY id " + strength);
            ps.setArray(1, c.createArrayOf("uuid", subjects.toArray()));
            return ps;
        }, (rs, n) -> rs.getObject(1, UUID.class));
    }

    /** Adds identifiers to an existing subject. */
    void addIdentifiers(UUID subject, List<IndexedIdentifier> identifiers) {
        template.batchUpdate(INSERT_IDENTIFIER, identifiers.stream()
                .map(i -> new Object[] {i.kind().code(), i.blindIndex(), subject}).toList());
    }

    /** Records that the subject joined the category at {@code at}; false if it already had joined it. */
    boolean join(UUID subject, String subjectCategory, Instant at) {
        return jdbc.sql("INSERT INTO subject_membership (subject_id, subject_category, joined_at) VALUES (?, ?, ?) "
                        + "ON CONFLICT DO NOTHING")
                .params(subject, subjectCategory, Timestamp.from(at)).update() > 0;
    }

    void recordEvent(UUID subject, String event, Instant occurredAt, Instant recordedAt) {
        jdbc.sql("INSERT INTO subject_event (subject_id, event, occurred_at, recorded_at) VALUES (?, ?, ?, ?)")
                .params(subject, event, Timestamp.from(occurredAt), Timestamp.from(recordedAt)).update();
    }

    Optional<SubjectRecord> find(UUID subject) {
        Optional<Instant> created = jdbc.sql("SELECT created_at FROM subject WHERE id = ?").param(subject)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
        if (created.isEmpty()) {
            return Optional.empty();
        }
        List<Reference> refs = jdbc.sql("SELECT scheme, reference FROM subject_reference WHERE subject_id = ? ORDER BY scheme, reference")
                .param(subject).query((rs, n) -> new Reference(rs.getString(1), rs.getString(2))).list();
        List<Membership> members = memberships(subject);
        List<LifecycleEventRecord> events = jdbc.sql(
                        "SELECT event, occurred_at FROM subject_event WHERE subject_id = ? ORDER BY occurred_at, id")
                .param(subject).query((rs, n) -> new LifecycleEventRecord(rs.getString(1), rs.getTimestamp(2).toInstant()))
                .list();
        Map<String, Integer> items = new LinkedHashMap<>();
        jdbc.sql("SELECT category, count(*) FROM item WHERE subject_id = ? GROUP BY category ORDER BY category")
                .param(subject).query((rs, n) -> items.put(rs.getString(1), rs.getInt(2))).list();
        return Optional.of(new SubjectRecord(subject, created.get(), refs, members, events, items));
    }

    List<Membership> memberships(UUID subject) {
        return jdbc.sql("SELECT subject_category, joined_at FROM subject_membership WHERE subject_id = ? ORDER BY joined_at, subject_category")
                .param(subject).query((rs, n) -> new Membership(rs.getString(1), rs.getTimestamp(2).toInstant())).list();
    }

    /** Deletes the subject and, by cascade, everything of it in this database; true if it existed. */
    boolean delete(UUID subject) {
        return jdbc.sql("DELETE FROM subject WHERE id = ?").param(subject).update() > 0;
    }

    @Override
    public Map<UUID, List<SubjectFact>> facts(Collection<UUID> subjects) {
        Map<UUID, List<SubjectFact>> all = new java.util.HashMap<>(subjects.size() * 2);
        if (subjects.isEmpty()) {
            return all;
        }
        template.execute((java.sql.Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT subject_id, subject_category FROM subject_membership WHERE subject_id = ANY (?)")) {
                ps.setArray(1, c.createArrayOf("uuid", subjects.toArray()));
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        all.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                                .add(new SubjectFact.Membership(rs.getString(2)));
                    }
                }
            }
            return null;
        });
        return all;
    }

    @Override
    public List<SubjectFact> facts(UUID subject) {
        return jdbc.sql("SELECT subject_category FROM subject_membership WHERE subject_id = ?").param(subject)
                .query((rs, n) -> (SubjectFact) new SubjectFact.Membership(rs.getString(1))).list();
    }
}
