package nl.waarborg.vault;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Which subjects hold an item of some data categories: the vault's part of the people a breach affects (issue 17).
 * Ids only, in the order of their ids, a page at a time: the list is personal data itself and is never stored here.
 * The walk in id order follows the index {@code item_subject (subject_id, category)}.
 */
@Repository
public class CategoryHolders {

    private final JdbcTemplate template;

    CategoryHolders(JdbcTemplate template) {
        this.template = template;
    }

    /**
     * The subjects after {@code after} (null: from the first) holding an item of one of {@code categories} collected
     * before {@code collectedBefore} (null: whenever), at most {@code limit}, in id order.
     */
    public List<UUID> page(Set<String> categories, Instant collectedBefore, UUID after, int limit) {
        if (categories.isEmpty() || limit < 1) {
            return List.of();
        }
        return template.execute((Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT subject_id FROM item "
                    + "WHERE category = ANY (?) AND (?::timestamptz IS NULL OR collected_at < ?) "
                    + "AND (?::uuid IS NULL OR subject_id > ?) ORDER BY subject_id LIMIT ?")) {
                ps.setArray(1, c.createArrayOf("text", categories.toArray()));
                OffsetDateTime before = collectedBefore == null ? null : collectedBefore.atOffset(ZoneOffset.UTC);
                ps.setObject(2, before, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                ps.setObject(3, before, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                ps.setObject(4, after, java.sql.Types.OTHER);
                ps.setObject(5, after, java.sql.Types.OTHER);
                ps.setInt(6, limit);
                List<UUID> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getObject(1, UUID.class));
                    }
                }
                return out;
            }
        });
    }

    /** How many subjects {@link #page} would walk through in all. */
    public long count(Set<String> categories, Instant collectedBefore) {
        if (categories.isEmpty()) {
            return 0;
        }
        Long n = template.execute((Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(DISTINCT subject_id) FROM item "
                    + "WHERE category = ANY (?) AND (?::timestamptz IS NULL OR collected_at < ?)")) {
                ps.setArray(1, c.createArrayOf("text", categories.toArray()));
                OffsetDateTime before = collectedBefore == null ? null : collectedBefore.atOffset(ZoneOffset.UTC);
                ps.setObject(2, before, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                ps.setObject(3, before, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        return n == null ? 0 : n;
    }
}
