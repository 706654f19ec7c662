package nl.waarborg.web.console;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import nl.waarborg.audit.AuditJsonLines;
import nl.waarborg.audit.Verification;
import nl.waarborg.audit.service.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Verifying and exporting the audit log from the console, in the background: a log of millions of events takes
 * seconds to minutes, longer than a page should keep a person waiting. One job runs at a time (the rest wait their
 * turn), so the console cannot start more full reads of the log than the database can bear. A job belongs to the
 * account that started it; a finished job and its export file are kept for an hour.
 */
@Component
public class AuditJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AuditJobs.class);
    private static final Duration KEEP = Duration.ofHours(1);
    private static final int MAX_JOBS = 50;

    public enum Kind { VERIFY, EXPORT }

    public enum State { WAITING, RUNNING, DONE, FAILED }

    /** What a job's page shows. {@code verification} is set for a finished verify, null otherwise. */
    public record View(UUID id, Kind kind, State state, long done, long total, Instant startedAt, Instant finishedAt,
                       Verification.Ok intact, Verification.Broken broken, long exported) {

        public boolean finished() {
            return state == State.DONE || state == State.FAILED;
        }

        /** The words for why a broken chain broke ({@code audit.why.…}), or null when it did not. */
        public String whyKey() {
            return broken == null ? null : "audit.why." + broken.why().name();
        }

        /** Whole percent done, 0 to 100. */
        public int percent() {
            if (state == State.DONE) {
                return 100;
            }
            return total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
        }
    }

    private static final class Job {
        final UUID id = UUID.randomUUID();
        final UUID owner;
        final Kind kind;
        final Instant startedAt;
        final AtomicLong done = new AtomicLong();
        volatile long total;
        volatile State state = State.WAITING;
        volatile Instant finishedAt;
        volatile Verification verification;
        volatile Path file;
        volatile long exported;

        Job(UUID owner, Kind kind, Instant startedAt) {
            this.owner = owner;
            this.kind = kind;
            this.startedAt = startedAt;
        }

        View view() {
            Verification v = verification;
            return new View(id, kind, state, done.get(), total, startedAt, finishedAt,
                    v instanceof Verification.Ok ok ? ok : null, v instanceof Verification.Broken b ? b : null, exported);
        }
    }

    private final AuditLog audit;
    private final Clock clock;
    private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "waarborg-audit-job");
        t.setDaemon(true);
        return t;
    });

    AuditJobs(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** Starts a job for {@code owner}; returns its id at once. */
    public UUID start(UUID owner, Kind kind) {
        forgetOld();
        Job job = new Job(owner, kind, clock.instant());
        jobs.put(job.id, job);
        runner.submit(() -> run(job));
        return job.id;
    }

    /** The job, when it exists and {@code owner} started it. */
    public Optional<View> find(UUID id, UUID owner) {
        Job job = jobs.get(id);
        return job == null || !job.owner.equals(owner) ? Optional.empty() : Optional.of(job.view());
    }

    /** The export file of a finished export job of {@code owner}. */
    public Optional<Path> exportFile(UUID id, UUID owner) {
        Job job = jobs.get(id);
        if (job == null || !job.owner.equals(owner) || job.kind != Kind.EXPORT || job.state != State.DONE) {
            return Optional.empty();
        }
        return Optional.ofNullable(job.file);
    }

    private void run(Job job) {
        job.state = State.RUNNING;
        try {
            job.total = audit.head().lastSeq();
            if (job.kind == Kind.VERIFY) {
                job.verification = audit.verify(List.of(), job.done::set);
            } else {
                Path file = Files.createTempFile("waarborg-audit-export-", ".jsonl");
                try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    job.exported = audit.forEach(0, e -> {
                        try {
                            out.write(AuditJsonLines.line(e));
                            out.write('\n');
                        } catch (IOException ex) {
                            throw new UncheckedIOException(ex);
                        }
                        job.done.incrementAndGet();
                    });
                }
                job.file = file;
            }
            job.state = State.DONE;
        } catch (RuntimeException | IOException e) {
            log.warn("audit {} job failed: {}", job.kind, e.getClass().getName()); // never an event's content
            job.state = State.FAILED;
        } finally {
            job.finishedAt = clock.instant();
        }
    }

    private void forgetOld() {
        Instant before = clock.instant().minus(KEEP);
        jobs.values().removeIf(j -> j.finishedAt != null && j.finishedAt.isBefore(before) && delete(j));
        while (jobs.size() >= MAX_JOBS) {
            Optional<Job> oldest = jobs.values().stream().filter(j -> j.finishedAt != null)
                    .min(Comparator.comparing(j -> j.finishedAt));
            if (oldest.isEmpty() || !delete(oldest.get())) {
                break;
            }
            jobs.remove(oldest.get().id);
        }
    }

    private static boolean delete(Job job) {
        try {
            if (job.file != null) {
                Files.deleteIfExists(job.file);
            }
        } catch (IOException e) {
            log.warn("could not delete an audit export file: {}", e.getClass().getName());
        }
        return true;
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
        jobs.values().forEach(AuditJobs::delete);
    }
}
