package nl.waarborg.retention.service;

import nl.waarborg.background.FixedDelayLoop;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Runs a sweep every {@code waarborg.retention.sweep-interval} (default one minute; 0 turns scheduled sweeps off,
 * for a node that only serves requests). Only in the service, not in one-shot commands. A failed sweep is logged
 * (without values) and the next one takes over: nothing of a failed batch was deleted.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ScheduledSweeps extends FixedDelayLoop {

    private static final Logger log = LoggerFactory.getLogger(ScheduledSweeps.class);

    private final Sweeper sweeper;
    private final SystemFailureLog failures = new SystemFailureLog();

    ScheduledSweeps(Sweeper sweeper, @Value("${waarborg.retention.sweep-interval:PT1M}") Duration interval) {
        super("waarborg-retention-sweep", nonNegative(interval));
        this.sweeper = sweeper;
    }

    @Override
    protected void runOnce() {
        try {
            Sweeper.Report r = sweeper.sweep(false);
            if (r.deleted() > 0 || r.rescheduled() > 0 || r.attestationTasksCreated() > 0) {
                log.info("retention sweep: {} items erased ({} anonymised) in {} batches, {} schedules recomputed, "
                        + "{} attestation tasks created", r.deleted(), r.anonymised(), r.batches(), r.rescheduled(),
                        r.attestationTasksCreated());
            }
            // each failing system once per cause, and once more when it recovers (SystemFailureLog)
            for (SystemFailureLog.Line line : failures.after(r.systems())) {
                if (line.warning()) {
                    log.warn("{}", line.text());
                } else {
                    log.info("{}", line.text());
                }
            }
        } catch (RuntimeException e) {
            log.warn("retention sweep failed; the next one retries: {}", e.getClass().getName());
        }
    }

    private static Duration nonNegative(Duration interval) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("waarborg.retention.sweep-interval must not be negative, was " + interval);
        }
        return interval;
    }
}
