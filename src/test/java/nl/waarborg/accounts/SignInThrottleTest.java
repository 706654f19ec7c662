package nl.waarborg.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import nl.waarborg.audit.ClientNetwork;
import nl.waarborg.web.MutableClock;
import org.junit.jupiter.api.Test;

/** The throttle with a clock the test moves: 5 failures lock a name 1 minute, doubling to 1 hour; networks too. */
class SignInThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(clock, 5, 30, Duration.ofMinutes(1), Duration.ofHours(1), 1000);

    @Test
    void fiveFailuresLockForAMinuteAndEachFurtherFailureDoublesTheLockUpToAnHour() {
        for (int i = 1; i <= 4; i++) {
            assertThat(throttle.failed("anna", "net-a").lockedUntil()).as("failure " + i).isNull();
            assertThat(throttle.lockedUntil("anna", "net-a")).isEmpty();
        }
        Instant fifth = clock.instant();
        Instant until = throttle.failed("anna", "net-a").lockedUntil();
        assertThat(Duration.between(fifth, until)).isBetween(Duration.ofMinutes(1), Duration.ofMinutes(1).plusMillis(1));
        assertThat(throttle.lockedUntil("Anna ", "net-b")).as("the name, however typed, from anywhere").hasValue(until);
        clock.advance(Duration.ofSeconds(59));
        assertThat(throttle.lockedUntil("anna", "net-a")).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.lockedUntil("anna", "net-a")).isEmpty();

        Duration expected = Duration.ofMinutes(2);
        for (int failure = 6; failure <= 12; failure++) {
            Instant at = clock.instant();
            Instant locked = throttle.failed("anna", "net-a").lockedUntil();
            assertThat(Duration.between(at, locked)).as("failure " + failure)
                    .isBetween(expected, expected.plusMillis(1));
            clock.advance(Duration.between(at, locked).plusSeconds(1));
            expected = expected.multipliedBy(2).compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1)
                    : expected.multipliedBy(2);
        }
        assertThat(SignInThrottle.lockAfter(11, 5, Duration.ofMinutes(1), Duration.ofHours(1))).isEqualTo(Duration.ofHours(1));
        assertThat(SignInThrottle.lockAfter(1000, 5, Duration.ofMinutes(1), Duration.ofHours(1))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aSuccessClearsTheNameAndAnHourOfQuietAfterTheLockForgetsIt() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("bram", "net-c");
        }
        throttle.succeeded("bram");
        assertThat(throttle.failed("bram", "net-c").failures()).isEqualTo(1);
        for (int i = 0; i < 4; i++) {
            throttle.failed("bram", "net-c");
        }
        assertThat(throttle.lockedUntil("bram", "net-c")).isPresent();
        clock.advance(Duration.ofMinutes(1).plusHours(1));
        assertThat(throttle.attempts("bram").failures()).isZero();
        assertThat(throttle.failed("bram", "net-c").lockedUntil()).isNull();
    }

    @Test
    void aNetworkTryingManyNamesIsLockedAfterItsOwnThresholdAndASuccessDoesNotClearIt() {
        for (int i = 0; i < 29; i++) {
            throttle.failed("name" + i, "198.51.100.0/24");
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(throttle.lockedUntil("someone-else", "198.51.100.0/24")).isEmpty();
        throttle.failed("name29", "198.51.100.0/24");
        throttle.succeeded("attackers-own");
        assertThat(throttle.lockedUntil("someone-else", "198.51.100.0/24")).isPresent();
        assertThat(throttle.lockedUntil("someone-else", "203.0.113.0/24")).as("another network").isEmpty();
    }

    @Test
    void aStoredLockIsRestoredAfterARestart() {
        Instant until = clock.instant().plus(Duration.ofMinutes(4));
        throttle.restore("carla", 7, until);
        assertThat(throttle.lockedUntil("carla", "net")).hasValue(until);
        clock.advance(Duration.ofMinutes(5));
        assertThat(throttle.failed("carla", "net").lockedUntil()).as("the 8th failure: 8 minutes").isNotNull();
    }

    @Test
    void networksAreNamedByTheirPrefixNeverTheAddress() {
        assertThat(ClientNetwork.of("203.0.113.77")).isEqualTo("203.0.113.0/24");
        assertThat(ClientNetwork.of("2001:db8:0:1:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:0:1::/64");
        assertThat(ClientNetwork.of("example.org")).isEqualTo(ClientNetwork.UNKNOWN);
        assertThat(ClientNetwork.of(null)).isEqualTo(ClientNetwork.UNKNOWN);
    }
}
