package nl.waarborg.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds (docs/mail.md): each due row is claimed, written by the capability that queued it
 * ({@link OutboxMail}), handed to the SMTP server under a Message-ID made of the row's id, and marked sent with its
 * audit event in one transaction. A server that is down or refuses leaves the row pending for a retry, the waits
 * doubling from a minute to an hour; after {@code waarborg.mail.max-attempts} it is given up, with a warning in the log
 * (the row, its kind, the attempts, the cause's code; never an address) and on record by its capability.
 */
@Service
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    static final Duration FIRST_WAIT = Duration.ofMinutes(1);
    static final Duration LONGEST_WAIT = Duration.ofHours(1);
    /** Rows per round: a long queue does not hold the thread; the next round goes on. */
    static final int ROUND = 200;

    private final MailOutbox outbox;
    private final Mailer mailer;
    private final MailProperties properties;
    private final List<OutboxMail> writers;
    private final TransactionTemplate tx;
    private final Clock clock;

    OutboxSender(MailOutbox outbox, Mailer mailer, MailProperties properties, List<OutboxMail> writers,
                 TransactionTemplate tx, Clock clock) {
        this.outbox = outbox;
        this.mailer = mailer;
        this.properties = properties;
        this.writers = writers;
        this.tx = tx;
        this.clock = clock;
    }

    /** Sends the rows that are due now; returns how many the SMTP server took. Mail off: none. */
    public int sendDue() {
        if (!mailer.enabled()) {
            return 0;
        }
        int sent = 0;
        for (int i = 0; i < ROUND; i++) {
            Optional<MailOutbox.Entry> claimed = tx.execute(s -> outbox.claim(clock.instant()));
            if (claimed == null || claimed.isEmpty()) {
                break;
            }
            if (send(claimed.get())) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(MailOutbox.Entry e) {
        OutboxMail writer = writers.stream().filter(w -> w.handles(e.kind())).findFirst().orElse(null);
        if (writer == null) {
            log.warn("mail {} ({}) has no writer in this version; given up", e.id(), e.kind());
            tx.executeWithoutResult(s -> outbox.giveUp(e.id(), "no-writer"));
            return false;
        }
        OutboxMail.Written written;
        try {
            written = writer.write(e);
        } catch (RuntimeException x) { // the cause's kind only: a message may hold a value
            failed(writer, e, "error:" + x.getClass().getSimpleName());
            return false;
        }
        if (written instanceof OutboxMail.Drop drop) {
            tx.executeWithoutResult(s -> {
                outbox.giveUp(e.id(), drop.reason());
                writer.notSent(e, drop.reason());
            });
            return false;
        }
        Mail m = ((OutboxMail.Send) written).mail();
        try {
            mailer.send(new Mail(m.to(), m.subject(), m.text(), m.html(), m.language(), m.attachments(), messageId(e)));
        } catch (Mailer.MailNotSentException x) {
            failed(writer, e, "smtp");
            return false;
        }
        // a crash here sends the row again after the claim lapses, under the same Message-ID (docs/mail.md)
        tx.executeWithoutResult(s -> {
            outbox.sent(e.id(), clock.instant());
            writer.sent(e);
        });
        return true;
    }

    private void failed(OutboxMail writer, MailOutbox.Entry e, String cause) {
        if (e.attempts() >= properties.maxAttempts()) {
            log.warn("mail {} ({}) given up after {} attempts: {}", e.id(), e.kind(), e.attempts(), cause);
            tx.executeWithoutResult(s -> {
                outbox.giveUp(e.id(), cause);
                writer.notSent(e, "given-up");
            });
            return;
        }
        Instant next = clock.instant().plus(wait(e.attempts()));
        tx.executeWithoutResult(s -> outbox.retry(e.id(), next, cause));
    }

    /** The wait after attempt {@code n}: one minute, then doubling, at most an hour. */
    static Duration wait(int n) {
        Duration d = FIRST_WAIT.multipliedBy(1L << Math.min(Math.max(n - 1, 0), 10));
        return d.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : d;
    }

    /** The row's Message-ID: the same for every attempt, so a receiver sees a mail sent twice as one (RFC 5322). */
    String messageId(MailOutbox.Entry e) {
        String host = properties.baseUrl() == null ? "waarborg.invalid" : properties.baseUrl().getHost();
        return "<waarborg-outbox-" + e.id() + "@" + host + ">";
    }
}
