package nl.waarborg.audit.service;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a writer's executor after one last run of its task, waited for a bounded time: at a JVM's exit the embedded
 * database may already be gone, and a connection attempt would otherwise hold the exit for the pool's timeout.
 * Used by the writers that keep something for the audit log until shutdown (checkpoints, refused-call counts).
 */
public final class FinalRun {

    private FinalRun() {
    }

    /** Runs {@code task} once more on {@code executor}, then stops it; false when the run did not end within {@code limit}. */
    public static boolean thenStop(ScheduledExecutorService executor, Callable<?> task, Duration limit) {
        Future<?> last = executor.submit(task);
        executor.shutdown();
        try {
            last.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException late) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            executor.shutdownNow();
        }
    }
}
