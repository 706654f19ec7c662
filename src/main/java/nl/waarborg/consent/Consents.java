package nl.waarborg.consent;

import org.springframework.http.HttpStatus;
import nl.waarborg.input.InvalidInputException;
import nl.waarborg.input.ApiException;
import nl.waarborg.access.PurposeNotAllowedException;
import nl.waarborg.access.SubjectNotFoundException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.waarborg.access.Caller;
import nl.waarborg.access.service.SubjectStates;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.policy.CompiledPolicy;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.LegalBasis;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.service.ActivePolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Consent's public interface: give, withdraw, look up, and the receipts. Every change is written with its audit
 * event in one transaction and announced to the subject's cached decision state ({@link SubjectStates#changed}),
 * so the next decision sees it. Withdrawal is not retroactive (R3.7): it adds a record; what was collected and
 * done before stays as it was.
 */
@Service
public class Consents {

    /** The actor that records expiries. */
    static final String EXPIRY_ACTOR = "system:consent-expiry";

    private final ConsentRecords records;
    private final SubjectStates states;
    private final ActivePolicy policy;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ObjectProvider<ConsentObserver> observers;

    Consents(ConsentRecords records, SubjectStates states, ActivePolicy policy, AuditLog audit, TransactionTemplate tx,
             Clock clock, ObjectProvider<ConsentObserver> observers) {
        this.observers = observers;
        this.records = records;
        this.states = states;
        this.policy = policy;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * A consent to record.
     *
     * @param statementVersion the privacy statement version shown to the subject: the current one or a previous
     *                         one the policy lists
     * @param language         the language it was shown in ({@code nl}, {@code en}); one the statement is written in
     * @param method           how it was given ({@link ConsentMethod}, not {@code unsubscribe-link})
     * @param expiresAt        when it lapses by itself, or null
     */
    public record NewConsent(String purpose, String statementVersion, String language, String method, Instant expiresAt) {
    }

    /**
     * Records that the subject gives consent for the purpose, now. Giving it again while it is in force records a
     * new consent (say, for a newer statement version) that supersedes the previous one.
     *
     * @throws PurposeNotAllowedException when the caller's key does not carry the purpose
     * @throws NotConsentBasedException   when the purpose's legal basis is not consent (nothing to record)
     * @throws SubjectNotFoundException   when there is no such subject
     * @throws InvalidInputException     for an undeclared purpose, statement version, language or method
     */
    public ConsentRecord give(Caller caller, UUID subject, NewConsent c) {
        CompiledPolicy compiled = policy.compiled();
        long version = policy.version().id();
        String purpose = requirePurpose(caller, subject, c.purpose(), "give-consent", compiled, version);
        Policy p = compiled.policy();
        String statementVersion = statementVersion(p, c.statementVersion());
        String language = language(p, c.language());
        ConsentMethod method = ConsentMethod.parseGiving(c.method());
        Instant now = clock.instant();
        if (c.expiresAt() != null && !c.expiresAt().isAfter(now)) {
            throw new InvalidInputException("'expiresAt' must lie in the future");
        }
        ConsentRecords.NewRecord r = new ConsentRecords.NewRecord(UUID.randomUUID(), subject, purpose,
                ConsentState.GIVEN, null, statementVersion, language, method, now, c.expiresAt(), null, null, now,
                caller.actor(), version);
        try {
            tx.executeWithoutResult(s -> {
                // the queue first: a sweep holding the previous consent's entry finishes before our row gets its
                // seq, so its expiry record can never come after (and hide) this consent
                records.unscheduleExpiry(subject, purpose);
                boolean retained = retentionDependsOn(p, purpose);
                if (retained) {
                    records.lockSubject(subject);
                }
                records.insert(r);
                if (r.expiresAt() != null) {
                    records.scheduleExpiry(r.id(), r.expiresAt());
                }
                if (retained) {
                    observers.orderedStream().forEach(o -> o.consentChanged(subject, purpose));
                }
                states.changed(subject);
                audit.append(AuditEvent.draft(caller.actor(), caller.role(), "consent-given").purpose(purpose)
                        .subject(subject).outcome(Outcome.ALLOWED, "consent:" + r.id(), "method:" + method.term())
                        .policyVersion(version));
            });
        } catch (DataIntegrityViolationException e) {
            if (foreignKeyViolation(e)) {
                throw new SubjectNotFoundException(subject);
            }
            throw e;
        }
        return records.byId(r.id()).orElseThrow();
    }

    /**
     * Records that the subject withdraws consent for the purpose, now (R3.7). Not retroactive: the given record
     * stays, and what was done before stays lawful; from now on decisions deny {@code consent-withdrawn}.
     *
     * @throws NothingToWithdrawException when no consent for the purpose is in force (never given, withdrawn, expired)
     */
    public ConsentRecord withdraw(Caller caller, UUID subject, String purposeId, String withdrawalMethod) {
        CompiledPolicy compiled = policy.compiled();
        long version = policy.version().id();
        String purpose = requirePurpose(caller, subject, purposeId, "withdraw-consent", compiled, version);
        ConsentMethod method = ConsentMethod.parse(withdrawalMethod);
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        try {
            tx.executeWithoutResult(s -> {
                ConsentRecord given = records.latestForChange(subject, purpose)
                        .orElseThrow(() -> new NothingToWithdrawException(purpose, null));
                ConsentState state = given.stateAt(now);
                if (state != ConsentState.GIVEN) {
                    throw new NothingToWithdrawException(purpose, state);
                }
                records.unscheduleExpiry(subject, purpose);
                // after the queue (an expiry sweep holding this consent's entry needs the subject's row to finish)
                boolean retained = retentionDependsOn(compiled.policy(), purpose);
                if (retained) {
                    records.lockSubject(subject);
                }
                records.insert(new ConsentRecords.NewRecord(id, subject, purpose, ConsentState.WITHDRAWN, given.id(),
                        given.statementVersion(), given.language(), given.method(), given.givenAt(),
                        given.expiresAt(), now, method, now, caller.actor(), version));
                if (retained) {
                    // a rule that applied only while this consent stood stops: what its base period has passed is due now
                    observers.orderedStream().forEach(o -> o.consentChanged(subject, purpose));
                }
                states.changed(subject);
                audit.append(AuditEvent.draft(caller.actor(), caller.role(), "consent-withdrawn").purpose(purpose)
                        .subject(subject).outcome(Outcome.ALLOWED, "consent:" + id, "withdraws:" + given.id(),
                                "method:" + method.term())
                        .policyVersion(version));
            });
        } catch (DuplicateKeyException e) {
            // another withdrawal, or the expiry, of the same consent committed first
            throw new NothingToWithdrawException(purpose, records.latest(subject, purpose)
                    .map(r -> r.stateAt(clock.instant())).orElse(null));
        }
        return records.byId(id).orElseThrow();
    }

    /** Where the subject's consent for one purpose stands now, by its latest record. */
    public record PurposeConsent(String purpose, String state, UUID receiptId, Instant givenAt, Instant expiresAt,
                                 Instant withdrawnAt, String statementVersion) {
    }

    /** The subject's consents at {@code at}: per purpose where it stands, and every record, newest first. */
    public record SubjectConsents(UUID subject, Instant at, List<PurposeConsent> current, List<ConsentRecord> history) {
    }

    /** The subject's consents, of the purposes the caller may use (staff: all). The read is audited. */
    public SubjectConsents of(Caller caller, UUID subject) {
        Instant now = clock.instant();
        List<ConsentRecord> history = records.history(subject).stream().filter(r -> caller.mayUse(r.purpose())).toList();
        Map<String, PurposeConsent> current = new LinkedHashMap<>();
        for (ConsentRecord r : history) { // newest first: the first of a purpose is its latest
            current.computeIfAbsent(r.purpose(), k -> new PurposeConsent(r.purpose(), r.stateAt(now).term(), r.id(),
                    r.givenAt(), r.expiresAt(), r.withdrawnAt(), r.statementVersion()));
        }
        long version = policy.version().id();
        tx.executeWithoutResult(s -> audit.append(AuditEvent.draft(caller.actor(), caller.role(), "read-consents")
                .subject(subject).policyVersion(version)));
        return new SubjectConsents(subject, now, new ArrayList<>(current.values()), history);
    }

    /**
     * The receipt of one consent record (a given consent, or its withdrawal or expiry). The read is audited.
     *
     * @throws ReceiptNotFoundException   when there is no such record
     * @throws PurposeNotAllowedException when the caller's key does not carry the record's purpose
     */
    public ConsentReceipt receipt(Caller caller, UUID receiptId) {
        long version = policy.version().id();
        ConsentRecord r = records.byId(receiptId).orElseThrow(() -> new ReceiptNotFoundException(receiptId));
        if (!caller.mayUse(r.purpose())) {
            deniedForKey(caller, r.subject(), "read-consent-receipt", version);
            throw new PurposeNotAllowedException(r.purpose());
        }
        Instant now = clock.instant();
        ConsentRecord latest = records.latest(r.subject(), r.purpose()).orElse(r);
        tx.executeWithoutResult(s -> audit.append(AuditEvent.draft(caller.actor(), caller.role(), "read-consent-receipt")
                .purpose(r.purpose()).subject(r.subject()).outcome(Outcome.ALLOWED, "consent:" + r.id())
                .policyVersion(version)));
        return ConsentReceipt.of(r, latest, policy.policy(), version, now);
    }

    /**
     * Records the expiry of consents whose time has come and announces each subject's change; several nodes may
     * sweep at once (each claims its own queue entries). Returns how many expiries were recorded.
     */
    public int recordExpiries(int batch) {
        Instant now = clock.instant();
        long version = policy.version().id();
        int recorded = 0;
        while (true) {
            int[] claimed = new int[1];
            Integer n = tx.execute(s -> {
                List<UUID> due = records.claimDue(now, batch);
                claimed[0] = due.size();
                List<AuditEvent.Draft> events = new ArrayList<>();
                for (UUID id : due) {
                    Optional<ConsentRecord> given = records.byId(id);
                    if (given.isEmpty()) {
                        continue;
                    }
                    ConsentRecord g = given.get();
                    Optional<ConsentRecord> latest = records.latest(g.subject(), g.purpose());
                    if (latest.isEmpty() || !latest.get().id().equals(g.id())) {
                        continue; // superseded by a newer consent or already ended
                    }
                    UUID expiry = UUID.randomUUID();
                    boolean inserted = records.insertExpiry(new ConsentRecords.NewRecord(expiry, g.subject(), g.purpose(),
                            ConsentState.EXPIRED, g.id(), g.statementVersion(), g.language(), g.method(), g.givenAt(),
                            g.expiresAt(), null, null, now, EXPIRY_ACTOR, version));
                    if (inserted) {
                        states.changed(g.subject());
                        events.add(AuditEvent.draft(EXPIRY_ACTOR, "system", "consent-expired").purpose(g.purpose())
                                .subject(g.subject()).outcome(Outcome.ALLOWED, "consent:" + expiry, "expires:" + g.id())
                                .policyVersion(version));
                    }
                }
                audit.appendAll(events);
                return events.size();
            });
            recorded += n == null ? 0 : n;
            if (claimed[0] < batch) {
                return recorded;
            }
        }
    }

    /** Whether a retention rule applies only while consent for the purpose stands (its items move with the consent). */
    private static boolean retentionDependsOn(Policy p, String purpose) {
        return p.retention().stream().anyMatch(r -> purpose.equals(r.whileConsent()));
    }

    // ---- checks ----

    private String requirePurpose(Caller caller, UUID subject, String purpose, String action, CompiledPolicy compiled,
                                  long version) {
        if (purpose == null || purpose.isBlank()) {
            throw new InvalidInputException("name the purpose");
        }
        if (!caller.mayUse(purpose)) {
            deniedForKey(caller, subject, action, version);
            throw new PurposeNotAllowedException(purpose);
        }
        int p = compiled.purposeId(purpose);
        if (p < 0) {
            throw new InvalidInputException("purpose '" + purpose + "' is not declared in the policy");
        }
        if ((compiled.flags(p) & CompiledPolicy.NEEDS_CONSENT) == 0) {
            throw new NotConsentBasedException(purpose, compiled.basis(p));
        }
        return purpose;
    }

    private void deniedForKey(Caller caller, UUID subject, String action, long version) {
        tx.executeWithoutResult(s -> audit.append(AuditEvent.draft(caller.actor(), caller.role(), action)
                .subject(subject).outcome(Outcome.DENIED, "purpose-not-allowed-for-key").policyVersion(version)));
    }

    private static String statementVersion(Policy p, String shown) {
        if (shown == null || shown.isBlank()) {
            throw new InvalidInputException("'statementVersion' names the privacy statement version shown to the "
                    + "subject (R5.1); the current one is " + p.statement().version());
        }
        if (shown.equals(p.statement().version())
                || p.statement().previous().stream().anyMatch(v -> shown.equals(v.version()))) {
            return shown;
        }
        throw new InvalidInputException("statement version '" + shown + "' is neither the current one ("
                + p.statement().version() + ") nor a previous one the policy lists");
    }

    private static String language(Policy p, String language) {
        if (language == null) {
            throw new InvalidInputException("'language' names the language the statement was shown in: nl or en");
        }
        Lang lang;
        try {
            lang = Lang.parse(language);
        } catch (IllegalArgumentException e) { // Lang is plain Java; its message names the languages
            throw new InvalidInputException("language", e.getMessage());
        }
        if (!p.statement().languages().isEmpty() && !p.statement().languages().contains(lang)) {
            throw new InvalidInputException("the statement is not written in '" + lang.code() + "'");
        }
        return lang.code();
    }

    static boolean foreignKeyViolation(DataIntegrityViolationException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23503".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    // ---- errors ----


    /** The purpose's legal basis is not consent: there is no consent to give or withdraw. */
    public static final class NotConsentBasedException extends ApiException {
        private final String purpose;
        private final LegalBasis basis;

        NotConsentBasedException(String purpose, LegalBasis basis) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "Purpose does not rest on consent", "purpose '" + purpose
                    + "' does not rest on consent (its legal basis is "
                    + (basis == null ? "not declared" : basis.term()) + "), so no consent is recorded for it"
                    + (basis == LegalBasis.LEGITIMATE_INTEREST || basis == LegalBasis.PUBLIC_TASK
                    ? "; the subject may object to it instead" : ""));
            getBody().setProperty("reason", "purpose-not-consent-based");
            getBody().setProperty("purpose", purpose);
            getBody().setProperty("legalBasis", basis == null ? null : basis.term());
            this.purpose = purpose;
            this.basis = basis;
        }

        public String purpose() {
            return purpose;
        }

        public LegalBasis basis() {
            return basis;
        }
    }

    /** No consent for the purpose is in force: never given, or withdrawn or expired already. */
    public static final class NothingToWithdrawException extends ApiException {
        private final ConsentState state;

        NothingToWithdrawException(String purpose, ConsentState state) {
            super(HttpStatus.CONFLICT, "No consent in force to withdraw", state == null
                    ? "no consent for purpose '" + purpose + "' was given"
                    : "the consent for purpose '" + purpose + "' is " + state.term() + " already");
            getBody().setProperty("reason", "no-consent-in-force");
            getBody().setProperty("state", state == null ? null : state.term());
            this.state = state;
        }

        /** The state of the latest record, or null when consent was never given. */
        public ConsentState state() {
            return state;
        }
    }


    public static final class ReceiptNotFoundException extends ApiException {
        ReceiptNotFoundException(UUID id) {
            super(HttpStatus.NOT_FOUND, "No such consent record", "no consent record " + id);
        }
    }
}
