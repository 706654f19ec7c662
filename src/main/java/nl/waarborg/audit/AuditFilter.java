package nl.waarborg.audit;

import java.time.Instant;

/**
 * What a person browsing the audit log narrows it to; every part may be null (not narrowed). The texts are compared
 * whole, as terms (an event's fields hold no free text to search in).
 *
 * @param from  the first instant included
 * @param until the first instant no longer included
 */
public record AuditFilter(String actor, String action, Outcome outcome, Instant from, Instant until) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null);

    public AuditFilter {
        actor = blankToNull(actor);
        action = blankToNull(action);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
