package nl.waarborg.retention.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import nl.waarborg.access.service.SubjectStates;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.policy.EndAction;
import nl.waarborg.policy.RetentionStart;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.retention.ErasureProof;
import nl.waarborg.retention.Generalisation;
import nl.waarborg.systems.LinkedSubjects;
import nl.waarborg.systems.SystemOperations;
import nl.waarborg.vault.ExpiringItems;
import nl.waarborg.vault.ExpiringItems.DeletedItem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One sweep: brings schedules computed under an older policy version up to date, then deletes every due item in
 * batches, each batch one transaction with its statistics (anonymised items) and its audit event. A batch claims
 * its rows with {@code FOR UPDATE SKIP LOCKED}: sweeps on several nodes share the work, and a node that dies
 * mid-batch rolls back, leaving its rows to the next sweep. Then it announces subjects whose items became usable
 * for fewer purposes since the last sweep, and plans attestation tasks.
 */
@Service
public class Sweeper {

    static final String ACTOR = "system:retention";

    private final ExpiringItems items;
    private final RetentionUpkeep upkeep;
    private final AnonymisedStatistics statistics;
    private final AttestationTasks attestations;
    private final SubjectStates states;
    private final ActivePolicy policy;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int batch;
    private final SystemOperations systems;
    private final LinkedSubjects subjects;
    private final List<RecordKeeping> recordKeeping;
    private volatile Instant narrowingsAnnouncedUpTo;

    Sweeper(ExpiringItems items, RetentionUpkeep upkeep, AnonymisedStatistics statistics, AttestationTasks attestations,
            SubjectStates states, ActivePolicy policy, AuditLog audit, TransactionTemplate tx, Clock clock,
            @Value("${waarborg.retention.batch:10000}") int batch, SystemOperations systems, LinkedSubjects subjects,
            List<RecordKeeping> recordKeeping) {
        this.recordKeeping = List.copyOf(recordKeeping);
        if (batch < 1) {
            throw new IllegalArgumentException("waarborg.retention.batch must be positive, was " + batch);
        }
        this.items = items;
        this.upkeep = upkeep;
        this.statistics = statistics;
        this.attestations = attestations;
        this.states = states;
        this.policy = policy;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.batch = batch;
        this.systems = systems;
        this.subjects = subjects;
        this.narrowingsAnnouncedUpTo = clock.instant();
    }

    /**
     * What one sweep did (or, dry, would do). {@code systems}: each reachable system's sweep (issue 15), after the
     * vault's; one that failed is named with its cause and tried again at a later sweep.
     */
    public record Report(boolean dryRun, Instant at, long rescheduled, long deleted, long anonymised,
                         Map<String, Long> byCategoryAndRule, int batches, int attestationTasksCreated,
                         int subjectsNarrowed, List<ExpiringItems.DueGroup> due, List<SystemOperations.SystemSweep> systems,
                         Map<String, Long> records) {}

    /**
     * How far a sweep is, for a page that shows it: {@code step} is one of {@link #STEPS}, with what of it is done
     * (schedules recomputed, items erased, systems swept) of how much there was when the step began. The count of
     * items is taken before the first batch; items falling due meanwhile may make {@code done} pass it.
     */
    @FunctionalInterface
    public interface Progress {
        void at(String step, long done, long total);

        Progress NONE = (step, done, total) -> { };
    }

    /** The steps of a sweep in their order, as {@link Progress} names them. */
    public static final List<String> STEPS = List.of("schedules", "items", "narrowing", "attestations", "systems",
            "records");

    /** A sweep now. A dry run changes nothing and reports what is due (items of an older schedule as they stand). */
    public Report sweep(boolean dryRun) {
        return sweep(dryRun, Progress.NONE);
    }

