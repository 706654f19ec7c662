package nl.waarborg.requests.service;

import java.sql.Timestamp;
import java.time.Clock;
import nl.waarborg.access.Caller;
import nl.waarborg.requests.Request;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What was gathered to check a requester's identity, and is not kept past the check (R4.1; Art. 5(1)(c), 12(6) GDPR):
 * at the identity decision (and when the request is closed before it) the ID copy goes and the confirmation links
 * still open stop working, in the same transaction. Only the method, the outcome and who decided stay, on the request.
 * The one hook {@link Requests} calls; the work is {@link IdCopies}' and {@link IdentityConfirmations}' table's.
 */
@Component
class IdentityEvidence {

    private final IdCopies copies;
    private final JdbcClient jdbc;
    private final Clock clock;

    IdentityEvidence(IdCopies copies, JdbcClient jdbc, Clock clock) {
        this.copies = copies;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Within the caller's transaction, which holds the request's row. */
    void discard(Caller caller, Request r) {
        copies.discard(caller, r);
        jdbc.sql("UPDATE request_confirmation SET retired_at = ? WHERE request_id = ? AND used_at IS NULL "
                + "AND retired_at IS NULL").params(Timestamp.from(clock.instant()), r.id()).update();
    }
}
