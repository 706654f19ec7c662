package nl.waarborg.systems.jdbc;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.Policy.RetentionRule;
import nl.waarborg.policy.RetentionPeriod;
import nl.waarborg.policy.RetentionStart;
import nl.waarborg.systems.jdbc.TableNode.ColumnRef;

/**
 * When the personal columns of one mapped table are due at {@code now} (docs/systems.md, "JDBC"). A column's category
 * is due when every retention rule that covers it (for the rows' subject categories, and the purposes that list the
 * system and process those subjects) and applies to the row has ended: for each such rule, the row's start (the {@code collected-at} column; the
 * latest of the rule's event columns that are not NULL; or the row's own item date, else its {@code collected-at})
 * lies at or before the rule's <em>cut-off</em>, the latest start whose period (from the start rounded as the rule
 * says, in the organisation's zone) has ended at {@code now}. A NULL start means the rule has not started. A rule bound
 * to consent ({@code while-consent}) applies only to rows of a subject whose consent for its purpose stands. A column is
 * never swept when no rule covers it, when a covering rule has no concrete period, or names a start that no table of
 * its chain holds.
 */
record DuePlan(TableNode node, List<ColumnDue> columns) {

    /**
     * A rule's condition on a row: its start columns and the cut-off they must not pass. {@code firstSet}: the starts
     * are alternatives in order (an item's own date, else its collection), the first that is not NULL counts;
     * otherwise the latest that is not NULL. {@code whileConsent}: the purpose whose standing consent the rule needs
     * to apply to a row (null: it always applies).
     */
    record Condition(String rule, List<ColumnRef> starts, boolean firstSet, Instant cutoff, String whileConsent) {

        /** Whether the rule has ended for a row whose start columns hold {@code values} (null: NULL). */
        boolean ended(List<Instant> values) {
            boolean started = false;
            for (Instant v : values) {
                if (v != null) {
                    started = true;
                    if (v.isAfter(cutoff)) {
                        return false;
                    }
                    if (firstSet) {
                        return true;
                    }
                }
            }
            return started;
        }

        /**
         * The start that counts for a row whose start columns hold {@code values}, as {@link #ended} reads them: the
         * first that is set (alternatives), else the latest that is set; null when none is: the rule has not started.
         */
        Instant start(List<Instant> values) {
            Instant start = null;
            for (Instant v : values) {
                if (v != null) {
                    if (firstSet) {
                        return v;
                    }
                    start = start == null || v.isAfter(start) ? v : start;
                }
            }
            return start;
        }

        /** Whether the rule applies to a row of a subject whose consent stands for {@code consented}. */
        boolean applies(Set<String> consented) {
            return whileConsent == null || consented.contains(whileConsent);
        }
    }

    /** One personal column: its category and the conditions under which it is due; {@code sweepable} false: never. */
    record ColumnDue(String column, String category, List<Condition> conditions, boolean sweepable) {

        /**
         * Whether the column is due in a row whose start columns hold {@code starts} and whose subject consented to
         * {@code consented}: some rule applies, and every rule that applies has ended.
         */
        boolean due(Map<ColumnRef, Instant> starts, Set<String> consented) {
            boolean governed = false;
            for (Condition k : conditions) {
                if (!k.applies(consented)) {
                    continue;
                }
                governed = true;
                if (!k.ended(k.starts().stream().map(starts::get).toList())) {
                    return false;
                }
            }
            return governed;
        }

        /**
         * The conditions every due row meets, for the statement's prefilter: those that apply to every row, or, when
         * all are bound to consent, all of them (a row without consent has no rule, so it is never due).
         */
        List<Condition> necessary() {
            List<Condition> always = conditions.stream().filter(k -> k.whileConsent() == null).toList();
            return always.isEmpty() ? conditions : always;
        }
    }

    /** The plan for the table's rows of the subject categories its chain declares (none: any). */
    static DuePlan of(Policy policy, String systemId, TableNode node, ZoneId zone, Instant now) {
        // a child table's rows belong to its parent's subjects: without categories of its own it takes theirs
        List<String> subjects = node.chain().stream().map(n -> n.table.subjectCategories()).filter(l -> !l.isEmpty())
                .findFirst().orElse(null);
        return of(policy, systemId, node, zone, now, subjects);
    }

    /** The plan for the table's rows of these subject categories (null: any). */
    static DuePlan of(Policy policy, String systemId, TableNode node, ZoneId zone, Instant now, List<String> subjects) {
        // the purposes that may have put the rows there: those that list the system and process these subjects
        List<String> purposes = policy.purposes().stream().filter(p -> p.systems().contains(systemId))
                .filter(p -> subjects == null || p.subjects().isEmpty() || p.subjects().stream().anyMatch(subjects::contains))
                .map(Policy.Purpose::id).toList();
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

    /**
     * The rule's condition on the table's rows; null when the rule has no concrete period or names a start that no
     * table of the chain holds (its end cannot be told).
     */
    static Condition condition(RetentionRule rule, TableNode node, ZoneId zone, Instant now) {
        RetentionPeriod period = rule.period();
        if (!period.isConcrete() && !period.isZero()) {
            return null;
        }
        List<ColumnRef> starts = new ArrayList<>();
        boolean firstSet = false;
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
            case RetentionStart.AtItemDate(String date) -> {
                var ref = node.itemDate(date);
                if (ref.isEmpty()) {
                    return null;
                }
                starts.add(ref.get());
                // an item without its date counts from its collection, as in the vault: never kept without end
                if (node.table.collectedAt() != null) {
                    starts.add(new ColumnRef(0, node.table.collectedAt()));
                }
                firstSet = true;
            }
        }
        return new Condition(rule.id(), List.copyOf(starts), firstSet, cutoff(rule, zone, now),
                rule.consentBound() ? rule.whileConsent() : null);
    }

    /** Whether the rule has ended at {@code now} for a row whose start is {@code start}. */
    static boolean ended(RetentionRule rule, Instant start, ZoneId zone, Instant now) {
        return !end(rule, start, zone).isAfter(now);
    }

    /** When the rule ends for a row whose start is {@code start}: the start rounded as it says, plus its period. */
    static Instant end(RetentionRule rule, Instant start, ZoneId zone) {
        Instant s = rule.round() == null ? start : rule.round().apply(start, zone);
        return s.atZone(zone).plus(rule.period().value()).toInstant();
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

    /** Whether a rule of a sweepable column applies only while consent stands: the sweep then asks who consented. */
    boolean consentBound() {
        return sweepable().stream().anyMatch(c -> c.conditions().stream().anyMatch(k -> k.whileConsent() != null));
    }

    /** The distinct start columns of every sweepable column's conditions, in a fixed order. */
    List<ColumnRef> startColumns() {
        java.util.LinkedHashSet<ColumnRef> out = new java.util.LinkedHashSet<>();
        sweepable().forEach(c -> c.conditions().forEach(k -> out.addAll(k.starts())));
        return List.copyOf(out);
    }
}
