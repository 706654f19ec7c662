package nl.waarborg.retention.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import nl.waarborg.access.Caller;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.service.AuditRecorder;
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
    private final AuditRecorder audit;
    private final ConsoleJobs<Sweeper.Report> jobs;

    RetentionSweeps(Sweeper sweeper, AuditRecorder audit, Clock clock) {
        this.sweeper = sweeper;
        this.audit = audit;
        this.jobs = new ConsoleJobs<>("waarborg-retention-sweep", clock, Duration.ofHours(1), 50, null);
    }

    /**
     * Starts a sweep (dry: change nothing) for {@code caller}'s account {@code owner}; returns the job's id at once.
     * Who asked for it is audited here ({@code retention-sweep-started}); each erasure the sweep makes is audited by
     * the sweep itself, as the scheduled sweep's are.
     */
    public UUID start(Caller caller, UUID owner, boolean dryRun) {
        UUID id = jobs.start(owner, dryRun ? "dry-run" : "sweep", progress -> sweeper.sweep(dryRun, progress::at));
        audit.record(AuditEvent.draft(caller.actor(), caller.role(), "retention-sweep-started")
                .outcome(Outcome.ALLOWED, dryRun ? "dry-run" : "erase", "job:" + id));
        return id;
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
