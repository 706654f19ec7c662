package nl.waarborg.requests.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.waarborg.access.Caller;
import nl.waarborg.access.RestrictionGround;
import nl.waarborg.access.service.Restraints;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.consent.Consents;
import nl.waarborg.input.ApiException;
import nl.waarborg.input.InvalidInputException;
import nl.waarborg.policy.IdentityMethod;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.requests.Deadline;
import nl.waarborg.requests.DeadlineCalculator;
import nl.waarborg.requests.HolidayCalendar;
import nl.waarborg.requests.IdentityPause;
import nl.waarborg.requests.IntakeChannel;
import nl.waarborg.requests.RefusalGround;
import nl.waarborg.requests.Request;
import nl.waarborg.requests.RequestKind;
import nl.waarborg.requests.RequestReference;
import nl.waarborg.vault.Vault;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The life of a data-subject request (docs/requests.md): intake with its legal deadline, the identity check
 * as staff decide it, the one extension and a refusal with its ground. Every step is one transaction with its audit
 * event ({@code request-…}, reasons {@code request:REFERENCE} and what changed, never a personal value), so that a
 * request can be followed in the audit log alone; a letter's moment queues its mail in the same transaction
 * ({@link LetterPost}, docs/mail.md). Fulfilment and completion are {@link Fulfilment}'s.
 */
@Service
public class Requests {

    /** Reasons staff write to the person (an extension's, a refusal's) are letters, not essays. */
    static final int MAX_REASON = 4000;
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** The kinds' terms, for messages: access, rectification, … */
    private static final String KINDS = String.join(", ", Arrays.stream(RequestKind.values()).map(RequestKind::term).toList());

    private final RequestStore store;
    private final ActivePolicy policy;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Vault vault;
    private final RequestsProperties properties;
    private final DeadlineCalculator deadlines;
    private final Restraints restraints;
    private final Consents consents;
    private final IdentityEvidence evidence;
    private final LetterPost post;

    Requests(RequestStore store, ActivePolicy policy, AuditLog audit, TransactionTemplate tx, Clock clock, Vault vault,
             RequestsProperties properties, Restraints restraints, Consents consents, IdentityEvidence evidence,
             LetterPost post) {
        this.evidence = evidence;
        this.post = post;
        this.restraints = restraints;
        this.consents = consents;
        this.store = store;
        this.policy = policy;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.vault = vault;
        this.properties = properties;
        this.deadlines = new DeadlineCalculator(properties.zone(), HolidayCalendar.netherlands(),
                properties.pauseWhileIdentityOutstanding());
    }

    /**
     * A request as it came in. {@code subject}: Waarborg's subject, when staff know who it is; {@code receivedAt}:
     * when it reached the organisation (default now; a letter that lay on a desk was received when it arrived).
     */
    public record NewRequest(List<String> kinds, List<String> purposes, String channel, String language, UUID subject,
                             Instant receivedAt, String restrictionGround) {

        /** A request that asks for no restriction. */
        public NewRequest(List<String> kinds, List<String> purposes, String channel, String language, UUID subject,
                          Instant receivedAt) {
            this(kinds, purposes, channel, language, subject, receivedAt, null);
        }
    }

