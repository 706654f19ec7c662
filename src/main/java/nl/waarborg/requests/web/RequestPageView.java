package nl.waarborg.requests.web;

import java.util.List;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.requests.service.RequestDesk;

/**
 * One request's page: its facts and deadline ({@code row}), steps and answer, the timeline, the letters there are, the
 * choices its forms offer, what was just done ({@code done}: a bundle key) or what went wrong ({@code problem}), and a letter previewed before its action
 * ({@code preview}, null when none), and for a request for rectification the new values the fulfilment asks
 * ({@code rectification}, null for another request).
 */
public record RequestPageView(RequestDesk.Row row, java.time.LocalDate receivedDay, RequestDesk.Progress progress, List<AuditEvent> timeline,
                              List<String> letters, List<String> identityMethods, List<String> refusalGrounds,
                              List<RequestDesk.Assignee> assignees, boolean extensionAllowed, String done,
                              String problem, LetterPreviewView preview, RectificationForm rectification) {

    /** The page without a preview. */
    public RequestPageView(RequestDesk.Row row, java.time.LocalDate receivedDay, RequestDesk.Progress progress,
                           List<AuditEvent> timeline, List<String> letters, List<String> identityMethods,
                           List<String> refusalGrounds, List<RequestDesk.Assignee> assignees, boolean extensionAllowed,
                           String done, String problem) {
        this(row, receivedDay, progress, timeline, letters, identityMethods, refusalGrounds, assignees,
                extensionAllowed, done, problem, null, null);
    }

    /** The reason typed in the form {@code form} (extend, refuse) when it was previewed, else empty. */
    public String reasonFor(String form) {
        return preview == null ? "" : preview.reasonFor(form);
    }

    /** Whether the preview shown is of the form {@code form}'s letter. */
    public boolean previewOf(String form) {
        return preview != null && preview.action().equals(form) && preview.html() != null;
    }
}
