package nl.waarborg.systems;

import java.time.Instant;

/**
 * One sweep of one system: what is due at {@code now} under the policy's retention rules; {@code dryRun} counts
 * without changing anything; {@code subjects} tells which subjects are held (their rows stay, Art. 17(3)(e), 18) and what they consented to.
 */
public record SweepRequest(Instant now, boolean dryRun, LinkedSubjects subjects, String operationId) {}