    public Request receive(Caller caller, NewRequest n) {
        Policy p = policy.policy();
        List<RequestKind> kinds = kinds(n.kinds());
        List<String> purposes = purposes(p, kinds, n.purposes());
        IntakeChannel channel = n.channel() == null ? IntakeChannel.API : IntakeChannel.of(n.channel()).orElseThrow(() ->
                new InvalidInputException("channel", "unknown channel; known: api, email, post, phone, desk, portal"));
        if (!caller.staff() && channel != IntakeChannel.API) {
            throw new InvalidInputException("channel", "an application hands a request in by `api`; staff enter the "
                    + "ones received otherwise");
        }
        String language = n.language() == null ? p.statement().languages().getFirst().term() : n.language();
        if (!language.equals("nl") && !language.equals("en")) {
            throw new InvalidInputException("language", "the language of the answer is nl or en");
        }
        String ground = restrictionGround(kinds, n.restrictionGround());
        Instant now = clock.instant();
        Instant received = n.receivedAt() == null ? now : n.receivedAt();
        if (received.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidInputException("receivedAt", "a request cannot have been received in the future");
        }
        if (received.isBefore(now.minus(properties.maxBackdating()))) {
            throw new InvalidInputException("receivedAt", "a request received more than "
                    + properties.maxBackdating().toDays() + " days ago cannot be entered (waarborg.requests.max-backdating)");
        }
        if (n.subject() != null && vault.subject(caller, n.subject()).isEmpty()) {
            throw new InvalidInputException("subject", "no such subject");
        }
        // an objection to direct marketing is absolute (Art. 21(3)): it takes effect at intake, before any identity check
        if (n.subject() != null && kinds.contains(RequestKind.OBJECTION)) {
            purposes.stream().filter(id -> p.purpose(id).map(Policy.Purpose::directMarketing).orElse(false))
                    .forEach(id -> restraints.object(caller, n.subject(), id, received));
        }
        // withdrawing consent is as easy as giving it (Art. 7(3)): at intake too; a consent not in force is left be
        if (n.subject() != null && kinds.contains(RequestKind.CONSENT_WITHDRAWAL)) {
            for (String id : purposes) {
                if (p.purpose(id).map(Policy.Purpose::withdrawable).orElse(false)) {
                    try {
                        consents.withdraw(caller, n.subject(), id, withdrawalMethod(channel));
                    } catch (Consents.NothingToWithdrawException nothing) {
                        // never given, withdrawn or expired already: nothing to stop
                    }
                }
            }
        }
        Deadline deadline = deadlines.deadline(received, responseTime(p));
        Request r = new Request(UUID.randomUUID(), RequestReference.next(), kinds, purposes, channel, language, n.subject(),
                received, caller.actor(), deadline.date(), deadline.endsAt(), null, null, null, null, null,
                Request.Identity.PENDING, null, null, null, Request.Status.OPEN, null, null, null, null,
                policy.version().id(), null, ground);
        LetterPost.Addressed addressed = post.addressed(caller, r); // before the transaction: the vault's read is audited
        tx.executeWithoutResult(s -> {
            store.insert(r);
            List<String> reasons = new ArrayList<>(List.of("request:" + r.reference()));
            kinds.forEach(k -> reasons.add("kind:" + k.term()));
            reasons.addAll(List.of("channel:" + channel.term(), "deadline:" + deadline.date()));
            purposes.forEach(x -> reasons.add("purpose:" + x));
            audit.append(event(caller, "request-received", r.subject()).outcome(Outcome.ALLOWED,
                    reasons.toArray(String[]::new)));
            post.queue(caller, r, LetterPost.Kind.RECEIPT, addressed); // the acknowledgement, with the request
        });
        return r;
    }

    /**
     * The request as {@code caller} may see it: staff any, an application only the ones it handed in (another's is
     * not found, so that a reference cannot be tried out).
     */
    public Optional<Request> find(Caller caller, String reference) {
        return store.find(reference).filter(r -> caller.staff() || r.receivedBy().equals(caller.actor()));
    }

