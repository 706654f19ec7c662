package nl.waarborg.vault;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import nl.waarborg.access.Caller;
import nl.waarborg.access.SubjectNotFoundException;
import nl.waarborg.access.service.SubjectStates;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.audit.service.AuditRecorder;
import nl.waarborg.input.ApiException;
import nl.waarborg.input.InvalidInputException;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.vault.crypto.ValueCipher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The vault's part of a data-subject request (issue 16; docs/vault.md, "A data-subject request"): everything it
 * holds of the person (Art. 15), erasure of all that no exception of Art. 17(3) keeps, and rectification (Art. 16).
 * Unlike {@link Vault#read}, these are not uses for a purpose but the person's rights over all of their data, so they
 * are not decided per purpose; they are staff's (the privacy team, or the request workflow acting for it). Each is one
 * audit event {@code request-…} naming {@code request:REFERENCE}, so the request's timeline shows the vault's part; no
 * event names a value.
 */
@Service
public class SubjectRequests {

    /** A term of the audit log: the reference is quoted in the events' reasons as {@code request:REFERENCE}. */
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/+-]{0,99}");

    private final Subjects subjects;
    private final RequestItems items;
    private final RetainedItems retained;
    private final SubjectCiphers ciphers;
    private final SubjectStates states;
    private final ItemScheduler scheduler;
    private final ActivePolicy policy;
    private final AuditLog audit;
    private final AuditRecorder recorder;
    private final TransactionTemplate tx;
    private final TransactionTemplate snapshot;
    private final Clock clock;

    SubjectRequests(Subjects subjects, RequestItems items, RetainedItems retained, SubjectCiphers ciphers,
                    SubjectStates states, ItemScheduler scheduler, ActivePolicy policy, AuditLog audit,
                    AuditRecorder recorder, TransactionTemplate tx, Clock clock) {
        this.subjects = subjects;
        this.items = items;
        this.retained = retained;
        this.ciphers = ciphers;
        this.states = states;
        this.scheduler = scheduler;
        this.policy = policy;
        this.audit = audit;
        this.recorder = recorder;
        this.tx = tx;
        this.clock = clock;
        // an export counts, records and streams from one snapshot: what the event names is what was handed out
        this.snapshot = new TransactionTemplate(Objects.requireNonNull(tx.getTransactionManager()));
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.snapshot.setName("request-export");
    }

    // ---- access (Art. 15) ----

    /** One item as the person is given it: every item, whatever its purposes. Its value never shows in a log. */
    public record ExportedItem(UUID id, String category, String value, Instant collectedAt, List<String> purposes,
                               String source, String system) {

        @Override
        public String toString() {
            return "ExportedItem[" + id + ", " + category + ", " + purposes + "]";
        }
    }

    /**
     * Streams every item of the subject, of every purpose (Art. 15 gives the person all of their data), ordered by
     * category, then collection moment, to {@code sink}, through a cursor: memory stays bounded however many items
     * there are. The one audit event {@code request-export} (reasons {@code request:REFERENCE}, {@code items:N}; the
     * categories exported) is committed before the first value is handed out.
     *
     * @return how many items were handed out
     * @throws SubjectNotFoundException when there is no such subject (or it was erased)
     */
    public long exportAll(Caller caller, UUID subject, String requestReference, Consumer<ExportedItem> sink) {
        String request = requestTerm(requestReference);
        requireStaff(caller, "request-export", subject, request);
        Objects.requireNonNull(sink, "sink");
        ValueCipher cipher = ciphers.open(subject);
        if (cipher == null) {
            throw new SubjectNotFoundException(subject);
        }
        long version = policy.version().id();
        Long exported = snapshot.execute(status -> {
            if (!subjects.exists(subject)) {
                throw new SubjectNotFoundException(subject);
            }
            Map<String, Long> counts = items.countsByCategory(subject);
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            recorder.record(AuditEvent.draft(caller.actor(), caller.role(), "request-export").subject(subject)
                    .categories(counts.keySet().toArray(String[]::new))
                    .outcome(Outcome.ALLOWED, request, "items:" + total).policyVersion(version));
            return items.stream(subject, i -> sink.accept(new ExportedItem(i.id(), i.category(),
                    cipher.decrypt(i.id(), i.category(), i.value()), i.collectedAt(), i.purposes(), i.source(),
                    i.system())));
        });
        return exported == null ? 0 : exported;
    }

    // ---- erasure (Art. 17) ----

    /**
     * Items an erasure left, per category and ground.
     *
     * @param ground  {@code legal-obligation}, {@code contract}, {@code legal-claim} or {@code hold}
     * @param purpose the purpose they are kept for (null for a hold)
     * @param until   when the rule that keeps them ends, in the organisation's zone (null when not known: a hold, or a
     *                rule whose start event has not happened yet)
     */
    public record Kept(String category, long count, String ground, String purpose, LocalDate until) {}

    /**
     * What an erasure did.
     *
     * @param found        whether the subject existed
     * @param erased       how many items it deleted
     * @param kept         what it left, and why
     * @param keyDestroyed whether it destroyed the subject's data key (nothing was kept: crypto-shredded)
     */
    public record Erasure(boolean found, long erased, List<Kept> kept, boolean keyDestroyed) {

        public Erasure {
            kept = List.copyOf(kept);
        }
    }

    /**
     * Art. 17: deletes every item of the subject except those an exception of Art. 17(3) still requires
     * ({@link RetainedItems}: a rule on a legal obligation, a contract that still runs, a hold). With nothing kept,
     * the subject goes as {@link Vault#erase} erases it: its data key first (crypto-shredding), then its rows. A
     * subject under a hold is no exception here: what the hold covers is kept. Repeating it changes nothing more
     * (and finishes an erasure that failed after destroying the key). One audit event {@code request-erase}: reasons
     * {@code request:REFERENCE}, {@code erased:N}, {@code kept:CATEGORY/GROUND} per group kept; the categories erased.
     */
    public Erasure eraseForRequest(Caller caller, UUID subject, String requestReference) {
        String request = requestTerm(requestReference);
        requireStaff(caller, "request-erase", subject, request);
        Policy p = policy.policy();
        long version = policy.version().id();
        Instant now = clock.instant();
        Erasure done = tx.execute(status -> {
            if (!subjects.lock(subject)) {
                return null;
            }
            List<RetainedItems.Verdict> verdicts = retained.of(subject, p, now);
            // a subject whose key is gone (an erasure that failed after destroying it) has nothing readable to keep
            boolean keyGone = ciphers.open(subject) == null;
            List<RetainedItems.Verdict> kept = keyGone ? List.of()
                    : verdicts.stream().filter(v -> v.kept() != null).toList();
            // a hold with nothing of the vault's under it may be about the subject's data in other systems: its record
            // (and so the subject) stays
            boolean held = !keyGone && retained.held(subject);
            if (kept.isEmpty() && !held) {
                // nothing must stay: the key first (from then on no copy of the values can be read), then the rows
                boolean destroyed = ciphers.destroy(subject);
                subjects.delete(subject);
                states.changed(subject);
                audit.append(event(caller, subject, request, verdicts.size(), List.of(), version,
                        categories(verdicts.stream().map(RetainedItems.Verdict::category).toList()),
                        destroyed ? "data-key-destroyed" : "data-key-already-destroyed"));
                return new Erasure(true, verdicts.size(), List.of(), true);
            }
            List<String> erased = items.deleteAllBut(subject, kept.stream().map(RetainedItems.Verdict::item).toList());
            if (!erased.isEmpty()) {
                states.changed(subject);
                scheduler.subjectChanged(subject);
            }
            List<Kept> groups = groups(kept);
            audit.append(event(caller, subject, request, erased.size(), groups, version, categories(erased)));
            return new Erasure(true, erased.size(), groups, false);
        });
        if (done != null) {
            return done;
        }
        // no such subject (any more): a key an earlier erasure left behind goes now, as erase() would finish it
        boolean destroyed = ciphers.destroy(subject);
        if (destroyed) {
            states.changed(subject);
        }
        recorder.record(AuditEvent.draft(caller.actor(), caller.role(), "request-erase").subject(subject)
                .outcome(Outcome.ALLOWED, request, "erased:0", "subject-not-found").policyVersion(version));
        return new Erasure(false, 0, List.of(), destroyed);
    }

    private static AuditEvent.Draft event(Caller caller, UUID subject, String request, long erased, List<Kept> kept,
                                          long version, String[] categories, String... more) {
        return AuditEvent.draft(caller.actor(), caller.role(), "request-erase").subject(subject).categories(categories)
                .outcome(Outcome.ALLOWED, reasons(request, erased, kept, more)).policyVersion(version);
    }

    private static String[] reasons(String request, long erased, List<Kept> kept, String... more) {
        List<String> reasons = new ArrayList<>();
        reasons.add(request);
        reasons.add("erased:" + erased);
        Set<String> groups = new TreeSet<>();
        kept.forEach(k -> groups.add("kept:" + k.category() + "/" + k.ground()));
        reasons.addAll(groups);
        reasons.addAll(List.of(more));
        return reasons.toArray(String[]::new);
    }

    private static String[] categories(List<String> categories) {
        return new TreeSet<>(categories).toArray(String[]::new);
    }

    /** The kept items per category, ground, purpose and end, by category then ground. */
    private static List<Kept> groups(List<RetainedItems.Verdict> kept) {
        record Key(String category, String ground, String purpose, LocalDate until) {}
        Map<Key, Long> counts = new LinkedHashMap<>();
        for (RetainedItems.Verdict v : kept) {
            counts.merge(new Key(v.category(), v.kept().ground(), v.kept().purpose(), v.kept().until()), 1L, Long::sum);
        }
        List<Kept> out = new ArrayList<>();
        counts.forEach((k, n) -> out.add(new Kept(k.category(), n, k.ground(), k.purpose(), k.until())));
        out.sort(Comparator.comparing(Kept::category).thenComparing(Kept::ground)
                .thenComparing(k -> String.valueOf(k.purpose())).thenComparing(k -> String.valueOf(k.until())));
        return out;
    }

    // ---- rectification (Art. 16) ----

    /**
     * Art. 16: replaces the value of each of the subject's items of {@code category} with {@code value}, encrypted as
     * ever; purposes, dates, schedule and policy version stay. One audit event {@code request-rectify} (reasons
     * {@code request:REFERENCE}, {@code rectified:N}; the category), never the value.
     *
     * @return how many items were changed
     * @throws SubjectNotFoundException when there is no such subject (or it was erased)
     */
    public long rectify(Caller caller, UUID subject, String category, String value, String requestReference) {
        String request = requestTerm(requestReference);
        requireStaff(caller, "request-rectify", subject, request);
        if (category == null || policy.compiled().categoryId(category) < 0) {
            throw new InvalidInputException("category", "data category '" + category + "' is not declared in the policy");
        }
        if (value == null) {
            throw new InvalidInputException("value", "'value' is required: the corrected value");
        }
        ValueCipher cipher = ciphers.open(subject);
        if (cipher == null) {
            throw new SubjectNotFoundException(subject);
        }
        long version = policy.version().id();
        Integer changed = tx.execute(status -> {
            if (!subjects.lock(subject)) {
                throw new SubjectNotFoundException(subject);
            }
            List<UUID> ids = items.idsOf(subject, category);
            List<byte[]> values = new ArrayList<>(ids.size());
            for (UUID id : ids) {
                values.add(cipher.encrypt(id, category, value)); // bound to the item and category, as when collected
            }
            int n = items.replaceValues(ids, values);
            audit.append(AuditEvent.draft(caller.actor(), caller.role(), "request-rectify").subject(subject)
                    .categories(category).outcome(Outcome.ALLOWED, request, "rectified:" + n).policyVersion(version));
            return n;
        });
        return changed == null ? 0 : changed;
    }

    // ---- common ----

    private static String requestTerm(String reference) {
        if (reference == null || !REFERENCE.matcher(reference).matches()) {
            // not echoed: whatever was passed may not be a term
            throw new InvalidInputException("requestReference", "'requestReference' must be the request's reference "
                    + "(letters, digits and . _ : / + -, at most 100 characters)");
        }
        return "request:" + reference;
    }

    // The person's rights over all of their data are exercised by staff (the privacy team), not by an application's
    // key, which reaches only its own purposes; the refusal is on record.
    private void requireStaff(Caller caller, String action, UUID subject, String request) {
        if (caller.staff()) {
            return;
        }
        recorder.record(AuditEvent.draft(caller.actor(), caller.role(), action).subject(subject)
                .outcome(Outcome.DENIED, "staff-only", request).policyVersion(policy.version().id()));
        throw new StaffOnlyException(action);
    }

    /** A request's part in the vault is staff's: an application's key may not run it. */
    public static final class StaffOnlyException extends ApiException {
        StaffOnlyException(String action) {
            super(HttpStatus.FORBIDDEN, "Staff only", "'" + action + "' exercises a person's rights over all of their "
                    + "data and is the privacy team's; an application's key may not run it");
        }
    }
}
