package nl.waarborg.requests;

import java.time.Instant;
import java.util.Objects;

/**
 * A stretch during which the requester's identity was outstanding: from the moment Waarborg asked for proof
 * ({@code from}) to the moment identity was established or the question otherwise settled ({@code until}). Counts
 * only when the organisation has chosen to pause the clock while identity is outstanding (off by default,
 * {@link DeadlineCalculator}); a pause still running is passed with {@code until} = now, so its deadline moves on
 * each day it stays open.
 */
public record IdentityPause(Instant from, Instant until) {

    public IdentityPause {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (until.isBefore(from)) {
            throw new IllegalArgumentException("a pause ends (" + until + ") before it begins (" + from + ")");
        }
    }
}