    /** {@link #sweep(boolean)}, telling {@code progress} how far it is after each batch and step. */
    public Report sweep(boolean dryRun, Progress progress) {
        // to the microsecond, as PostgreSQL stores it: a moment compared in SQL and in Java must be the same moment
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long version = policy.version().id();
        boolean watched = progress != Progress.NONE;
        if (dryRun) {
            progress.at("items", 0, 1);
            List<ExpiringItems.DueGroup> due = items.dueUpTo(now, now);
            progress.at("items", 1, 1);
            List<SystemOperations.SystemSweep> swept = systems.sweepAll(now, true, subjects,
                    (done, total) -> progress.at("systems", done, total));
            progress.at("records", 0, 1);
            return new Report(true, now, upkeep.staleSchedules(), due.stream().mapToLong(
                    ExpiringItems.DueGroup::items).sum(), 0, Map.of(), 0, 0, 0, due, swept, records(now, true));
        }
        long stale = watched ? upkeep.staleSchedules() : 0; // a count only for whoever watches
        long rescheduled = 0;
        progress.at("schedules", 0, stale);
        for (int n; (n = tx.execute(s -> upkeep.recomputeStale(500))) > 0; ) {
            rescheduled += n;
            progress.at("schedules", rescheduled, stale);
        }
        long dueItems = watched ? items.dueUpTo(now, now).stream().mapToLong(ExpiringItems.DueGroup::items).sum() : 0;
        Totals totals = new Totals();
        progress.at("items", 0, dueItems);
        Generalisation generalisation = new Generalisation(upkeep.zone());
        Instant from = Instant.EPOCH;
        while (true) {
            Instant batchFrom = from;
            BatchResult r = tx.execute(s -> deleteBatch(now, version, generalisation, batchFrom));
            if (r == null || r.deleted() == 0) {
                break;
            }
            totals.add(r);
            progress.at("items", totals.deleted, dueItems);
            if (r.deleted() < batch) {
                break;
            }
            from = r.lastDue();
        }
        // items of shared schedules (V11): a batch takes whole schedules, each with all its items
        int sharedLimit = Math.max(1, batch / SHARED_ITEMS_GUESS);
        while (true) {
            BatchResult r = tx.execute(s -> deleteSharedBatch(now, version, generalisation, sharedLimit));
            if (r == null || r.schedules() == 0) {
                break;
            }
            totals.add(r);
            progress.at("items", totals.deleted, dueItems);
            if (r.schedules() < sharedLimit) {
                break;
            }
        }
        progress.at("narrowing", 0, 1);
        Set<UUID> narrowed = new HashSet<>(renarrow(now));
        narrowed.addAll(announceNarrowings(now));
        progress.at("attestations", 0, 1);
        int created = tx.execute(s -> attestations.schedule(now));
        // the organisation's own systems, each on its own: one that is down fails alone, after the vault is swept
        List<SystemOperations.SystemSweep> swept = systems.sweepAll(now, false, subjects,
                (done, total) -> progress.at("systems", done, total));
        progress.at("records", 0, 1);
        return new Report(false, now, rescheduled, totals.deleted, totals.anonymised, totals.counts, totals.batches,
                created, narrowed.size(), List.of(), swept, records(now, false));
    }

    /** Each other capability's records whose period has ended (the record of a handled request, …). */
    private Map<String, Long> records(Instant now, boolean dryRun) {
        Map<String, Long> out = new java.util.TreeMap<>();
        recordKeeping.forEach(k -> out.put(k.records(), k.sweep(now, dryRun)));
        return out;
    }

    /** What the batches of one sweep erased. */
    private static final class Totals {
        long deleted;
        long anonymised;
        int batches;
        final Map<String, Long> counts = new TreeMap<>();

        void add(BatchResult r) {
            if (r.deleted() > 0) {
                batches++; // a batch of shared schedules may have found them emptied and deleted no item
            }
            deleted += r.deleted();
            anonymised += r.anonymised();
            r.proof().countsByKey().forEach((key, n) -> counts.merge(key, (long) n, Long::sum));
        }
    }

    /**
     * Items a shared schedule is taken to hold, for sizing its batches (a subject's items of one category and
     * purposes): a batch takes the batch size divided by this many schedules, with all their items.
     */
    private static final int SHARED_ITEMS_GUESS = 10;

    private record BatchResult(int deleted, int anonymised, ErasureProof proof, Instant lastDue, int schedules) {}

