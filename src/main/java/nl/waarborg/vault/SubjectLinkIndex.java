package nl.waarborg.vault;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.waarborg.policy.LinkKind;
import nl.waarborg.vault.crypto.BlindIndex;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Which subjects Waarborg holds behind values of an organisation's subject column (a customer number of a scheme, an
 * e-mail address, a phone number), for sweeps of the organisation's systems: one query per batch of values.
 * References are matched as stored (subject_reference); e-mail addresses and phone numbers through their blind index
 * (subject_identifier), normalised as the vault normalises them, so the values themselves are never stored or
 * compared in the database.
 */
@Repository
public class SubjectLinkIndex {

    private final JdbcTemplate template;
    private final BlindIndex blindIndex;

    SubjectLinkIndex(JdbcTemplate template, BlindIndex blindIndex) {
        this.template = template;
        this.blindIndex = blindIndex;
    }

    /**
     * The values among {@code values} that belong to a subject under an active hold. Any active hold keeps the
     * subject's rows, whatever its data categories: a row of an external table holds several categories at once.
     */
    public Set<String> held(LinkKind kind, String scheme, Collection<String> values) {
        return lookup(kind, scheme, values, " WHERE EXISTS (SELECT 1 FROM subject_hold h WHERE h.subject_id = %s "
                + "AND h.released_at IS NULL)").keySet();
    }

    /** Every subject under an active hold, with the references (scheme, value) it has: a map of subject to list. */
    public Map<UUID, List<Map.Entry<String, String>>> underHold() {
        Map<UUID, List<Map.Entry<String, String>>> out = new java.util.LinkedHashMap<>();
        template.query("SELECT h.subject_id, r.scheme, r.reference FROM (SELECT DISTINCT subject_id FROM subject_hold "
                + "WHERE released_at IS NULL) h LEFT JOIN subject_reference r ON r.subject_id = h.subject_id "
                + "ORDER BY h.subject_id, r.scheme, r.reference", rs -> {
            List<Map.Entry<String, String>> refs = out.computeIfAbsent(rs.getObject(1, UUID.class),
                    k -> new java.util.ArrayList<>());
            if (rs.getString(2) != null) {
                refs.add(Map.entry(rs.getString(2), rs.getString(3)));
            }
        });
        return out;
    }

    /** Per value among {@code values}, the subjects it belongs to (a value of no subject is absent). */
    public Map<String, Set<UUID>> subjectsOf(LinkKind kind, String scheme, Collection<String> values) {
        return lookup(kind, scheme, values, "");
    }

    /** {@code filter}: a WHERE clause over the subject id ({@code %s}), or empty. */
    private Map<String, Set<UUID>> lookup(LinkKind kind, String scheme, Collection<String> values, String filter) {
        Map<String, Set<UUID>> found = new HashMap<>();
        if (values.isEmpty()) {
            return found;
        }
        if (kind == LinkKind.REFERENCE) {
            template.execute((java.sql.Connection c) -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT r.reference, r.subject_id FROM subject_reference r "
                        + (filter.isEmpty() ? "WHERE " : filter.formatted("r.subject_id") + " AND ")
                        + "r.scheme = ? AND r.reference = ANY (?)")) {
                    ps.setString(1, scheme);
                    ps.setArray(2, c.createArrayOf("text", values.stream().filter(java.util.Objects::nonNull).toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getObject(2, UUID.class));
                        }
                    }
                }
                return null;
            });
            return found;
        }
        Identifier.Kind identifier = kind == LinkKind.EMAIL ? Identifier.Kind.EMAIL : Identifier.Kind.PHONE;
        Map<String, List<String>> byIndex = new HashMap<>();
        for (String v : values) {
            if (v == null) {
                continue;
            }
            try {
                byIndex.computeIfAbsent(java.util.HexFormat.of().formatHex(blindIndex.of(identifier.index, v)),
                        k -> new java.util.ArrayList<>()).add(v);
            } catch (BlindIndex.MalformedIdentifierException e) {
                // not an e-mail address or phone number: no subject of Waarborg's can have it
            }
        }
        if (byIndex.isEmpty()) {
            return found;
        }
        template.execute((java.sql.Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT t.h, i.subject_id FROM unnest(?::text[]) AS t(h) "
                    + "JOIN subject_identifier i ON i.kind = ? AND i.blind_index = decode(t.h, 'hex')"
                    + filter.formatted("i.subject_id"))) {
                ps.setArray(1, c.createArrayOf("text", byIndex.keySet().toArray()));
                ps.setString(2, identifier.code());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID subject = rs.getObject(2, UUID.class);
                        for (String v : byIndex.getOrDefault(rs.getString(1), List.of())) {
                            found.computeIfAbsent(v, k -> new HashSet<>()).add(subject);
                        }
                    }
                }
            }
            return null;
        });
        return found;
    }
}
