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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import nl.waarborg.audit.AuditJsonLines;
import nl.waarborg.audit.Verification;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.pages.ConsoleJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Verifying and exporting the audit log from the console, in the background ({@link ConsoleJobs}): a log of millions
 * of events takes seconds to minutes, longer than a page should keep a person waiting. One job runs at a time (the
 * rest wait their turn), so the console cannot start more full reads of the log than the database can bear. A job
 * belongs to the account that started it; a finished job and its export file are kept for an hour.
 */
@Component
public class AuditJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AuditJobs.class);

    public enum Kind { VERIFY, EXPORT }

    /** What a finished job found: a verification, or an export's file and how many events it holds. */
    record Result(Verification verification, Path file, long exported) {}

    /** What a job's page shows. {@code intact}/{@code broken} are set for a finished verify, null otherwise. */
    public record View(UUID id, Kind kind, ConsoleJobs.State state, long done, long total, Instant startedAt,
                       Instant finishedAt, Verification.Ok intact, Verification.Broken broken, long exported) {

        public boolean finished() {
            return state == ConsoleJobs.State.DONE || state == ConsoleJobs.State.FAILED;
        }

        public boolean waiting() {
            return state == ConsoleJobs.State.WAITING;
        }

        public boolean failed() {
            return state == ConsoleJobs.State.FAILED;
        }

        /** The words for why a broken chain broke ({@code audit.why.…}), or null when it did not. */
        public String whyKey() {
            return broken == null ? null : "audit.why." + broken.why().name();
        }

        /** Whole percent done, 0 to 100. */
        public int percent() {
            if (state == ConsoleJobs.State.DONE) {
                return 100;
            }
            return total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
        }
    }

    private final AuditLog audit;
    private final ConsoleJobs<Result> jobs;

    AuditJobs(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.jobs = new ConsoleJobs<>("waarborg-audit-job", clock, Duration.ofHours(1), 50, AuditJobs::delete);
    }

    /** Starts a job for {@code owner}; returns its id at once. */
    public UUID start(UUID owner, Kind kind) {
        return jobs.start(owner, kind.name(), progress -> run(kind, progress));
    }

    /** The job, when it exists and {@code owner} started it. */
    public Optional<View> find(UUID id, UUID owner) {
        return jobs.find(id, owner).map(j -> {
            Result r = j.result();
            Verification v = r == null ? null : r.verification();
            return new View(j.id(), Kind.valueOf(j.kind()), j.state(), j.done(), j.total(), j.startedAt(),
                    j.finishedAt(), v instanceof Verification.Ok ok ? ok : null,
                    v instanceof Verification.Broken b ? b : null, r == null ? 0 : r.exported());
        });
    }

    /** The export file of a finished export job of {@code owner}. */
    public Optional<Path> exportFile(UUID id, UUID owner) {
        return jobs.find(id, owner).filter(j -> j.state() == ConsoleJobs.State.DONE && j.result() != null)
                .map(j -> j.result().file());
    }

    private Result run(Kind kind, ConsoleJobs.Progress progress) throws IOException {
        long total = audit.head().lastSeq();
        progress.at(null, 0, total);
        if (kind == Kind.VERIFY) {
            return new Result(audit.verify(List.of(), done -> progress.at(null, done, total)), null, 0);
        }
        Path file = Files.createTempFile("waarborg-audit-export-", ".jsonl");
        AtomicLong done = new AtomicLong();
        long exported;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            exported = audit.forEach(0, e -> {
                try {
                    out.write(AuditJsonLines.line(e));
                    out.write('\n');
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
                progress.at(null, done.incrementAndGet(), total);
            });
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new Result(null, file, exported);
    }

    private static void delete(Result result) {
        try {
            if (result.file() != null) {
                Files.deleteIfExists(result.file());
            }
        } catch (IOException e) {
            log.warn("could not delete an audit export file: {}", e.getClass().getName());
        }
    }

    @Override
    public void destroy() {
        jobs.close();
    }
}
