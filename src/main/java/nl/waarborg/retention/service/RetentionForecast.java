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
import nl.waarborg.systems.SystemOperations;
import java.util.Set;
import java.util.UUID;
import nl.waarborg.access.service.SubjectRestraints;
import nl.waarborg.policy.EndAction;
import nl.waarborg.policy.HoldKind;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.RetentionCalculator;
import nl.waarborg.policy.RetentionStart;
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
    private final SystemOperations systemOperations;
    private final nl.waarborg.systems.LinkedSubjects subjects;

    RetentionForecast(ExpiringItems items, SubjectRestraints restraints, RetentionUpkeep upkeep,
                      AttestationTasks attestations, ActivePolicy policy, Clock clock, SystemOperations systemOperations,
                      nl.waarborg.systems.LinkedSubjects subjects) {
        this.systemOperations = systemOperations;
        this.subjects = subjects;
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

    /** Why items are kept without a due date (docs/retention.md, "What is kept without a date"). */
    public enum UndatedReason {
        /** The rule's period starts at a lifecycle event that has not happened (the contract runs). */
        START_EVENT_PENDING,
        /** An active hold of a kind the rule extends without a maximum keeps them until it is released. */
        OPEN_ENDED_HOLD,
        /** The rule has no concrete period (lint rejects such a policy; shown so it is not unseen). */
        NO_CONCRETE_PERIOD,
        /** No rule is recorded: none governs them, or their schedule predates this count and awaits recomputation. */
        NO_RULE;

        /** The word in JSON and on the command line: start-event-pending, open-ended-hold, ... */
        @com.fasterxml.jackson.annotation.JsonValue
        public String term() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * Items kept without a due date, per category and the rule that keeps them: "kept until contract-ended: 12,345
     * items". {@code startEvents}: the events the rule's period starts at (empty for a start at collection).
     */
    public record Undated(String category, String rule, UndatedReason reason, List<String> startEvents, long items) {}

    /**
     * @param overdue        items due already (the next sweep takes them)
     * @param groups         per category, rule, system and action: how many items, first and last due date
     * @param staleSchedules items whose schedule is of an older policy version (the next sweep recomputes them first)
     * @param policyVersion  the version the forecast is computed under; null for a candidate not yet stored
     * @param undated        items kept without a due date, per category, rule and reason, so that nothing is kept
     *                       indefinitely unseen
     * @param undatedItems   how many items that is in all
     */
    public record Forecast(Instant from, Instant until, int days, Long policyVersion, long items, long overdue,
                           List<DueGroup> groups, List<Attestation> attestations, long staleSchedules,
                           List<Undated> undated, long undatedItems, List<SystemForecast> systems) {}

    /**
     * One reachable system of the organisation's (jdbc, webhook): what a sweep would erase now ({@code dueNow}) and
     * by the end of the window ({@code dueBy}, which includes {@code dueNow}), as the system counts it (per
     * {@code action:table:category} for jdbc), from two dry runs; holds and consents as they stand now. A system that
     * cannot be asked has its {@code status} and {@code cause}.
     */
    public record SystemForecast(String system, String connector, String status, Map<String, Long> dueNow,
                                 Map<String, Long> dueBy, String cause) {}

    public Forecast forecast(int days) {
        Instant now = clock.instant();
        Instant until = until(now, days);
        long version = policy.version().id();
        List<DueGroup> groups = items.dueUpTo(now, until);
        long overdue = groups.stream().mapToLong(DueGroup::overdue).sum();
        List<Undated> undated = undated(policy.policy());
        return new Forecast(now, until, days, version, groups.stream().mapToLong(DueGroup::items).sum(), overdue, groups,
                attestations(attestations.plan(), now, until), upkeep.staleSchedules(), undated,
                undated.stream().mapToLong(Undated::items).sum(), systems(now, until));
    }

    /** Each reachable system's dry runs at {@code now} and at {@code until}. */
    private List<SystemForecast> systems(Instant now, Instant until) {
        Map<String, SystemOperations.SystemSweep> at = new HashMap<>();
        systemOperations.sweepAll(now, true, subjects).forEach(s -> at.put(s.system(), s));
        List<SystemForecast> out = new ArrayList<>();
        for (SystemOperations.SystemSweep by : systemOperations.sweepAll(until, true, subjects)) {
            SystemOperations.SystemSweep first = at.get(by.system());
            // the first run's trouble first: a system that could not say what is due now says so
            String status = first != null && !"done".equals(first.status()) ? first.status() : by.status();
            String cause = by.cause() != null ? by.cause() : first == null ? null : first.cause();
            out.add(new SystemForecast(by.system(), by.connector(), status, first == null ? Map.of() : first.counts(),
                    by.counts(), cause));
        }
        return out;
    }

    /**
     * The stored undated items (one indexed count, V14), split by why: those of subjects under a hold of a kind some
     * rule extends without a maximum are looked up through the holds (few subjects), the rest wait for their rule's
     * start event.
     */
    private List<Undated> undated(Policy p) {
        Map<String, Set<HoldKind>> openKinds = openEndedHoldKinds(p);
        Map<List<String>, Long> held = new HashMap<>();
        if (!openKinds.isEmpty()) {
            Set<HoldKind> kinds = java.util.EnumSet.noneOf(HoldKind.class);
            openKinds.values().forEach(kinds::addAll);
            Map<UUID, SubjectRestraints.ActiveHolds> holders = restraints.holdersOf(kinds);
            items.undatedOf(holders.keySet()).forEach((subject, groups) -> {
                RetentionCalculator.Subject s = RetentionUpkeep.subject(null, holders.get(subject), null);
                for (ExpiringItems.UndatedGroup g : groups) {
                    Set<HoldKind> open = openKinds.getOrDefault(g.rule(), Set.of());
                    if (open.stream().anyMatch(k -> s.holds(k, g.category()))) {
                        held.merge(java.util.Arrays.asList(g.category(), g.rule()), g.items(), Long::sum);
                    }
                }
            });
        }
        List<Undated> out = new ArrayList<>();
        for (ExpiringItems.UndatedGroup g : items.undated()) {
            long byHold = Math.min(g.items(), held.getOrDefault(java.util.Arrays.asList(g.category(), g.rule()), 0L));
            if (byHold > 0) {
                out.add(undatedGroup(p, g.category(), g.rule(), UndatedReason.OPEN_ENDED_HOLD, byHold));
            }
            if (g.items() > byHold) {
                out.add(undatedGroup(p, g.category(), g.rule(), null, g.items() - byHold));
            }
        }
        return out;
    }

    // Per rule id, the hold kinds it extends without a maximum (only in policies that declare no hold kinds).
    private static Map<String, Set<HoldKind>> openEndedHoldKinds(Policy p) {
        Map<String, Set<HoldKind>> out = new HashMap<>();
        for (Policy.RetentionRule r : p.retention()) {
            for (Policy.Hold h : r.holds()) {
                if (h.max() == null) {
                    out.computeIfAbsent(r.id(), k -> java.util.EnumSet.noneOf(HoldKind.class)).add(h.kind());
                }
            }
        }
        return out;
    }

    /** One undated group; a null reason is read from the rule: its start event, else no concrete period. */
    private static Undated undatedGroup(Policy p, String category, String rule, UndatedReason reason, long n) {
        Policy.RetentionRule r = rule == null ? null : p.retentionRule(rule).orElse(null);
        List<String> events = r != null && r.start() instanceof RetentionStart.AfterEvents(List<String> e) ? e : List.of();
        UndatedReason why = reason != null ? reason : r == null ? UndatedReason.NO_RULE
                : !events.isEmpty() ? UndatedReason.START_EVENT_PENDING : UndatedReason.NO_CONCRETE_PERIOD;
        return new Undated(category, rule, why, events, n);
    }

    private static List<Undated> sortedUndated(List<Undated> undated) {
        List<Undated> out = new ArrayList<>(undated);
        out.sort(Comparator.comparing(Undated::category).thenComparing(u -> String.valueOf(u.rule()))
                .thenComparing(Undated::reason));
        return out;
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
        record UndatedKey(String category, String rule, UndatedReason reason) {}
        Map<UndatedKey, Long> undatedCounts = new HashMap<>();
        Map<String, Set<HoldKind>> openKinds = openEndedHoldKinds(candidate);
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
            Map<UUID, Map<String, Instant>> consents = candidate.retention().stream()
                    .anyMatch(Policy.RetentionRule::consentBound) ? upkeep.standingConsents(page, now) : Map.of();
            for (ItemFacts f : items.itemsOf(page)) {
                RetentionCalculator.Subject subject = RetentionUpkeep.subject(histories.get(f.subject()),
                        holds.get(f.subject()), consents.get(f.subject()));
                RetentionSchedule.Schedule s = schedule.schedule(
                        new RetentionCalculator.Item(f.category(), Set.copyOf(f.purposes()), f.collectedAt(), f.dates()),
                        subject, now);
                if (s.dueAt() == null) {
                    undatedCounts.merge(new UndatedKey(f.category(), s.rule(),
                            undatedReason(candidate, s.rule(), f.category(), subject, openKinds)), 1L, Long::sum);
                    continue;
                }
                if (s.dueAt().isAfter(until)) {
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
        List<Undated> undated = new ArrayList<>();
        undatedCounts.forEach((k, n) -> undated.add(undatedGroup(candidate, k.category(), k.rule(), k.reason(), n)));
        return new Forecast(now, until, days, null, groups.stream().mapToLong(DueGroup::items).sum(),
                groups.stream().mapToLong(DueGroup::overdue).sum(), groups,
                attestations(new AttestationPlan(candidate, upkeep.zone(),
                        (int) attestations.plan().interval().toDays()), now, until), 0, sortedUndated(undated),
                undated.stream().mapToLong(Undated::items).sum(), List.of()); // systems: under the policy in force only
    }

    // Why an item computed under a candidate policy has no date: its rule's start event has not happened, else an
    // open-ended hold of a kind the rule extends, else the rule has no concrete period.
    private static UndatedReason undatedReason(Policy p, String rule, String category, RetentionCalculator.Subject subject,
                                               Map<String, Set<HoldKind>> openKinds) {
        if (rule == null) {
            return UndatedReason.NO_RULE;
        }
        Policy.RetentionRule r = p.retentionRule(rule).orElse(null);
        if (r != null && r.start() instanceof RetentionStart.AfterEvents(List<String> events)
                && events.stream().noneMatch(subject.lastEvents()::containsKey)) {
            return UndatedReason.START_EVENT_PENDING;
        }
        if (openKinds.getOrDefault(rule, Set.of()).stream().anyMatch(k -> subject.holds(k, category))) {
            return UndatedReason.OPEN_ENDED_HOLD;
        }
        return UndatedReason.NO_CONCRETE_PERIOD;
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
