package nl.waarborg.mail;

import nl.waarborg.background.FixedDelayLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/** Empties the outbox every {@code waarborg.mail.outbox-interval} (30 s; 0: never). Only in the service. */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class OutboxLoop extends FixedDelayLoop {

    private static final Logger log = LoggerFactory.getLogger(OutboxLoop.class);

    private final OutboxSender sender;

    OutboxLoop(OutboxSender sender, MailProperties properties) {
        super("waarborg-mail-outbox", properties.enabled() ? properties.outboxInterval() : java.time.Duration.ZERO);
        this.sender = sender;
    }

    @Override
    protected void runOnce() {
        try {
            sender.sendDue();
        } catch (RuntimeException e) {
            log.warn("sending the outbox failed; the next run tries again: {}", e.getClass().getName());
        }
    }
}
