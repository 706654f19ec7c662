package nl.waarborg.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Mail settings are checked at start, each refusal naming the property. */
class MailPropertiesTest {

    private static final java.time.Duration HALF_MINUTE = java.time.Duration.ofSeconds(30);

    @Test
    void offNeedsNothing() {
        assertThat(new MailProperties(false, null, null, null, null, HALF_MINUTE, 10).enabled()).isFalse();
    }

    @Test
    void onNeedsASenderAndABaseAddress() {
        assertThatThrownBy(() -> new MailProperties(true, null, URI.create("https://p.example"), null, null, HALF_MINUTE, 10))
                .hasMessageContaining("waarborg.mail.from");
        assertThatThrownBy(() -> new MailProperties(true, "privacy@p.example", null, null, null, HALF_MINUTE, 10))
                .hasMessageContaining("waarborg.mail.base-url");
        assertThatThrownBy(() -> new MailProperties(true, "not an address", URI.create("https://p.example"), null, null, HALF_MINUTE, 10))
                .hasMessageContaining("waarborg.mail.from");
        assertThatThrownBy(() -> new MailProperties(true, "privacy@p.example", URI.create("ftp://p.example"), null, null, HALF_MINUTE, 10))
                .hasMessageContaining("waarborg.mail.base-url");
        assertThat(new MailProperties(true, "privacy@p.example", URI.create("https://p.example/"), null, null, HALF_MINUTE, 10).link("/requests/confirm/t"))
                .isEqualTo("https://p.example/requests/confirm/t");
    }

    @Test
    void tasksGoToOneAddressAndTheOutboxNeedsSaneRetries() {
        URI base = URI.create("https://p.example");
        assertThatThrownBy(() -> new MailProperties(true, "privacy@p.example", base, null, "a@p.example, b@p.example",
                HALF_MINUTE, 10)).hasMessageContaining("waarborg.mail.tasks-to");
        assertThatThrownBy(() -> new MailProperties(true, "privacy@p.example", base, null, null,
                java.time.Duration.ofSeconds(-1), 10)).hasMessageContaining("waarborg.mail.outbox-interval");
        assertThatThrownBy(() -> new MailProperties(true, "privacy@p.example", base, null, null,
                java.time.Duration.ofSeconds(30), 0)).hasMessageContaining("waarborg.mail.max-attempts");
        assertThat(new MailProperties(true, "privacy@p.example", base, null, "taken@p.example",
                HALF_MINUTE, 10).tellsTasks()).isTrue();
        assertThat(new MailProperties(false, null, null, null, "taken@p.example",
                HALF_MINUTE, 10).tellsTasks()).isFalse();
    }
}
