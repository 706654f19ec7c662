package nl.waarborg.retention.service;

import nl.waarborg.input.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.waarborg.access.service.SubjectRestraints;
import nl.waarborg.policy.EndAction;
import nl.waarborg.policy.HoldKind;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.RetentionCalculator;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.retention.AttestationPlan;
import nl.waarborg.retention.RetentionSchedule;
import nl.waarborg.vault.ExpiringItems;
import nl.waarborg.vault.ExpiringItems.DueGroup;
import nl.waarborg.vault.ExpiringItems.ItemFacts;
import org.springframework.stereotype.Service;

/**
 * What will be deleted or anonymised in the next N days, per category, rule and system, with the attestation
 * tasks falling due then. Under the policy in force it sums the stored due dates (one indexed range query); for a
 * policy not yet in force it computes every item's schedule under that policy, so the effect of a shortened
 * period is seen before the version is activated.
 */
@Service
public class RetentionForecast {

    static final int MAX_DAYS = 3660;

    private final ExpiringItems items;
    private final SubjectRestraints restraints;
    private final RetentionUpkeep upkeep;
    private final AttestationTasks attestations;
    private final ActivePolicy policy;
    private final Clock clock;

    RetentionForecast(ExpiringItems items, SubjectRestraints restraints, RetentionUpkeep upkeep,
                      AttestationTasks attestations, ActivePolicy policy, Clock clock) {
        this.items = items;
        this.restraints = restraints;
        this.upkeep = upkeep;
        this.attestations = attestations;
        this.policy = policy;
        this.clock = clock;
    }

    /** One attestation in the window: stored (with an id) or still to be created. */
    public record Attestation(Long id, String rule, String system, String owner, List<String> categories, String period,
                              Instant dueAt, boolean overdue) {}

    /**
     * @param overdue        items due already (the next sweep takes them)
     * @param groups         per category, rule, system and action: how many items, first and last due date
     * @param staleSchedules items whose schedule is of an older policy version (the next sweep recomputes them first)
     * @param policyVersion  the version the forecast is computed under; null for a candidate not yet stored
     */
    public record Forecast(Instant from, Instant until, int days, Long policyVersion, long items, long overdue,
                           List<DueGroup> groups, List<Attestation> attestations, long staleSchedules) {}

    public Forecast forecast(int days) {
        Instant now = clock.instant();
        Instant until = until(now, days);
        long version = policy.version().id();
        List<DueGroup> groups = items.dueUpTo(now, until);
        long overdue = groups.stream().mapToLong(DueGroup::overdue).sum();
        return new Forecast(now, until, days, version, groups.stream().mapToLong(DueGroup::items).sum(), overdue, groups,
                attestations(attestations.plan(), now, until), upkeep.staleSchedules());
    }

    /** The forecast as it would be with {@code candidate} in force, computed from every item; nothing is changed. */
    public Forecast forecast(int days, Policy candidate) {
        Instant now = clock.instant();
        Instant until = until(now, days);
        RetentionSchedule schedule = upkeep.scheduleFor(candidate);
        record Key(String category, String rule, String system, EndAction action) {}
        Map<Key, Instant[]> bounds = new HashMap<>();
        Map<Key, Long> counts = new HashMap<>();
        Map<Key, Long> overdueCounts = new HashMap<>();
        UUID after = null;
        while (true) {
            List<UUID> page = items.subjectsWithItemsAfter(after, 1000);
            if (page.isEmpty()) {
                break;
            }
            after = page.get(page.size() - 1);
            Map<UUID, ExpiringItems.SubjectHistory> histories = items.histories(page);
            Map<UUID, SubjectRestraints.ActiveHolds> holds = restraints.activeHolds(page);
            Set<UUID> refusers = items.refusersOfRemainder(page);
            for (ItemFacts f : items.itemsOf(page)) {
                RetentionSchedule.Schedule s = schedule.schedule(
                        new RetentionCalculator.Item(f.category(), Set.copyOf(f.purposes()), f.collectedAt()),
                        RetentionUpkeep.subject(histories.get(f.subject()), holds.get(f.subject())), now);
                if (s.dueAt() == null || s.dueAt().isAfter(until)) {
                    continue;
                }
                // R2.6: the sweep deletes what would be anonymised of a subject who refused a remainder
                EndAction action = s.action() == EndAction.ANONYMISE && refusers.contains(f.subject())
                        ? EndAction.DELETE : s.action();
                Key k = new Key(f.category(), s.rule(), f.system(), action);
                if (!s.dueAt().isAfter(now)) {
                    overdueCounts.merge(k, 1L, Long::sum);
                }
                counts.merge(k, 1L, Long::sum);
                bounds.merge(k, new Instant[] {s.dueAt(), s.dueAt()}, (a, b) -> new Instant[] {
                        a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
            }
        }
        List<DueGroup> groups = new ArrayList<>();
        counts.forEach((k, n) -> groups.add(new DueGroup(k.category(), k.rule(), k.system(), k.action(), n,
                bounds.get(k)[0], bounds.get(k)[1], overdueCounts.getOrDefault(k, 0L))));
        groups.sort(Comparator.comparing(DueGroup::first).thenComparing(DueGroup::category)
                .thenComparing(g -> String.valueOf(g.rule())));
        return new Forecast(now, until, days, null, groups.stream().mapToLong(DueGroup::items).sum(),
                groups.stream().mapToLong(DueGroup::overdue).sum(), groups,
                attestations(new AttestationPlan(candidate, upkeep.zone(),
                        (int) attestations.plan().interval().toDays()), now, until), 0);
    }

    private List<Attestation> attestations(AttestationPlan plan, Instant now, Instant until) {
        List<Attestation> out = new ArrayList<>();
        Set<String> stored = new java.util.HashSet<>();
        for (AttestationTasks.Task t : attestations.list(false)) {
            if (t.confirmedAt() == null && !t.dueAt().isAfter(until)) {
                out.add(new Attestation(t.id(), t.rule(), t.system(), t.owner(), t.categories(), t.period(), t.dueAt(),
                        t.overdue()));
            }
            stored.add(t.rule() + "\u0000" + t.system() + "\u0000" + t.dueAt());
        }
        for (AttestationPlan.Task t : plan.dueBetween(now, until)) {
            if (stored.add(t.rule() + "\u0000" + t.system() + "\u0000" + t.dueAt())) {
                out.add(new Attestation(null, t.rule(), t.system(), t.owner(), t.categories(), t.period(), t.dueAt(), false));
            }
        }
        out.sort(Comparator.comparing(Attestation::dueAt).thenComparing(Attestation::rule).thenComparing(Attestation::system));
        return out;
    }

    private static Instant until(Instant now, int days) {
        if (days < 0 || days > MAX_DAYS) {
            throw new InvalidInputException("days is 0 to " + MAX_DAYS + ", not " + days);
        }
        return now.plus(Duration.ofDays(days));
    }
}
