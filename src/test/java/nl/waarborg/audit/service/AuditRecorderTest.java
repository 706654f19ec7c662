package nl.waarborg.audit.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Group-commit recording on the embedded PostgreSQL: concurrent callers each get their events into one chain
 * exactly once and in their own order, a caller returns only once its event is committed, a batch the database
 * refuses is reported to its callers without stopping the writer, and shutdown writes what is queued.
 *
 * <p>Each event carries a subject id made of a per-test run id (high half) and the caller's thread and count
 * (low half), so a test finds exactly its own events among those of other tests in the shared database.
 */
class AuditRecorderTest extends ServiceTestBase {

    @Autowired
    AuditRecorder recorder;

    @Autowired
    AuditLog log;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    private final long run = ThreadLocalRandom.current().nextLong();

    private UUID subject(int thread, int n) {
        return new UUID(run, ((long) thread << 32) | n);
    }

    private AuditEvent.Draft read(int thread, int n) {
        return AuditEvent.draft("apikey:crm", "front-desk", "read").purpose("contract").subject(subject(thread, n))
                .categories("name", "email");
    }

    /** This test's events after {@code afterSeq}, in chain order. */
    private List<AuditEvent> ours(long afterSeq) {
        List<AuditEvent> events = new ArrayList<>();
        log.forEach(afterSeq, e -> {
            if (e.subjectId() != null && e.subjectId().getMostSignificantBits() == run) {
                events.add(e);
            }
        });
        return events;
    }

    /** A recorder of the test's own, on the service's database, that it can break and shut down. */
    private AuditRecorder recorder(int batchSize, Duration lockTimeout) {
        return new AuditRecorder(log, jdbc, transactions, new AuditRecorder.Settings(batchSize, 100_000, lockTimeout));
    }

