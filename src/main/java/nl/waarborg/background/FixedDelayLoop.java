package nl.waarborg.background;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * Work the service does by itself at a fixed delay (sweeps, retries, expiries): one daemon thread of its own name,
 * started and stopped with the service; an interval of zero never starts it (tests then run the work themselves).
 * Subclasses do one round in {@link #runOnce()}, catching and logging (without values) what a round may throw: the next
 * round takes over.
 */
public abstract class FixedDelayLoop implements SmartLifecycle {

    private final String thread;
    private final Duration interval;
    private volatile ScheduledExecutorService executor;

    /** {@code thread}: the thread's name, such as {@code waarborg-retention-sweep}; {@code interval}: 0 for never. */
    protected FixedDelayLoop(String thread, Duration interval) {
        if (interval == null || interval.isNegative()) {
            throw new IllegalArgumentException(thread + ": the interval must not be negative, was " + interval);
        }
        this.thread = thread;
        this.interval = interval;
    }

    /** One round of the work. */
    protected abstract void runOnce();

    @Override
    public void start() {
        if (interval.isZero()) {
            return;
        }
        ScheduledExecutorService e = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name(thread).factory());
        long millis = interval.toMillis();
        e.scheduleWithFixedDelay(this::runOnce, millis, millis, TimeUnit.MILLISECONDS);
        executor = e;
    }

    @Override
    public void stop() {
        ScheduledExecutorService e = executor;
        if (e != null) {
            e.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
