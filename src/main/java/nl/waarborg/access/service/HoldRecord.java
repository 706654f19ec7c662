package nl.waarborg.access.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.waarborg.policy.HoldKind;

/**
 * A stored hold (R2.4) on the subject's data: an incident, a legal claim or a complaint, with a reason code (a case
 * or ticket number), on the data of some categories ({@code categories}) or, when none are listed, on all of it.
 * Active until released; retention extends the periods of rules that name its kind, for the items it holds.
 */
public record HoldRecord(UUID id, UUID subject, HoldKind kind, String reason, Instant placedAt, String placedBy,
                         Instant releasedAt, String releasedBy, long policyVersion, List<String> categories) {

    public boolean active() {
        return releasedAt == null;
    }
}
