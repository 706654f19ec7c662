package nl.waarborg.retention.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import nl.waarborg.pages.ConsoleJobs;
import nl.waarborg.retention.service.Sweeper;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sweeps started from the console, in the background ({@link ConsoleJobs}): a sweep of a large backlog takes minutes.
 * One runs at a time from the console (the scheduled sweeps and other nodes may run beside it: batches claim their
 * rows with SKIP LOCKED, so two sweeps never erase the same item). A sweep's result is kept for an hour, for the
 * account that started it.
 */
@Component
public class RetentionSweeps implements DisposableBean {

    private final Sweeper sweeper;
    private final ConsoleJobs<Sweeper.Report> jobs;

    RetentionSweeps(Sweeper sweeper, Clock clock) {
        this.sweeper = sweeper;
        this.jobs = new ConsoleJobs<>("waarborg-retention-sweep", clock, Duration.ofHours(1), 50, null);
    }

    /** Starts a sweep (dry: change nothing) for {@code owner}; returns the job's id at once. */
    public UUID start(UUID owner, boolean dryRun) {
        return jobs.start(owner, dryRun ? "dry-run" : "sweep", progress -> sweeper.sweep(dryRun, progress::at));
    }

    /** The sweep's job, when it exists and {@code owner} started it. */
    public Optional<ConsoleJobs.View<Sweeper.Report>> find(UUID id, UUID owner) {
        return jobs.find(id, owner);
    }

    @Override
    public void destroy() {
        jobs.close();
    }
}
