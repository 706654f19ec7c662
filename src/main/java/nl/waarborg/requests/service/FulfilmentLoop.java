package nl.waarborg.requests.service;

import nl.waarborg.background.FixedDelayLoop;
import java.util.List;
import nl.waarborg.access.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Moves started fulfilments on every {@code waarborg.requests.fulfilment-interval}: a phase whose last step a system
 * finished later (a retry that succeeded, a webhook's answer, a manual task marked done) lets the next phase run, and a
 * step a restart interrupted is tried again. Failed steps wait for staff to resume them. Only in the service.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class FulfilmentLoop extends FixedDelayLoop {

    private static final Logger log = LoggerFactory.getLogger(FulfilmentLoop.class);
    static final Caller ACTOR = new Caller("system:requests", "dpo", List.of(), true);

    private final Fulfilment fulfilment;

    FulfilmentLoop(Fulfilment fulfilment, RequestsProperties properties) {
        super("waarborg-fulfilment", properties.fulfilmentInterval());
        this.fulfilment = fulfilment;
    }

    @Override
    protected void runOnce() {
        try {
            fulfilment.advanceAll(ACTOR);
        } catch (RuntimeException e) {
            log.warn("moving fulfilments on failed; the next run tries again: {}", e.getClass().getName());
        }
    }
}
