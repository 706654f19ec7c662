package nl.waarborg.retention.web;

import java.util.List;
import nl.waarborg.retention.service.AnonymisedStatistics;
import nl.waarborg.retention.service.AttestationTasks;
import nl.waarborg.retention.service.RetentionForecast;

/**
 * What the retention page shows.
 *
 * @param days       the forecast's window as typed (shown back in the form)
 * @param problem    the bundle key of what is wrong with {@code days}, or null
 * @param forecast   the forecast for that window; null when {@code days} is wrong
 * @param open       attestation tasks not confirmed yet, earliest due first
 * @param statistics what anonymisation kept, groups of at least k members (at most {@link #STATISTICS} shown)
 * @param confirmed  the task just confirmed (for the notice), or null
 */
public record RetentionOverview(String days, String problem, RetentionForecast.Forecast forecast,
                                List<AttestationTasks.Task> open, AnonymisedStatistics.Release statistics,
                                AttestationTasks.Task confirmed) {

    /** The most statistics rows one page shows; the API gives them all. */
    public static final int STATISTICS = 100;

    public List<AnonymisedStatistics.Released> shownStatistics() {
        List<AnonymisedStatistics.Released> all = statistics.groups();
        return all.size() <= STATISTICS ? all : all.subList(0, STATISTICS);
    }
}
