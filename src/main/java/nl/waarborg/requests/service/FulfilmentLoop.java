package nl.waarborg.requests.service;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.waarborg.access.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Moves started fulfilments on every {@code waarborg.requests.fulfilment-interval}: a phase whose last step a system
 * finished later (a retry that succeeded, a webhook's answer, a manual task marked done) lets the next phase run, and a
 * step a restart interrupted is tried again. Failed steps wait for staff to resume them. Only in the service.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class FulfilmentLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FulfilmentLoop.class);
    static final Caller ACTOR = new Caller("system:requests", "dpo", List.of(), true);

    private final Fulfilment fulfilment;
    private final long millis;
    private volatile ScheduledExecutorService executor;

    FulfilmentLoop(Fulfilment fulfilment, RequestsProperties properties) {
        this.fulfilment = fulfilment;
        this.millis = properties.fulfilmentInterval().toMillis();
    }

    private void run() {
        try {
            fulfilment.advanceAll(ACTOR);
        } catch (RuntimeException e) {
            log.warn("moving fulfilments on failed; the next run tries again: {}", e.getClass().getName());
        }
    }

    @Override
    public void start() {
        if (millis == 0) {
            return;
        }
        ScheduledExecutorService e = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("waarborg-fulfilment").factory());
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
