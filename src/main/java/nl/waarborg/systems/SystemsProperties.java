package nl.waarborg.systems;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the systems capability ({@code waarborg.systems.*}), checked at start: a value out of range stops the
 * service with the setting's name rather than retrying forever or never.
 *
 * @param maxAttempts       how often an operation is tried before it stays failed and is listed for staff
 * @param maxAge            how long after its first attempt an operation is still retried (or a webhook's answer awaited)
 * @param backoff           the wait after the first failed attempt; doubled for each next one, with jitter
 * @param maxBackoff        the longest wait between two attempts
 * @param retryInterval     how often the service looks for operations due to be retried (0: never; tests drive it)
 * @param webhookTimeout    how long a webhook system may take to connect and answer one delivery
 * @param callbackTolerance how far a callback's {@code webhook-timestamp} may be from now (against replay)
 * @param sweepLease        how long a node's lease on a system's sweep lasts when the node dies mid-sweep (a sweep
 *                          that lasts longer may meet another node's; each still proves exactly what it erased)
 */
@Validated
@ConfigurationProperties("waarborg.systems")
public record SystemsProperties(
        @DefaultValue("5") @Min(1) @Max(100) int maxAttempts,
        @DefaultValue("2d") @NotNull Duration maxAge,
        @DefaultValue("30s") @NotNull Duration backoff,
        @DefaultValue("1h") @NotNull Duration maxBackoff,
        @DefaultValue("1m") @NotNull Duration retryInterval,
        @DefaultValue("10s") @NotNull Duration webhookTimeout,
        @DefaultValue("5m") @NotNull Duration callbackTolerance,
        @DefaultValue("1h") @NotNull Duration sweepLease) {

    public SystemsProperties {
        positive("max-age", maxAge);
        positive("backoff", backoff);
        positive("webhook-timeout", webhookTimeout);
        positive("callback-tolerance", callbackTolerance);
        positive("sweep-lease", sweepLease);
        if (maxBackoff != null && backoff != null && maxBackoff.compareTo(backoff) < 0) {
            throw new IllegalArgumentException("waarborg.systems.max-backoff (" + maxBackoff
                    + ") must not be shorter than waarborg.systems.backoff (" + backoff + ")");
        }
        if (retryInterval != null && retryInterval.isNegative()) {
            throw new IllegalArgumentException("waarborg.systems.retry-interval must not be negative, was " + retryInterval);
        }
    }

    private static void positive(String name, Duration d) {
        if (d != null && (d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("waarborg.systems." + name + " must be positive, was " + d);
        }
    }

    /** The defaults, for code that runs without Spring (tests of the parts). */
    public static SystemsProperties defaults() {
        return new SystemsProperties(8, Duration.ofDays(2), Duration.ofSeconds(30), Duration.ofHours(1),
                Duration.ofMinutes(1), Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofHours(1));
    }
}