    private BatchResult deleteBatch(Instant now, long version, Generalisation generalisation, Instant from) {
        return erased(items.deleteDue(now, version, batch, from), version, generalisation, from, 0);
    }

    private BatchResult deleteSharedBatch(Instant now, long version, Generalisation generalisation, int limit) {
        ExpiringItems.DeletedShared d = items.deleteDueShared(now, version, limit);
        return erased(d.items(), version, generalisation, Instant.EPOCH, d.schedules());
    }

    /** Anonymises what is to be, counts the batch and writes its audit event. */
    private BatchResult erased(List<DeletedItem> gone, long version, Generalisation generalisation, Instant from,
                               int schedules) {
        if (gone.isEmpty()) {
            return new BatchResult(0, 0, new ErasureProof(), from, schedules);
        }
        Instant lastDue = from;
        ErasureProof proof = new ErasureProof();
        List<Generalisation.Group> groups = new ArrayList<>();
        TreeSet<String> categories = new TreeSet<>();
        int anonymised = 0;
        for (DeletedItem d : gone) {
            // the action taken: deleteDue already turned anonymise into delete for subjects who refused a remainder
            if (d.action() == EndAction.ANONYMISE) {
                groups.addAll(generalisation.of(d.rule(), d.category(), d.collectedAt(), items.reveal(d)));
                anonymised++;
            }
            proof.add(d.id(), d.action(), d.category(), d.rule());
            if (d.dueAt().isAfter(lastDue)) {
                lastDue = d.dueAt();
            }
            categories.add(d.category());
        }
        statistics.count(groups);
        // only items whose rule starts at lifecycle events can have been made due by recording one
        Set<String> eventRules = new HashSet<>();
        policy.policy().retention().stream().filter(rule -> rule.start() instanceof RetentionStart.AfterEvents)
                .forEach(rule -> eventRules.add(rule.id()));
        List<DeletedItem> fromEvents = eventRules.isEmpty() ? List.of()
                : gone.stream().filter(d -> d.rule() != null && eventRules.contains(d.rule())).toList();
        for (ExpiringItems.DueAtOnce e : fromEvents.isEmpty() ? List.<ExpiringItems.DueAtOnce>of() : items.dueAtOnce(fromEvents)) {
            proof.addDueAtOnce(e.eventId(), e.event(), e.subject());
        }
        List<String> reasons = new ArrayList<>(proof.counts());
        reasons.addAll(proof.dueAtOnce());
        reasons.add("items:" + proof.size());
        reasons.add("ids-sha256:" + proof.idsSha256());
        audit.append(AuditEvent.draft(ACTOR, "system", "retention-erased").categories(categories.toArray(String[]::new))
                .outcome(Outcome.ALLOWED, reasons.toArray(String[]::new)).policyVersion(version));
        return new BatchResult(gone.size(), anonymised, proof, lastDue, schedules);
    }

    /**
     * Items whose next narrowing step has begun get their schedules computed again (the step in force then is
     * stored, with the one after it); returns those subjects, whose cached decisions go.
     */
    private List<UUID> renarrow(Instant now) {
        List<UUID> subjects = new ArrayList<>();
        for (List<UUID> due; !(due = items.subjectsToRenarrow(now, 500)).isEmpty(); ) {
            List<UUID> page = due;
            // computed as of this sweep's moment: every step stored then begins after it, so the loop ends
            int moved = tx.execute(s -> upkeep.recomputeMoved(page, now));
            page.forEach(states::changed);
            subjects.addAll(page);
            if (moved == 0) {
                // nothing stored differs from what is computed now; asking again would return the same page
                break;
            }
        }
        return subjects;
    }

    /** Subjects some of whose items are usable for fewer purposes from now on: their cached decisions go. */
    private List<UUID> announceNarrowings(Instant now) {
        Instant from = narrowingsAnnouncedUpTo;
        if (!now.isAfter(from)) {
            return List.of();
        }
        List<UUID> subjects = items.subjectsNarrowedBetween(from, now);
        subjects.forEach(states::changed);
        narrowingsAnnouncedUpTo = now;
        return subjects;
    }
}
