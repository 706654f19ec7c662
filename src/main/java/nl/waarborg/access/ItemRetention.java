package nl.waarborg.access;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.waarborg.policy.CompiledPolicy;
import nl.waarborg.policy.Policy.RetentionRule;
import nl.waarborg.policy.RetentionCalculator;

/**
 * Where an item stands in its retention (docs/policy-format.md section 5), as the decision needs it: whether
 * its period is over, and if only some of its rules still run, the purposes of those rules — every other
 * purpose is then denied "retained for legal obligation only". Used per data category in a
 * {@link SubjectState}, or for one item as an input of {@link DecisionEngine}.
 *
 * @param over        the item's due date has passed: it must be deleted or anonymised, nothing else
 * @param retainedFor purpose mask (the compiled policy's purpose ints) of the rules still running; null when
 *                    no rule has ended, so every purpose may use the item
 */
public record ItemRetention(boolean over, long[] retainedFor) {

    /** Every rule still runs. */
    public static final ItemRetention RUNNING = new ItemRetention(false, null);
    /** The retention period is over. */
    public static final ItemRetention OVER = new ItemRetention(true, null);

    /** Only the given purposes may still use the item. */
    public static ItemRetention onlyFor(CompiledPolicy policy, Collection<String> purposes) {
        long[] mask = new long[policy.purposeWords()];
        for (String purpose : purposes) {
            int p = policy.purposeId(purpose);
            if (p >= 0) { // a purpose the policy no longer declares allows nothing
                mask[p >>> 6] |= 1L << p;
            }
        }
        return new ItemRetention(false, mask);
    }

    /**
     * From the retention calculator's outcome for the item at {@code now}: over once the due date has passed;
     * limited to the purposes of the still-running rules once some governing rule has ended (a running rule
     * without purposes covers every purpose, so nothing is limited then).
     */
    public static ItemRetention of(CompiledPolicy policy, RetentionCalculator.Outcome outcome, Instant now) {
        if (outcome.dueAt().isPresent() && !now.isBefore(outcome.dueAt().get())) {
            return OVER;
        }
        List<RetentionRule> running = outcome.runningAt(now);
        if (running.size() == outcome.governing().size()) {
            return RUNNING;
        }
        Set<String> purposes = new HashSet<>();
        for (RetentionRule rule : running) {
            if (rule.purposes().isEmpty()) {
                return RUNNING;
            }
            purposes.addAll(rule.purposes());
        }
        return onlyFor(policy, purposes);
    }

    // A record over an array: equality by content, not by array identity.
    @Override
    public boolean equals(Object o) {
        return o instanceof ItemRetention r && r.over == over && java.util.Arrays.equals(r.retainedFor, retainedFor);
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(over) * 31 + java.util.Arrays.hashCode(retainedFor);
    }

    @Override
    public String toString() {
        return over ? "ItemRetention[over]" : retainedFor == null ? "ItemRetention[running]"
                : "ItemRetention[only " + java.util.Arrays.toString(retainedFor) + "]";
    }

    /** Whether the item may be used for the purpose, as far as its retention goes. */
    public boolean allows(int purpose) {
        return !over && (retainedFor == null || (retainedFor[purpose >>> 6] & (1L << purpose)) != 0);
    }
}