    /** Another session holding the head row locked, as a long transaction that appended would; closing releases it. */
    private Connection lockHead() throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SELECT last_seq FROM audit_head WHERE id = 1 FOR UPDATE");
        }
        return c;
    }

    private static void release(Connection lock) throws SQLException {
        lock.rollback();
        lock.close();
    }

    @Test
    void concurrentCallersEachGetTheirEventsIntoOneChainOnceAndInTheirOrder() throws Exception {
        long before = log.head().lastSeq();
        int threads = 16;
        int perThread = 100;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int n = 0; n < perThread; n++) {
                        recorder.record(read(thread, n));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        List<AuditEvent> events = ours(before);
        assertThat(events).hasSize(threads * perThread);
        assertThat(events).extracting(AuditEvent::subjectId).doesNotHaveDuplicates();
        Map<Integer, List<Integer>> byThread = new HashMap<>();
        for (AuditEvent e : events) { // in chain order
            long low = e.subjectId().getLeastSignificantBits();
            byThread.computeIfAbsent((int) (low >>> 32), k -> new ArrayList<>()).add((int) low);
        }
        assertThat(byThread).hasSize(threads);
        byThread.values().forEach(ns -> assertThat(ns).as("a caller's events in the order it recorded them")
                .isSorted().hasSize(perThread));
        assertThat(log.verify().ok()).isTrue();
    }

    @Test
    void recordAllKeepsACallersEventsTogetherAndInOrder() throws Exception {
        long before = log.head().lastSeq();
        int threads = 8;
        int calls = 10;
        int perCall = 5;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int call = 0; call < calls; call++) {
                        List<AuditEvent.Draft> drafts = new ArrayList<>();
                        for (int i = 0; i < perCall; i++) {
                            drafts.add(read(thread, call * perCall + i));
                        }
                        recorder.recordAll(drafts);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        List<AuditEvent> events = ours(before);
        assertThat(events).hasSize(threads * calls * perCall);
        for (int i = 0; i < events.size(); i += perCall) {
            long first = events.get(i).subjectId().getLeastSignificantBits();
            assertThat((int) first % perCall).as("a call's events start a run").isZero();
            for (int j = 1; j < perCall; j++) {
                assertThat(events.get(i + j).subjectId().getLeastSignificantBits()).isEqualTo(first + j);
                assertThat(events.get(i + j).seq()).isEqualTo(events.get(i).seq() + j);
            }
        }
        assertThat(log.verify().ok()).isTrue();
    }

    /** Events in audit_event as a new session of its own sees them (not one of the pool's): only what is committed. */
    private int committed(UUID subject) throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        try (Connection fresh = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
             PreparedStatement ps = fresh.prepareStatement("SELECT count(*) FROM audit_event WHERE subject_id = ?")) {
            ps.setObject(1, subject);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void recordReturnsOnlyOnceTheEventIsCommitted() throws Exception {
        recorder.record(read(0, 0));
        assertThat(committed(subject(0, 0))).isEqualTo(1);
    }

    /**
     * Holds the commit itself: a deferred trigger on audit_event, which runs inside COMMIT, waits for an advisory
     * lock this test holds and notes the transaction's synchronous_commit. Until the lock is released the event is
     * written but not committed, and the caller must still be waiting.
     */
    @Test
    void aCallerWaitsForTheCommitAndTheCommitWaitsForTheDisk() throws Exception {
        jdbc.sql("CREATE TABLE IF NOT EXISTS audit_test_commit (subject_id uuid, synchronous_commit text)").update();
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION audit_test_commit_gate() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_advisory_xact_lock_shared(4242);
                    INSERT INTO audit_test_commit VALUES (NEW.subject_id, current_setting('synchronous_commit'));
                    RETURN NULL;
                END $$""").update();
        Connection gate = dataSource.getConnection();
        try (AuditRecorder own = recorder(1000, Duration.ofSeconds(60))) {
            try (Statement s = gate.createStatement()) {
                s.execute("SELECT pg_advisory_lock(4242)");
            }
            jdbc.sql("CREATE CONSTRAINT TRIGGER audit_test_commit_gate AFTER INSERT ON audit_event "
                    + "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_test_commit_gate()").update();
            CompletableFuture<Void> recorded;
            try {
                recorded = CompletableFuture.runAsync(() -> own.record(read(7, 0)));
                // the writer's COMMIT is now running the trigger, or will: wait until it waits for the lock
                // (another process's state: no latch to wait on, so it is looked at until it holds)
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (jdbc.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = 4242 AND NOT granted")
                        .query(Integer.class).single() == 0) {
                    assertThat(System.nanoTime()).as("the writer reaches the commit").isLessThan(deadline);
                    Thread.sleep(5);
                }
                assertThat(recorded).as("the caller waits while the commit is under way").isNotDone();
                assertThat(committed(subject(7, 0))).isZero();
            } finally {
                try (Statement s = gate.createStatement()) {
                    s.execute("SELECT pg_advisory_unlock(4242)");
                }
            }
            recorded.get(60, TimeUnit.SECONDS);
            assertThat(committed(subject(7, 0))).isEqualTo(1);
            assertThat(jdbc.sql("SELECT synchronous_commit FROM audit_test_commit WHERE subject_id = ?")
                    .param(subject(7, 0)).query(String.class).single())
                    .as("committed with the WAL flushed, though the embedded server has synchronous_commit off")
                    .isEqualTo("on");
        } finally {
            gate.close();
            jdbc.sql("DROP TRIGGER IF EXISTS audit_test_commit_gate ON audit_event").update();
        }
    }

    @Test
    void aBatchTheDatabaseRefusesFailsItsCallersAndTheWriterGoesOn() throws Exception {
        AuditLog.Head before = log.head();
        try (AuditRecorder own = recorder(1000, Duration.ofMillis(200))) {
            own.start();
            List<CompletableFuture<Void>> refused = new ArrayList<>();
            Connection lock = lockHead();
            try {
                for (int n = 0; n < 5; n++) {
                    refused.add(own.submit(read(1, n)));
                }
                assertThatThrownBy(() -> own.record(read(2, 0)))
                        .isInstanceOf(AuditUnavailableException.class)
                        .hasMessageStartingWith("the audit log could not record a batch of")
                        .hasMessageNotContaining(subject(2, 0).toString())
                        .rootCause().isInstanceOf(SQLException.class).hasMessageContaining("lock timeout");
            } finally {
                release(lock);
            }
            for (CompletableFuture<Void> f : refused) {
                assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(AuditUnavailableException.class)
                        .cause().isInstanceOf(DataAccessException.class);
            }
            assertThat(log.head()).as("nothing of the refused batches was written").isEqualTo(before);

            own.record(read(3, 0));
            own.recordAll(List.of(read(3, 1), read(3, 2)));
            assertThat(ours(before.lastSeq())).extracting(AuditEvent::subjectId)
                    .containsExactly(subject(3, 0), subject(3, 1), subject(3, 2));
            assertThat(log.verify().ok()).isTrue();
        }
    }

    @Test
    void shutdownWritesWhatIsQueuedThenRefuses() throws Exception {
        long before = log.head().lastSeq();
        AuditRecorder own = recorder(10, Duration.ofSeconds(60));
        own.start();
        List<CompletableFuture<Void>> queued = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicReference<Thread> writer = new AtomicReference<>();
        Connection lock = lockHead(); // the writer can write nothing meanwhile: the events stay queued
        try {
            for (int n = 0; n < 50; n++) {
                queued.add(own.submit(read(4, n)));
            }
            own.stop(() -> { // run by the writer thread as its last act
                writer.set(Thread.currentThread());
                stopped.countDown();
            });
            assertThat(own.isRunning()).isFalse();

            assertThatThrownBy(() -> own.record(read(5, 0))).isInstanceOf(AuditUnavailableException.class)
                    .hasMessage("the audit recorder is shut down; the event was not recorded");
            assertThatThrownBy(() -> own.recordAll(List.of(read(5, 1)))).isInstanceOf(AuditUnavailableException.class)
                    .hasMessageContaining("shut down");
            assertThatThrownBy(() -> own.submit(read(5, 2)).get()).cause().isInstanceOf(AuditUnavailableException.class)
                    .hasMessageContaining("shut down");
            assertThat(stopped.getCount()).as("stopping waits for the queued events").isEqualTo(1);
            assertThat(queued).noneMatch(CompletableFuture::isDone);
        } finally {
            release(lock);
        }
        assertThat(stopped.await(60, TimeUnit.SECONDS)).isTrue();
        for (CompletableFuture<Void> f : queued) {
            assertThat(f).isCompleted();
        }
        List<AuditEvent> events = ours(before);
        assertThat(events).extracting(AuditEvent::subjectId)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 50).mapToObj(n -> subject(4, n)).toList());
        assertThat(writer.get().getName()).isEqualTo(AuditRecorder.THREAD_NAME);
        assertThat(writer.get().isDaemon()).isTrue();
        writer.get().join(Duration.ofSeconds(60));
        assertThat(writer.get().isAlive()).as("the writer has ended").isFalse();
        own.close(); // again: nothing happens
        assertThatThrownBy(() -> own.record(read(5, 3))).isInstanceOf(AuditUnavailableException.class);
        assertThat(log.verify().ok()).isTrue();
    }

    @Test
    void aRecorderClosedBeforeItStartedRefusesEvents() {
        AuditRecorder own = recorder(10, Duration.ofSeconds(1));
        own.close();
        assertThat(own.isRunning()).isFalse();
        assertThatThrownBy(() -> own.record(read(6, 0))).isInstanceOf(AuditUnavailableException.class)
                .hasMessageContaining("shut down");
        own.recordAll(List.of()); // nothing to record is recorded at once, even now
    }

    @Test
    void aStoppedRecorderStartedAgainTakesEventsAgain() {
        // Spring pauses (stops) the context of a test class it is not using and starts it again later
        AuditRecorder own = recorder(10, Duration.ofSeconds(1));
        own.start();
        own.record(read(7, 0));
        own.stop();
        assertThat(own.isRunning()).isFalse();
        assertThatThrownBy(() -> own.record(read(7, 1))).isInstanceOf(AuditUnavailableException.class);
        own.start();
        assertThat(own.isRunning()).isTrue();
        long before = log.head().lastSeq();
        own.record(read(7, 2));
        assertThat(log.head().lastSeq()).isEqualTo(before + 1);
        own.close();
    }
}
