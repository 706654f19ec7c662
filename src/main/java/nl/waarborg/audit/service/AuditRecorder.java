package nl.waarborg.audit.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import nl.waarborg.audit.AuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records audit events of uses that change nothing in the database (a read of personal data, a decision asked
 * without reading data, a refused HTTP call) by <b>group commit</b>: one writer thread appends the events
 * queued by all callers with {@link AuditLog#appendAll} in one transaction, commits, and only then lets each
 * caller go on. While one batch commits, new events queue up and become the next batch, so under load a commit
 * carries many events and the head lock is taken once per batch, not once per event; when idle, an event waits
 * for one commit.
 *
 * <p>Events that record a change do not come here: they are appended in the change's own transaction with
 * {@link AuditLog#append}, so that they commit or roll back with it.
 *
 * <p><b>Durability.</b> {@link #record} returns only after the transaction holding the event has committed,
 * with {@code synchronous_commit} at least {@code on} (the batch transaction raises it when the server has it
 * off, as the embedded PostgreSQL does), so a caller that then hands out personal data has that use on record
 * and a database crash does not lose it. When it cannot be written, {@link #record} throws
 * {@link AuditUnavailableException}: the caller must then not hand out the data.
 *
 * <p><b>A failed batch.</b> Every draft is valid (an {@link AuditEvent.Draft} checks its fields when it is
 * made), so a batch fails only for a reason of the database: unreachable, out of disk, the head lock not
 * obtained within the lock timeout. Every caller in that batch is told (their events are not in the log), and the
 * writer goes on with the next batch. There is no retry one by one: what failed the batch would fail each event.
 *
 * <p><b>Back-pressure.</b> The queue holds at most {@code queue-capacity} events; when it is full, callers wait
 * for room. No event is ever dropped.
 *
 * <p><b>Shutdown.</b> It stops after the web server (a later lifecycle phase), so requests still running can
 * record. Stopping refuses new events, writes every queued event, then ends the writer thread; an event offered
 * after that fails with {@link AuditUnavailableException}. A stopped recorder does not start again.
 *
 * <p>Logs hold counts and exception types only, never an event's content.
 */
@Component
public class AuditRecorder implements SmartLifecycle, AutoCloseable {

    /** Stops after the web server (graceful shutdown at DEFAULT_PHASE - 1024, stop at - 2048); starts before it. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    /** The writer thread's name. */
    public static final String THREAD_NAME = "waarborg-audit-writer";

    /** How long {@link #close()} waits for the queued events to be written before it gives up waiting. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(AuditRecorder.class);

    /**
     * {@code waarborg.audit.*}: the most events one batch (one transaction) carries; the most events waiting in
     * the queue before callers wait for room; how long a batch waits for the head lock before it fails (0: for
     * ever).
     */
    @ConfigurationProperties("waarborg.audit")
    public record Settings(@DefaultValue("1000") int batchSize, @DefaultValue("100000") int queueCapacity,
                           @DefaultValue("10s") Duration lockTimeout) {
        public Settings {
            if (batchSize < 1) {
                throw new IllegalArgumentException("waarborg.audit.batch-size must be at least 1, not " + batchSize);
            }
            if (queueCapacity < 1) {
                throw new IllegalArgumentException("waarborg.audit.queue-capacity must be at least 1, not " + queueCapacity);
            }
            if (lockTimeout == null || lockTimeout.isNegative()) {
                throw new IllegalArgumentException("waarborg.audit.lock-timeout must be 0 (wait for ever) or more");
            }
        }
    }

    /** One caller's drafts (kept together in one batch) and whom to tell; {@code permits} of the queue's room. */
    private record Pending(List<AuditEvent.Draft> drafts, CompletableFuture<Void> done, int permits) {
    }

    /** Wakes the writer from waiting on an empty queue; takes no room. */
    private static final Pending WAKE = new Pending(List.of(), new CompletableFuture<>(), 0);

    private final AuditLog auditLog;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final int batchSize;
    private final int capacity;
    private final String lockTimeout;

    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    /** Room in the queue, in events: taken by a caller before it queues, given back when the writer takes them. */
    private final Semaphore room;

    private final Object lifecycle = new Object();
    /** Whether new events are taken. */
    private volatile boolean accepting = true;
    /** Set once the writer took its last event: an event queued after this is taken back by its own caller. */
    private volatile boolean finished;
    private volatile boolean writerStarted;
    private Thread writer; // guarded by lifecycle
    private boolean terminated; // guarded by lifecycle: the writer has ended (or never will start)
    private final List<Runnable> whenTerminated = new ArrayList<>(); // guarded by lifecycle

    /** The batch carried over: taken from the queue but too large for the batch before. Writer thread only. */
    private Pending carry;

    public AuditRecorder(AuditLog auditLog, JdbcClient jdbc, PlatformTransactionManager transactions, Settings settings) {
        this.auditLog = auditLog;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setName("audit-recorder-batch");
        this.batchSize = settings.batchSize();
        this.capacity = settings.queueCapacity();
        this.lockTimeout = settings.lockTimeout().toMillis() + "ms";
        this.room = new Semaphore(capacity, true); // fair: when the queue is full, callers get in in the order they came
    }

    /**
     * Records one event and returns once it is committed in the chain. Waits while the queue is full.
     *
     * @throws AuditUnavailableException when it could not be recorded (the caller must not go on as if it were)
     */
    public void record(AuditEvent.Draft draft) {
        await(queue(List.of(draft)));
    }

    /**
     * Records these events, one after another in the chain in this order and in the same transaction, and
     * returns once they are committed. A list longer than the batch size makes a batch of its own.
     *
     * @throws AuditUnavailableException when they could not be recorded (none of them is then in the log)
     */
    public void recordAll(List<AuditEvent.Draft> drafts) {
        await(queue(List.copyOf(drafts)));
    }

    /**
     * Queues one event and returns a future completed once it is committed, or completed exceptionally with an
     * {@link AuditUnavailableException}. Returns at once, unless the queue is full: then it waits for room
     * (back-pressure). Actions attached with the non-async methods of the future run on the writer thread,
     * which holds up every other caller meanwhile: attach anything more than trivial with the {@code *Async}
     * methods.
     */
    public CompletableFuture<Void> submit(AuditEvent.Draft draft) {
        return queue(List.of(draft));
    }

    private CompletableFuture<Void> queue(List<AuditEvent.Draft> drafts) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (drafts.isEmpty()) {
            done.complete(null);
            return done;
        }
        if (!accepting) {
            done.completeExceptionally(shutDown());
            return done;
        }
        startWriter();
        int permits = Math.min(drafts.size(), capacity); // a list larger than the queue still gets in, alone
        try {
            room.acquire(permits);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.completeExceptionally(new AuditUnavailableException("interrupted while waiting for room in the audit "
                    + "queue; " + drafts.size() + " events not recorded"));
            return done;
        }
        Pending pending = new Pending(drafts, done, permits);
        queue.add(pending);
        // shutdown raced us: the writer took its last event before ours was queued, so nobody will write it
        if (finished && queue.remove(pending)) {
            room.release(permits);
            done.completeExceptionally(shutDown());
        }
        return done;
    }

    private static void await(CompletableFuture<Void> done) {
        try {
            done.get();
        } catch (ExecutionException e) {
            Throwable failure = e.getCause();
            // a new exception in the caller's thread, so its stack shows who asked; the batch's failure is its cause
            throw new AuditUnavailableException(failure.getMessage(), failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException("interrupted while waiting for the audit log to commit; "
                    + "the event may or may not be recorded");
        }
    }

    private static AuditUnavailableException shutDown() {
        return new AuditUnavailableException("the audit recorder is shut down; the event was not recorded");
    }

    // ---- the writer thread

    private void startWriter() {
        if (writerStarted) {
            return;
        }
        synchronized (lifecycle) {
            if (writer == null && !terminated) {
                writer = Thread.ofPlatform().daemon().name(THREAD_NAME).start(this::run);
                writerStarted = true;
            }
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        try {
            while (accepting || carry != null || !queue.isEmpty()) {
                nextBatch(batch, accepting);
                write(batch);
            }
            finished = true; // from here on, a caller that still gets an event in takes it back itself (see queue)
            while (carry != null || !queue.isEmpty()) {
                nextBatch(batch, false);
                write(batch);
            }
        } finally {
            finished = true;
            // only reached with events left if something escaped write(), which catches everything: fail them, never hang
            for (Pending p : batch) {
                p.done().completeExceptionally(shutDown());
            }
            for (Pending p = carry != null ? carry : poll(); p != null; p = poll()) {
                p.done().completeExceptionally(shutDown());
            }
            carry = null;
            List<Runnable> callbacks;
            synchronized (lifecycle) {
                terminated = true;
                callbacks = List.copyOf(whenTerminated);
                whenTerminated.clear();
                lifecycle.notifyAll();
            }
            log.info("Audit recorder stopped; every queued event was written or its caller told");
            callbacks.forEach(Runnable::run);
        }
    }

    /** Fills {@code batch} (empty) with the oldest queued callers' drafts, at most the batch size unless one caller has more. */
    private void nextBatch(List<Pending> batch, boolean wait) {
        Pending first = carry;
        carry = null;
        if (first == null) {
            first = wait ? take() : poll();
            if (first == null) {
                return;
            }
        }
        batch.add(first);
        int events = first.drafts().size();
        while (events < batchSize) {
            Pending p = poll();
            if (p == null) {
                break;
            }
            if (events + p.drafts().size() > batchSize) {
                carry = p; // first in the next batch: the order of the queue is kept
                break;
            }
            batch.add(p);
            events += p.drafts().size();
        }
    }

    /** Appends the batch in one transaction and tells its callers; empties {@code batch}. */
    private void write(List<Pending> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<AuditEvent.Draft> drafts;
        if (batch.size() == 1) {
            drafts = batch.getFirst().drafts();
        } else {
            drafts = new ArrayList<>();
            for (Pending p : batch) {
                drafts.addAll(p.drafts());
            }
        }
        try {
            tx.executeWithoutResult(status -> {
                // the events are on record only once on disk: raise synchronous_commit when the server has it off
                jdbc.sql("SELECT set_config('lock_timeout', ?, true), set_config('synchronous_commit', "
                                + "CASE current_setting('synchronous_commit') WHEN 'off' THEN 'on' "
                                + "ELSE current_setting('synchronous_commit') END, true)")
                        .param(lockTimeout).query().singleRow();
                auditLog.appendAll(drafts);
            });
        } catch (RuntimeException | Error e) {
            // the exception's type only: its message may quote the statement
            log.warn("Audit batch of {} events from {} callers failed ({}); each caller is told", drafts.size(),
                    batch.size(), e.getClass().getName());
            AuditUnavailableException failure = new AuditUnavailableException("the audit log could not record a batch of "
                    + drafts.size() + " events (" + e.getClass().getSimpleName() + ")", e);
            for (Pending p : batch) {
                p.done().completeExceptionally(failure);
            }
            batch.clear();
            return;
        }
        for (Pending p : batch) {
            p.done().complete(null);
        }
        batch.clear();
    }

    /** The next caller's drafts, waiting while there is none; null when woken or interrupted. */
    private Pending take() {
        Pending p;
        try {
            p = queue.take();
        } catch (InterruptedException e) {
            return null; // nobody interrupts the writer but the JVM; the loop looks at the state again
        }
        if (p == WAKE) {
            return null;
        }
        room.release(p.permits());
        return p;
    }

    /** The next caller's drafts, or null when the queue is empty. */
    private Pending poll() {
        Pending p;
        do {
            p = queue.poll();
        } while (p == WAKE);
        if (p != null) {
            room.release(p.permits());
        }
        return p;
    }

    // ---- lifecycle

    /**
     * Starts the writer; after a {@link #stop()} (Spring pauses the contexts of tests it is not using and starts
     * them again), waits for the old writer to end and starts taking events again with a new one.
     */
    @Override
    public void start() {
        synchronized (lifecycle) {
            if (!accepting && writer != null) {
                while (!terminated) {
                    try {
                        lifecycle.wait(CLOSE_WAIT.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                writer = null;
                writerStarted = false;
                terminated = false;
                finished = false;
                accepting = true;
            }
        }
        startWriter();
    }

    /** Refuses new events, and calls {@code callback} once every queued event is written and the writer has ended. */
    @Override
    public void stop(Runnable callback) {
        boolean now;
        synchronized (lifecycle) {
            accepting = false;
            if (writer == null) {
                terminated = true; // never started: nothing was queued, and nothing will be
                finished = true;
            }
            now = terminated;
            if (!now) {
                whenTerminated.add(callback);
                queue.add(WAKE);
            }
        }
        if (now) {
            callback.run();
        }
    }

    /** Refuses new events and waits (at most 30 s) until every queued event is written. */
    @Override
    public void stop() {
        CountDownLatch stopped = new CountDownLatch(1);
        stop(stopped::countDown);
        try {
            if (!stopped.await(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Audit recorder still writing after {} s ({} events queued); not waiting longer",
                        CLOSE_WAIT.toSeconds(), capacity - room.availablePermits());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The same as {@link #stop()}; Spring calls it when the context closes, also when it never started. */
    @Override
    public void close() {
        stop();
    }

    @Override
    public boolean isRunning() {
        return writerStarted && accepting;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
