package nl.waarborg.vault;

import java.time.Instant;
import java.util.List;
import nl.waarborg.policy.EndAction;

/**
 * An item's retention schedule as the vault stores it beside the item (V8__retention.sql); computed by the
 * retention capability through {@link ItemScheduler}.
 *
 * @param dueAt          when the item must go; null while it is kept (a start event has not happened)
 * @param action         what happens then
 * @param rule           the rule that decides the date
 * @param narrowedAt     from when only {@code retainedFor} may use it; null if never
 * @param retainedFor    the purposes that may still use it from {@code narrowedAt}
 * @param renarrowAt     when a later narrowing step begins (the schedule is computed again then); null if none
 * @param policyVersion  the policy version the schedule was computed under
 * @param shared         whether it follows from the subject alone (no governing rule starts at collection): the
 *                       subject's items of one category and purposes may then share one stored schedule
 *                       (V11__retention_shared_schedules.sql), which a lifecycle event rewrites once for all of them;
 *                       false for a schedule read from an item's own columns
 */
public record ItemSchedule(Instant dueAt, EndAction action, String rule, Instant narrowedAt, List<String> retainedFor,
                           Instant renarrowAt, long policyVersion, boolean shared) {

    public ItemSchedule {
        // the purposes an item is retained for mean something only from a narrowing moment on (and are stored only then)
        retainedFor = retainedFor == null || narrowedAt == null ? List.of() : List.copyOf(retainedFor);
    }

    /** The same schedule as an item's own columns hold it (they do not say whether it could be shared). */
    public ItemSchedule asOwn() {
        return shared ? new ItemSchedule(dueAt, action, rule, narrowedAt, retainedFor, renarrowAt, policyVersion, false)
                : this;
    }
}
