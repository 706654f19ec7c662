package nl.waarborg.access.service;

import org.springframework.http.HttpStatus;
import nl.waarborg.input.InvalidInputException;
import nl.waarborg.input.ApiException;
import nl.waarborg.access.PurposeNotAllowedException;
import nl.waarborg.access.SubjectNotFoundException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import nl.waarborg.access.Caller;
import nl.waarborg.access.ObjectionStatus;
import nl.waarborg.access.RestrictionGround;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.policy.CompiledPolicy;
import nl.waarborg.policy.HoldKind;
import nl.waarborg.policy.LegalBasis;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.service.ActivePolicy;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The brakes on processing a subject can pull, and the holds that keep data longer: objections (Art. 21),
 * restrictions (Art. 18) and holds (R2.4). Every change is written with its audit event in one transaction and
 * announced to the subject's cached decision state ({@link SubjectStates#changed}), so the next decision sees it.
 */
@Service
public class Restraints {

    /** Who decides an objection to direct marketing: the law itself (Art. 21(3)), at once. */
    static final String ART_21_3 = "system:art-21-3";

    /** A hold's reason: a code (a case or ticket number), never a sentence, a name or an e-mail address. */
    private static final Pattern REASON = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/+-]{0,99}");

    private final org.springframework.beans.factory.ObjectProvider<HoldObserver> observers;
    private final SubjectRestraints store;
    private final SubjectStates states;
    private final ActivePolicy policy;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    Restraints(SubjectRestraints store, SubjectStates states, ActivePolicy policy, AuditLog audit,
               TransactionTemplate tx, Clock clock, org.springframework.beans.factory.ObjectProvider<HoldObserver> observers) {
        this.observers = observers;
        this.store = store;
        this.states = states;
        this.policy = policy;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    // ---- objections ----

    /** An objection as recorded, and whether this call recorded it (false: one to the purpose was open already). */
    public record Objected(ObjectionRecord objection, boolean created) {
    }

    /**
     * Records the subject's objection to a purpose. To a direct-marketing purpose it is upheld at once (Art. 21(3),
     * R3.6), whatever the purpose's basis; to a legitimate-interest or public-task purpose it is pending until staff
     * decide it (R4.4). When an objection to the purpose is open (pending or upheld) already, that one is returned.
     *
     * @param receivedAt when the objection reached the organisation; null: now
     * @throws NotObjectableException    when the purpose's basis gives no right to object (contract, legal
     *                                   obligation, vital interest; consent is withdrawn, not objected to)
     * @throws PurposeNotAllowedException when the caller's key does not carry the purpose
     * @throws SubjectNotFoundException   when there is no such subject
     */
    public Objected object(Caller caller, UUID subject, String purpose, Instant receivedAt) {
        return object(caller, subject, purpose, receivedAt, null);
    }

    /** How an objection can reach staff, as the audit event's {@code channel:} term (the console's objection form). */
    public static final List<String> CHANNELS = List.of("phone", "email", "letter", "in-person");

    /**
     * Records an objection as {@link #object(Caller, UUID, String, Instant)}, with how the person asked
     * ({@link #CHANNELS}; null: not said), which the audit event keeps as {@code channel:<term>}.
     */
    public Objected object(Caller caller, UUID subject, String purpose, Instant receivedAt, String channel) {
        if (channel != null && !CHANNELS.contains(channel)) {
            throw new InvalidInputException("channel", "'channel' is one of " + String.join(", ", CHANNELS));
        }
        CompiledPolicy compiled = policy.compiled();
        long version = policy.version().id();
        if (purpose == null || purpose.isBlank()) {
            throw new InvalidInputException("name the purpose objected to");
        }
        if (!caller.mayUse(purpose)) {
            deniedForKey(caller, subject, "object", version);
            throw new PurposeNotAllowedException(purpose);
        }
        int p = compiled.purposeId(purpose);
        if (p < 0) {
            throw new InvalidInputException("purpose '" + purpose + "' is not declared in the policy");
        }
        boolean directMarketing = (compiled.flags(p) & CompiledPolicy.DIRECT_MARKETING) != 0;
        LegalBasis basis = compiled.basis(p);
        if (!directMarketing && basis != LegalBasis.LEGITIMATE_INTEREST && basis != LegalBasis.PUBLIC_TASK) {
            throw new NotObjectableException(purpose, basis);
        }
        Instant now = clock.instant();
        Instant received = receivedAt == null ? now : receivedAt;
        if (received.isAfter(now)) {
            throw new InvalidInputException("'receivedAt' cannot lie in the future");
        }
        ObjectionRecord o = directMarketing
                ? new ObjectionRecord(UUID.randomUUID(), subject, purpose, ObjectionStatus.UPHELD, true, received, now,
                caller.actor(), null, now, ART_21_3, version)
                : new ObjectionRecord(UUID.randomUUID(), subject, purpose, ObjectionStatus.PENDING, false, received, now,
                caller.actor(), null, null, null, version);
        Objected result = withSubject(subject, () -> tx.execute(s -> {
            if (!store.insertObjection(o)) {
                return new Objected(store.openObjection(subject, purpose).orElseThrow(), false);
            }
            states.changed(subject);
            audit.append(AuditEvent.draft(caller.actor(), caller.role(), "objection-recorded").purpose(purpose)
                    .subject(subject).outcome(Outcome.ALLOWED, channel == null
                            ? new String[] {"objection:" + o.id(), "status:" + SubjectRestraints.term(o.status())}
                            : new String[] {"objection:" + o.id(), "status:" + SubjectRestraints.term(o.status()),
                                    "channel:" + channel})
                    .policyVersion(version));
            return new Objected(o, true);
        }));
        return new Objected(withDeadline(result.objection()), result.created());
    }

    /**
     * Staff decide a pending objection: upheld (the purpose may no longer use the subject's data, at once: R4.4)
     * or rejected (compelling legitimate grounds override; processing goes on).
     *
     * @throws NotFoundException      when there is no such objection
     * @throws AlreadyEndedException  when it is decided already (an objection to direct marketing is upheld at once)
     */
    public ObjectionRecord decide(Caller caller, UUID objection, String decision) {
        return decide(caller, objection, decision, null);
    }

    /**
     * The two grounds on which Art. 21(1) lets processing go on despite an objection: compelling legitimate grounds
     * that override the person's interests, rights and freedoms, or the establishment, exercise or defence of legal
     * claims. Direct marketing has none (Art. 21(3)).
     */
    public static final List<String> REJECTION_GROUNDS = List.of("compelling-legitimate-grounds", "legal-claims");

    /**
     * Decides a pending objection as {@link #decide(Caller, UUID, String)}, a rejection with its Art. 21(1) ground
     * ({@link #REJECTION_GROUNDS}), which the audit event keeps as {@code grounds:<term>}. The console always gives
     * one; the API may leave it out (null) as before.
     */
    public ObjectionRecord decide(Caller caller, UUID objection, String decision, String grounds) {
        if (grounds != null && (!"rejected".equals(decision) || !REJECTION_GROUNDS.contains(grounds))) {
            throw new InvalidInputException("grounds", "'grounds' goes with a rejection only and is one of "
                    + String.join(", ", REJECTION_GROUNDS) + " (Art. 21(1))");
        }
        ObjectionStatus status;
        if ("upheld".equals(decision)) {
            status = ObjectionStatus.UPHELD;
        } else if ("rejected".equals(decision)) {
            status = ObjectionStatus.REJECTED;
        } else {
            throw new InvalidInputException("'decision' is upheld or rejected");
        }
        long version = policy.version().id();
        Instant now = clock.instant();
        return withDeadline(tx.execute(s -> {
            ObjectionRecord decided = store.decide(objection, status, now, caller.actor()).orElseThrow(() ->
                    store.objection(objection).<RuntimeException>map(o -> new AlreadyEndedException(
                                    "objection " + objection + " is " + SubjectRestraints.term(o.status()) + " already"))
                            .orElseGet(() -> new NotFoundException("no objection " + objection)));
            states.changed(decided.subject());
            audit.append(AuditEvent.draft(caller.actor(), caller.role(), "objection-decided").purpose(decided.purpose())
                    .subject(decided.subject())
                    .outcome(Outcome.ALLOWED, grounds == null
                            ? new String[] {"objection:" + objection, "status:" + SubjectRestraints.term(status)}
                            : new String[] {"objection:" + objection, "status:" + SubjectRestraints.term(status),
                                    "grounds:" + grounds})
                    .policyVersion(version));
            return decided;
        }));
    }

    /** Pending objections of all subjects, the longest waiting first, each with the date it must be decided by. */
    public List<ObjectionRecord> pendingObjections(int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new InvalidInputException("limit must be between 1 and 10000");
        }
        return store.pendingObjections(limit).stream().map(this::withDeadline).toList();
    }

    private ObjectionRecord withDeadline(ObjectionRecord o) {
        Policy.Rights rights = policy.policy().rights();
        if (o.status() != ObjectionStatus.PENDING || rights == null || rights.responseTime() == null
                || rights.responseTime().value() == null) {
            return o;
        }
        Instant by = o.receivedAt().atZone(ZoneOffset.UTC).plus(rights.responseTime().value()).toInstant();
        return new ObjectionRecord(o.id(), o.subject(), o.purpose(), o.status(), o.directMarketing(), o.receivedAt(),
                o.recordedAt(), o.recordedBy(), by, o.decidedAt(), o.decidedBy(), o.policyVersion());
    }

    // ---- restrictions ----

    /**
     * Restricts processing of the subject's data of the given categories (none given: all of it) on an Art. 18(1)
     * ground. While it is active, decisions allow only storing that data, unless the caller asserts an Art. 18(2)
     * circumstance.
     */
    public RestrictionRecord restrict(Caller caller, UUID subject, String ground, List<String> categories) {
        RestrictionGround g = SubjectRestraints.ground(ground);
        CompiledPolicy compiled = policy.compiled();
        List<String> cats = categories == null ? List.of() : List.copyOf(new LinkedHashSet<>(categories));
        for (String c : cats) {
            if (c == null || compiled.categoryId(c) < 0) {
                throw new InvalidInputException("data category '" + c + "' is not declared in the policy");
            }
        }
        long version = policy.version().id();
        Instant now = clock.instant();
        RestrictionRecord r = new RestrictionRecord(UUID.randomUUID(), subject, g, cats, now, caller.actor(), null, null,
                version);
        return withSubject(subject, () -> tx.execute(s -> {
            store.insertRestriction(r);
            states.changed(subject);
            audit.append(AuditEvent.draft(caller.actor(), caller.role(), "restriction-placed").subject(subject)
                    .categories(cats.toArray(String[]::new))
                    .outcome(Outcome.ALLOWED, "restriction:" + r.id(), "ground:" + SubjectRestraints.term(g),
                            cats.isEmpty() ? "scope:all-categories" : "scope:categories")
                    .policyVersion(version));
            return r;
        }));
    }

    /** Lifts an active restriction (Art. 18(3): the subject is told before; that is the caller's part). */
    public RestrictionRecord lift(Caller caller, UUID restriction) {
        long version = policy.version().id();
        Instant now = clock.instant();
        return tx.execute(s -> {
            RestrictionRecord lifted = store.lift(restriction, now, caller.actor()).orElseThrow(() ->
                    store.restriction(restriction).<RuntimeException>map(r -> new AlreadyEndedException(
                                    "restriction " + restriction + " was lifted already"))
                            .orElseGet(() -> new NotFoundException("no restriction " + restriction)));
            states.changed(lifted.subject());
            audit.append(AuditEvent.draft(caller.actor(), caller.role(), "restriction-lifted").subject(lifted.subject())
                    .categories(lifted.categories().toArray(String[]::new))
                    .outcome(Outcome.ALLOWED, "restriction:" + restriction).policyVersion(version));
            return lifted;
        });
    }

    // ---- holds ----

    /** Places a hold on all of the subject's data; see {@link #hold(Caller, UUID, String, String, List)}. */
    public HoldRecord hold(Caller caller, UUID subject, String kind, String reason) {
        return hold(caller, subject, kind, reason, null);
    }

    /**
     * Places a hold on the subject's data of the given categories (none given: all of it). Which kinds exist and
     * which of them applications may place is the policy's (top-level {@code holds:}, {@code applications: true});
     * a policy that declares no kinds lets applications place incident holds only, as before the declaration. An
     * application holds only data its key's purposes use under a rule that names the kind (the camera system the
     * footage); staff place every declared kind on any data.
     *
     * @param reason     a code: a case or ticket number (letters, digits and . _ : / + -, at most 100), never a name
     * @param categories data category ids the hold is limited to; null or empty: all of the subject's data
     */
    public HoldRecord hold(Caller caller, UUID subject, String kind, String reason, List<String> categories) {
        HoldKind k = SubjectRestraints.holdKind(kind);
        Policy p = policy.policy();
        CompiledPolicy compiled = policy.compiled();
        List<String> cats = categories == null ? List.of() : List.copyOf(new LinkedHashSet<>(categories));
        for (String c : cats) {
            if (c == null || compiled.categoryId(c) < 0) {
                throw new InvalidInputException("data category '" + c + "' is not declared in the policy");
            }
        }
        if (!caller.staff()) {
            boolean kindAllowed = p.applicationsMayHold(k);
            if (!kindAllowed || !holdsDataOfItsPurposes(caller, k, cats)) {
                // a refusal changes nothing, but it is on record like every refused use
                tx.executeWithoutResult(st -> audit.append(AuditEvent.draft(caller.actor(), caller.role(), "hold-placed")
                        .subject(subject).categories(cats.toArray(String[]::new))
                        .outcome(Outcome.DENIED, "hold-kind-not-allowed:" + k.term())
                        .policyVersion(policy.version().id())));
                throw new HoldKindNotAllowedException(k, kindAllowed);
            }
        }
        if (!p.holdKinds().isEmpty() && p.holdKind(k).isEmpty()) {
            // a kind the policy does not declare would extend no rule: placing it would keep nothing longer
            throw new InvalidInputException("hold kind '" + k.term() + "' is not declared in the policy; declared: "
                    + String.join(", ", p.holdKinds().stream().map(h -> h.kind().term()).toList()));
        }
        if (reason == null || !REASON.matcher(reason).matches()) {
            // the value stays out of the message: it may be the very personal value refused here
            throw new InvalidInputException("'reason' is a code such as a case or ticket number: letters, digits "
                    + "and . _ : / + -, at most 100 characters, no spaces or '@'");
        }
        long version = policy.version().id();
        Instant now = clock.instant();
        HoldRecord h = new HoldRecord(UUID.randomUUID(), subject, k, reason, now, caller.actor(), null, null, version,
                cats);
        return withSubject(subject, () -> tx.execute(s -> {
            // before the insert, whose foreign key would take a shared lock that two placements could not both upgrade
            store.lockSubject(subject);
            store.insertHold(h);
            states.changed(subject);
            holdsChanged(subject);
            // the reason code stays out of the audit log: it is the caller's text, the hold id leads to it
            audit.append(AuditEvent.draft(caller.actor(), caller.role(), "hold-placed").subject(subject)
                    .categories(cats.toArray(String[]::new))
                    .outcome(Outcome.ALLOWED, "hold:" + h.id(), "kind:" + k.term(),
                            cats.isEmpty() ? "scope:all-categories" : "scope:categories").policyVersion(version));
            return h;
        }));
    }

    /**
     * Whether a retention rule with a hold of this kind covers data a purpose of the key uses: an application may
     * hold only data it works with (the camera system the footage), not any subject's data of any kind. With
     * categories named, each of them must be such data.
     */
    private boolean holdsDataOfItsPurposes(Caller caller, HoldKind kind, List<String> categories) {
        if (categories.isEmpty()) {
            return holdsDataOfItsPurposes(caller, kind, (String) null);
        }
        return categories.stream().allMatch(c -> holdsDataOfItsPurposes(caller, kind, c));
    }

    // category null: any data of the purpose that such a rule names
    private boolean holdsDataOfItsPurposes(Caller caller, HoldKind kind, String category) {
        Policy p = policy.policy();
        for (String purposeId : caller.purposes()) {
            Policy.Purpose purpose = p.purpose(purposeId).orElse(null);
            if (purpose == null || (category != null && !purpose.data().contains(category))) {
                continue;
            }
            for (Policy.RetentionRule rule : p.retention()) {
                boolean holdsKind = rule.holds().stream().anyMatch(h -> h.kind() == kind);
                boolean forPurpose = rule.purposes().isEmpty() || rule.purposes().contains(purposeId);
                boolean forData = category == null ? rule.data().stream().anyMatch(purpose.data()::contains)
                        : rule.data().isEmpty() || rule.data().contains(category);
                if (holdsKind && forPurpose && forData) {
                    return true;
                }
            }
        }
        return false;
    }

    public HoldRecord release(Caller caller, UUID hold) {
        long version = policy.version().id();
        Instant now = clock.instant();
        return tx.execute(s -> {
            HoldRecord released = store.release(hold, now, caller.actor()).orElseThrow(() ->
                    store.hold(hold).<RuntimeException>map(h -> new AlreadyEndedException("hold " + hold + " was released already"))
                            .orElseGet(() -> new NotFoundException("no hold " + hold)));
            store.lockSubject(released.subject()); // the active holds are read after it: no stale set
            states.changed(released.subject());
            holdsChanged(released.subject());
            audit.append(AuditEvent.draft(caller.actor(), caller.role(), "hold-released").subject(released.subject())
                    .outcome(Outcome.ALLOWED, "hold:" + hold, "kind:" + released.kind().term()).policyVersion(version));
            return released;
        });
    }

    private void holdsChanged(UUID subject) {
        java.util.Set<HoldKind> active = java.util.EnumSet.noneOf(HoldKind.class);
        store.holds(subject).stream().filter(HoldRecord::active).forEach(h -> active.add(h.kind()));
        observers.orderedStream().forEach(o -> o.holdsChanged(subject, active));
    }

    /** The subject's holds, newest first, released ones included (retention reads when each was active). */
    public List<HoldRecord> holds(UUID subject) {
        return store.holds(subject);
    }

    // ---- reading ----

    /** Everything of one subject, newest first, ended ones included. */
    public record SubjectRestraintsView(UUID subject, List<ObjectionRecord> objections,
                                        List<RestrictionRecord> restrictions, List<HoldRecord> holds) {
    }

    /**
     * The subject's objections (an application: to the purposes its key carries), restrictions and holds, with
     * their history. The read is audited.
     */
    public SubjectRestraintsView of(Caller caller, UUID subject) {
        List<ObjectionRecord> objections = new ArrayList<>();
        for (ObjectionRecord o : store.objections(subject)) {
            if (caller.mayUse(o.purpose())) {
                objections.add(withDeadline(o));
            }
        }
        long version = policy.version().id();
        tx.executeWithoutResult(s -> audit.append(AuditEvent.draft(caller.actor(), caller.role(), "read-restraints")
                .subject(subject).policyVersion(version)));
        return new SubjectRestraintsView(subject, objections, store.restrictions(subject), store.holds(subject));
    }

    // ---- helpers ----

    private void deniedForKey(Caller caller, UUID subject, String action, long version) {
        tx.executeWithoutResult(s -> audit.append(AuditEvent.draft(caller.actor(), caller.role(), action)
                .subject(subject).outcome(Outcome.DENIED, "purpose-not-allowed-for-key").policyVersion(version)));
    }

    // The subject's row is the vault's: an unknown subject shows as the foreign key refusing the insert.
    private static <T> T withSubject(UUID subject, Supplier<T> work) {
        try {
            return work.get();
        } catch (DataIntegrityViolationException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && "23503".equals(sql.getSQLState())) {
                    throw new SubjectNotFoundException(subject);
                }
            }
            throw e;
        }
    }

    // ---- errors ----


    /** The purpose's legal basis gives no right to object. */
    public static final class NotObjectableException extends ApiException {
        private final String purpose;
        private final LegalBasis basis;
        private final String reason;

        NotObjectableException(String purpose, LegalBasis basis) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "No right to object to this purpose", message(purpose, basis));
            this.purpose = purpose;
            this.basis = basis;
            this.reason = basis == LegalBasis.CONSENT ? "withdraw-consent-instead"
                    : basis == null ? "purpose-without-legal-basis" : "basis-not-objectable";
            getBody().setProperty("reason", reason);
            getBody().setProperty("purpose", purpose);
            getBody().setProperty("legalBasis", basis == null ? null : basis.term());
        }

        private static String message(String purpose, LegalBasis basis) {
            if (basis == LegalBasis.CONSENT) {
                return "purpose '" + purpose + "' rests on consent: the subject withdraws consent instead of objecting";
            }
            if (basis == null) {
                return "purpose '" + purpose + "' declares no legal basis, so nothing may be done for it anyway";
            }
            return "purpose '" + purpose + "' rests on " + basis.term() + ": Art. 21 gives a right to object to "
                    + "legitimate-interest and public-task processing and to direct marketing only";
        }

        public String purpose() {
            return purpose;
        }

        public LegalBasis basis() {
            return basis;
        }

        /** A machine-readable code: withdraw-consent-instead, basis-not-objectable, purpose-without-legal-basis. */
        public String reason() {
            return reason;
        }
    }

    /** An application tried to place a hold of a kind only staff place, or on data its key's purposes do not use. */
    public static final class HoldKindNotAllowedException extends ApiException {
        HoldKindNotAllowedException(HoldKind kind, boolean kindAllowed) {
            super(HttpStatus.FORBIDDEN, "Hold kind not allowed for applications", kindAllowed
                    ? "a " + kind.term() + " hold from an application must cover data of its key's purposes under a "
                            + "retention rule with " + kind.term() + " holds; other holds are placed by staff"
                    : "the policy does not let applications place " + kind.term() + " holds (`holds:` declares which "
                            + "kinds they may place, `applications: true`); a " + kind.term() + " hold is placed by staff");
            getBody().setProperty("kind", kind.term());
        }
    }


    public static final class NotFoundException extends ApiException {
        NotFoundException(String message) {
            super(HttpStatus.NOT_FOUND, "Not found", message);
        }
    }

    /** The objection is decided, the restriction lifted or the hold released already. */
    public static final class AlreadyEndedException extends ApiException {
        AlreadyEndedException(String message) {
            super(HttpStatus.CONFLICT, "Already ended", message);
        }
    }
}
