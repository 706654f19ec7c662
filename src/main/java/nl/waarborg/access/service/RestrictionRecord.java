package nl.waarborg.access.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.waarborg.access.RestrictionGround;

/**
 * A stored restriction of processing (Art. 18(1), R3.3) of some of the subject's data categories, or all of them
 * ({@code categories} empty). Active until lifted.
 */
public record RestrictionRecord(UUID id, UUID subject, RestrictionGround ground, List<String> categories,
                                Instant placedAt, String placedBy, Instant liftedAt, String liftedBy,
                                long policyVersion) {

    public boolean active() {
        return liftedAt == null;
    }
}
