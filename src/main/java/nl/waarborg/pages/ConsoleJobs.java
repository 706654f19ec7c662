package nl.waarborg.pages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long work started from a console page (verifying the audit log, a retention sweep), run in the background: the
 * page that started it redirects to a job page that shows how far it is (done of total, per step) and reloads itself
 * with a {@code Refresh} header until it is done. One job runs at a time per instance (the rest wait their turn), so
 * the console cannot start more heavy work than the database can bear. A job belongs to the account that started it
 * and is kept for a while after it finished.
 *
 * @param <R> what a finished job gives its page
 */
public final class ConsoleJobs<R> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConsoleJobs.class);

    public enum State { WAITING, RUNNING, DONE, FAILED }

    /** How far a job is; {@code step} names the part it works on (a term the page turns into words), or null. */
    @FunctionalInterface
    public interface Progress {
        void at(String step, long done, long total);
    }

    /** The work of one job; it reports its progress as it goes. */
    @FunctionalInterface
    public interface Work<R> {
        R run(Progress progress) throws Exception;
    }

    /** What a job's page shows. {@code result} is set once the job is done. */
    public record View<R>(UUID id, String kind, State state, String step, long done, long total, Instant startedAt,
                          Instant finishedAt, R result) {

        public boolean finished() {
            return state == State.DONE || state == State.FAILED;
        }

        /** Whole percent of the current step done, 0 to 100. */
        public int percent() {
            if (state == State.DONE) {
                return 100;
            }
            return total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
        }
    }

    private final class Job implements Progress {
        final UUID id = UUID.randomUUID();
        final UUID owner;
        final String kind;
        final Instant startedAt;
        volatile String step;
        volatile long done;
        volatile long total;
        volatile State state = State.WAITING;
        volatile Instant finishedAt;
        volatile R result;

        Job(UUID owner, String kind, Instant startedAt) {
            this.owner = owner;
            this.kind = kind;
            this.startedAt = startedAt;
        }

        @Override
        public synchronized void at(String step, long done, long total) {
            this.step = step;
            this.total = total;
            this.done = done;
        }

        synchronized View<R> view() {
            return new View<>(id, kind, state, step, done, total, startedAt, finishedAt, result);
        }
    }

    private final Clock clock;
    private final Duration keep;
    private final int maxJobs;
    private final Consumer<R> discard;
    private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService runner;

    /**
     * @param thread  the name of the one thread that runs the jobs
     * @param keep    how long a finished job stays visible
     * @param maxJobs the most jobs kept; the oldest finished ones go first
     * @param discard what to do with a result that is forgotten (delete its file), or null
     */
    public ConsoleJobs(String thread, Clock clock, Duration keep, int maxJobs, Consumer<R> discard) {
        this.clock = clock;
        this.keep = keep;
        this.maxJobs = maxJobs;
        this.discard = discard == null ? r -> { } : discard;
        this.runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, thread);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts a job for {@code owner}; returns its id at once. */
    public UUID start(UUID owner, String kind, Work<R> work) {
        forgetOld();
        Job job = new Job(owner, kind, clock.instant());
        jobs.put(job.id, job);
        runner.submit(() -> run(job, work));
        return job.id;
    }

    /** The job, when it exists and {@code owner} started it. */
    public Optional<View<R>> find(UUID id, UUID owner) {
        Job job = jobs.get(id);
        return job == null || !job.owner.equals(owner) ? Optional.empty() : Optional.of(job.view());
    }

    private void run(Job job, Work<R> work) {
        job.state = State.RUNNING;
        try {
            job.result = work.run(job);
            job.state = State.DONE;
        } catch (Exception e) {
            // the class only: a message may hold what the work read
            log.warn("console job {} failed: {}", job.kind, e.getClass().getName());
            job.state = State.FAILED;
        } finally {
            job.finishedAt = clock.instant();
        }
    }

    private void forgetOld() {
        Instant before = clock.instant().minus(keep);
        jobs.values().removeIf(j -> j.finishedAt != null && j.finishedAt.isBefore(before) && forget(j));
        while (jobs.size() >= maxJobs) {
            Optional<Job> oldest = jobs.values().stream().filter(j -> j.finishedAt != null)
                    .min(Comparator.comparing(j -> j.finishedAt));
            if (oldest.isEmpty()) {
                break;
            }
            forget(oldest.get());
            jobs.remove(oldest.get().id);
        }
    }

    private boolean forget(Job job) {
        R r = job.result;
        if (r != null) {
            try {
                discard.accept(r);
            } catch (RuntimeException e) {
                log.warn("could not discard a console job's result: {}", e.getClass().getName());
            }
        }
        return true;
    }

    @Override
    public void close() {
        runner.shutdownNow();
        jobs.values().forEach(this::forget);
    }
}
