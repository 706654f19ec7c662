package nl.waarborg.systems;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs {@link SystemOperations#retryDue()} every {@code waarborg.systems.retry-interval} (0: never; tests call it
 * with the clock moved). Only in the service. A failed run is logged without values; the next one takes over.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class RetryLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetryLoop.class);

    private final SystemOperations operations;
    private final long millis;
    private volatile ScheduledExecutorService executor;

    RetryLoop(SystemOperations operations, SystemsProperties properties) {
        this.operations = operations;
        this.millis = properties.retryInterval().toMillis();
    }

    private void run() {
        try {
            operations.retryDue();
        } catch (RuntimeException e) {
            log.warn("system operation retries failed; the next run retries: {}", e.getClass().getName());
        }
    }

    @Override
    public void start() {
        if (millis == 0) {
            return;
        }
        ScheduledExecutorService e = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("waarborg-system-retries").factory());
        e.scheduleWithFixedDelay(this::run, millis, millis, TimeUnit.MILLISECONDS);
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
