package nl.waarborg.requests.web;

import java.util.List;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.requests.service.RequestDesk;

/**
 * One request's page: its facts and deadline ({@code row}), steps and answer, the timeline, the letters there are, the
 * choices its forms offer, what was just done ({@code done}: a bundle key) or what went wrong ({@code problem}).
 */
public record RequestPageView(RequestDesk.Row row, java.time.LocalDate receivedDay, RequestDesk.Progress progress, List<AuditEvent> timeline,
                              List<String> letters, List<String> identityMethods, List<String> refusalGrounds,
                              List<RequestDesk.Assignee> assignees, boolean extensionAllowed, String done,
                              String problem) {}
