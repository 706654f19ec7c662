package nl.waarborg.access.service;

import java.time.Instant;
import java.util.UUID;
import nl.waarborg.access.ObjectionStatus;

/**
 * A stored objection (Art. 21, R3.6) to a purpose.
 *
 * @param directMarketing the purpose is direct marketing: upheld at once (Art. 21(3)), nothing to weigh
 * @param receivedAt      when the objection reached the organisation
 * @param decideBy        for a pending objection: when it must be decided by (received + the policy's response
 *                        time, R4.4); null once decided or when the policy states no response time
 * @param decidedBy       the staff actor, or {@code system:art-21-3} for direct marketing
 */
public record ObjectionRecord(UUID id, UUID subject, String purpose, ObjectionStatus status, boolean directMarketing,
                              Instant receivedAt, Instant recordedAt, String recordedBy, Instant decideBy,
                              Instant decidedAt, String decidedBy, long policyVersion) {
}
