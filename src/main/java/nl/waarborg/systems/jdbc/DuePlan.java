package nl.waarborg.systems.jdbc;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.Policy.RetentionRule;
import nl.waarborg.policy.RetentionPeriod;
import nl.waarborg.policy.RetentionStart;
import nl.waarborg.systems.jdbc.TableNode.ColumnRef;

/**
 * When the personal columns of one mapped table are due at {@code now} (docs/systems.md, "JDBC"). A column's category
 * is due when every retention rule that covers it (for the table's subject categories, or its nearest parent's, and the
 * purposes that list the system) has ended: for each such rule, the row's start (the {@code collected-at} column, or the latest of the rule's
 * event columns that are not NULL) lies at or before the rule's <em>cut-off</em>, the latest start whose period (from
 * the start rounded as the rule says, in the organisation's zone) has ended at {@code now}. A NULL start means the rule
 * has not started. A column is never swept when no rule covers it, when a covering rule has no concrete period, is
 * bound to consent ({@code while-consent}), starts at an item date, or names a start that no table of its chain holds.
 */
record DuePlan(TableNode node, List<ColumnDue> columns) {

    /** A rule's condition on a row: its start columns and the cut-off they must not pass. */
    record Condition(String rule, List<ColumnRef> starts, Instant cutoff) {

        /** Whether the rule has ended for a row whose start columns hold {@code values} (null: NULL). */
        boolean ended(List<Instant> values) {
            boolean started = false;
            for (Instant v : values) {
                if (v != null) {
                    started = true;
                    if (v.isAfter(cutoff)) {
                        return false;
                    }
                }
            }
            return started;
        }
    }

    /** One personal column: its category and the conditions under which it is due; {@code sweepable} false: never. */
    record ColumnDue(String column, String category, List<Condition> conditions, boolean sweepable) {}

    static DuePlan of(Policy policy, String systemId, TableNode node, ZoneId zone, Instant now) {
        List<String> purposes = policy.purposes().stream().filter(p -> p.systems().contains(systemId))
                .map(Policy.Purpose::id).toList();
        // a child table's rows belong to its parent's subjects: without categories of its own it takes theirs
        List<String> subjects = node.chain().stream().map(n -> n.table.subjectCategories()).filter(l -> !l.isEmpty())
                .findFirst().orElse(null);
        List<ColumnDue> columns = new ArrayList<>();
        for (Map.Entry<String, String> e : node.table.columns().entrySet()) {
            String category = e.getValue();
            if (Policy.MappedTable.NOT_PERSONAL.equals(category)) {
                continue;
            }
            List<Condition> conditions = new ArrayList<>();
            boolean sweepable = true;
            for (RetentionRule rule : policy.retention()) {
                if (!rule.covers(category, subjects, purposes)) {
                    continue;
                }
                Condition c = condition(rule, node, zone, now);
                if (c == null) {
                    sweepable = false;
                } else {
                    conditions.add(c);
                }
            }
            columns.add(new ColumnDue(e.getKey(), category, List.copyOf(conditions), sweepable && !conditions.isEmpty()));
        }
        return new DuePlan(node, List.copyOf(columns));
    }

    private static Condition condition(RetentionRule rule, TableNode node, ZoneId zone, Instant now) {
        RetentionPeriod period = rule.period();
        if (rule.consentBound() || (!period.isConcrete() && !period.isZero())) {
            return null;
        }
        List<ColumnRef> starts = new ArrayList<>();
        switch (rule.start()) {
            case RetentionStart.AtCollection c -> {
                if (node.table.collectedAt() == null) {
                    return null;
                }
                starts.add(new ColumnRef(0, node.table.collectedAt()));
            }
            case RetentionStart.AfterEvents(List<String> events) -> {
                for (String event : events) {
                    var ref = node.event(event);
                    if (ref.isEmpty()) {
                        return null; // an event no table of the chain records: its moment is unknown, keep the data
                    }
                    starts.add(ref.get());
                }
            }
            case RetentionStart.AtItemDate d -> {
                return null;
            }
        }
        return new Condition(rule.id(), List.copyOf(starts), cutoff(rule, zone, now));
    }

    /** Whether the rule has ended at {@code now} for a row whose start is {@code start}. */
    static boolean ended(RetentionRule rule, Instant start, ZoneId zone, Instant now) {
        Instant s = rule.round() == null ? start : rule.round().apply(start, zone);
        return !s.atZone(zone).plus(rule.period().value()).toInstant().isAfter(now);
    }

    /**
     * The latest start (to the microsecond) for which the rule has ended at {@code now}. The end moves forward with the
     * start (rounding and adding a period never move it back), so a binary search finds it exactly, calendar months,
     * time zone and rounding included, and the statement can compare the start column with one bound value.
     */
    static Instant cutoff(RetentionRule rule, ZoneId zone, Instant now) {
        long hi = micros(now); // a start after now never ends by now: periods are not negative
        long lo = micros(Instant.parse("0001-01-01T00:00:00Z"));
        if (!ended(rule, instant(lo), zone, now)) {
            return instant(lo);
        }
        while (lo < hi) {
            long mid = lo + (hi - lo + 1) / 2;
            if (ended(rule, instant(mid), zone, now)) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return instant(lo);
    }

    private static long micros(Instant i) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, i);
    }

    private static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    /** The columns that can become due. */
    List<ColumnDue> sweepable() {
        return columns.stream().filter(ColumnDue::sweepable).toList();
    }

    /** Whether a row can become due as a whole ({@code erase: delete}): every personal column can. */
    boolean rowsSweepable() {
        return !columns.isEmpty() && columns.stream().allMatch(ColumnDue::sweepable);
    }

    /** The distinct start columns of every sweepable column's conditions, in a fixed order. */
    List<ColumnRef> startColumns() {
        java.util.LinkedHashSet<ColumnRef> out = new java.util.LinkedHashSet<>();
        sweepable().forEach(c -> c.conditions().forEach(k -> out.addAll(k.starts())));
        return List.copyOf(out);
    }
}
