package nl.waarborg.retention.service;

import java.sql.Date;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.retention.Generalisation.Group;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What anonymisation keeps (table retention_statistic): counts of generalised attributes per rule, category and
 * month of collection, with no link to a subject or item. Released only for groups of at least k members
 * ({@code waarborg.retention.k-anonymity}, default 5); smaller groups are suppressed, and only their number is told.
 */
@Repository
public class AnonymisedStatistics {

    private final JdbcTemplate template;
    private final int k;

    AnonymisedStatistics(JdbcTemplate template, @Value("${waarborg.retention.k-anonymity:5}") int k) {
        if (k < 2) {
            throw new IllegalArgumentException("waarborg.retention.k-anonymity is at least 2, was " + k);
        }
        this.template = template;
        this.k = k;
    }

    public int k() {
        return k;
    }

    /** Counts the groups in (caller holds the transaction that deletes the items they came from). */
    void count(List<Group> groups) {
        if (groups.isEmpty()) {
            return;
        }
        Map<Group, Long> summed = new HashMap<>();
        groups.forEach(g -> summed.merge(g, 1L, Long::sum));
        List<Object[]> rows = summed.entrySet().stream().map(e -> new Object[] {e.getKey().rule(), e.getKey().category(),
                Date.valueOf(e.getKey().month().atDay(1)), e.getKey().attribute().name(), e.getKey().attribute().value(),
                e.getValue()}).toList();
        template.batchUpdate("""
                INSERT INTO retention_statistic (rule, category, month, attribute, value, members) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (rule, category, month, attribute, value) DO UPDATE SET members = retention_statistic.members + EXCLUDED.members""",
                rows);
    }

    /** One released group. */
    public record Released(String rule, String category, YearMonth month, String attribute, String value, long members) {}

    /** The released groups and how many groups were suppressed for having fewer than k members. */
    public record Release(int k, List<Released> groups, long suppressedGroups) {}

    public Release release() {
        List<Released> groups = template.query("""
                SELECT rule, category, month, attribute, value, members FROM retention_statistic WHERE members >= ?
                ORDER BY rule, category, month, attribute, value""",
                (rs, n) -> new Released(rs.getString(1), rs.getString(2), YearMonth.from(rs.getDate(3).toLocalDate()),
                        rs.getString(4), rs.getString(5), rs.getLong(6)), k);
        Long suppressed = template.queryForObject("SELECT count(*) FROM retention_statistic WHERE members < ?", Long.class, k);
        return new Release(k, groups, suppressed == null ? 0 : suppressed);
    }
}
