package nl.waarborg.systems.jdbc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.waarborg.policy.LegalBasis;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.Policy.RetentionRule;
import nl.waarborg.policy.RetentionStart;
import nl.waarborg.systems.jdbc.DuePlan.Condition;
import nl.waarborg.systems.jdbc.TableNode.ColumnRef;

/**
 * What an erasure of one subject on request (Art. 17 GDPR) must leave of the personal columns of a mapped table's
 * rows, and on which ground: the exceptions of Art. 17(3) as the policy expresses them, read from the facts the sweep
 * reads ({@link DuePlan}: the rules that cover a column for the rows' subject categories and the purposes that list
 * the system, and the rows' start columns). Per column, the strongest of:
 * <ol>
 *   <li>a rule still running at {@code now} (its period not ended, or not started yet) for a purpose on the legal
 *       basis {@code legal-obligation} that holds the column's category: {@code legal-obligation} (Art. 17(3)(b)),
 *       until the rule's end ({@code open} when it has not started, or when its end cannot be told);</li>
 *   <li>a rule for a purpose on the basis {@code contract} whose period starts at lifecycle events of which the row's
 *       chain records none as happened: the contract still runs, so the data is still necessary for it (Art.
 *       17(1)(a) does not apply): {@code contract}, open. A rule that counts from collection is a maximum, not a
 *       contract that runs, and keeps nothing here.</li>
 * </ol>
 * A hold on the subject (Art. 17(3)(e)) keeps the whole row; the connector decides that, as it knows the holds. A
 * rule that governs only while consent stands keeps nothing: withdrawing it is a ground for erasure (Art. 17(1)(b)).
 * The same grounds as the vault's (nl.waarborg.vault.RetainedItems), for rows instead of items.
 */
record ErasureKeeps(List<ColumnKeeps> columns) {

    /** Why a value stays: the ground, and until when in the organisation's zone (null: open, not known yet). */
    record Ground(String ground, LocalDate until) {

        static final String LEGAL_OBLIGATION = "legal-obligation";
        static final String CONTRACT = "contract";
        static final String LEGAL_CLAIM = "legal-claim";
        static final String HOLD = "hold";

        /** The count's key: {@code kept:CATEGORY:GROUND:UNTIL} (an ISO date, or {@code open}). */
        String countKey(String category) {
            return "kept:" + category + ":" + ground + ":" + (until == null ? "open" : until.toString());
        }

        /**
         * The stronger of two grounds (either may be null): a legal claim, then another hold, then a legal obligation
         * (the later one; open is the latest), then a contract.
         */
        static Ground stronger(Ground a, Ground b) {
            if (a == null || b == null) {
                return a == null ? b : a;
            }
            if (a.rank() != b.rank()) {
                return a.rank() < b.rank() ? a : b;
            }
            if (a.until == null || b.until == null) {
                return a.until == null ? a : b;
            }
            return a.until.isAfter(b.until) ? a : b;
        }

        private int rank() {
            return switch (ground) {
                case LEGAL_CLAIM -> 0;
                case HOLD -> 1;
                case LEGAL_OBLIGATION -> 2;
                default -> 3;
            };
        }
    }

    /**
     * A rule covering a column: its condition on the rows (null: its end cannot be told), whether a purpose it keeps
     * the column for is on a legal obligation, and whether one is on a contract.
     */
    record RuleKeep(RetentionRule rule, Condition condition, boolean obligation, boolean contract) {

        /** The ground this rule keeps a row on whose start columns hold {@code starts}; null: it keeps nothing. */
        Ground ground(Map<ColumnRef, Instant> starts, ZoneId zone, Instant now) {
            if (condition == null) {
                // no concrete period, or a start no table of the chain records: it may run for as long as it likes
                return obligation ? new Ground(Ground.LEGAL_OBLIGATION, null) : null;
            }
            Instant start = condition.start(condition.starts().stream().map(starts::get).toList());
            if (start == null) { // not started: a legal duty that begins later, or a contract that still runs
                if (obligation) {
                    return new Ground(Ground.LEGAL_OBLIGATION, null);
                }
                return contract && rule.start() instanceof RetentionStart.AfterEvents
                        ? new Ground(Ground.CONTRACT, null) : null;
            }
            Instant end = DuePlan.end(rule, start, zone);
            if (!end.isAfter(now) || !obligation) {
                return null; // ended; or counting after the contract's end, which is no running contract
            }
            return new Ground(Ground.LEGAL_OBLIGATION, LocalDate.ofInstant(end, zone));
        }
    }

    /** One personal column, its category, and the rules that may keep it. */
    record ColumnKeeps(String column, String category, List<RuleKeep> rules) {

        /** The strongest ground on which the column of a row with these start values stays; null: it goes. */
        Ground ground(Map<ColumnRef, Instant> starts, ZoneId zone, Instant now) {
            Ground out = null;
            for (RuleKeep r : rules) {
                out = Ground.stronger(out, r.ground(starts, zone, now));
            }
            return out;
        }
    }

    /** What an erasure keeps of the table's rows of these subject categories (null: any). */
    static ErasureKeeps of(Policy policy, String systemId, TableNode node, ZoneId zone, Instant now, List<String> subjects) {
        // the purposes that may have put the rows there, as for the sweep: they list the system and process the subjects
        List<Policy.Purpose> purposes = policy.purposes().stream().filter(p -> p.systems().contains(systemId))
                .filter(p -> subjects == null || p.subjects().isEmpty() || p.subjects().stream().anyMatch(subjects::contains))
                .toList();
        List<String> purposeIds = purposes.stream().map(Policy.Purpose::id).toList();
        List<ColumnKeeps> columns = new ArrayList<>();
        for (Map.Entry<String, String> e : node.table.columns().entrySet()) {
            String category = e.getValue();
            if (Policy.MappedTable.NOT_PERSONAL.equals(category)) {
                continue;
            }
            List<RuleKeep> rules = new ArrayList<>();
            for (RetentionRule rule : policy.retention()) {
                if (rule.consentBound() || !rule.covers(category, subjects, purposeIds)) {
                    continue;
                }
                // the purposes the rule keeps this column for: those it names, else those that hold the category (a
                // rule for every purpose keeps call logs for the purposes that have call logs, not for the tax duty)
                List<Policy.Purpose> of = purposes.stream().filter(p -> rule.purposes().isEmpty()
                        ? p.data().contains(category) : rule.purposes().contains(p.id())).toList();
                boolean obligation = of.stream().anyMatch(p -> p.basis() == LegalBasis.LEGAL_OBLIGATION);
                boolean contract = of.stream().anyMatch(p -> p.basis() == LegalBasis.CONTRACT);
                if (obligation || contract) {
                    rules.add(new RuleKeep(rule, DuePlan.condition(rule, node, zone, now), obligation, contract));
                }
            }
            columns.add(new ColumnKeeps(e.getKey(), category, List.copyOf(rules)));
        }
        return new ErasureKeeps(List.copyOf(columns));
    }

    /** The distinct start columns the rules read, in a fixed order. */
    List<ColumnRef> startColumns() {
        LinkedHashSet<ColumnRef> out = new LinkedHashSet<>();
        columns.forEach(c -> c.rules().stream().map(RuleKeep::condition).filter(java.util.Objects::nonNull)
                .forEach(k -> out.addAll(k.starts())));
        return List.copyOf(out);
    }

    /** The column's rules, by column name. */
    Optional<ColumnKeeps> column(String column) {
        return columns.stream().filter(c -> c.column().equals(column)).findFirst();
    }
}
