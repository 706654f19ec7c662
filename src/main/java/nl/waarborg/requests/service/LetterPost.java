package nl.waarborg.requests.service;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.waarborg.access.Caller;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.mail.MailOutbox;
import nl.waarborg.mail.Mailer;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.requests.Request;
import nl.waarborg.vault.ContactAddresses;
import org.springframework.stereotype.Service;

/**
 * Puts a letter to the person in the outbox at its moment (docs/mail.md): the receipt after intake, the extension
 * (Art. 12(3) GDPR), the refusal (Art. 12(4)) and the completion (Art. 12(3), with the answer's link for Art. 15 and
 * 20) go by mail when mail is on and the vault holds an e-mail address of the subject, found as for the confirmation
 * link ({@link IdentityConfirmations}: never an address the requester or staff typed). Whether there is one is looked
 * up before the moment's transaction ({@link #addressed}), which then queues the row with its change ({@link #queue});
 * without one nothing is queued and the audit log, so the timeline, says {@code no-address}. The row holds the request,
 * the letter's kind and the language only; the letter is written when it is sent ({@link LetterMails}).
 */
@Service
public class LetterPost {

    /** The letters that are mailed. */
    public enum Kind {
        RECEIPT, EXTENSION, REFUSAL, COMPLETION;

        public String term() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The outbox's kind of this letter: letter:receipt, … */
        String outboxKind() {
            return "letter:" + term();
        }

        static Optional<Kind> ofOutbox(String kind) {
            for (Kind k : values()) {
                if (k.outboxKind().equals(kind)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    /** Whether the letter can go by mail, as looked up before the moment's transaction. */
    public enum Addressed { MAIL_OFF, NO_ADDRESS, YES }

    private final MailOutbox outbox;
    private final Mailer mailer;
    private final ContactAddresses contacts;
    private final ActivePolicy policy;
    private final AuditLog audit;
    private final Clock clock;

    LetterPost(MailOutbox outbox, Mailer mailer, ContactAddresses contacts, ActivePolicy policy, AuditLog audit,
               Clock clock) {
        this.outbox = outbox;
        this.mailer = mailer;
        this.contacts = contacts;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Whether a letter about {@code r} can be mailed. Reads the vault (audited as {@code request-contact-read}) when mail
     * is on, so it is called outside a transaction that has appended to the audit log: the read's event is committed by
     * the audit log's own writer.
     */
    Addressed addressed(Caller caller, Request r) {
        if (!mailer.enabled()) {
            return Addressed.MAIL_OFF;
        }
        return address(caller, r).isPresent() ? Addressed.YES : Addressed.NO_ADDRESS;
    }

    /** The address a letter about {@code r} goes to, now. */
    Optional<ContactAddresses.Contact> address(Caller caller, Request r) {
        if (r.subject() == null) {
            return Optional.empty();
        }
        List<String> categories = IdentityConfirmations.emailCategories(policy.policy());
        return contacts.newest(caller, r.subject(), categories, IdentityConfirmations::isAddress, r.reference());
    }

    /** In the moment's transaction: queues the letter, or records that it cannot be mailed. */
    void queue(Caller caller, Request r, Kind kind, Addressed addressed) {
        switch (addressed) {
            case MAIL_OFF -> {
            }
            case NO_ADDRESS -> notMailed(caller, r, kind, r.language(), "no-address");
            case YES -> outbox.queue(kind.outboxKind(), r.id(), null, r.language(), clock.instant());
        }
    }

    /** On record that a letter was not (and will not be) mailed, and why (a term). */
    void notMailed(Caller caller, Request r, Kind kind, String lang, String why) {
        audit.append(event(caller, "request-letter-not-mailed", r).outcome(Outcome.FAILED, "request:" + r.reference(),
                "kind:" + kind.term(), "lang:" + lang, why));
    }

    /** On record that the SMTP server took the letter (never the address). */
    void mailed(Caller caller, Request r, Kind kind, String lang, long mail) {
        audit.append(event(caller, "request-letter-mailed", r).outcome(Outcome.ALLOWED, "request:" + r.reference(),
                "kind:" + kind.term(), "lang:" + lang, "mail:" + mail));
    }

    private static AuditEvent.Draft event(Caller caller, String action, Request r) {
        AuditEvent.Draft d = AuditEvent.draft(caller.actor(), caller.role(), action);
        return r.subject() == null ? d : d.subject(r.subject());
    }
}
