package nl.waarborg.web;

import nl.waarborg.access.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.service.AuditRecorder;
import nl.waarborg.policy.service.ActivePolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Records every refused call in the audit log (issue 3: "an unauthenticated or out-of-role call is refused
 * and audited"): who (key prefix or anonymous), which role, which method, why. Not the path: a query string
 * may carry a personal value, and the audit log holds none. A refused call changes nothing, so its event goes
 * through the {@link AuditRecorder} (group commit) rather than a transaction of its own; the refusal is
 * answered only once the event is committed.
 */
@Component
class RefusedCallAudit {

    private final AuditRecorder audit;
    private final ActivePolicy policy;

    RefusedCallAudit(AuditRecorder audit, ActivePolicy policy) {
        this.audit = audit;
        this.policy = policy;
    }

    void unauthenticated(HttpServletRequest request) {
        record("anonymous", "none", request, "unauthenticated");
    }

    void forbidden(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Caller caller) {
            record(caller.actor(), caller.role(), request, "role-not-allowed");
        } else {
            record("anonymous", "none", request, "role-not-allowed");
        }
    }

    private void record(String actor, String role, HttpServletRequest request, String reason) {
        String action = "http-" + request.getMethod().toLowerCase(Locale.ROOT);
        audit.record(AuditEvent.draft(actor, role, action).outcome(Outcome.DENIED, reason)
                .policyVersion(policy.version().id()));
    }
}
