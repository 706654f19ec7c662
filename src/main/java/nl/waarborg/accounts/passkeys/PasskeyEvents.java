package nl.waarborg.accounts.passkeys;

import java.util.ArrayList;
import java.util.List;
import nl.waarborg.audit.ClientNetwork;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.service.AuditLog;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit events of passkeys and of the other sign-ins this package and OpenID Connect add, worded as
 * {@code Accounts} words a password sign-in's: the actor is the username, the role {@code staff-account}; never a
 * credential id, a public key, a label or a claim.
 */
@Component
public class PasskeyEvents {

    /** As Accounts: the audit role of a person acting on their own account. */
    public static final String SELF = "staff-account";
    /** As Accounts: the actor of a sign-in that matched no account. */
    public static final String UNKNOWN_ACTOR = "unknown-account";

    private final AuditLog audit;
    private final TransactionTemplate tx;

    PasskeyEvents(AuditLog audit, TransactionTemplate tx) {
        this.audit = audit;
        this.tx = tx;
    }

    /** {@code account-signed-in} with {@code how} ({@code passkey}, {@code oidc}) and the client's network. */
    public void signedIn(String username, String how, String clientAddress, boolean mustChangePassword) {
        List<String> reasons = new ArrayList<>(List.of(how, "network:" + ClientNetwork.of(clientAddress)));
        if (mustChangePassword) {
            reasons.add("must-change-password");
        }
        append(AuditEvent.draft(username, SELF, "account-signed-in").outcome(Outcome.ALLOWED,
                reasons.toArray(String[]::new)));
    }

    /** {@code account-sign-in-refused}: {@code actor} is a username or {@link #UNKNOWN_ACTOR}. */
    public void signInRefused(String actor, String how, String reason, String clientAddress) {
        append(AuditEvent.draft(actor, SELF, "account-sign-in-refused").outcome(Outcome.DENIED, reason, how,
                "network:" + ClientNetwork.of(clientAddress)));
    }

    public void passkeyAdded(String username) {
        append(AuditEvent.draft(username, SELF, "account-passkey-added"));
    }

    public void passkeyRemoved(String username) {
        append(AuditEvent.draft(username, SELF, "account-passkey-removed"));
    }

    private void append(AuditEvent.Draft draft) {
        tx.executeWithoutResult(s -> audit.append(draft));
    }
}
