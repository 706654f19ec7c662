package nl.waarborg.mail;

/**
 * The capability that queued a kind of outbox row writes its mail when it is sent (so that nothing personal waits in
 * the outbox) and records what became of it. Implemented where the words and the data are (letters in the requests
 * capability, a manual system's task notice in the systems capability); {@link OutboxSender} finds it by kind.
 */
public interface OutboxMail {

    /** Whether this writes rows of {@code kind}. */
    boolean handles(String kind);

    /** The mail for the row, written now; or why there is nothing to send any more (a term, such as no-address). */
    Written write(MailOutbox.Entry entry);

    /** The SMTP server took the mail: on record, in the transaction that marks the row sent. */
    void sent(MailOutbox.Entry entry);

    /** The mail was not sent and will not be: {@code reason} is a term (no-address, given-up, …). */
    void notSent(MailOutbox.Entry entry, String reason);

    /** What {@link #write} came to. */
    sealed interface Written {
    }

    /** A mail to send; its Message-ID is the outbox's. */
    record Send(Mail mail) implements Written {
    }

    /** Nothing to send any more: {@code reason} is a term. */
    record Drop(String reason) implements Written {
    }
}
