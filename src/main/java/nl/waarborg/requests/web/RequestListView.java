package nl.waarborg.requests.web;

import java.util.List;
import nl.waarborg.requests.service.RequestDesk;

/**
 * The list page: the filters as given (so the form shows them), one page of rows, the next page's link, who requests
 * can be assigned to, and what a bulk action just did ({@code assigned}: how many, or null).
 */
public record RequestListView(String status, String kind, boolean overdue, boolean mine, boolean unverified,
                              List<RequestDesk.Row> rows, String nextHref, List<RequestDesk.Assignee> assignees,
                              Integer assigned, String problem) {}
