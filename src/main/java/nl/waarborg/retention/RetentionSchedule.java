package nl.waarborg.retention;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import nl.waarborg.policy.EndAction;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.Policy.RetentionRule;
import nl.waarborg.policy.RetentionCalculator;
import nl.waarborg.policy.RetentionCalculator.RuleEnd;

/**
 * An item's schedule under a policy: the retention semantics of docs/policy-format.md section 5, as the
 * stored columns of an item need it. Pure; one instance per policy version.
 */
public final class RetentionSchedule {

    private final RetentionCalculator calculator;

    public RetentionSchedule(Policy policy, ZoneId zone) {
        this.calculator = new RetentionCalculator(policy, zone);
    }

    /**
     * Where an item stands.
     *
     * @param dueAt       when it must go; null while a governing rule's start event has not happened, an
     *                    open-ended hold runs, or no rule governs it (lint makes sure one does)
     * @param action      delete or anonymise, the decisive rule's end action
     * @param rule        the decisive rule (the one with the latest end), null when no date is known
     * @param narrowedAt  when the first governing rule ends while others still run: from then on only
     *                    {@code retainedFor} may use the item ("retained for legal obligation only"); null if never
     * @param retainedFor the purposes of the rules still running at {@code narrowedAt}
     */
    public record Schedule(Instant dueAt, EndAction action, String rule, Instant narrowedAt, List<String> retainedFor) {

        public Schedule {
            retainedFor = retainedFor == null ? List.of() : List.copyOf(retainedFor);
        }

        static final Schedule KEPT = new Schedule(null, EndAction.DELETE, null, null, List.of());
    }

    public Schedule schedule(RetentionCalculator.Item item, RetentionCalculator.Subject subject) {
        RetentionCalculator.Outcome outcome = calculator.resolve(item, subject);
        if (!outcome.governed()) {
            return Schedule.KEPT;
        }
        Instant due = outcome.dueAt().orElse(null);
        String rule = due == null ? null : decisive(outcome);
        Instant narrowedAt = null;
        List<String> retainedFor = List.of();
        // the earliest moment one governing rule has ended and every rule still running names its purposes
        TreeSet<Instant> ends = new TreeSet<>();
        outcome.governing().forEach(r -> r.endsAt().ifPresent(ends::add));
        for (Instant end : ends) {
            if (due != null && !end.isBefore(due)) {
                break;
            }
            List<RetentionRule> running = outcome.runningAt(end);
            if (!running.isEmpty() && running.stream().noneMatch(r -> r.purposes().isEmpty())) {
                narrowedAt = end;
                TreeSet<String> purposes = new TreeSet<>();
                running.forEach(r -> purposes.addAll(r.purposes()));
                retainedFor = new ArrayList<>(purposes);
                break;
            }
        }
        return new Schedule(due, outcome.action(), rule, narrowedAt, retainedFor);
    }

    private static String decisive(RetentionCalculator.Outcome outcome) {
        Optional<Instant> due = outcome.dueAt();
        // the rule whose end is the due date and whose action is the outcome's (delete wins a tie, as resolved)
        return outcome.governing().stream()
                .filter(r -> r.endsAt().equals(due) && r.rule().end() == outcome.action())
                .map(RuleEnd::rule).map(RetentionRule::id).findFirst().orElse(null);
    }
}
