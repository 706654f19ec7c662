package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Token buckets per client network for anonymous calls and per caller for authenticated ones; time moved by hand. */
class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private RateLimiter limiter(double anonymousPerSecond, int anonymousBurst, double callerPerSecond, int callerBurst) {
        return new RateLimiter(new RateLimits(true, anonymousPerSecond, anonymousBurst, callerPerSecond, callerBurst, 1000, java.time.Duration.ZERO, 0),
                now::get);
    }

    @Test
    void aNetworkGetsItsBurstThenWaitsForTheRate() {
        RateLimiter limiter = limiter(2, 3, 0, 1);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.secondsToWait("203.0.113.0/24", null)).isZero();
        }
        assertThat(limiter.secondsToWait("203.0.113.0/24", null)).as("Retry-After").isEqualTo(1);
        now.addAndGet(499_000_000L);
        assertThat(limiter.secondsToWait("203.0.113.0/24", null)).isEqualTo(1);
        now.addAndGet(2_000_000L);
        assertThat(limiter.secondsToWait("203.0.113.0/24", null)).as("half a second later, one token").isZero();
        assertThat(limiter.secondsToWait("203.0.113.0/24", null)).isEqualTo(1);
    }

    @Test
    void aSlowRateAsksForALongerWait() {
        RateLimiter limiter = limiter(0.1, 1, 0, 1);
        assertThat(limiter.secondsToWait("n", null)).isZero();
        assertThat(limiter.secondsToWait("n", null)).isEqualTo(10);
    }

    @Test
    void aFloodingNetworkDoesNotLimitAnotherNetworkNorAnAuthenticatedCallerFromItself() {
        RateLimiter limiter = limiter(1, 2, 0, 1);
        limiter.secondsToWait("127.0.0.0/24", null);
        limiter.secondsToWait("127.0.0.0/24", null);
        assertThat(limiter.secondsToWait("127.0.0.0/24", null)).isPositive();
        assertThat(limiter.secondsToWait("198.51.100.0/24", null)).isZero();
        for (int i = 0; i < 10_000; i++) {
            assertThat(limiter.secondsToWait("127.0.0.0/24", "key:abc")).as("callers are unlimited by default").isZero();
        }
    }

    @Test
    void callersHaveTheirOwnLimitWhenOneIsSet() {
        RateLimiter limiter = limiter(1, 1, 10, 2);
        assertThat(limiter.secondsToWait("n", "key:a")).isZero();
        assertThat(limiter.secondsToWait("n", "key:a")).isZero();
        assertThat(limiter.secondsToWait("n", "key:a")).isEqualTo(1);
        assertThat(limiter.secondsToWait("n", "key:b")).isZero();
        assertThat(limiter.secondsToWait("n", null)).as("the network's own bucket").isZero();
    }

    @Test
    void turnedOffNothingIsLimited() {
        RateLimiter limiter = new RateLimiter(new RateLimits(false, 1, 1, 0, 1, 10, java.time.Duration.ZERO, 0), now::get);
        for (int i = 0; i < 100; i++) {
            assertThat(limiter.secondsToWait("n", null)).isZero();
        }
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new RateLimits(true, 0, 10, 0, 1, 10, java.time.Duration.ZERO, 0)).hasMessageContaining("anonymous-per-second");
        assertThatThrownBy(() -> new RateLimits(true, 1, 0, 0, 1, 10, java.time.Duration.ZERO, 0)).hasMessageContaining("anonymous-burst");
        assertThatThrownBy(() -> new RateLimits(true, 1, 1, -1, 1, 10, java.time.Duration.ZERO, 0)).hasMessageContaining("caller-per-second");
        assertThatThrownBy(() -> new RateLimits(true, 1, 1, 0, 1, 0, java.time.Duration.ZERO, 0)).hasMessageContaining("max-tracked");
        assertThatThrownBy(() -> new RateLimits(true, Double.NaN, 1, 0, 1, 1, java.time.Duration.ZERO, 0)).hasMessageContaining("anonymous-per-second");
        assertThatThrownBy(() -> new RateLimits(true, 1, 1, 0, 1, 1, java.time.Duration.ofMinutes(2), 0)).hasMessageContaining("hold");
        assertThatThrownBy(() -> new RateLimits(true, 1, 1, 0, 1, 1, java.time.Duration.ZERO, -1)).hasMessageContaining("max-held");
    }
}
