package nl.waarborg.portal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.waarborg.access.Caller;
import nl.waarborg.consent.Consents;
import nl.waarborg.mail.Mailer;
import nl.waarborg.policy.LegalBasis;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.requests.service.LinkTokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The links a sender puts in marketing mail (docs/portal.md): one to the person's consent and communication
 * preferences, and one per mailing to unsubscribe in one click (RFC 8058). The token is the credential (256 random
 * bits, only its hash kept, V29); it opens the consents of the policy's direct-marketing purposes on consent (Art. 7(3),
 * 21(2)–(3) GDPR; Telecommunicatiewet art. 11.7) for one subject, and nothing else.
 */
@Service
public class PortalLinks {

    /** The person acting through such a link: whoever holds it; consent acts with the staff's reach under this name. */
    static final Caller HOLDER = new Caller("subject:preferences-link", "subject", List.of(), true);

    private final JdbcClient jdbc;
    private final Consents consents;
    private final ActivePolicy policy;
    private final Mailer mailer;
    private final Clock clock;

    PortalLinks(JdbcClient jdbc, Consents consents, ActivePolicy policy, Mailer mailer, Clock clock) {
        this.jdbc = jdbc;
        this.consents = consents;
        this.policy = policy;
        this.mailer = mailer;
        this.clock = clock;
    }

    /**
     * A new link token for {@code subject}: to the preferences when {@code purpose} is null, else to unsubscribe from
     * that marketing purpose. The sender keeps it only to put it in the mail.
     */
    public String issue(UUID subject, String purpose) {
        if (purpose != null && marketing().stream().noneMatch(p -> p.id().equals(purpose))) {
            throw new IllegalArgumentException("not a direct-marketing purpose on consent: " + purpose);
        }
        String token = LinkTokens.next();
        jdbc.sql("INSERT INTO portal_link (token_hash, subject_id, purpose, created_at) VALUES (?, ?, ?, ?)")
                .params(LinkTokens.hash(token), subject, purpose, Timestamp.from(clock.instant())).update();
        return token;
    }

    /**
     * The headers a sender puts in a marketing mail for one-click unsubscribe (RFC 8058 section 3; RFC 2369): the
     * https link to POST to, and the body the mail client posts. The mail must also carry a valid DKIM signature
     * covering both (RFC 8058 section 4), which is the sending server's work.
     */
    public Map<String, String> unsubscribeHeaders(String unsubscribeToken) {
        return Map.of("List-Unsubscribe", "<" + mailer.link("/unsubscribe/" + unsubscribeToken) + ">",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    /** A link as stored: whose, and for which purpose (null: the preferences). */
    public record Link(UUID subject, String purpose) {}

    public Optional<Link> find(String token) {
        if (!LinkTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT subject_id, purpose FROM portal_link WHERE token_hash = ?").param(LinkTokens.hash(token))
                .query((rs, n) -> new Link(rs.getObject(1, UUID.class), rs.getString(2))).optional();
    }

    /** One marketing purpose and whether the person's consent to it is in force. */
    public record Choice(String purpose, String name, String description, boolean given) {}

    /** The subject's consents to the policy's direct-marketing purposes on consent (the read is audited). */
    public List<Choice> choices(UUID subject, nl.waarborg.policy.Lang lang) {
        Map<String, String> states = consents.of(HOLDER, subject).current().stream()
                .collect(Collectors.toMap(Consents.PurposeConsent::purpose, Consents.PurposeConsent::state));
        return marketing().stream().map(p -> new Choice(p.id(), p.name().in(lang),
                p.description() == null ? null : p.description().in(lang), "given".equals(states.get(p.id())))).toList();
    }

    /** Withdraws consent to {@code purpose} (a no-op when none is in force): by the link in the mail, or the page. */
    public void withdraw(UUID subject, String purpose, String method) {
        requireMarketing(purpose);
        try {
            consents.withdraw(HOLDER, subject, purpose, method);
        } catch (Consents.NothingToWithdrawException nothing) {
            // never given, withdrawn or expired already: the person's wish holds already
        }
    }

    /** Gives consent to {@code purpose} on the preferences page, under the statement version in force. */
    public void give(UUID subject, String purpose, nl.waarborg.policy.Lang lang) {
        requireMarketing(purpose);
        consents.give(HOLDER, subject, new Consents.NewConsent(purpose, policy.policy().statement().version(),
                lang.term(), "web-form", null));
    }

    private void requireMarketing(String purpose) {
        if (marketing().stream().noneMatch(p -> p.id().equals(purpose))) {
            throw new nl.waarborg.input.InvalidInputException("purpose", "a direct-marketing purpose on consent");
        }
    }

    private List<Policy.Purpose> marketing() {
        return policy.policy().purposes().stream().filter(p -> p.directMarketing() && p.basis() == LegalBasis.CONSENT)
                .toList();
    }
}
