package nl.waarborg.systems;

import nl.waarborg.background.FixedDelayLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Runs {@link SystemOperations#retryDue()} every {@code waarborg.systems.retry-interval} (0: never; tests call it
 * with the clock moved). Only in the service. A failed run is logged without values; the next one takes over.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class RetryLoop extends FixedDelayLoop {

    private static final Logger log = LoggerFactory.getLogger(RetryLoop.class);

    private final SystemOperations operations;

    RetryLoop(SystemOperations operations, SystemsProperties properties) {
        super("waarborg-system-retries", properties.retryInterval());
        this.operations = operations;
    }

    @Override
    protected void runOnce() {
        try {
            operations.retryDue();
        } catch (RuntimeException e) {
            log.warn("system operation retries failed; the next run retries: {}", e.getClass().getName());
        }
    }
}
