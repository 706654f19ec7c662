package nl.waarborg.console;

import java.time.Instant;
import java.util.List;
import nl.waarborg.requests.service.RequestDesk;
import nl.waarborg.systems.SystemOperations;

/**
 * What the dashboard shows: per card, whether the signed-in person may see its subject, its counts and its first few
 * rows. Counts and names only, never a personal value.
 *
 * @param requests   the open requests by days left (null: not shown)
 * @param work       the privacy team's open tasks, attestations, 30-day forecast and failing systems (null: not shown)
 * @param breaches   the open breaches with their clocks (null: not shown)
 * @param lint       the policy's lint findings (null: not shown)
 */
public record DashboardView(RequestsCard requests, WorkCard work, BreachesCard breaches, LintCard lint) {

    /** Open requests: counts by urgency, the first rows soonest due, the unverified ones apart. */
    public record RequestsCard(RequestDesk.OpenCounts counts, List<RequestDesk.Row> soonest,
                               List<RequestDesk.Row> unverified) {}

    /** One open task of a manual system's owner or one attestation, with when it is due. */
    public record Task(String kind, String system, String what, Instant dueAt, boolean overdue) {}

    /**
     * The retention and systems work: open manual tasks and attestations (counts and the first rows), what retention
     * will erase or anonymise within 30 days (items; of which due now), the systems whose operations failed for
     * good, and the systems whose last sweep failed ({@code failedSweeps}: system, status, the cause's code, when).
     */
    public record WorkCard(long openTasks, long openAttestations, List<Task> firstTasks, long forecastItems,
                           long forecastOverdue, long forecastAttestations, List<String> failingSystems,
                           List<SystemOperations.FailedSweep> failedSweeps) {}

    /** One open breach and where its clock stands (running, warning, late, notified, not-required). */
    public record BreachRow(String reference, String title, Instant due, String state) {}

    public record BreachesCard(int open, boolean more, List<BreachRow> first) {}

    public record LintCard(long errors, long warnings) {}
}
