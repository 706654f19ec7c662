package nl.waarborg.vault;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.waarborg.policy.LinkKind;
import nl.waarborg.vault.crypto.BlindIndex;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Which values of an organisation's subject column (a customer number of a scheme, an e-mail address, a phone
 * number) belong to a subject Waarborg holds under an active hold, for sweeps of the organisation's systems: one
 * query per batch of values. References are matched as stored (subject_reference); e-mail addresses and phone numbers
 * through their blind index (subject_identifier), normalised as the vault normalises them, so the values themselves
 * are never stored or compared in the database. Any active hold keeps the subject's rows, whatever its data
 * categories: a row of an external table holds several categories at once.
 */
@Repository
public class HeldLinks {

    private final JdbcTemplate template;
    private final BlindIndex blindIndex;

    HeldLinks(JdbcTemplate template, BlindIndex blindIndex) {
        this.template = template;
        this.blindIndex = blindIndex;
    }

    /** The values among {@code values} that belong to a held subject. */
    public Set<String> held(LinkKind kind, String scheme, Collection<String> values) {
        Set<String> held = new HashSet<>();
        if (values.isEmpty()) {
            return held;
        }
        if (kind == LinkKind.REFERENCE) {
            template.execute((java.sql.Connection c) -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT r.reference FROM subject_reference r "
                        + "WHERE r.scheme = ? AND r.reference = ANY (?) AND EXISTS (SELECT 1 FROM subject_hold h "
                        + "WHERE h.subject_id = r.subject_id AND h.released_at IS NULL)")) {
                    ps.setString(1, scheme);
                    ps.setArray(2, c.createArrayOf("text", values.toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            held.add(rs.getString(1));
                        }
                    }
                }
                return null;
            });
            return held;
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
            return held;
        }
        template.execute((java.sql.Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT t.h FROM unnest(?::text[]) AS t(h) "
                    + "JOIN subject_identifier i ON i.kind = ? AND i.blind_index = decode(t.h, 'hex') WHERE EXISTS (SELECT 1 FROM subject_hold h "
                    + "WHERE h.subject_id = i.subject_id AND h.released_at IS NULL)")) {
                ps.setArray(1, c.createArrayOf("text", byIndex.keySet().toArray()));
                ps.setString(2, identifier.code());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        held.addAll(byIndex.getOrDefault(rs.getString(1), List.of()));
                    }
                }
            }
            return null;
        });
        return held;
    }
}
