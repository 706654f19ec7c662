package nl.waarborg.vault;

import nl.waarborg.access.PurposeNotAllowedException;
import nl.waarborg.access.SubjectNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import nl.waarborg.access.Action;
import nl.waarborg.access.Caller;
import nl.waarborg.access.Decision;
import nl.waarborg.access.DecisionEngine;
import nl.waarborg.access.DenyReason;
import nl.waarborg.access.ItemRetention;
import nl.waarborg.access.KeyScope;
import nl.waarborg.access.SubjectState;
import nl.waarborg.access.service.SubjectStates;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.audit.service.AuditRecorder;
import nl.waarborg.policy.CompiledPolicy;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.vault.crypto.BlindIndex;
import nl.waarborg.vault.crypto.ValueCipher;
import nl.waarborg.input.ApiException;
import nl.waarborg.input.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The vault's public interface: subjects, their personal values, and every use of them decided against the
 * policy and written to the audit log. A change and its audit event commit together; a use that changes
 * nothing (a read, a refused collection) is recorded through the {@link AuditRecorder}, committed before its
 * values are handed out.
 */
@Service
public class Vault {

    /** The most items one call may add. */
    public static final int MAX_BATCH = 10_000;

    private final Subjects subjects;
    private final Items items;
    private final SubjectCiphers ciphers;
    private final BlindIndex blindIndex;
    private final SubjectStates states;
    private final ActivePolicy policy;
    private final AuditLog audit;
    private final AuditRecorder recorder;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ItemScheduler scheduler;
    private final ExpiringItems expiring;
    private final RecordedDates dates;

