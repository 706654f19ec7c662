package nl.waarborg.access.service;

import java.time.Instant;
import java.util.UUID;
import nl.waarborg.policy.HoldKind;

/**
 * A stored hold (R2.4) on the subject's data: an incident or a legal claim, with a reason code (a case or ticket
 * number). Active until released; retention extends the periods of rules that name its kind.
 */
public record HoldRecord(UUID id, UUID subject, HoldKind kind, String reason, Instant placedAt, String placedBy,
                         Instant releasedAt, String releasedBy, long policyVersion) {

    public boolean active() {
        return releasedAt == null;
    }
}
