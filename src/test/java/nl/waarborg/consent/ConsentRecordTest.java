package nl.waarborg.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import nl.waarborg.access.SubjectFact;
import org.junit.jupiter.api.Test;

/** A consent's state by the clock, and the fact decisions get from the latest record of a purpose. */
class ConsentRecordTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private static ConsentRecord given(Instant expiresAt) {
        return new ConsentRecord(UUID.randomUUID(), 1, UUID.randomUUID(), "newsletter", ConsentState.GIVEN, null, "2026.2",
                "nl", ConsentMethod.WEB_FORM, T0, expiresAt, null, null, T0, "key:abc", 1);
    }

    @Test
    void aGivenConsentExpiresAtItsExpiryNotBefore() {
        ConsentRecord r = given(T0.plus(Duration.ofDays(30)));
        assertThat(r.stateAt(T0.plus(Duration.ofDays(30)).minusNanos(1))).isEqualTo(ConsentState.GIVEN);
        assertThat(r.stateAt(T0.plus(Duration.ofDays(30)))).isEqualTo(ConsentState.EXPIRED);
        assertThat(given(null).stateAt(T0.plus(Duration.ofDays(10_000)))).isEqualTo(ConsentState.GIVEN);
    }

    @Test
    void theLatestRecordGivesTheFact() {
        ConsentRecord r = given(T0.plus(Duration.ofDays(1)));
        assertThat(ConsentRecords.fact(r, T0)).contains(new SubjectFact.Consent("newsletter", true, T0));
        assertThat(ConsentRecords.fact(r, T0.plus(Duration.ofDays(2)))).as("expired: no consent at all").isEmpty();
        Instant withdrawnAt = T0.plusSeconds(60);
        ConsentRecord withdrawn = new ConsentRecord(UUID.randomUUID(), 2, r.subject(), "newsletter",
                ConsentState.WITHDRAWN, r.id(), "2026.2", "nl", ConsentMethod.WEB_FORM, T0, null, withdrawnAt,
                ConsentMethod.UNSUBSCRIBE_LINK, withdrawnAt, "key:abc", 1);
        assertThat(ConsentRecords.fact(withdrawn, T0.plus(Duration.ofDays(9))))
                .contains(new SubjectFact.Consent("newsletter", false, withdrawnAt));
    }

    @Test
    void methodsAreAClosedListAndTheUnsubscribeLinkOnlyWithdraws() {
        assertThat(ConsentMethod.parse("cookie-banner")).isEqualTo(ConsentMethod.COOKIE_BANNER);
        assertThat(ConsentMethod.parse("unsubscribe-link").gives()).isFalse();
        assertThatThrownBy(() -> ConsentMethod.parseGiving("unsubscribe-link")).hasMessageContaining("only withdraws");
        assertThatThrownBy(() -> ConsentMethod.parse("carrier-pigeon")).hasMessageContaining("web-form, app");
        assertThatThrownBy(() -> ConsentMethod.parse(null)).isInstanceOf(nl.waarborg.input.InvalidInputException.class);
    }
}