    Vault(Subjects subjects, Items items, SubjectCiphers ciphers, BlindIndex blindIndex, SubjectStates states,
          ActivePolicy policy, AuditLog audit, AuditRecorder recorder, TransactionTemplate tx, Clock clock,
          ItemScheduler scheduler, ExpiringItems expiring,
          @org.springframework.beans.factory.annotation.Value("${waarborg.vault.clock-skew:PT5M}") java.time.Duration clockSkew) {
        this.dates = new RecordedDates(clockSkew);
        this.scheduler = scheduler;
        this.expiring = expiring;
        this.recorder = recorder;
        this.subjects = subjects;
        this.items = items;
        this.ciphers = ciphers;
        this.blindIndex = blindIndex;
        this.states = states;
        this.policy = policy;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    // ---- subjects ----

    /** A subject to create: the application's references to it, lookup identifiers and its subject categories. */
    public record NewSubject(List<Reference> references, List<Identifier> identifiers, List<String> categories) {
        public NewSubject {
            references = references == null ? List.of() : List.copyOf(references);
            identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
            categories = categories == null ? List.of() : List.copyOf(categories);
        }
    }

    /**
     * Creates subjects, all or none: a data key each (in the key store, first), then the rows and one audit event
     * per subject in one transaction.
     *
     * @throws ReferenceTakenException when a reference belongs to a subject already (or twice in the call)
     * @throws InvalidInputException when a subject category is not declared in the policy
     */
    public List<UUID> createSubjects(Caller caller, List<NewSubject> newSubjects) {
        if (newSubjects.isEmpty() || newSubjects.size() > MAX_BATCH) {
            throw new InvalidInputException("a call creates 1 to " + MAX_BATCH + " subjects, not " + newSubjects.size());
        }
        CompiledPolicy compiled = policy.compiled();
        KeyScope scope = KeyScope.of(compiled.policy(), caller);
        Instant now = clock.instant();
        List<Subjects.Row> rows = new ArrayList<>(newSubjects.size());
        Set<Reference> seen = new LinkedHashSet<>();
        for (NewSubject s : newSubjects) {
            for (String c : s.categories()) {
                if (compiled.subjectCategoryId(c) < 0) {
                    throw new InvalidInputException("subject category '" + c + "' is not declared in the policy");
                }
                if (!scope.mayJoin(c)) {
                    throw refuse(caller, "create-subject", null, BeyondKeyPurposesException.Reason.CATEGORY_NOT_JOINABLE,
                            "subject-category:" + c, "no purpose of this key may place subjects in subject category '"
                                    + c + "' (the policy's joins-subject-categories)");
                }
            }
            for (Reference r : s.references()) {
                if (!seen.add(r)) {
                    throw new ReferenceTakenException(r, null);
                }
            }
            List<Subjects.IndexedIdentifier> ids = indexed(s.identifiers());
            rows.add(new Subjects.Row(TimeOrderedIds.next(now.toEpochMilli()), s.references(), ids,
                    List.copyOf(new LinkedHashSet<>(s.categories()))));
        }
        Map<Reference, UUID> taken = subjects.taken(seen); // before making keys: a refused call leaves none behind
        if (!taken.isEmpty()) {
            Map.Entry<Reference, UUID> first = taken.entrySet().iterator().next();
            throw new ReferenceTakenException(first.getKey(), first.getValue());
        }
        // The key first: a failure after it leaves an unused key (harmless), never a subject without one.
        ciphers.createKeys(rows.stream().map(Subjects.Row::id).toList());
        long version = policy.version().id();
        try {
            return tx.execute(status -> {
                subjects.insert(rows, now);
                audit.appendAll(rows.stream().map(r -> AuditEvent.draft(caller.actor(), caller.role(), "create-subject")
                        .subject(r.id()).policyVersion(version)).toList());
                return rows.stream().map(Subjects.Row::id).toList();
            });
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            // another call took a reference meanwhile; the driver's message quotes the values: never pass it on
            rows.forEach(r -> ciphers.destroy(r.id()));
            throw new ReferenceTakenException(seen.iterator().next(), null);
        }
    }

    /** Adds lookup identifiers (a new phone number) to a subject; ones it has already change nothing. */
    public void addIdentifiers(Caller caller, UUID subject, List<Identifier> identifiers) {
        if (identifiers.isEmpty()) {
            throw new InvalidInputException("name at least one identifier");
        }
        List<Subjects.IndexedIdentifier> indexed = indexed(identifiers);
        requireWithinPurposes(caller, KeyScope.of(policy.policy(), caller), subject, "add-identifiers", false, null);
        tx.executeWithoutResult(status -> {
            requireSubject(subject);
            subjects.addIdentifiers(subject, indexed);
            audit.append(AuditEvent.draft(caller.actor(), caller.role(), "add-identifiers").subject(subject)
                    .outcome(Outcome.ALLOWED, identifiers.stream().map(i -> "identifier:" + i.kind().code())
                            .distinct().toArray(String[]::new))
                    .policyVersion(policy.version().id()));
        });
    }

    /** The subject with this reference; the lookup is in the audit log (kind only, never the value). */
    public Optional<UUID> find(Caller caller, Reference reference) {
        return find(caller, reference, null);
    }

    /**
     * As {@link #find(Caller, Reference)}, for a search made for a purpose (the console asks one of every search):
     * the audit events carry it, so the log says why a person was looked for.
     */
    public Optional<UUID> find(Caller caller, Reference reference, String purpose) {
        List<UUID> found = withinPurposes(caller, subjects.byReference(reference).stream().toList(),
                "reference:" + reference.scheme(), purpose);
        recordLookup(caller, "reference:" + reference.scheme(), found, purpose);
        return found.stream().findFirst();
    }

    /** The subjects with this identifier (several may share an e-mail address), found by its blind index. */
    public List<UUID> find(Caller caller, Identifier identifier) {
        return find(caller, identifier, null);
    }

    /** As {@link #find(Caller, Identifier)}, with the purpose of the search in its audit events. */
    public List<UUID> find(Caller caller, Identifier identifier, String purpose) {
        List<UUID> found = withinPurposes(caller, subjects.byIdentifier(indexed(List.of(identifier)).getFirst()),
                "identifier:" + identifier.kind().code(), purpose);
        recordLookup(caller, "identifier:" + identifier.kind().code(), found, purpose);
        return found;
    }

    // A lookup finds only subjects within the key's purposes; one outside them is not named in the answer, and the
    // refused sight of it is on record (its id and the kind looked by, never the value).
    private List<UUID> withinPurposes(Caller caller, List<UUID> found, String by, String purpose) {
        KeyScope scope = KeyScope.of(policy.policy(), caller);
        if (found.isEmpty() || scope.coversEverySubject()) {
            return found;
        }
        Set<UUID> within = subjects.withinScope(found, scope.subjectCategories(), scope.purposes());
        if (within.size() == found.size()) {
            return found;
        }
        long version = policy.version().id();
        recorder.recordAll(found.stream().filter(s -> !within.contains(s)).map(s -> AuditEvent.draft(caller.actor(),
                caller.role(), "lookup-subject").purpose(purpose).subject(s).outcome(Outcome.DENIED, by,
                BeyondKeyPurposesException.Reason.SUBJECT_OUTSIDE_PURPOSES.code()).policyVersion(version)).toList());
        return found.stream().filter(within::contains).toList();
    }

    private void recordLookup(Caller caller, String by, List<UUID> found, String purpose) {
        long version = policy.version().id();
        if (found.isEmpty()) {
            recorder.record(AuditEvent.draft(caller.actor(), caller.role(), "lookup-subject").purpose(purpose)
                    .outcome(Outcome.ALLOWED, by, "found:0").policyVersion(version));
        } else {
            recorder.recordAll(found.stream().map(s -> AuditEvent.draft(caller.actor(), caller.role(), "lookup-subject")
                    .purpose(purpose).subject(s).outcome(Outcome.ALLOWED, by).policyVersion(version)).toList());
        }
    }

    /** What the vault knows about a subject without its values; empty when there is none or its key is gone. */
    public Optional<SubjectRecord> subject(Caller caller, UUID subject) {
        Optional<SubjectRecord> found = ciphers.open(subject) == null ? Optional.empty() : subjects.find(subject);
        if (found.isPresent()) {
            requireWithinPurposes(caller, KeyScope.of(policy.policy(), caller), subject, "read-subject", false, null);
            recorder.record(AuditEvent.draft(caller.actor(), caller.role(), "read-subject").subject(subject)
                    .policyVersion(policy.version().id()));
        }
        return found;
    }

    /**
     * Records that the subject joined a subject category (a lead became a customer) at {@code at} (null: now).
     *
     * @return false when it had joined that category before (the first joining time stays)
     */
    public boolean join(Caller caller, UUID subject, String subjectCategory, Instant at) {
        Policy p = policy.policy();
        if (policy.compiled().subjectCategoryId(subjectCategory) < 0) {
            throw new InvalidInputException("subject category '" + subjectCategory + "' is not declared in the policy");
        }
        Instant now = clock.instant();
        Instant when = at == null ? now : at;
        dates.requireRecordable("at", when, now);
        KeyScope scope = KeyScope.of(p, caller);
        String what = "subject-category:" + subjectCategory;
        if (!scope.mayJoin(subjectCategory)) {
            throw refuse(caller, "join-subject-category", subject, BeyondKeyPurposesException.Reason.CATEGORY_NOT_JOINABLE,
                    what, "no purpose of this key may place subjects in subject category '" + subjectCategory
                            + "' (the policy's joins-subject-categories)");
        }
        // a subject that no purpose claims yet (just created, in no category, no items) may be placed by any key
        // that may join the category; one that belongs to others' purposes only not (an HR key taking a customer)
        requireWithinPurposes(caller, scope, subject, "join-subject-category", true, what);
        requireNotBackDated(caller, p, "join-subject-category", subject, what, "at", when, now);
        return Boolean.TRUE.equals(tx.execute(status -> {
            requireSubject(subject);
            boolean joined = subjects.join(subject, subjectCategory, when);
            if (joined) {
                states.changed(subject);
                scheduler.subjectChanged(subject); // a lead who became a customer: other rules govern now
                audit.append(AuditEvent.draft(caller.actor(), caller.role(), "join-subject-category").subject(subject)
                        .outcome(Outcome.ALLOWED, "subject-category:" + subjectCategory)
                        .policyVersion(policy.version().id()));
            }
            return joined;
        }));
    }

    /** Records a lifecycle event the policy names (contract-ended) that happened at {@code occurredAt} (null: now). */
    public void recordEvent(Caller caller, UUID subject, String event, Instant occurredAt) {
        Policy p = policy.policy();
        if (p.lifecycleEvents().stream().noneMatch(e -> e.id().equals(event))) {
            throw new InvalidInputException("lifecycle event '" + event + "' is not declared in the policy");
        }
        Instant now = clock.instant();
        Instant when = occurredAt == null ? now : occurredAt;
        dates.requireRecordable("occurredAt", when, now);
        KeyScope scope = KeyScope.of(p, caller);
        String what = "event:" + event;
        if (!scope.mayRecord(event)) {
            throw refuse(caller, "record-lifecycle-event", subject, BeyondKeyPurposesException.Reason.EVENT_NOT_RECORDABLE,
                    what, "no purpose of this key may record lifecycle event '" + event + "' (the policy's records-events)");
        }
        requireWithinPurposes(caller, scope, subject, "record-lifecycle-event", false, what);
        requireNotBackDated(caller, p, "record-lifecycle-event", subject, what, "occurredAt", when, now);
        tx.executeWithoutResult(status -> {
            requireSubject(subject);
            subjects.recordEvent(subject, event, when, now);
            states.changed(subject);
            scheduler.subjectChanged(subject); // the event may start or move a period
            audit.append(AuditEvent.draft(caller.actor(), caller.role(), "record-lifecycle-event").subject(subject)
                    .outcome(Outcome.ALLOWED, "event:" + event).policyVersion(policy.version().id()));
        });
    }

    /**
     * Erases the subject: destroys its data key first (from then on no copy of its values, in this database or
     * any backup of it, can be decrypted), then deletes its rows with the audit event in one transaction.
     * Repeating it after a failure finishes the job.
     *
     * @return false when there was no such subject
     */
    public boolean erase(Caller caller, UUID subject) {
        java.util.Set<nl.waarborg.policy.HoldKind> holds = states.state(subject).holds();
        if (!holds.isEmpty()) {
            throw new SubjectUnderHoldException(subject, holds);
        }
        boolean keyDestroyed = ciphers.destroy(subject);
        if (keyDestroyed) {
            // every node drops its opened key now, not only once the rows are gone (that step may fail)
            states.changed(subject);
        }
        boolean deleted = Boolean.TRUE.equals(tx.execute(status -> {
            boolean existed = subjects.delete(subject);
            if (existed) {
                states.changed(subject);
                audit.append(AuditEvent.draft(caller.actor(), caller.role(), "erase-subject").subject(subject)
                        .outcome(Outcome.ALLOWED, keyDestroyed ? "data-key-destroyed" : "data-key-already-destroyed")
                        .policyVersion(policy.version().id()));
            }
            return existed;
        }));
        return deleted || keyDestroyed;
    }

    // ---- items ----

    /** Why one item of a call was refused: its position in the call and every reason, per purpose. */
    public record Refusal(int index, List<Reason> reasons) {
    }

    /** One reason: a code ({@link DenyReason#code()} or a vault code such as {@code unknown-source}), for a purpose. */
    public record Reason(String code, String message, String purpose) {
    }

    /** Some items of a call were refused; none was stored. */
    public static final class ItemsRefusedException extends ApiException {
        private final transient List<Refusal> refusals;

        ItemsRefusedException(List<Refusal> refusals) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "Collection refused by the policy",
                    refusals.size() + " item(s) refused; nothing was stored");
            getBody().setProperty("refused", List.copyOf(refusals));
            this.refusals = List.copyOf(refusals);
        }

