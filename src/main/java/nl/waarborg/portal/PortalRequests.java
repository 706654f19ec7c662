package nl.waarborg.portal;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.waarborg.access.Caller;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.input.InvalidInputException;
import nl.waarborg.mail.Mail;
import nl.waarborg.mail.Mailer;
import nl.waarborg.pages.Texts;
import nl.waarborg.policy.IdentityMethod;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.requests.Request;
import nl.waarborg.requests.service.LinkTokens;
import nl.waarborg.requests.service.Requests;
import nl.waarborg.vault.Identifier;
import nl.waarborg.vault.Vault;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A request made on the portal (docs/portal.md): taken in through the same intake as staff's, as unverified and with
 * no subject; a mail to the address the person typed carries the one-time confirmation link and the status link. The
 * same happens whether or not the vault knows the address, so neither the page nor the mail tells. The address is used
 * once, to send, and never stored: the vault's blind index finds the subject it belongs to (if any), which becomes the
 * request's subject only when the person confirms by the link (proving they hold the mailbox); only then does the
 * identity count as verified by {@code email-link} and a restriction or objection take effect (Requests#identity).
 */
@Service
public class PortalRequests {

    /** The portal as it hands a request in: channel {@code portal}, which only the organisation's own side may use. */
    static final Caller PORTAL = new Caller("portal", "portal", List.of(), true);
    /** The person confirming by the link: known only as whoever holds the mailbox (as IdentityConfirmations' link). */
    static final Caller LINK = new Caller("subject:link", "subject", List.of(), true);
    public static final int MAX_DETAILS = 2000;

    private final Requests requests;
    private final Vault vault;
    private final Mailer mailer;
    private final ActivePolicy policy;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration valid;

    PortalRequests(Requests requests, Vault vault, Mailer mailer, ActivePolicy policy, AuditLog audit,
                   TransactionTemplate tx, JdbcClient jdbc, Clock clock,
                   nl.waarborg.requests.service.RequestsProperties properties) {
        this.requests = requests;
        this.vault = vault;
        this.mailer = mailer;
        this.policy = policy;
        this.audit = audit;
        this.tx = tx;
        this.jdbc = jdbc;
        this.clock = clock;
        this.valid = properties.confirmationValid();
    }

    /** What the person typed. */
    public record Form(String email, List<String> kinds, List<String> purposes, String restrictionGround, String details,
                       String language) {}

    /** What the page says after: the reference, the legal deadline and until when the confirmation link works. */
    public record Submitted(String reference, LocalDate deadline, Instant linkExpiresAt) {}

    /**
     * Takes the request in and mails the links. {@link InvalidInputException} names the field that is wrong (email,
     * kinds, purposes, details, language); {@link Mailer.MailDisabledException} / {@code MailNotSentException} when
     * the mail cannot go (the request stays, unconfirmed, for staff to see).
     */
    public Submitted submit(Form f) {
        mailer.link("/"); // mail off: nothing is taken in that could never be confirmed
        String address = f.email() == null ? "" : f.email().strip();
        if (!isAddress(address)) {
            throw new InvalidInputException("email", "one e-mail address");
        }
        String details = f.details() == null || f.details().isBlank() ? null : f.details().strip();
        if (details != null && details.length() > MAX_DETAILS) {
            throw new InvalidInputException("details", "at most " + MAX_DETAILS + " characters");
        }
        Request r = requests.receive(PORTAL, new Requests.NewRequest(f.kinds(), f.purposes(), "portal", f.language(),
                null, null, f.restrictionGround() == null || f.restrictionGround().isBlank() ? null : f.restrictionGround()));
        // found now, while the address is at hand; linked only when the mailbox's holder confirms
        List<UUID> found = vault.find(PORTAL, new Identifier(Identifier.Kind.EMAIL, address));
        UUID candidate = found.size() == 1 ? found.getFirst() : null;
        String confirm = LinkTokens.next();
        String status = LinkTokens.next();
        Instant expires = clock.instant().plus(valid);
        tx.executeWithoutResult(x -> {
            jdbc.sql("INSERT INTO portal_request (request_id, candidate_subject, confirm_hash, confirm_expires_at, "
                            + "status_hash, details) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(r.id(), candidate, LinkTokens.hash(confirm), Timestamp.from(expires), LinkTokens.hash(status),
                            details).update();
            audit.append(AuditEvent.draft(PORTAL.actor(), PORTAL.role(), "portal-request-link-sent")
                    .outcome(Outcome.ALLOWED, "request:" + r.reference(), "expires:" + expires));
        });
        Lang lang = Lang.parse(r.language());
        Texts t = Texts.of(lang);
        String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(t.locale())
                .format(expires.atZone(requests.zone()));
        String due = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(t.locale()).format(r.dueOn());
        String confirmLink = mailer.link("/request/confirm/" + confirm);
        String statusLink = mailer.link("/request/status/" + status);
        String text = t.t("portal.mail.text", "reference", r.reference(), "confirm", confirmLink, "status", statusLink,
                "until", date, "deadline", due);
        String html = "<!DOCTYPE html><html lang=\"" + lang.code() + "\"><body>" + text.lines()
                .map(l -> l.isBlank() ? "" : "<p>" + linked(escape(l), confirmLink, statusLink) + "</p>")
                .reduce("", String::concat) + "</body></html>";
        // recorded before it is sent: a mail server that refuses leaves an unconfirmed request staff can see
        mailer.send(new Mail(address, t.t("portal.mail.subject", "reference", r.reference()), text, html, lang.term()));
        return new Submitted(r.reference(), r.dueOn(), expires);
    }

    /** The confirmation page's request, while its link works; empty (one 404) when unknown, used or expired. */
    public Optional<String> confirmable(String token) {
        return pending(token, false).map(Pending::reference);
    }

    /**
     * The person pressed the button: the request's subject is the one the vault found by the address (if any), and the
     * identity is verified by {@code email-link}. Empty when the link does not work (any more).
     */
    public Optional<String> confirm(String token) {
        return tx.execute(s -> {
            Optional<Pending> found = pending(token, true);
            if (found.isEmpty()) {
                return Optional.<String>empty();
            }
            Pending p = found.get();
            Instant now = clock.instant();
            jdbc.sql("UPDATE portal_request SET confirmed_at = ? WHERE request_id = ?").params(Timestamp.from(now), p.id())
                    .update();
            if (p.candidate() != null) {
                jdbc.sql("UPDATE request SET subject_id = ? WHERE id = ? AND subject_id IS NULL").params(p.candidate(), p.id())
                        .update();
                audit.append(AuditEvent.draft(LINK.actor(), LINK.role(), "request-subject-linked").subject(p.candidate())
                        .outcome(Outcome.ALLOWED, "request:" + p.reference(), "by:portal-link"));
            }
            audit.append(AuditEvent.draft(LINK.actor(), LINK.role(), "portal-request-confirmed")
                    .outcome(Outcome.ALLOWED, "request:" + p.reference()));
            // the same whether or not the vault knew the address: the person holds the mailbox they named
            if (policy.policy().rights() != null
                    && policy.policy().rights().identityVerification().contains(IdentityMethod.EMAIL_LINK)) {
                requests.identity(LINK, p.reference(), IdentityMethod.EMAIL_LINK.term(), "verified");
            }
            return Optional.of(p.reference());
        });
    }

    /** What the status page shows: the request's own facts, never a personal value. */
    public Optional<Request> status(String token) {
        if (!LinkTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT r.reference FROM portal_request p JOIN request r ON r.id = p.request_id "
                        + "WHERE p.status_hash = ?").param(LinkTokens.hash(token)).query(String.class).optional()
                .flatMap(ref -> requests.find(PORTAL, ref));
    }

    /** Whether the person confirmed the request behind {@code token}'s status link. */
    public boolean confirmed(String statusToken) {
        return LinkTokens.wellFormed(statusToken) && jdbc.sql("SELECT confirmed_at IS NOT NULL FROM portal_request "
                + "WHERE status_hash = ?").param(LinkTokens.hash(statusToken)).query(Boolean.class).optional().orElse(false);
    }

    public java.time.ZoneId zone() {
        return requests.zone();
    }

    private record Pending(UUID id, String reference, UUID candidate) {}

    private Optional<Pending> pending(String token, boolean lock) {
        if (!LinkTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT r.id, r.reference, p.candidate_subject FROM portal_request p JOIN request r "
                        + "ON r.id = p.request_id WHERE p.confirm_hash = ? AND p.confirmed_at IS NULL "
                        + "AND p.confirm_expires_at > ? AND r.status = 'open' AND r.identity = 'pending'"
                        + (lock ? " FOR UPDATE OF p" : ""))
                .params(LinkTokens.hash(token), Timestamp.from(clock.instant()))
                .query((rs, n) -> new Pending(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class)))
                .optional();
    }

    public static boolean isAddress(String value) {
        if (value.length() > 254 || value.indexOf('@') <= 0 || value.contains(",")) {
            return false;
        }
        try {
            new InternetAddress(value, true).validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }

    private static String linked(String line, String... links) {
        for (String l : links) {
            String e = escape(l);
            line = line.replace(e, "<a href=\"" + e + "\">" + e + "</a>");
        }
        return line;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
