package nl.waarborg.retention.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.waarborg.access.service.HoldObserver;
import nl.waarborg.access.service.SubjectRestraints;
import nl.waarborg.consent.ConsentObserver;
import nl.waarborg.consent.ConsentRecords;
import nl.waarborg.policy.HoldKind;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.RetentionCalculator;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.retention.RetentionSchedule;
import nl.waarborg.vault.ExpiringItems;
import nl.waarborg.vault.ExpiringItems.ItemFacts;
import nl.waarborg.vault.ExpiringItems.SubjectHistory;
import nl.waarborg.vault.ItemSchedule;
import nl.waarborg.vault.ItemScheduler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps every item's stored schedule in step with the facts it follows from: computed when the item is stored,
 * recomputed inside the transaction that changes the subject's history (joined a category, a lifecycle event),
 * holds or a consent a {@code while-consent} rule depends on, and for every item once a new policy version is in
 * force ({@link #recomputeStale}). A consent's own expiry needs no recomputation: the schedule ends the rule then.
 */
@Component
public class RetentionUpkeep implements ItemScheduler, HoldObserver, ConsentObserver {

    private final ExpiringItems items;
    private final SubjectRestraints restraints;
    private final ConsentRecords consents;
    private final ActivePolicy policy;
    private final ZoneId zone;
    private final Clock clock;
    private volatile Versioned current;
    private volatile long currentUpTo = -1;

    private record Versioned(long version, RetentionSchedule schedule) {}

    RetentionUpkeep(ExpiringItems items, SubjectRestraints restraints, ConsentRecords consents, ActivePolicy policy,
                    @Value("${waarborg.zone:Europe/Amsterdam}") ZoneId zone, Clock clock) {
        this.items = items;
        this.restraints = restraints;
        this.consents = consents;
        this.policy = policy;
        this.zone = zone;
        this.clock = clock;
    }

    /** The organisation's time zone: periods count in calendar days and months there. */
    public ZoneId zone() {
        return zone;
    }

    /** The schedule of the policy in force, made once per version. */
    Versioned schedule() {
        long version = policy.version().id();
        Versioned v = current;
        if (v == null || v.version() != version) {
            v = new Versioned(version, new RetentionSchedule(policy.policy(), zone));
            current = v;
        }
        return v;
    }

    /** A schedule maker for another policy (a version about to be activated, for the forecast). */
    RetentionSchedule scheduleFor(Policy candidate) {
        return new RetentionSchedule(candidate, zone);
    }

    @Override
    public List<ItemSchedule> forNew(List<NewItemFacts> newItems) {
        Versioned v = schedule();
        Set<UUID> subjects = new LinkedHashSet<>();
        newItems.forEach(i -> subjects.add(i.subject()));
        Map<UUID, SubjectHistory> histories = items.histories(subjects);
        Map<UUID, SubjectRestraints.ActiveHolds> holds = restraints.activeHolds(subjects);
        Instant now = clock.instant();
        Map<UUID, Map<String, Instant>> consented = consentsFor(subjects, now,
                newItems.stream().map(NewItemFacts::purposes).toList());
        List<ItemSchedule> out = new ArrayList<>(newItems.size());
        for (NewItemFacts i : newItems) {
            out.add(stored(v, v.schedule().schedule(
                    new RetentionCalculator.Item(i.category(), Set.copyOf(i.purposes()), i.collectedAt(), i.dates()),
                    subject(histories.get(i.subject()), holds.get(i.subject()), consented.get(i.subject())), now)));
        }
        return out;
    }

    @Override
    public void subjectChanged(UUID subject) {
        recompute(List.of(subject));
    }

    @Override
    public void consentChanged(UUID subject, String purpose) {
        // Consents locked the subject's row before writing the record; the consents are read again under it
        recompute(List.of(subject), clock.instant());
    }

    /**
     * The subjects' standing consents, where a rule depends on one and could govern one of the items (held for the
     * rule's purposes), else none are read: per subject, purpose and when the consent lapses by itself.
     */
    private Map<UUID, Map<String, Instant>> consentsFor(Collection<UUID> subjects, Instant now,
                                                        Collection<List<String>> itemPurposes) {
        boolean needed = false;
        for (Policy.RetentionRule rule : policy.policy().retention()) {
            if (rule.consentBound() && (rule.purposes().isEmpty()
                    || itemPurposes.stream().anyMatch(ps -> ps.stream().anyMatch(rule.purposes()::contains)))) {
                needed = true;
                break;
            }
        }
        return needed ? standingConsents(subjects, now) : Map.of();
    }

    /** The subjects' standing consents at {@code now}, per purpose with when each lapses by itself. */
    Map<UUID, Map<String, Instant>> standingConsents(Collection<UUID> subjects, Instant now) {
        return consents.standing(subjects, now);
    }

    @Override
    public void holdsChanged(UUID subject, Set<HoldKind> active) {
        // the holds are read again under the subject's lock (Restraints took it already): the same set
        recompute(List.of(subject), clock.instant());
    }

    /** Recomputes the stored schedules of every item of the subjects; returns how many schedules (shared ones once). */
    public int recompute(Collection<UUID> subjects) {
        return recompute(subjects, clock.instant()).schedules();
    }

    /** The same as it stands at {@code now} (the narrowing step in force then is stored); returns how many moved. */
    int recomputeMoved(Collection<UUID> subjects, Instant now) {
        return recompute(subjects, now).moved();
    }

    private record Recomputed(int schedules, int moved) {}

    /** Which of a subject's items may share a schedule: those of one category and purposes. */
    private record ShareKey(UUID subject, String category, Set<String> purposes) {

        ShareKey(UUID subject, String category, List<String> purposes) {
            this(subject, category, Set.copyOf(purposes));
        }
    }

    /**
     * Shared schedules are computed once for their items (V11): their dates do not depend on the moment an item was
     * collected. Items whose schedule may be shared come to share one where their subject has a shared row for their
     * category and purposes already, or two or more of them would share it; a single one keeps its own. Where a
     * schedule stops being shareable (the subject became a debtor, and a rule that counts from collection governs
     * too) the shared row is locked first, its items get schedules of their own, and the row goes.
     */
    private Recomputed recompute(Collection<UUID> subjects, Instant now) {
        Versioned v = schedule();
        // the subjects' rows first, in id order (a change of history or holds holds one already): what is read below
        // is then not changed by another transaction until this one has written what follows from it
        items.lockSubjects(subjects);
        Map<UUID, SubjectRestraints.ActiveHolds> holds = restraints.activeHolds(subjects);
        List<ExpiringItems.SharedFacts> shared = items.sharedOf(subjects);
        List<ItemFacts> own = new ArrayList<>(items.ownItemsOf(subjects));
        if (shared.isEmpty() && own.isEmpty()) {
            return new Recomputed(0, 0);
        }
        Map<UUID, SubjectHistory> histories = items.histories(subjects);
        List<List<String>> purposes = new ArrayList<>(shared.size() + own.size());
        shared.forEach(f -> purposes.add(f.purposes()));
        own.forEach(f -> purposes.add(f.purposes()));
        Map<UUID, Map<String, Instant>> consented = consentsFor(subjects, now, purposes);
        // only what moved is written: an event usually moves some periods, and an unchanged row costs a new version
        List<Long> sharedMoved = new ArrayList<>();
        List<ItemSchedule> sharedSchedules = new ArrayList<>();
        List<Long> unshared = new ArrayList<>();
        Set<ShareKey> stillShared = new java.util.HashSet<>();
        for (ExpiringItems.SharedFacts f : shared) {
            // the collection moment is no input of a shared schedule; if it becomes one, the items are computed apiece
            ItemSchedule s = stored(v, v.schedule().schedule(
                    new RetentionCalculator.Item(f.category(), Set.copyOf(f.purposes()), Instant.EPOCH),
                    subject(histories.get(f.subject()), holds.get(f.subject()), consented.get(f.subject())), now));
            if (!s.shared()) {
                unshared.add(f.id());
                continue;
            }
            stillShared.add(new ShareKey(f.subject(), f.category(), f.purposes()));
            if (!s.equals(f.stored())) {
                sharedMoved.add(f.id());
                sharedSchedules.add(s);
            }
        }
        // locked before their items are touched, as a sweep locks a shared row before its items
        List<Long> unsharedLocked = items.lockShared(unshared);
        own.addAll(items.itemsSharing(unsharedLocked));
        List<ItemSchedule> computed = new ArrayList<>(own.size());
        Map<ShareKey, Integer> shareable = new HashMap<>();
        for (ItemFacts f : own) {
            ItemSchedule s = stored(v, v.schedule().schedule(
                    new RetentionCalculator.Item(f.category(), Set.copyOf(f.purposes()), f.collectedAt(), f.dates()),
                    subject(histories.get(f.subject()), holds.get(f.subject()), consented.get(f.subject())), now));
            computed.add(s);
            if (s.shared()) {
                shareable.merge(new ShareKey(f.subject(), f.category(), f.purposes()), 1, Integer::sum);
            }
        }
        List<UUID> moved = new ArrayList<>();
        List<ItemSchedule> schedules = new ArrayList<>();
        List<ItemFacts> toShare = new ArrayList<>();
        List<ItemSchedule> shares = new ArrayList<>();
        for (int i = 0; i < own.size(); i++) {
            ItemFacts f = own.get(i);
            ItemSchedule s = computed.get(i);
            ShareKey key = s.shared() ? new ShareKey(f.subject(), f.category(), f.purposes()) : null;
            if (key != null && (stillShared.contains(key) || shareable.get(key) > 1)) {
                toShare.add(f);
                shares.add(s);
            } else if (!s.asOwn().equals(f.stored())) {
                moved.add(f.id());
                schedules.add(s.asOwn());
            }
        }
        items.updateShared(sharedMoved, sharedSchedules);
        items.reschedule(moved, schedules);
        items.share(toShare, shares);
        items.dropUnusedShared(unsharedLocked);
        return new Recomputed(shared.size() - unshared.size() + own.size(),
                sharedMoved.size() + moved.size() + toShare.size());
    }

    /**
     * Recomputes items scheduled under another policy version than the one in force, up to {@code subjects}
     * subjects at a time (call in a transaction, repeatedly until it returns 0).
     */
    public int recomputeStale(int subjects) {
        long version = schedule().version();
        if (currentUpTo == version) {
            return 0;
        }
        List<UUID> stale = items.subjectsScheduledUnderOther(version, subjects);
        if (stale.isEmpty()) {
            // a policy version comes into force only when a service starts: once every item is current, every item
            // stored later is scheduled under this version too, and the full scan need not be repeated
            currentUpTo = version;
            return 0;
        }
        return Math.max(1, recompute(stale));
    }

    /** Items whose schedule is of another policy version than the one in force (0 once all were found current). */
    public long staleSchedules() {
        long version = schedule().version();
        return currentUpTo == version ? 0 : items.scheduledUnderOther(version);
    }

    static RetentionCalculator.Subject subject(SubjectHistory history, SubjectRestraints.ActiveHolds holds,
                                              Map<String, Instant> consents) {
        SubjectHistory h = history == null ? SubjectHistory.NONE : history;
        SubjectRestraints.ActiveHolds a = holds == null ? SubjectRestraints.ActiveHolds.NONE : holds;
        return new RetentionCalculator.Subject(h.joined(), h.lastEvents(), a.whole(),
                consents == null ? Map.of() : consents, a.byCategory());
    }

    private static ItemSchedule stored(Versioned v, RetentionSchedule.Schedule s) {
        return new ItemSchedule(s.dueAt(), s.action(), s.rule(), s.narrowedAt(), s.retainedFor(), s.renarrowAt(),
                v.version(), s.shared());
    }
}
