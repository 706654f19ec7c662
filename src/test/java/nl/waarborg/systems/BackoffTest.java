package nl.waarborg.systems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Retries back off exponentially with jitter and end at the configured count and age. */
class BackoffTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final Backoff backoff = new Backoff(5, Duration.ofHours(2), Duration.ofSeconds(30), Duration.ofMinutes(10));

    @Test
    void theWaitDoublesUpToTheMaximum() {
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.ceiling(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(backoff.ceiling(6)).isEqualTo(Duration.ofMinutes(10));
        assertThat(backoff.ceiling(1000)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void theJitterKeepsEachWaitBetweenHalfAndAllOfIt() {
        SplittableRandom random = new SplittableRandom(15);
        for (int attempts = 1; attempts < 5; attempts++) {
            Duration ceiling = backoff.ceiling(attempts);
            for (int i = 0; i < 200; i++) {
                Instant next = backoff.next(attempts, T0, T0, random);
                assertThat(next).isBetween(T0.plus(ceiling.dividedBy(2)), T0.plus(ceiling));
            }
        }
    }

    @Test
    void noAttemptIsLeftAfterTheCountOrBeyondTheAge() {
        SplittableRandom random = new SplittableRandom(15);
        assertThat(backoff.next(5, T0, T0, random)).as("five attempts made").isNull();
        assertThat(backoff.next(1, T0, T0.plus(Duration.ofHours(2)), random)).as("two hours after the first").isNull();
        assertThat(backoff.next(1, T0, T0.plus(Duration.ofMinutes(100)), random)).isNotNull();
    }

    @Test
    void settingsOutOfRangeStopTheStartWithTheirName() {
        assertThatThrownBy(() -> new SystemsProperties(3, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ZERO, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1)))
                .hasMessageContaining("waarborg.systems.max-age");
        assertThatThrownBy(() -> new SystemsProperties(3, Duration.ofDays(1), Duration.ofMinutes(5), Duration.ofMinutes(1),
                Duration.ZERO, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1)))
                .hasMessageContaining("waarborg.systems.max-backoff");
        assertThatThrownBy(() -> new SystemsProperties(3, Duration.ofDays(1), Duration.ofMinutes(1), Duration.ofMinutes(5),
                Duration.ZERO, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ZERO))
                .hasMessageContaining("waarborg.systems.sweep-lease");
    }
}
