package nl.waarborg.consent;

import nl.waarborg.background.FixedDelayLoop;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
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
class ConsentExpiry extends FixedDelayLoop {

    private static final Logger log = LoggerFactory.getLogger(ConsentExpiry.class);
    static final int BATCH = 500;

    private final Consents consents;

    ConsentExpiry(Consents consents, @Value("${waarborg.consent.expiry-sweep:PT30S}") Duration interval) {
        super("waarborg-consent-expiry", positive(interval));
        this.consents = consents;
    }

    /** One sweep: records every expiry due now; returns how many. */
    int sweep() {
        return consents.recordExpiries(BATCH);
    }

    @Override
    protected void runOnce() {
        try {
            int n = sweep();
            if (n > 0) {
                log.info("recorded {} consent expiries", n);
            }
        } catch (RuntimeException e) { // the next run tries again; the queue keeps what was not recorded
            log.warn("consent expiry sweep failed: {}", e.toString());
        }
    }

    private static Duration positive(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("waarborg.consent.expiry-sweep must be positive, was " + interval);
        }
        return interval;
    }
}