    /** Open requests by the day they are due (all: closed too), those due within {@code within} only when given. */
    public List<Request> list(boolean all, Duration within, boolean overdue, boolean unverified, int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new InvalidInputException("limit", "1 to 10000");
        }
        Instant now = clock.instant();
        Instant before = overdue ? now : within == null ? null : now.plus(within);
        return store.list(all, before, unverified, limit);
    }

    /** Extends the deadline once, before the first has passed, with the reason the person is told (Art. 12(3)). */
    public Request extend(Caller caller, String reference, String reason) {
        String why = reason(reason);
        LetterPost.Addressed addressed = addressed(caller, reference);
        return tx.execute(s -> {
            Request r = store.lock(reference).orElseThrow(() -> new NoSuchRequestException(reference));
            Instant now = clock.instant();
            r.extensionRefusal(now).ifPresent(refusal -> {
                throw new RequestConflictException(refusal.code(), refusal.message());
            });
            Policy p = policy.policy();
            // a pause counted for the first deadline counts for the extended one too
            List<IdentityPause> pauses = r.legalDeadline() != null && r.identityAt() != null
                    ? List.of(new IdentityPause(r.receivedAt(), r.identityAt())) : List.of();
            Deadline extended = deadlines.extended(r.receivedAt(), extension(p), pauses);
            store.extend(r.id(), extended.date(), extended.endsAt(), now, caller.actor(), why);
            audit.append(event(caller, "request-extended", r.subject()).outcome(Outcome.ALLOWED,
                    "request:" + r.reference(), "to:" + extended.date()));
            post.queue(caller, r, LetterPost.Kind.EXTENSION, addressed);
            return store.find(reference).orElseThrow();
        });
    }

    /**
     * The extension letter that extending now with {@code reason} would send, refused as the extension would be
     * (Art. 12(3)); a preview: nothing is stored, queued or audited (docs/console.md "Requests").
     */
    public nl.waarborg.documents.Doc extensionPreview(Caller caller, String reference, String reason) {
        String why = reason(reason);
        Request r = store.find(reference).orElseThrow(() -> new NoSuchRequestException(reference));
        Instant now = clock.instant();
        r.extensionRefusal(now).ifPresent(refusal -> {
            throw new RequestConflictException(refusal.code(), refusal.message());
        });
        List<IdentityPause> pauses = r.legalDeadline() != null && r.identityAt() != null
                ? List.of(new IdentityPause(r.receivedAt(), r.identityAt())) : List.of();
        Deadline extended = deadlines.extended(r.receivedAt(), extension(policy.policy()), pauses);
        return letters(r).extension(r.asExtended(extended.date(), extended.endsAt(), now, caller.actor(), why));
    }

    /** The refusal letter that refusing now on {@code ground} with {@code reason} would send; a preview, as above. */
    public nl.waarborg.documents.Doc refusalPreview(Caller caller, String reference, String ground, String reason) {
        RefusalGround g = refusalGround(ground);
        String why = reason(reason);
        Request r = store.find(reference).orElseThrow(() -> new NoSuchRequestException(reference));
        if (r.status() != Request.Status.OPEN) {
            throw new RequestConflictException("closed", "the request is closed");
        }
        return letters(r).refusal(r.asRefused(g, why, clock.instant(), caller.actor()));
    }

    private nl.waarborg.requests.RequestLetters letters(Request r) {
        return new nl.waarborg.requests.RequestLetters(policy.policy(), nl.waarborg.policy.Lang.parse(r.language()), zone());
    }

    private static RefusalGround refusalGround(String ground) {
        RefusalGround g = ground == null ? null : RefusalGround.of(ground).orElse(null);
        if (g == null) {
            throw new InvalidInputException("ground", "the ground of the refusal; one of " + String.join(", ",
                    Arrays.stream(RefusalGround.values()).map(RefusalGround::term).toList()));
        }
        return g;
    }

    /** Refuses the request on a ground of R4.3, with the reason the person is told (Art. 12(4)). */
    public Request refuse(Caller caller, String reference, String ground, String reason) {
        RefusalGround g = refusalGround(ground);
        String why = reason(reason);
        LetterPost.Addressed addressed = addressed(caller, reference);
        return tx.execute(s -> {
            Request r = store.lock(reference).orElseThrow(() -> new NoSuchRequestException(reference));
            if (r.status() != Request.Status.OPEN) {
                throw new RequestConflictException("closed", "the request is closed");
            }
            store.refuse(r.id(), g, why, clock.instant(), caller.actor());
            audit.append(event(caller, "request-refused", r.subject()).outcome(Outcome.ALLOWED,
                    "request:" + r.reference(), "ground:" + g.term()));
            evidence.discard(caller, r); // closed before the identity was decided: an ID copy is no longer needed
            post.queue(caller, r, LetterPost.Kind.REFUSAL, addressed);
            return store.find(reference).orElseThrow();
        });
    }

    /**
     * Records the identity check as staff decided it, by a method the policy allows (R4.1; Art. 12(2), 12(6)): only
     * the method, the outcome and who decided are kept.
     */
    public Request identity(Caller caller, String reference, String method, String outcome) {
        List<IdentityMethod> allowed = policy.policy().rights() == null ? List.of()
                : policy.policy().rights().identityVerification();
        IdentityMethod m = allowed.stream().filter(x -> x.term().equals(method)).findFirst().orElseThrow(() ->
                new InvalidInputException("method", "a method the policy allows (rights.identity-verification): "
                        + String.join(", ", allowed.stream().map(IdentityMethod::term).toList())));
        Request.Identity o = "verified".equals(outcome) ? Request.Identity.VERIFIED
                : "failed".equals(outcome) ? Request.Identity.FAILED : null;
        if (o == null) {
            throw new InvalidInputException("outcome", "verified or failed");
        }
        return tx.execute(s -> {
            Request r = store.lock(reference).orElseThrow(() -> new NoSuchRequestException(reference));
            if (r.status() != Request.Status.OPEN) {
                throw new RequestConflictException("closed", "the request is closed");
            }
            if (r.identity() != Request.Identity.PENDING) {
                throw new RequestConflictException("identity-decided", "the identity check was decided already");
            }
            Instant now = clock.instant();
            store.identity(r.id(), o, m.term(), now, caller.actor());
            List<String> reasons = new ArrayList<>(List.of("request:" + r.reference(), "method:" + m.term(),
                    "outcome:" + o.term()));
            // with the pause on, the days identity was outstanding (from receipt to now) move the deadline on
            if (properties.pauseWhileIdentityOutstanding() && r.extendedTo() == null) {
                Deadline paused = deadlines.deadline(r.receivedAt(), responseTime(policy.policy()),
                        List.of(new IdentityPause(r.receivedAt(), now)));
                if (paused.pausedDays() > 0) {
                    store.pause(r.id(), paused.date(), paused.endsAt(), paused.withoutPause().date());
                    reasons.add("paused-days:" + paused.pausedDays());
                    reasons.add("deadline:" + paused.date());
                }
            }
            audit.append(event(caller, "request-identity", r.subject()).outcome(Outcome.ALLOWED,
                    reasons.toArray(String[]::new)));
            evidence.discard(caller, r); // the ID copy and open links go with the decision (IdentityEvidence)
            if (o == Request.Identity.VERIFIED && r.subject() != null) {
                takeEffect(caller, r);
            }
            return store.find(reference).orElseThrow();
        });
    }

    /**
     * The request's timeline, from the audit log alone: every event that names it ({@code request:REFERENCE}), in order,
     * with who acted and when; as {@code caller} may see the request.
     */
    public List<AuditEvent> timeline(Caller caller, String reference) {
        Request r = find(caller, reference).orElseThrow(() -> new NoSuchRequestException(reference));
        return audit.requestEventsWithReason("request:" + r.reference(), AuditLog.MAX_PAGE);
    }

    /** The letters to the person there are. */
    public enum Letter { RECEIPT, EXTENSION, REFUSAL }

    /**
     * A letter to the person about the request, in {@code lang} (null: the request's language), written from the
     * policy in force: the receipt at any time, the extension once extended, the refusal once refused (409 before).
     */
    public byte[] letter(String reference, Letter letter, nl.waarborg.policy.Lang lang,
                         nl.waarborg.documents.StatementFormat format) {
        Request r = store.find(reference).orElseThrow(() -> new NoSuchRequestException(reference));
        Policy p = policy.policy();
        nl.waarborg.policy.Lang language = lang != null ? lang : nl.waarborg.policy.Lang.parse(r.language());
        nl.waarborg.requests.RequestLetters letters = new nl.waarborg.requests.RequestLetters(p, language, zone());
        nl.waarborg.documents.Doc doc = switch (letter) {
            case RECEIPT -> letters.receipt(r, deadlines.extended(r.receivedAt(),
                    extension(p)).date());
            case EXTENSION -> {
                if (r.extendedTo() == null) {
                    throw new RequestConflictException("not-extended", "the request was not extended");
                }
                yield letters.extension(r);
            }
            case REFUSAL -> {
                if (r.refusalGround() == null) {
                    throw new RequestConflictException("not-refused", "the request was not refused");
                }
                yield letters.refusal(r);
            }
        };
        return nl.waarborg.documents.DocRenderer.render(doc, language, format);
    }

    /**
     * Once the requester is known to be the subject, a restriction and an objection take effect in the decision core at
     * once (Art. 18, 21): the restriction on all the subject's data on its ground, an objection to a purpose on
     * legitimate interest or a public task pending staff's weighing (R4.4; one to direct marketing took effect at
     * intake). Each is audited by the access capability.
     */
    private void takeEffect(Caller caller, Request r) {
        if (r.kinds().contains(RequestKind.RESTRICTION)) {
            restraints.restrict(caller, r.subject(), r.restrictionGround(), List.of());
        }
        if (r.kinds().contains(RequestKind.OBJECTION)) {
            Policy p = policy.policy();
            r.purposes().stream().filter(id -> p.purpose(id).map(x -> !x.directMarketing() && x.objectable()).orElse(false))
                    .forEach(id -> restraints.object(caller, r.subject(), id, r.receivedAt()));
        }
    }

    /**
     * Whether the letter of a step on {@code reference} can be mailed, looked up before the step's transaction (a
     * request that does not exist or is closed is refused by the step itself; its letter is then never queued).
     */
    private LetterPost.Addressed addressed(Caller caller, String reference) {
        return store.find(reference).filter(r -> r.status() == Request.Status.OPEN)
                .map(r -> post.addressed(caller, r)).orElse(LetterPost.Addressed.MAIL_OFF);
    }

    /** The organisation's zone, in which the deadlines' days are counted. */
    public java.time.ZoneId zone() {
        return properties.zone();
    }

    private static AuditEvent.Draft event(Caller caller, String action, UUID subject) {
        AuditEvent.Draft d = AuditEvent.draft(caller.actor(), caller.role(), action);
        return subject == null ? d : d.subject(subject);
    }

    private static List<RequestKind> kinds(List<String> terms) {
        if (terms == null || terms.isEmpty()) {
            throw new InvalidInputException("kinds", "what the person asks for: one or more of " + KINDS);
        }
        LinkedHashSet<RequestKind> kinds = new LinkedHashSet<>();
        for (int i = 0; i < terms.size(); i++) {
            String t = terms.get(i);
            int at = i;
            kinds.add(RequestKind.of(t).orElseThrow(() -> new InvalidInputException("kinds/" + at, "unknown kind; known: "
                    + KINDS)));
        }
        return List.copyOf(kinds);
    }

    /**
     * The purposes an objection or a consent withdrawal names: each declared, objectable (legitimate interest or
     * public task, Art. 21(1)) or direct marketing (Art. 21(2)) for an objection, based on consent for a withdrawal.
     */
    private static List<String> purposes(Policy p, List<RequestKind> kinds, List<String> given) {
        List<String> purposes = given == null ? List.of() : List.copyOf(new LinkedHashSet<>(given));
        boolean named = kinds.stream().anyMatch(RequestKind::namesPurposes);
        if (!named && !purposes.isEmpty()) {
            throw new InvalidInputException("purposes", "only an objection or a consent withdrawal names purposes");
        }
        if (named && purposes.isEmpty()) {
            throw new InvalidInputException("purposes", "an objection or a consent withdrawal names the purposes it is about");
        }
        for (int i = 0; i < purposes.size(); i++) {
            String id = purposes.get(i);
            Policy.Purpose purpose = p.purpose(id).orElseThrow(() -> new InvalidInputException("purposes",
                    "the policy declares no such purpose"));
            if (kinds.contains(RequestKind.OBJECTION) && !kinds.contains(RequestKind.CONSENT_WITHDRAWAL)
                    && !purpose.objectable() && !purpose.directMarketing()) {
                throw new InvalidInputException("purposes/" + i, "purpose `" + id + "` is not one a person can object "
                        + "to: Art. 21 GDPR covers processing on legitimate interest or a public task, and direct marketing");
            }
            if (kinds.contains(RequestKind.CONSENT_WITHDRAWAL) && !kinds.contains(RequestKind.OBJECTION)
                    && !purpose.withdrawable()) {
                throw new InvalidInputException("purposes/" + i, "purpose `" + id + "` is not based on consent, so there "
                        + "is no consent to withdraw (Art. 7(3) GDPR)");
            }
        }
        return purposes;
    }

    /** How a withdrawal reached the organisation, in the consent record's words. */
    private static String withdrawalMethod(IntakeChannel channel) {
        return switch (channel) {
            case API -> "app";
            case EMAIL -> "email";
            case POST -> "paper";
            case PHONE -> "phone";
            case DESK -> "in-person";
            case PORTAL -> "web-form";
        };
    }

    /** The Art. 18(1) ground a restriction asks on: required with a restriction, refused without one. */
    private static String restrictionGround(List<RequestKind> kinds, String ground) {
        List<String> grounds = Arrays.stream(RestrictionGround.values()).map(RestrictionGround::term).toList();
        if (!kinds.contains(RequestKind.RESTRICTION)) {
            if (ground != null) {
                throw new InvalidInputException("restrictionGround", "only a request for restriction names a ground");
            }
            return null;
        }
        if (ground == null || !grounds.contains(ground)) {
            throw new InvalidInputException("restrictionGround", "a restriction names its ground (Art. 18(1) GDPR): one "
                    + "of " + String.join(", ", grounds));
        }
        return ground;
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "the reason the person is told is required");
        }
        if (reason.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "at most " + MAX_REASON + " characters");
        }
        return reason.strip();
    }

    /** The policy's response time (null: the month the law gives). */
    private static Period responseTime(Policy p) {
        return p.rights() == null ? null : period(p.rights().responseTime());
    }

    /** The policy's extension (null: the two further months the law allows). */
    private static Period extension(Policy p) {
        return p.rights() == null ? null : period(p.rights().extension());
    }

    private static Period period(nl.waarborg.policy.RetentionPeriod p) {
        return p == null || p.value() == null ? null : p.value();
    }

    /** No request has this reference. */
    public static final class NoSuchRequestException extends ApiException {
        NoSuchRequestException(String reference) {
            super(HttpStatus.NOT_FOUND, "No such request", "no request has this reference");
        }
    }

    /** The request is not in a state that allows the step (closed, extended already, past its first deadline). */
    public static final class RequestConflictException extends ApiException {
        RequestConflictException(String code, String detail) {
            super(HttpStatus.CONFLICT, "Not possible now", detail);
            getBody().setProperty("reason", code);
        }
    }
}
