package nl.waarborg.web;

import nl.waarborg.audit.ClientNetwork;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code waarborg.rate-limit.*} (docs/api.md, "Rate limits"): calls without valid credentials are limited per
 * client network ({@link ClientNetwork}), calls with a staff token or an API key per caller, each with a token
 * bucket; beyond it the answer is 429 with {@code Retry-After}. {@code caller-per-second} 0 leaves authenticated
 * callers unlimited (the default: they are the organisation's own applications). {@code max-tracked} bounds the
 * buckets kept (the least recently used go first). {@code hold}: how long a 429 is held back before it is sent (at
 * most until the client may retry; 0: sent at once), at most {@code max-held} at a time (beyond that, sent at once):
 * a client that waits for each answer before it sends the next call (most flood scripts) then floods at a few calls
 * per second per connection instead of as fast as the service can refuse, and leaves the processor to the
 * legitimate callers. No thread is held meanwhile (an asynchronous response).
 */
@ConfigurationProperties("waarborg.rate-limit")
public record RateLimits(@DefaultValue("true") boolean enabled,
                         @DefaultValue("20") double anonymousPerSecond,
                         @DefaultValue("100") int anonymousBurst,
                         @DefaultValue("0") double callerPerSecond,
                         @DefaultValue("1000") int callerBurst,
                         @DefaultValue("100000") int maxTracked,
                         @DefaultValue("1s") java.time.Duration hold,
                         @DefaultValue("10000") int maxHeld) {
    public RateLimits {
        if (!(anonymousPerSecond > 0) || anonymousBurst < 1) {
            throw new IllegalArgumentException("waarborg.rate-limit.anonymous-per-second must be more than 0 and "
                    + "waarborg.rate-limit.anonymous-burst at least 1 (turn limits off with waarborg.rate-limit.enabled=false)");
        }
        if (!(callerPerSecond >= 0) || callerBurst < 1) {
            throw new IllegalArgumentException("waarborg.rate-limit.caller-per-second must be 0 (unlimited) or more and "
                    + "waarborg.rate-limit.caller-burst at least 1");
        }
        if (hold == null || hold.isNegative() || hold.compareTo(java.time.Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("waarborg.rate-limit.hold must be between 0 and 60s, not " + hold);
        }
        if (maxHeld < 0) {
            throw new IllegalArgumentException("waarborg.rate-limit.max-held must be 0 or more, not " + maxHeld);
        }
        if (maxTracked < 1) {
            throw new IllegalArgumentException("waarborg.rate-limit.max-tracked must be at least 1, not " + maxTracked);
        }
    }
}
