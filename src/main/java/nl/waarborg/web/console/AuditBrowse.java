package nl.waarborg.web.console;

import java.util.List;
import nl.waarborg.audit.AuditEvent;

/**
 * What the audit log's page shows: the filter as typed (shown back in the form), the problems with it (message keys
 * with the field they belong to), one page of events newest first, and the link to the older ones.
 *
 * @param searchedFrom the lowest seq this page looked at
 * @param olderHref    the next page's address, or null when there is none
 */
public record AuditBrowse(Form form, List<Problem> problems, List<AuditEvent> events, long searchedFrom,
                          String olderHref) {

    public record Form(String actor, String action, String outcome, String from, String to) {
    }

    public record Problem(String field, String key) {
    }
}
