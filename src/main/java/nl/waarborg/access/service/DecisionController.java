package nl.waarborg.access.service;

import nl.waarborg.input.InvalidInputException;
import nl.waarborg.access.PurposeNotAllowedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import nl.waarborg.access.Action;
import nl.waarborg.access.Caller;
import nl.waarborg.access.Circumstance;
import nl.waarborg.access.Decision;
import nl.waarborg.access.DecisionEngine;
import nl.waarborg.access.DecisionRequest;
import nl.waarborg.access.DenyReason;
import nl.waarborg.access.SubjectState;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.service.AuditRecorder;
import nl.waarborg.policy.CompiledPolicy;
import nl.waarborg.policy.service.ActivePolicy;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Decisions without reading data ({@code POST /api/v1/decisions}): an application asks whether it may do
 * something before doing it in its own systems. Every answer is in the audit log.
 */
@RestController
@Tag(name = "Decisions", description = "Ask whether a use of personal data is allowed, without reading data")
class DecisionController {

    /** The most decisions one call may ask. */
    static final int MAX_BATCH = 1_000;

    private final ActivePolicy policy;
    private final SubjectStates states;
    private final AuditRecorder recorder;

    DecisionController(ActivePolicy policy, SubjectStates states, AuditRecorder recorder) {
        this.policy = policy;
        this.states = states;
        this.recorder = recorder;
    }

    /**
     * One use to decide. {@code role} only for staff asking on behalf of a role; an application always asks in
     * its key's role. {@code subject} may be left out to ask about the policy alone (no consent, no objection).
     */
    record Question(UUID subject, String role, String purpose, List<String> categories, String action,
                    String recipient, List<String> circumstances) {
    }

    record Questions(List<Question> decisions) {
    }

    record Reason(String code, String message, String requirement, List<String> categories) {
    }

    record Answer(boolean allowed, List<Reason> reasons) {
    }

    record Answers(long policyVersion, List<Answer> decisions) {
    }

    @PostMapping("/api/v1/decisions")
    @Operation(summary = "Decide uses of personal data (batch)", description = "Up to 1,000 questions per call: "
            + "(subject, purpose, data categories, action read|write|export|transfer|store, recipient, circumstances) "
            + "answered allow, or deny with machine-readable reasons (docs/decisions.md). Applications ask in their "
            + "key's role and only for their key's purposes (otherwise 403); staff name the role. Roles: application, staff.")
    Answers decide(@AuthenticationPrincipal Caller caller, @RequestBody Questions body) {
        if (body.decisions() == null || body.decisions().isEmpty() || body.decisions().size() > MAX_BATCH) {
            throw new InvalidInputException("'decisions' holds 1 to " + MAX_BATCH + " questions");
        }
        CompiledPolicy compiled = policy.compiled();
        long version = policy.version().id();
        List<DecisionRequest> requests = new ArrayList<>(body.decisions().size());
        for (Question q : body.decisions()) {
            if (q.purpose() == null) {
                throw new InvalidInputException("each question names a purpose");
            }
            if (!caller.mayUse(q.purpose())) {
                recorder.record(AuditEvent.draft(caller.actor(), caller.role(), "decide")
                        .outcome(Outcome.DENIED, "purpose-not-allowed-for-key").policyVersion(version));
                throw new PurposeNotAllowedException(q.purpose());
            }
            String role;
            if (caller.staff()) {
                if (q.role() == null) {
                    throw new InvalidInputException("staff name the role a question is asked for");
                }
                role = q.role();
            } else {
                if (q.role() != null && !q.role().equals(caller.role())) {
                    throw new InvalidInputException("an application asks in its key's role only");
                }
                role = caller.role();
            }
            requests.add(new DecisionRequest(role, q.purpose(), q.categories(), action(q.action()), q.recipient(),
                    circumstances(q.circumstances())));
        }
        List<Answer> answers = new ArrayList<>(requests.size());
        List<AuditEvent.Draft> events = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            Question q = body.decisions().get(i);
            DecisionRequest r = requests.get(i);
            SubjectState state = q.subject() == null
                    ? SubjectState.empty(compiled, null) : states.state(q.subject(), compiled);
            Decision d = DecisionEngine.decide(compiled, state, r);
            answers.add(answer(compiled, d, state));
            events.add(event(caller, compiled, q, r, d, version));
        }
        recorder.recordAll(events);
        return new Answers(version, answers);
    }

    private static Answer answer(CompiledPolicy compiled, Decision d, SubjectState state) {
        if (d.allowed()) {
            return new Answer(true, List.of());
        }
        Decision.Deny deny = (Decision.Deny) d;
        List<Reason> reasons = new ArrayList<>();
        for (DenyReason reason : d.reasons()) {
            // legal-obligation-only names the purposes that may still use the failing categories' data
            reasons.add(new Reason(reason.code(), reason.message(state, deny.failedCategoryIds(reason)), reason.requirement(),
                    reason.perCategory() ? deny.failedCategories(compiled, reason) : List.of()));
        }
        return new Answer(false, reasons);
    }

    // Only declared ids go into the event (terms, never free text from the caller).
    private static AuditEvent.Draft event(Caller caller, CompiledPolicy compiled, Question q, DecisionRequest r,
                                          Decision d, long version) {
        AuditEvent.Draft e = AuditEvent.draft(caller.actor(), caller.role(),
                "decide-" + r.action().name().toLowerCase(Locale.ROOT)).policyVersion(version);
        if (compiled.purposeId(r.purpose()) >= 0) {
            e = e.purpose(r.purpose());
        }
        if (q.subject() != null) {
            e = e.subject(q.subject());
        }
        e = e.categories(r.categories().stream().filter(c -> compiled.categoryId(c) >= 0).toArray(String[]::new));
        return d.allowed() ? e : e.outcome(Outcome.DENIED, d.codes().toArray(String[]::new));
    }

    private static Action action(String action) {
        if (action == null) {
            throw new InvalidInputException("each question names an action: read, write, export, transfer or store");
        }
        try {
            return Action.valueOf(action.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("action must be read, write, export, transfer or store");
        }
    }

    private static List<Circumstance> circumstances(List<String> codes) {
        if (codes == null) {
            return List.of();
        }
        List<Circumstance> out = new ArrayList<>(codes.size());
        for (String code : codes) {
            try {
                out.add(Circumstance.valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new InvalidInputException("unknown circumstance; known: pseudonymised, restriction-subject-consent, "
                        + "restriction-legal-claims, restriction-protection-of-others, restriction-public-interest");
            }
        }
        return out;
    }


}
