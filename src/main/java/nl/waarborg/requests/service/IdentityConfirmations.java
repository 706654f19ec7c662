package nl.waarborg.requests.service;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.waarborg.access.Caller;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.input.InvalidInputException;
import nl.waarborg.mail.Mail;
import nl.waarborg.mail.Mailer;
import nl.waarborg.policy.IdentityMethod;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.requests.IdentityWords;
import nl.waarborg.requests.Request;
import nl.waarborg.vault.ContactAddresses;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The confirmation link (method {@code email-link}; R4.1, Art. 12(6) GDPR): staff have Waarborg mail a one-time link to
 * an address the vault already holds for the request's subject (never one the requester typed: an impostor would
 * give their own), and the person confirms by opening it and pressing the button. The token is 256 random bits, kept
 * only as its SHA-256 hash, valid for {@code waarborg.requests.confirmation-valid} (7 days) and once; a newer link
 * retires the older ones, and so does the identity decision. Confirming records the identity as verified by
 * {@code email-link}, actor {@code subject:link}, through {@link Requests#identity} like any decision.
 */
@Service
public class IdentityConfirmations {

    /** The DPV terms of the data categories that hold an e-mail address. */
    static final Set<String> EMAIL_TERMS = Set.of("pd:EmailAddress", "pd:EmailAddressPersonal", "pd:EmailAddressWork");
    /**
     * The person confirming through the link, known only as whoever holds the mailbox. Used for one call only, the
     * identity decision: what takes effect then (a restriction, an objection to any objectable purpose) is the privacy
     * team's to carry out as after their own decision, so it acts with the team's reach (staff), under its own name.
     */
    static final Caller LINK = new Caller("subject:link", "subject", List.of(), true);

    private final Requests requests;
    private final RequestStore store;
    private final ContactAddresses contacts;
    private final Mailer mailer;
    private final ActivePolicy policy;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration valid;

    IdentityConfirmations(Requests requests, RequestStore store, ContactAddresses contacts, Mailer mailer,
                          ActivePolicy policy, AuditLog audit, TransactionTemplate tx, JdbcClient jdbc, Clock clock,
                          RequestsProperties properties) {
        this.requests = requests;
        this.store = store;
        this.contacts = contacts;
        this.mailer = mailer;
        this.policy = policy;
        this.audit = audit;
        this.tx = tx;
        this.jdbc = jdbc;
        this.clock = clock;
        this.valid = properties.confirmationValid();
    }

    /** What was sent: where the address came from (its category, never the address) and until when the link works. */
    public record Sent(String reference, String category, Instant expiresAt) {}

    /**
     * Mails a confirmation link for the request to the newest e-mail address the vault holds for its subject, in a
     * category the policy marks as an e-mail address ({@code dpv: pd:EmailAddress}, …), or in {@code category} when
     * given. 400 when the policy does not allow email-link or the category holds no e-mail address; 409 when the
     * request has no subject, the vault no address, the request is closed or its identity decided.
     */
    public Sent send(Caller caller, String reference, String category) {
        Policy p = policy.policy();
        List<IdentityMethod> allowed = p.rights() == null ? List.of() : p.rights().identityVerification();
        if (!allowed.contains(IdentityMethod.EMAIL_LINK)) {
            throw new InvalidInputException("method", "the policy does not allow the confirmation link "
                    + "(rights.identity-verification lists no email-link)");
        }
        mailer.link("/"); // mail off: refused before anything else is looked at
        List<String> known = emailCategories(p);
        if (category != null && !known.contains(category)) {
            throw new InvalidInputException("category", "a data category the policy marks as an e-mail address "
                    + "(dpv " + String.join(", ", EMAIL_TERMS.stream().sorted().toList()) + "): "
                    + (known.isEmpty() ? "the policy has none" : String.join(", ", known)));
        }
        List<String> categories = category == null ? known : List.of(category);
        Request r = store.find(reference).orElseThrow(() -> new Requests.NoSuchRequestException(reference));
        requireOpenAndPending(r);
        if (r.subject() == null) {
            throw new Requests.RequestConflictException("no-subject", "the request has no subject yet: the link goes to "
                    + "an address the vault holds for the subject, so find the person in the vault first");
        }
        ContactAddresses.Contact to = contacts.newest(caller, r.subject(), categories, IdentityConfirmations::isAddress,
                r.reference()).orElseThrow(() -> new Requests.RequestConflictException("no-address", "the vault holds "
                + "no e-mail address for the subject (in " + String.join(", ", categories) + "); verify the identity "
                + "another way the policy allows"));
        String token = LinkTokens.next();
        Instant now = clock.instant();
        Instant expires = now.plus(valid);
        Lang lang = Lang.parse(r.language());
        IdentityWords.MailText text = new IdentityWords(p, lang, requests.zone()).confirmationMail(r.reference(),
                mailer.link("/requests/confirm/" + token), expires);
        // sent before it is recorded: a mail server that refuses leaves no link on record; a failed commit after the
        // send leaves a link that says it is unknown, and staff send another
        mailer.send(new Mail(to.value(), text.subject(), text.text(), text.html(), lang.term()));
        tx.executeWithoutResult(s -> {
            Request locked = store.lock(reference).orElseThrow(() -> new Requests.NoSuchRequestException(reference));
            jdbc.sql("UPDATE request_confirmation SET retired_at = ? WHERE request_id = ? AND used_at IS NULL "
                    + "AND retired_at IS NULL").params(Timestamp.from(now), locked.id()).update();
            jdbc.sql("INSERT INTO request_confirmation (token_hash, request_id, category, language, sent_at, sent_by, "
                            + "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(LinkTokens.hash(token), locked.id(), to.category(), lang.term(), Timestamp.from(now), caller.actor(),
                            Timestamp.from(expires)).update();
            audit.append(AuditEvent.draft(caller.actor(), caller.role(), "request-identity-link-sent")
                    .subject(locked.subject()).categories(to.category())
                    .outcome(Outcome.ALLOWED, "request:" + locked.reference(), "expires:" + expires));
        });
        return new Sent(r.reference(), to.category(), expires);
    }

    /** What the page behind a link shows, with its status: 200, 404 (unknown) or 410 (expired, used, retired, decided). */
    public record Shown(IdentityWords.Page page, String reference, Lang lang, HttpStatus status) {}

    /** The page a GET shows: the button while the link works. Never confirms (mail scanners open links). */
    public Shown show(String token) {
        return link(token, false).map(l -> l.usable(clock.instant())
                ? new Shown(IdentityWords.Page.CONFIRM, l.reference(), l.lang(), HttpStatus.OK)
                : new Shown(IdentityWords.Page.GONE, l.reference(), l.lang(), HttpStatus.GONE)).orElseGet(this::unknown);
    }

    /** The person pressed the button: the identity is verified by email-link, once. */
    public Shown confirm(String token) {
        try {
            Shown shown = tx.execute(s -> {
                Optional<Link> found = link(token, true);
                if (found.isEmpty()) {
                    return unknown();
                }
                Link l = found.get();
                if (!l.usable(clock.instant())) {
                    return new Shown(IdentityWords.Page.GONE, l.reference(), l.lang(), HttpStatus.GONE);
                }
                jdbc.sql("UPDATE request_confirmation SET used_at = ? WHERE token_hash = ?")
                        .params(Timestamp.from(clock.instant()), LinkTokens.hash(token)).update();
                requests.identity(LINK, l.reference(), IdentityMethod.EMAIL_LINK.term(), "verified");
                return new Shown(IdentityWords.Page.DONE, l.reference(), l.lang(), HttpStatus.OK);
            });
            return shown;
        } catch (Requests.RequestConflictException | InvalidInputException decidedOrNoLongerAllowed) {
            // decided by staff meanwhile, closed, or email-link no longer in the policy: the link no longer works
            return link(token, false).map(l -> new Shown(IdentityWords.Page.GONE, l.reference(), l.lang(), HttpStatus.GONE))
                    .orElseGet(this::unknown);
        }
    }

    /** The page for {@code shown}, in its language; an unknown link in the policy's first language. */
    public String page(Shown shown) {
        return new IdentityWords(policy.policy(), shown.lang(), requests.zone()).page(shown.page(),
                shown.reference() == null ? "" : shown.reference());
    }

    private Shown unknown() {
        return new Shown(IdentityWords.Page.UNKNOWN, null, policy.policy().statement().languages().getFirst(),
                HttpStatus.NOT_FOUND);
    }

    /** A link as stored, with its request's state. */
    private record Link(String reference, Lang lang, Instant expiresAt, boolean used, boolean retired, boolean open,
                        boolean pending) {

        boolean usable(Instant now) {
            return !used && !retired && open && pending && now.isBefore(expiresAt);
        }
    }

    private Optional<Link> link(String token, boolean lock) {
        if (!LinkTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT r.reference, c.language, c.expires_at, c.used_at IS NOT NULL, c.retired_at IS NOT NULL, "
                        + "r.status = 'open', r.identity = 'pending' FROM request_confirmation c "
                        + "JOIN request r ON r.id = c.request_id WHERE c.token_hash = ?" + (lock ? " FOR UPDATE OF c" : ""))
                .param(LinkTokens.hash(token))
                .query((rs, n) -> new Link(rs.getString(1), Lang.parse(rs.getString(2)), rs.getTimestamp(3).toInstant(),
                        rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7)))
                .optional();
    }

    /** The policy's data categories whose DPV term is an e-mail address, in the policy's order. */
    static List<String> emailCategories(Policy p) {
        return p.dataCategories().stream().filter(c -> c.dpv() != null && EMAIL_TERMS.contains(c.dpv()))
                .map(Policy.DataCategory::id).toList();
    }

    /** Whether a stored value is one e-mail address a mail can go to (a value kept in the wrong category is skipped). */
    static boolean isAddress(String value) {
        try {
            new InternetAddress(value, true).validate();
            return value.indexOf('@') > 0 && !value.contains(",");
        } catch (AddressException e) {
            return false;
        }
    }

    private static void requireOpenAndPending(Request r) {
        if (r.status() != Request.Status.OPEN) {
            throw new Requests.RequestConflictException("closed", "the request is closed");
        }
        if (r.identity() != Request.Identity.PENDING) {
            throw new Requests.RequestConflictException("identity-decided", "the identity check was decided already");
        }
    }
}
