package nl.waarborg.systems;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When a failed operation is tried again: exponential backoff with jitter ("equal jitter": half the wait fixed,
 * half random), so that many operations failing at once against one system that is down do not all return at the
 * same moment. After {@code maxAttempts} attempts, or once the next attempt would fall after {@code maxAge} from
 * the first, there is none: the operation stays failed.
 */
public record Backoff(int maxAttempts, Duration maxAge, Duration base, Duration max) {

    public static Backoff of(SystemsProperties p) {
        return new Backoff(p.maxAttempts(), p.maxAge(), p.backoff(), p.maxBackoff());
    }

    /** The wait before attempt {@code attempts + 1}, without jitter: base × 2^(attempts − 1), at most {@code max}. */
    public Duration ceiling(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        Duration d = base.multipliedBy(1L << doublings);
        return d.compareTo(max) > 0 ? max : d;
    }

    /** The next attempt after {@code attempts} failed ones, or null when none is left. */
    public Instant next(int attempts, Instant firstAttempt, Instant now, RandomGenerator random) {
        if (attempts >= maxAttempts) {
            return null;
        }
        long ceiling = ceiling(attempts).toMillis();
        long wait = ceiling / 2 + (ceiling <= 1 ? 0 : random.nextLong(ceiling - ceiling / 2 + 1));
        Instant next = now.plusMillis(wait);
        return next.isAfter(firstAttempt.plus(maxAge)) ? null : next;
    }
}
