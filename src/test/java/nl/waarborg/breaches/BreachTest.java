package nl.waarborg.breaches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A breach's own rules: awareness and its reason, decisions before closing, phased and late notifications. */
class BreachTest {

    private static final Instant DETECTED = Instant.parse("2026-03-03T09:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private static Breach breach(Instant aware, String reason) {
        return new Breach("BR-0000-0000", "Lost laptop", null, null, null, DETECTED, aware, null, reason,
                Set.of(Nature.CONFIDENTIALITY), Set.of(BreachAction.LOSS), List.of(), List.of(), List.of(), null, null,
                null, null, List.of(), false, null, null, false, BreachRole.CONTROLLER, null, null, null, null, null);
    }

    @Test
    void awarenessMoreThan24HoursAfterDetectionNeedsAReason() {
        assertThat(breach(DETECTED.plus(Duration.ofHours(24)), null).awareAt()).isNotNull();
        assertThatThrownBy(() -> breach(DETECTED.plus(Duration.ofHours(25)), null))
                .isInstanceOf(BreachInputException.class)
                .extracting(e -> ((BreachInputException) e).field()).isEqualTo("awarenessDelayReason");
        assertThat(breach(DETECTED.plus(Duration.ofHours(25)), "forensics confirmed personal data only then").awareAt())
                .isNotNull();
        assertThatThrownBy(() -> breach(DETECTED.minusSeconds(1), null))
                .extracting(e -> ((BreachInputException) e).field()).isEqualTo("awareAt");
    }

    @Test
    void aBreachIsClosedOnlyWithBothDecisionsAndTheirReasons() {
        Breach b = breach(DETECTED, null);
        assertThat(b.decisions().closeRefusal()).contains("authority-decision-missing");
        assertThatThrownBy(() -> b.closed(DETECTED)).isInstanceOf(Breach.CannotCloseException.class);
        Breach one = b.decided(new Decisions(true, "risk to people", null, null));
        assertThat(one.decisions().closeRefusal()).contains("subjects-decision-missing");
        assertThatThrownBy(() -> new Decisions(null, null, Decisions.SubjectsNotice.NO, " "))
                .extracting(e -> ((BreachInputException) e).field()).isEqualTo("subjectsReason");
        Breach both = one.decided(new Decisions(null, null, Decisions.SubjectsNotice.PUBLIC_NOTICE, "12,000 addresses unknown"));
        assertThat(both.decisions().notifyAuthority()).isTrue();
        assertThat(both.closed(DETECTED).open()).isFalse();
    }

    @Test
    void anInitialNotificationAfter72HoursNeedsTheReasonsForTheDelayAndSupplementsFollowIt() {
        Breach b = breach(DETECTED, null);
        BreachClock c = b.clock(Duration.ofHours(24), ZONE);
        Instant hour73 = DETECTED.plus(Duration.ofHours(73));
        assertThatThrownBy(() -> b.notifiedWith(Notification.Phase.SUPPLEMENT, hour73, null, null, c))
                .extracting(e -> ((BreachInputException) e).field()).isEqualTo("phase");
        assertThatThrownBy(() -> b.notifiedWith(Notification.Phase.INITIAL, hour73, null, null, c))
                .extracting(e -> ((BreachInputException) e).field()).isEqualTo("delayReason");
        Breach sent = b.notifiedWith(Notification.Phase.INITIAL, hour73, "M-2026-123", "weekend staffing", c);
        assertThat(sent.notifications().getFirst().late()).isTrue();
        assertThat(sent.state(hour73, Duration.ofHours(24), ZONE)).isEqualTo(BreachClock.State.NOTIFIED);
        Breach more = sent.notifiedWith(Notification.Phase.SUPPLEMENT, hour73.plusSeconds(60), null, null, c);
        assertThat(more.notifications()).extracting(Notification::phase)
                .containsExactly(Notification.Phase.INITIAL, Notification.Phase.SUPPLEMENT);
    }
}
