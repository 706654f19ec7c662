package nl.waarborg.vault;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the vault knows about a subject apart from its values: references, subject categories with when they
 * were joined, lifecycle events, and how many items of each data category it holds. No personal value.
 */
public record SubjectRecord(UUID id, Instant createdAt, List<Reference> references, List<Membership> memberships,
                            List<LifecycleEventRecord> events, Map<String, Integer> items) {

    public record Membership(String subjectCategory, Instant joinedAt) {
    }

    public record LifecycleEventRecord(String event, Instant occurredAt) {
    }
}