        public List<Refusal> refusals() {
            return refusals;
        }
    }

    /**
     * Stores items, all or none. Collection is decided like any use (action write), for each purpose the item is
     * collected for: the category must be declared for the purpose and the subject's categories, the caller's
     * role allowed, consent given where the purpose needs it, and the caller's key must carry the purpose.
     *
     * @return the new items' ids, in the order given
     * @throws ItemsRefusedException listing every refused item and why (nothing stored)
     * @throws SubjectNotFoundException when an item names a subject that does not exist
     */
    public List<UUID> addItems(Caller caller, List<NewItem> newItems) {
        if (newItems.isEmpty() || newItems.size() > MAX_BATCH) {
            throw new InvalidInputException("a call adds 1 to " + MAX_BATCH + " items, not " + newItems.size());
        }
        CompiledPolicy compiled = policy.compiled();
        Policy p = compiled.policy();
        long version = policy.version().id();
        Instant now = clock.instant();
        Set<UUID> subjectIds = new LinkedHashSet<>();
        for (int index = 0; index < newItems.size(); index++) {
            NewItem item = newItems.get(index);
            subjectIds.add(item.subject());
            if (item.collectedAt() != null) {
                dates.requireRecordable("collectedAt", newItems.size() == 1 ? null : index, item.collectedAt(), now);
            }
            requireItemDates(caller, p, item, newItems.size() == 1 ? null : index, now);
        }

        Map<UUID, ValueCipher> open = ciphers.open(subjectIds);
        for (UUID s : subjectIds) {
            if (!open.containsKey(s)) {
                throw new SubjectNotFoundException(s);
            }
        }
        Map<UUID, SubjectState> subjectStates = states.states(subjectIds, compiled);
        int role = compiled.roleId(caller.role());

        List<Refusal> refusals = new ArrayList<>();
        List<Items.Row> rows = new ArrayList<>(newItems.size());
        long[][] masks = new long[compiled.categoryCount()][];
        for (int index = 0; index < newItems.size(); index++) {
            NewItem item = newItems.get(index);
            List<Reason> reasons = collectionRefusals(caller, compiled, p, subjectStates.get(item.subject()), role, item,
                    masks);
            if (!reasons.isEmpty()) {
                refusals.add(new Refusal(index, reasons));
                continue;
            }
            Instant collected = item.collectedAt() == null ? now : item.collectedAt();
            UUID id = TimeOrderedIds.next(now.toEpochMilli());
            rows.add(new Items.Row(id, item.subject(), item.category(), item.purposes(), item.source(), item.system(),
                    collected, version, open.get(item.subject()).encrypt(id, item.category(), item.value()),
                    item.dates()));
        }
        if (!refusals.isEmpty()) {
            recordRefusedCollection(caller, newItems, refusals, version);
            throw new ItemsRefusedException(refusals);
        }
        List<AuditEvent.Draft> events = collectionEvents(caller, rows, version);
        List<Refusal> ownRetention = new ArrayList<>();
        tx.executeWithoutResult(status -> {
            // the subjects' histories are read in the transaction that stores the items, under a lock on the subject
            // rows that a change of history or holds waits for (join, recordEvent and holds take the row alone), so a
            // schedule, which items of the subject may share, is not computed from a history that changes meanwhile
            subjects.lockForItems(rows.stream().map(Items.Row::subject).collect(java.util.stream.Collectors.toSet()));
            List<ItemSchedule> schedules = scheduler.forNew(rows.stream().map(r -> new ItemScheduler.NewItemFacts(
                    r.subject(), r.category(), r.purposes(), r.collectedAt(), r.dates())).toList());
            // a new item is judged by its own retention, not by its category's other items: refused only when its
            // own period is over already (collected long ago) or its own rules have narrowed past its purposes
            ownRetention.addAll(ownRetentionRefusals(rows, schedules, now));
            if (!ownRetention.isEmpty()) {
                status.setRollbackOnly();
                return;
            }
            // a subject erased since its key was opened above: its rows are gone and the insert fails on the
            // foreign key; the call then fails as a whole and stores nothing
            items.insert(rows, schedules);
            audit.appendAll(events);
        });
        if (!ownRetention.isEmpty()) {
            recordRefusedCollection(caller, newItems, ownRetention, version);
            throw new ItemsRefusedException(ownRetention);
        }
        return rows.stream().map(Items.Row::id).toList();
    }

    /**
     * An item's reference dates (docs/vault.md, "Reference dates"): each one the policy declares for the item's data
     * category (item-dates), within the years 1900 to 9999 (the future is allowed), and every one declared for its
     * category present, since a retention period counts from it. A 400 naming the date otherwise. And none further
     * ahead of now than the policy's recording.item-date-ahead-limit: a 403, on record, since a period counted from an
     * invoice dated 9999 would keep it for thousands of years.
     */
    private void requireItemDates(Caller caller, Policy p, NewItem item, Integer index, Instant now) {
        String of = index == null ? "" : " of item " + index;
        for (Map.Entry<String, java.time.LocalDate> d : item.dates().entrySet()) {
            Optional<Policy.ItemDate> declared = p.itemDate(d.getKey());
            if (declared.isEmpty() && !d.getKey().matches("[a-z0-9][a-z0-9-]{0,99}")) {
                // not even shaped like a policy id: not echoed back
                throw new InvalidInputException("dates", "'dates'" + of + " names an item date that is not declared in "
                        + "the policy (item-dates)");
            }
            String field = "dates." + d.getKey();
            if (declared.isEmpty()) {
                throw new InvalidInputException(field, "'" + field + "'" + of + ": item date '" + d.getKey()
                        + "' is not declared in the policy (item-dates)");
            }
            if (item.category() != null && !declared.get().data().contains(item.category())) {
                throw new InvalidInputException(field, "'" + field + "'" + of + ": items of data category '"
                        + item.category() + "' do not carry item date '" + d.getKey()
                        + "' (the policy's item-dates." + d.getKey() + ".data-categories)");
            }
            dates.requireInRange(field, index, d.getValue());
            nl.waarborg.policy.RetentionPeriod ahead = recording(p).itemDateAheadLimit();
            java.time.LocalDate latest = now.plus(dates.skew()).atZone(java.time.ZoneOffset.UTC).toLocalDate()
                    .plus(ahead.value());
            if (d.getValue().isAfter(latest)) {
                throw refuse(caller, "collect", item.subject(), BeyondKeyPurposesException.Reason.ITEM_DATE_BEYOND_LIMIT,
                        "item-date:" + d.getKey(), "'" + field + "'" + of + " lies further ahead than an item date may (the "
                                + "policy's recording.item-date-ahead-limit, " + ahead.raw() + ")");
            }
        }
        if (item.category() != null) {
            for (Policy.ItemDate declared : p.itemDates()) {
                if (declared.data().contains(item.category()) && !item.dates().containsKey(declared.id())) {
                    throw new InvalidInputException("dates." + declared.id(), "'dates." + declared.id() + "'" + of
                            + " is missing: items of data category '" + item.category() + "' carry item date '"
                            + declared.id() + "' (the policy's item-dates), and retention may count from it");
                }
            }
        }
    }

    // The rows' positions are those of the call's items: rows are built only when no item was refused.
    private static List<Refusal> ownRetentionRefusals(List<Items.Row> rows, List<ItemSchedule> schedules, Instant now) {
        List<Refusal> refusals = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ItemSchedule s = schedules.get(i);
            List<Reason> reasons = new ArrayList<>();
            if (s.dueAt() != null && !now.isBefore(s.dueAt())) {
                reasons.add(new Reason(DenyReason.RETENTION_OVER.code(), DenyReason.RETENTION_OVER.message(), null));
            } else if (s.narrowedAt() != null && !now.isBefore(s.narrowedAt())) {
                for (String purpose : rows.get(i).purposes()) {
                    if (!s.retainedFor().contains(purpose)) {
                        reasons.add(new Reason(DenyReason.LEGAL_OBLIGATION_ONLY.code(),
                                DenyReason.retainedOnlyFor(s.retainedFor()), purpose));
                    }
                }
            }
            if (!reasons.isEmpty()) {
                refusals.add(new Refusal(i, reasons));
            }
        }
        return refusals;
    }

    private static List<Reason> collectionRefusals(Caller caller, CompiledPolicy compiled, Policy p, SubjectState state,
                                                   int role, NewItem item, long[][] masks) {
        List<Reason> reasons = new ArrayList<>();
        if (item.value() == null) {
            reasons.add(new Reason("no-value", "the item has no value", null));
        }
        if (item.purposes().isEmpty()) {
            reasons.add(new Reason("no-purpose", "an item is collected for at least one purpose", null));
        }
        if (item.source() == null || p.sources().stream().noneMatch(s -> s.id().equals(item.source()))) {
            reasons.add(new Reason("unknown-source", "the source is not declared in the policy", null));
        }
        if (item.system() == null || p.systems().stream().noneMatch(s -> s.id().equals(item.system()))) {
            reasons.add(new Reason("unknown-system", "the system is not declared in the policy", null));
        }
        int category = item.category() == null ? -1 : compiled.categoryId(item.category());
        if (category < 0) {
            reasons.add(new Reason(DenyReason.UNKNOWN_CATEGORY.code(), DenyReason.UNKNOWN_CATEGORY.message(), null));
            return reasons;
        }
        for (String purpose : item.purposes()) {
            if (!caller.mayUse(purpose)) {
                reasons.add(new Reason("purpose-not-allowed-for-key", "the API key does not carry this purpose", purpose));
                continue;
            }
            int pu = compiled.purposeId(purpose);
            if (pu < 0) {
                reasons.add(new Reason(DenyReason.UNKNOWN_PURPOSE.code(), DenyReason.UNKNOWN_PURPOSE.message(), purpose));
                continue;
            }
            long[] mask = masks[category];
            if (mask == null) {
                mask = masks[category] = compiled.newCategoryMask();
                CompiledPolicy.addCategory(mask, category);
            }
            // judged by its own retention (RUNNING here; its schedule is checked once computed, in addItems), not by
            // the category's: every other clip of a visitor past due does not make a new clip so
            Decision d = DecisionEngine.decide(compiled, state, role, pu, mask, Action.WRITE, DecisionEngine.NO_RECIPIENT,
                    0, ItemRetention.RUNNING);
            for (DenyReason reason : d.reasons()) {
                reasons.add(new Reason(reason.code(), reason.message(), purpose));
            }
        }
        return reasons;
    }

    // One event per subject and purpose, naming the categories collected for it.
    private static List<AuditEvent.Draft> collectionEvents(Caller caller, List<Items.Row> rows, long version) {
        Map<UUID, Map<String, Set<String>>> bySubject = new LinkedHashMap<>();
        for (Items.Row r : rows) {
            Map<String, Set<String>> byPurpose = bySubject.computeIfAbsent(r.subject(), k -> new LinkedHashMap<>());
            for (String purpose : r.purposes()) {
                byPurpose.computeIfAbsent(purpose, k -> new TreeSet<>()).add(r.category());
            }
        }
        List<AuditEvent.Draft> events = new ArrayList<>();
        bySubject.forEach((subject, byPurpose) -> byPurpose.forEach((purpose, categories) -> events.add(
                AuditEvent.draft(caller.actor(), caller.role(), "collect").purpose(purpose).subject(subject)
                        .categories(categories.toArray(String[]::new)).policyVersion(version))));
        return events;
    }

    private void recordRefusedCollection(Caller caller, List<NewItem> newItems, List<Refusal> refusals, long version) {
        List<AuditEvent.Draft> events = new ArrayList<>();
        for (Refusal r : refusals) {
            NewItem item = newItems.get(r.index());
            Set<String> codes = new TreeSet<>();
            r.reasons().forEach(x -> codes.add(x.code()));
            AuditEvent.Draft d = AuditEvent.draft(caller.actor(), caller.role(), "collect")
                    .subject(item.subject()).outcome(Outcome.DENIED, codes.toArray(String[]::new)).policyVersion(version);
            if (item.category() != null && policy.compiled().categoryId(item.category()) >= 0) {
                d = d.categories(item.category());
            }
            events.add(d);
        }
        recorder.recordAll(events); // a refusal changes nothing: recorded with other such events
    }

    /** Items withheld from a read: their category, how many, and why. */
    public record Withheld(String category, int count, List<Reason> reasons) {
    }

    /** A read's answer: the items the caller may use for the purpose, and what was withheld. */
    public record ItemsForPurpose(UUID subject, String purpose, List<StoredItem> items, List<Withheld> withheld) {
    }

    /**
     * The subject's items the caller may read for the purpose (of the given categories, or all when null); the
     * rest are listed as withheld with the reasons. The use is on record before this returns.
     *
     * @throws SubjectNotFoundException when the subject does not exist (or was erased)
     * @throws PurposeNotAllowedException when the caller's key does not carry the purpose
     */
    public ItemsForPurpose read(Caller caller, UUID subject, String purpose, List<String> categories) {
        CompiledPolicy compiled = policy.compiled();
        long version = policy.version().id();
        if (!caller.mayUse(purpose)) {
            recorder.record(AuditEvent.draft(caller.actor(), caller.role(), "read").subject(subject)
                    .outcome(Outcome.DENIED, "purpose-not-allowed-for-key").policyVersion(version));
            throw new PurposeNotAllowedException(purpose);
        }
        int pu = compiled.purposeId(purpose);
        if (pu < 0) {
            throw new InvalidInputException("purpose '" + purpose + "' is not declared in the policy");
        }
        if (categories != null) {
            for (String c : categories) {
                if (compiled.categoryId(c) < 0) {
                    throw new InvalidInputException("data category '" + c + "' is not declared in the policy");
                }
            }
        }
        ValueCipher cipher = ciphers.open(subject);
        if (cipher == null) {
            throw new SubjectNotFoundException(subject);
        }
        Instant now = clock.instant();
        List<Items.ReadRow> rows = items.ofSubject(subject, categories, now);
        SubjectState state = states.state(subject, compiled);
        // purpose limitation (Art. 5(1)(b), 6(4)): only items collected for this purpose or one it is compatible with
        Set<String> readable = KeyScope.readableFor(compiled.policy(), purpose);
        int role = compiled.roleId(caller.role());

        // one decision per category present
        Map<String, Decision> byCategory = new LinkedHashMap<>();
        for (Items.ReadRow r : rows) {
            byCategory.computeIfAbsent(r.row().category(), c -> DecisionEngine.decide(compiled, state, role, pu,
                    compiled.categoryId(c), Action.READ, DecisionEngine.NO_RECIPIENT));
        }
        List<StoredItem> allowed = new ArrayList<>();
        Map<String, Integer> withheldCount = new LinkedHashMap<>();
        Map<String, Integer> legalOnlyCount = new LinkedHashMap<>();
        Map<String, Set<String>> legalOnlyFor = new LinkedHashMap<>(); // the purposes that may still use them
        Map<String, Integer> otherPurposeCount = new LinkedHashMap<>();
        for (Items.ReadRow rr : rows) {
            Items.Row r = rr.row();
            if (!byCategory.get(r.category()).allowed()) {
                withheldCount.merge(r.category(), 1, Integer::sum);
            } else if (!collectedFor(r.purposes(), readable)) {
                otherPurposeCount.merge(r.category(), 1, Integer::sum);
            } else if (!rr.retainedFor(purpose, now)) {
                // this item's other rules have ended: only the purposes of the rules still running may use it
                legalOnlyCount.merge(r.category(), 1, Integer::sum);
                if (rr.retainedFor() != null) {
                    legalOnlyFor.computeIfAbsent(r.category(), k -> new TreeSet<>()).addAll(rr.retainedFor());
                }
            } else {
                allowed.add(new StoredItem(r.id(), subject, r.category(), cipher.decrypt(r.id(), r.category(), r.value()),
                        r.purposes(), r.source(), r.system(), r.collectedAt(), r.policyVersion(), r.dates()));
            }
        }
        List<Withheld> withheld = new ArrayList<>();
        Set<String> deniedCodes = new TreeSet<>();
        withheldCount.forEach((category, count) -> {
            Decision d = byCategory.get(category);
            withheld.add(new Withheld(category, count, d.reasons().stream()
                    .map(x -> new Reason(x.code(), x.message(state, compiled.categoryId(category)), purpose)).toList()));
            deniedCodes.addAll(d.codes());
        });
        legalOnlyCount.forEach((category, count) -> {
            withheld.add(new Withheld(category, count, List.of(new Reason(DenyReason.LEGAL_OBLIGATION_ONLY.code(),
                    DenyReason.retainedOnlyFor(legalOnlyFor.get(category)), purpose))));
            deniedCodes.add(DenyReason.LEGAL_OBLIGATION_ONLY.code());
        });
        otherPurposeCount.forEach((category, count) -> {
            withheld.add(new Withheld(category, count, List.of(new Reason(DenyReason.NOT_COLLECTED_FOR_PURPOSE.code(),
                    DenyReason.NOT_COLLECTED_FOR_PURPOSE.message(), purpose))));
            deniedCodes.add(DenyReason.NOT_COLLECTED_FOR_PURPOSE.code());
        });
        Set<String> withheldCategories = new TreeSet<>(withheldCount.keySet());
        withheldCategories.addAll(legalOnlyCount.keySet());
        withheldCategories.addAll(otherPurposeCount.keySet());

        List<AuditEvent.Draft> events = new ArrayList<>(2);
        Set<String> readCategories = new TreeSet<>();
        allowed.forEach(i -> readCategories.add(i.category()));
        events.add(AuditEvent.draft(caller.actor(), caller.role(), "read").purpose(purpose).subject(subject)
                .categories(readCategories.toArray(String[]::new)).policyVersion(version));
        if (!withheld.isEmpty()) {
            events.add(AuditEvent.draft(caller.actor(), caller.role(), "read").purpose(purpose).subject(subject)
                    .categories(withheldCategories.toArray(String[]::new))
                    .outcome(Outcome.DENIED, deniedCodes.toArray(String[]::new)).policyVersion(version));
        }
        recorder.recordAll(events);
        return new ItemsForPurpose(subject, purpose, allowed, withheld);
    }

    private static boolean collectedFor(List<String> itemPurposes, Set<String> readable) {
        for (String p : itemPurposes) {
            if (readable.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * R2.6: the subject says in advance that no anonymised remainder of them may be kept; from then on their items
     * are deleted at expiry even where the rule says anonymise. Only where the policy offers the choice.
     */
    public void refuseAnonymisedRemainder(Caller caller, UUID subject) {
        Policy.Rights rights = policy.policy().rights();
        if (rights == null || !rights.refuseAnonymisedRemainder()) {
            throw new InvalidInputException("the policy does not offer subjects to refuse an anonymised remainder "
                    + "(rights.refuse-anonymised-remainder); their data is deleted or anonymised as the rules say");
        }
        tx.executeWithoutResult(status -> {
            requireSubject(subject);
            expiring.refuseAnonymisedRemainder(subject);
            audit.append(AuditEvent.draft(caller.actor(), caller.role(), "refuse-anonymised-remainder").subject(subject)
                    .outcome(Outcome.ALLOWED).policyVersion(policy.version().id()));
        });
    }

    // Refuses a subject outside the key's purposes (403, on record); an unknown subject is left to the 404 later.
    private void requireWithinPurposes(Caller caller, KeyScope scope, UUID subject, String action, boolean unclaimedToo,
                                       String what) {
        if (scope.coversEverySubject()) {
            return;
        }
        List<UUID> one = List.of(subject);
        if (!subjects.withinScope(one, scope.subjectCategories(), scope.purposes()).isEmpty()
                || !subjects.exists(subject) || unclaimedToo && subjects.unclaimed(subject)) {
            return;
        }
        throw refuse(caller, action, subject, BeyondKeyPurposesException.Reason.SUBJECT_OUTSIDE_PURPOSES, what,
                "the subject is in no subject category this key's purposes declare and has no items collected for them");
    }

    // An application may not date a fact further back than the policy's recording.back-dating-limit (a
    // contract-ended of 2001 would make the subject's data due at once); staff may.
    private void requireNotBackDated(Caller caller, Policy p, String action, UUID subject, String what, String field,
                                     Instant when, Instant now) {
        if (caller.staff()) {
            return;
        }
        nl.waarborg.policy.RetentionPeriod limit = recording(p).backDatingLimit();
        Instant earliest = now.atZone(java.time.ZoneOffset.UTC).minus(limit.value()).toInstant().minus(dates.skew());
        if (when.isBefore(earliest)) {
            throw refuse(caller, action, subject, BeyondKeyPurposesException.Reason.BACK_DATED_BEYOND_LIMIT, what,
                    "'" + field + "' lies further back than an application may record (the policy's "
                            + "recording.back-dating-limit, " + limit.raw() + "); staff may record it");
        }
    }

    // What the policy lets applications record about the past and the future (its defaults where it says nothing).
    private static Policy.Recording recording(Policy p) {
        return p.recording() == null ? Policy.Recording.DEFAULT : p.recording();
    }

    // The refusal on record (reason code and policy ids, no values), then the exception to throw.
    private BeyondKeyPurposesException refuse(Caller caller, String action, UUID subject,
                                              BeyondKeyPurposesException.Reason reason, String what, String detail) {
        AuditEvent.Draft d = AuditEvent.draft(caller.actor(), caller.role(), action)
                .outcome(Outcome.DENIED, what == null ? new String[] {reason.code()} : new String[] {reason.code(), what})
                .policyVersion(policy.version().id());
        if (subject != null) {
            d = d.subject(subject);
        }
        recorder.record(d);
        return new BeyondKeyPurposesException(reason, subject, detail);
    }

    private void requireSubject(UUID subject) {
        if (!subjects.lock(subject)) {
            throw new SubjectNotFoundException(subject);
        }
    }

    // Only the keyed hash of each identifier is ever stored or looked up.
    private List<Subjects.IndexedIdentifier> indexed(List<Identifier> identifiers) {
        return identifiers.stream()
                .map(i -> new Subjects.IndexedIdentifier(i.kind(), blindIndex.of(i.kind().index, i.value()))).toList();
    }

    // ---- errors ----


    /** The subject's data is under a hold (incident, legal claim): it may not be erased until released. */
    public static final class SubjectUnderHoldException extends ApiException {
        SubjectUnderHoldException(UUID subject, java.util.Set<nl.waarborg.policy.HoldKind> holds) {
            super(HttpStatus.CONFLICT, "Subject under hold", "subject " + subject + " is under " + holds.size()
                    + " active hold(s) (" + holds.stream().map(nl.waarborg.policy.HoldKind::term).sorted().toList()
                    + "); release them before erasing");
        }
    }

    /** A reference is in use by another subject (or twice in one call). */
    public static final class ReferenceTakenException extends ApiException {
        private final UUID existing;

        ReferenceTakenException(Reference reference, UUID existing) {
            // the scheme only: the reference itself may be a customer number
            super(HttpStatus.CONFLICT, "Reference already in use", "a reference in scheme '" + reference.scheme()
                    + "' is " + (existing == null ? "given twice in this call" : "already used by subject " + existing));
            if (existing != null) {
                getBody().setProperty("existingSubject", existing);
            }
            this.existing = existing;
        }

        /** The subject that has it, or null when it was given twice in one call. */
        public UUID existing() {
            return existing;
        }
    }

}
