package nl.waarborg.consent;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Records expiries as their time comes: every {@code waarborg.consent.expiry-sweep} (default 30 seconds) it
 * records an {@code expired} record for each consent past its {@code expiresAt}, writes a {@code consent-expired}
 * audit event and announces the subject's change, so cached decision states drop the consent.
 *
 * <p>Decisions do not wait for the sweep where a subject's state is built afresh: an expired consent gives no
 * consent fact from its expiry on. A state cached before the expiry keeps the consent until the sweep announces
 * the change, so for at most one interval. Runs only in the service, not in one-shot commands.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ConsentExpiry implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConsentExpiry.class);
    static final int BATCH = 500;

    private final Consents consents;
    private final Duration interval;
    private volatile ScheduledExecutorService executor;

    ConsentExpiry(Consents consents, @Value("${waarborg.consent.expiry-sweep:PT30S}") Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("waarborg.consent.expiry-sweep must be positive, was " + interval);
        }
        this.consents = consents;
        this.interval = interval;
    }

    /** One sweep: records every expiry due now; returns how many. */
    int sweep() {
        return consents.recordExpiries(BATCH);
    }

    private void run() {
        try {
            int n = sweep();
            if (n > 0) {
                log.info("recorded {} consent expiries", n);
            }
        } catch (RuntimeException e) { // the next run tries again; the queue keeps what was not recorded
            log.warn("consent expiry sweep failed: {}", e.toString());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService e = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("waarborg-consent-expiry").factory());
        long millis = interval.toMillis();
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
