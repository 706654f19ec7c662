package nl.waarborg.breaches.service;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import nl.waarborg.access.Caller;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.breaches.Breach;
import nl.waarborg.breaches.BreachAction;
import nl.waarborg.breaches.BreachClock;
import nl.waarborg.breaches.BreachInputException;
import nl.waarborg.breaches.BreachReference;
import nl.waarborg.breaches.BreachRole;
import nl.waarborg.breaches.Decisions;
import nl.waarborg.breaches.EnisaSeverity;
import nl.waarborg.breaches.Nature;
import nl.waarborg.breaches.Notification;
import nl.waarborg.breaches.RiskAssessment;
import nl.waarborg.input.ApiException;
import nl.waarborg.input.InvalidInputException;
import nl.waarborg.policy.Connector;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.service.ActivePolicy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The breach register (docs/breaches.md): register, correct, assess, decide, notify, close. Every change is a new
 * version in the append-only register and one audit event in the same transaction ({@code breach-…}, reasons
 * {@code breach:REFERENCE}, the version and what changed as terms; never staff's words, which may describe people).
 */
@Service
public class Breaches {

    static final int MAX_TITLE = 300;
    static final int MAX_TEXT = 10_000;
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    /** What may be quoted from a notification number in an answer: the AP's numbers are short codes. */
    private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/+-]{0,63}");

    private final BreachStore store;
    private final ActivePolicy policy;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final BreachesProperties properties;

    Breaches(BreachStore store, ActivePolicy policy, AuditLog audit, TransactionTemplate tx, Clock clock,
             BreachesProperties properties) {
        this.store = store;
        this.policy = policy;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * The facts of a breach as staff give them: all of them at registration, only those that change in a correction
     * (a field left out, null, stays as it was; {@code reason} says why it is corrected). Numbers of people and
     * records: null when not known.
     */
    public record Facts(String title, String summary, Instant occurredAt, Instant occurredUntil, Instant detectedAt,
                        Instant awareAt, Instant processorToldAt, String awarenessDelayReason, List<String> nature,
                        List<String> actions, List<String> systems, List<String> dataCategories, Long approximatePeople,
                        Long approximateRecords, String processor, String otherOrganisations, List<String> countries,
                        Boolean crossBorder, String measuresTaken, String measuresPlanned, Boolean ongoing, String role,
                        String reason) {}

    /** ENISA's inputs as staff give them (EnisaSeverity). */
    public record Severity(Double dataProcessingContext, Double easeOfIdentification, Double confidentiality,
                           Double integrity, Double availability, Boolean maliciousIntent) {}

    public record Assessment(String level, String reasoning, Severity severity, Boolean encryptedAtRest,
                             Boolean keysCompromised) {}

    public record Decision(Boolean notifyAuthority, String authorityReason, String notifySubjects,
                           String subjectsReason) {}

    public record Sent(String phase, Instant sentAt, String number, String delayReason) {}

    public BreachesProperties properties() {
        return properties;
    }

    public BreachVersion register(Caller caller, Facts f) {
        Policy p = policy.policy();
        Instant now = clock.instant();
        notInFuture("detectedAt", f.detectedAt(), now);
        notInFuture("awareAt", f.awareAt(), now);
        notInFuture("occurredAt", f.occurredAt(), now);
        String reference = BreachReference.next();
        List<String> categories = ids(f.dataCategories(), "dataCategories", id -> p.dataCategory(id).isPresent());
        Breach b = input(() -> new Breach(reference, text("title", f.title(), MAX_TITLE), text("summary", f.summary(), MAX_TEXT),
                f.occurredAt(), f.occurredUntil(), f.detectedAt(), f.awareAt(), f.processorToldAt(),
                text("awarenessDelayReason", f.awarenessDelayReason(), MAX_TEXT), natures(f.nature()),
                actions(f.actions()), ids(f.systems(), "systems", id -> p.system(id).isPresent()), categories,
                special(p, categories), f.approximatePeople(), f.approximateRecords(),
                text("processor", f.processor(), MAX_TITLE), text("otherOrganisations", f.otherOrganisations(), MAX_TEXT),
                countries(f.countries()), Boolean.TRUE.equals(f.crossBorder()),
                text("measuresTaken", f.measuresTaken(), MAX_TEXT), text("measuresPlanned", f.measuresPlanned(), MAX_TEXT),
                Boolean.TRUE.equals(f.ongoing()), f.role() == null ? properties.defaultRole()
                        : BreachRole.of("role", f.role()), null, null, null, null, null));
        UUID id = UUID.randomUUID();
        BreachClock c = clock(b);
        return tx.execute(s -> {
            store.insert(id, reference, now, caller.actor());
            store.append(id, 1, "registered", b, caller.actor(), now, null);
            List<String> reasons = new ArrayList<>(List.of("breach:" + reference, "version:1", "role:" + b.role().term(),
                    "due:" + c.due()));
            b.nature().forEach(n -> reasons.add("nature:" + n.term()));
            audit.append(event(caller, "breach-registered").outcome(Outcome.ALLOWED, reasons.toArray(String[]::new)));
            return store.current(reference).orElseThrow();
        });
    }

    /** A correction: a new version with the given facts in place of the earlier ones and the reason why. */
    public BreachVersion correct(Caller caller, String reference, Facts f) {
        String reason = text("reason", f.reason(), MAX_TEXT);
        if (reason == null) {
            throw new InvalidInputException("reason", "a correction says why (it is kept with the version)");
        }
        Policy p = policy.policy();
        Instant now = clock.instant();
        notInFuture("detectedAt", f.detectedAt(), now);
        notInFuture("awareAt", f.awareAt(), now);
        notInFuture("occurredAt", f.occurredAt(), now);
        return change(caller, reference, "corrected", "breach-corrected", reason, old -> {
            List<String> categories = f.dataCategories() == null ? old.dataCategories()
                    : ids(f.dataCategories(), "dataCategories", id -> p.dataCategory(id).isPresent());
            Breach b = input(() -> new Breach(old.reference(), or(text("title", f.title(), MAX_TITLE), old.title()),
                    or(text("summary", f.summary(), MAX_TEXT), old.summary()), or(f.occurredAt(), old.occurredAt()),
                    or(f.occurredUntil(), old.occurredUntil()), or(f.detectedAt(), old.detectedAt()),
                    or(f.awareAt(), old.awareAt()), or(f.processorToldAt(), old.processorToldAt()),
                    or(text("awarenessDelayReason", f.awarenessDelayReason(), MAX_TEXT), old.awarenessDelayReason()),
                    f.nature() == null ? old.nature() : natures(f.nature()),
                    f.actions() == null ? old.actions() : actions(f.actions()),
                    f.systems() == null ? old.systems() : ids(f.systems(), "systems", id -> p.system(id).isPresent()),
                    categories, f.dataCategories() == null ? old.specialCategories() : special(p, categories),
                    or(f.approximatePeople(), old.approximatePeople()), or(f.approximateRecords(), old.approximateRecords()),
                    or(text("processor", f.processor(), MAX_TITLE), old.processor()),
                    or(text("otherOrganisations", f.otherOrganisations(), MAX_TEXT), old.otherOrganisations()),
                    f.countries() == null ? old.countries() : countries(f.countries()),
                    or(f.crossBorder(), old.crossBorder()),
                    or(text("measuresTaken", f.measuresTaken(), MAX_TEXT), old.measuresTaken()),
                    or(text("measuresPlanned", f.measuresPlanned(), MAX_TEXT), old.measuresPlanned()),
                    or(f.ongoing(), old.ongoing()), f.role() == null ? old.role() : BreachRole.of("role", f.role()),
                    old.assessment(), old.exemption(), old.decisions(), old.notifications(), old.closedAt()));
            // the exemption follows the facts: a correction of the nature or the systems reassesses it
            if (b.assessment() != null) {
                b = b.assessed(b.assessment(), onlyVault(p, b.systems()));
            }
            List<String> changed = changedFields(old, b);
            if (changed.isEmpty()) {
                throw new InvalidInputException("the correction changes nothing");
            }
            return new Change(b, changed.stream().map(c -> "field:" + c).toList());
        });
    }

    public BreachVersion assess(Caller caller, String reference, Assessment a) {
        if (a == null) {
            throw new InvalidInputException("the assessment is required");
        }
        RiskAssessment assessment = input(() -> new RiskAssessment(
                RiskAssessment.Level.of("level", a.level()), text("reasoning", a.reasoning(), MAX_TEXT),
                severity(a.severity()), Boolean.TRUE.equals(a.encryptedAtRest()), Boolean.TRUE.equals(a.keysCompromised())));
        Policy p = policy.policy();
        return change(caller, reference, "assessed", "breach-assessed", null, old -> {
            Breach b = old.assessed(assessment, onlyVault(p, old.systems()));
            List<String> reasons = new ArrayList<>(List.of("level:" + assessment.level().term()));
            if (assessment.severity() != null) {
                reasons.add("severity:" + assessment.severity().level().term());
                reasons.add("score:" + assessment.severity().score());
            }
            reasons.add("exemption:" + (b.exemption().granted() ? "granted" : "refused"));
            reasons.add("exemption-reason:" + b.exemption().reason());
            return new Change(b, reasons);
        });
    }

    public BreachVersion decide(Caller caller, String reference, Decision d) {
        if (d == null || (d.notifyAuthority() == null && d.notifySubjects() == null)) {
            throw new InvalidInputException("notifyAuthority", "decide whether to notify the AP (notifyAuthority) or the "
                    + "people affected (notifySubjects), each with its reason");
        }
        Decisions decisions = input(() -> new Decisions(d.notifyAuthority(),
                text("authorityReason", d.authorityReason(), MAX_TEXT),
                d.notifySubjects() == null ? null : Decisions.SubjectsNotice.of("notifySubjects", d.notifySubjects()),
                text("subjectsReason", d.subjectsReason(), MAX_TEXT)));
        return change(caller, reference, "decided", "breach-decided", null, old -> {
            List<String> reasons = new ArrayList<>();
            if (decisions.notifyAuthority() != null) {
                reasons.add("authority:" + (decisions.notifyAuthority() ? "yes" : "no"));
            }
            if (decisions.notifySubjects() != null) {
                reasons.add("subjects:" + decisions.notifySubjects().term());
            }
            return new Change(old.decided(decisions), reasons);
        });
    }

    public BreachVersion notify(Caller caller, String reference, Sent n) {
        if (n == null) {
            throw new InvalidInputException("phase", "one of initial, supplement, amendment, withdrawal");
        }
        Notification.Phase phase = input(() -> Notification.Phase.of("phase", n.phase()));
        Instant now = clock.instant();
        Instant sentAt = n.sentAt() == null ? now : n.sentAt();
        notInFuture("sentAt", sentAt, now);
        if (n.number() != null && !NUMBER.matcher(n.number()).matches()) {
            throw new InvalidInputException("number", "the AP's notification number: letters, digits and . _ : / + -, "
                    + "at most 64");
        }
        String delay = text("delayReason", n.delayReason(), MAX_TEXT);
        return change(caller, reference, "notified", "breach-notified", null, old -> {
            Breach b = input(() -> old.notifiedWith(phase, sentAt, n.number(), delay, clock(old)));
            Notification sent = b.notifications().getLast();
            return new Change(b, List.of("phase:" + phase.term(), "late:" + sent.late(),
                    "to:" + (old.role() == BreachRole.PROCESSOR ? "controller" : "authority")));
        });
    }

    public BreachVersion close(Caller caller, String reference) {
        return change(caller, reference, "closed", "breach-closed", null, old -> {
            if (!old.open()) {
                throw new BreachConflictException("closed", "the breach is closed already");
            }
            try {
                return new Change(old.closed(clock.instant()), List.of());
            } catch (Breach.CannotCloseException e) {
                throw new BreachConflictException(e.code(), e.getMessage());
            }
        });
    }

    public BreachVersion find(String reference) {
        return store.current(reference).orElseThrow(NoSuchBreachException::new);
    }

    public List<BreachVersion> versions(String reference) {
        List<BreachVersion> all = store.versions(reference);
        if (all.isEmpty()) {
            throw new NoSuchBreachException();
        }
        return all;
    }

    /** The current version of every breach (only open ones with {@code open}), the earliest awareness first. */
    public List<BreachVersion> list(boolean open, int limit) {
        if (limit < 1 || limit > 100_000) {
            throw new InvalidInputException("limit", "1 to 100000");
        }
        return store.list(open, limit);
    }

    /** The breach's clock: 72 hours as controller, {@code waarborg.breaches.processor-notice} as processor. */
    public BreachClock clock(Breach b) {
        return b.clock(properties.processorNotice(), properties.zone());
    }

    public Instant now() {
        return clock.instant();
    }

    /** A new version and the audit reasons that say what changed. */
    private record Change(Breach breach, List<String> reasons) {}

    private BreachVersion change(Caller caller, String reference, String change, String action, String reason,
                                 java.util.function.Function<Breach, Change> how) {
        return tx.execute(s -> {
            BreachStore.Locked locked = store.lock(reference).orElseThrow(NoSuchBreachException::new);
            Change c = how.apply(locked.current().breach());
            int version = locked.current().version() + 1;
            store.append(locked.id(), version, change, c.breach(), caller.actor(), clock.instant(), reason);
            List<String> reasons = new ArrayList<>(List.of("breach:" + reference, "version:" + version));
            reasons.addAll(c.reasons());
            audit.append(event(caller, action).outcome(Outcome.ALLOWED, reasons.toArray(String[]::new)));
            return store.current(reference).orElseThrow();
        });
    }

    private static AuditEvent.Draft event(Caller caller, String action) {
        return AuditEvent.draft(caller.actor(), caller.role(), action);
    }

    /** The pure core's refusals as the API's 400. */
    private static <T> T input(Supplier<T> make) {
        try {
            return make.get();
        } catch (BreachInputException e) {
            throw new InvalidInputException(e.field(), e.getMessage());
        }
    }

    private static <T> T or(T given, T old) {
        return given != null ? given : old;
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw new InvalidInputException(field, "at most " + max + " characters");
        }
        return value.strip();
    }

    private void notInFuture(String field, Instant at, Instant now) {
        if (at != null && at.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidInputException(field, "a moment of the breach cannot lie in the future");
        }
    }

    private static Set<Nature> natures(List<String> terms) {
        if (terms == null || terms.isEmpty()) {
            throw new InvalidInputException("nature", "at least one of confidentiality, integrity, availability");
        }
        Set<Nature> set = EnumSet.noneOf(Nature.class);
        for (int i = 0; i < terms.size(); i++) {
            int at = i;
            set.add(input(() -> Nature.of("nature/" + at, terms.get(at))));
        }
        return set;
    }

    private static Set<BreachAction> actions(List<String> terms) {
        Set<BreachAction> set = EnumSet.noneOf(BreachAction.class);
        if (terms != null) {
            for (int i = 0; i < terms.size(); i++) {
                int at = i;
                set.add(input(() -> BreachAction.of("actions/" + at, terms.get(at))));
            }
        }
        return set;
    }

    private static List<String> ids(List<String> given, String field, java.util.function.Predicate<String> declared) {
        if (given == null) {
            return List.of();
        }
        List<String> ids = List.copyOf(new LinkedHashSet<>(given));
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) == null || !declared.test(ids.get(i))) {
                throw new InvalidInputException(field + "/" + i, "the policy declares no such id");
            }
        }
        return ids;
    }

    /** The categories the policy marks as needing extra protection (special, criminal, national id, children's). */
    private static List<String> special(Policy p, List<String> categories) {
        return categories.stream().filter(id -> p.dataCategory(id).map(Policy.DataCategory::needsExtraProtection)
                .orElse(false)).toList();
    }

    private static List<String> countries(List<String> given) {
        if (given == null) {
            return List.of();
        }
        for (int i = 0; i < given.size(); i++) {
            if (given.get(i) == null || !COUNTRY.matcher(given.get(i)).matches()) {
                throw new InvalidInputException("countries/" + i, "an ISO 3166 country code of two capitals, such as DE");
            }
        }
        return List.copyOf(new LinkedHashSet<>(given));
    }

    /** Whether every breached system is the vault, whose items are encrypted at rest. */
    private static boolean onlyVault(Policy p, List<String> systems) {
        return !systems.isEmpty() && systems.stream().allMatch(id -> p.system(id)
                .map(s -> s.connector() == Connector.VAULT).orElse(false));
    }

    private static EnisaSeverity severity(Severity s) {
        if (s == null) {
            return null;
        }
        if (s.dataProcessingContext() == null || s.easeOfIdentification() == null) {
            throw new InvalidInputException("severity", "the ENISA score needs dataProcessingContext and "
                    + "easeOfIdentification (and the circumstances, 0 when left out)");
        }
        return new EnisaSeverity(s.dataProcessingContext(), s.easeOfIdentification(), zero(s.confidentiality()),
                zero(s.integrity()), zero(s.availability()), Boolean.TRUE.equals(s.maliciousIntent()));
    }

    private static double zero(Double d) {
        return d == null ? 0 : d;
    }

    /** The names of the facts that differ between two versions (for the audit: which fields, never their values). */
    private static List<String> changedFields(Breach before, Breach after) {
        List<String> changed = new ArrayList<>();
        try {
            for (RecordComponent c : Breach.class.getRecordComponents()) {
                if (!Objects.equals(c.getAccessor().invoke(before), c.getAccessor().invoke(after))) {
                    changed.add(c.getName());
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return changed;
    }

    /** No breach has this reference. */
    public static final class NoSuchBreachException extends ApiException {
        NoSuchBreachException() {
            super(HttpStatus.NOT_FOUND, "No such breach", "no breach has this reference");
        }
    }

    /** The breach is not in a state that allows the step (closed already, a decision missing). */
    public static final class BreachConflictException extends ApiException {
        BreachConflictException(String code, String detail) {
            super(HttpStatus.CONFLICT, "Not possible now", detail);
            getBody().setProperty("reason", code);
        }
    }
}
