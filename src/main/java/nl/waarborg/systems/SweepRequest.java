package nl.waarborg.systems;

import java.time.Instant;

/**
 * One sweep of one system: what is due at {@code now} under the policy's retention rules; {@code dryRun} counts
 * without changing anything; {@code held} tells which subjects' rows stay (an active hold, Art. 17(3)(e), 18).
 */
public record SweepRequest(Instant now, boolean dryRun, HeldSubjects held, String operationId) {}
