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
import nl.waarborg.policy.RetentionStart;

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
     * @param rule        the decisive rule (the one with the latest end); while no date is known, the first governing
     *                    rule (in policy order) without an end: the one that keeps the item undated (its start event
     *                    has not happened, or an open-ended hold runs), so the forecast can count undated items by
     *                    rule; null when no rule governs the item
     * @param narrowedAt  when the narrowing step in force (or, before the first, the first step) begins: a governing
     *                    rule has ended while others still run, each naming its purposes; from then on only
     *                    {@code retainedFor} may use the item ("retained for legal obligation only"); null if never
     * @param retainedFor the purposes of the rules still running at {@code narrowedAt}
     * @param renarrowAt  when a later step narrows the item further (another rule ends): the schedule is computed
     *                    again then; null if no later step
     * @param shared      whether it follows from the subject alone, not from the item's collection moment or a date
     *                    of its own (no governing rule starts at collection or at an item date): then the subject's items of the same category and
     *                    purposes all have this schedule, and it is stored once for them
     */
    public record Schedule(Instant dueAt, EndAction action, String rule, Instant narrowedAt, List<String> retainedFor,
                           Instant renarrowAt, boolean shared) {

        public Schedule {
            retainedFor = retainedFor == null ? List.of() : List.copyOf(retainedFor);
        }

        static final Schedule KEPT = new Schedule(null, EndAction.DELETE, null, null, List.of(), null, true);
    }

    /** Whether a start follows from the item (its collection, a date of its own), not from its subject alone. */
    private static boolean fromItem(RetentionStart start) {
        return switch (start) {
            case RetentionStart.AtCollection c -> true;
            case RetentionStart.AtItemDate d -> true;
            case RetentionStart.AfterEvents e -> false;
        };
    }

    /** One narrowing step: from {@code at}, only these purposes may use the item. */
    private record Step(Instant at, List<String> purposes) {}

    /** The item's schedule as it stands at {@code now}: the narrowing step in force then, or the first one ahead. */
    public Schedule schedule(RetentionCalculator.Item item, RetentionCalculator.Subject subject, Instant now) {
        RetentionCalculator.Outcome outcome = calculator.resolve(item, subject);
        if (!outcome.governed()) {
            return Schedule.KEPT;
        }
        Instant due = outcome.dueAt().orElse(null);
        String rule = due == null ? undated(outcome) : decisive(outcome);
        List<Step> steps = steps(outcome, due);
        int current = 0;
        for (int i = 1; i < steps.size(); i++) {
            if (!steps.get(i).at().isAfter(now)) {
                current = i;
            }
        }
        Step stored = steps.isEmpty() ? null : steps.get(current);
        Instant next = current + 1 < steps.size() ? steps.get(current + 1).at() : null;
        boolean shared = outcome.governing().stream().noneMatch(r -> fromItem(r.rule().start()));
        return new Schedule(due, outcome.action(), rule, stored == null ? null : stored.at(),
                stored == null ? List.of() : stored.purposes(), next, shared);
    }

    /**
     * Every moment before the due date at which a governing rule has ended and every rule still running names
     * its purposes, with those purposes; a moment that leaves the purposes as they were is no new step.
     */
    private static List<Step> steps(RetentionCalculator.Outcome outcome, Instant due) {
        TreeSet<Instant> ends = new TreeSet<>();
        outcome.governing().forEach(r -> r.endsAt().ifPresent(ends::add));
        List<Step> steps = new ArrayList<>(2);
        for (Instant end : ends) {
            if (due != null && !end.isBefore(due)) {
                break;
            }
            List<RetentionRule> running = outcome.runningAt(end);
            if (!running.isEmpty() && running.stream().noneMatch(r -> r.purposes().isEmpty())) {
                TreeSet<String> purposes = new TreeSet<>();
                running.forEach(r -> purposes.addAll(r.purposes()));
                List<String> list = new ArrayList<>(purposes);
                if (steps.isEmpty() || !steps.getLast().purposes().equals(list)) {
                    steps.add(new Step(end, list));
                }
            }
        }
        return steps;
    }

    private static String undated(RetentionCalculator.Outcome outcome) {
        return outcome.governing().stream().filter(r -> r.endsAt().isEmpty()).map(r -> r.rule().id()).findFirst()
                .orElse(null);
    }

    private static String decisive(RetentionCalculator.Outcome outcome) {
        Optional<Instant> due = outcome.dueAt();
        // the rule whose end is the due date and whose action is the outcome's (delete wins a tie, as resolved)
        return outcome.governing().stream()
                .filter(r -> r.endsAt().equals(due) && r.rule().end() == outcome.action())
                .map(RuleEnd::rule).map(RetentionRule::id).findFirst().orElse(null);
    }
}
