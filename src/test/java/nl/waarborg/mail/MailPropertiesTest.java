package nl.waarborg.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Mail settings are checked at start, each refusal naming the property. */
class MailPropertiesTest {

    @Test
    void offNeedsNothing() {
        assertThat(new MailProperties(false, null, null, null).enabled()).isFalse();
    }

    @Test
    void onNeedsASenderAndABaseAddress() {
        assertThatThrownBy(() -> new MailProperties(true, null, URI.create("https://p.example"), null))
                .hasMessageContaining("waarborg.mail.from");
        assertThatThrownBy(() -> new MailProperties(true, "privacy@p.example", null, null))
                .hasMessageContaining("waarborg.mail.base-url");
        assertThatThrownBy(() -> new MailProperties(true, "not an address", URI.create("https://p.example"), null))
                .hasMessageContaining("waarborg.mail.from");
        assertThatThrownBy(() -> new MailProperties(true, "privacy@p.example", URI.create("ftp://p.example"), null))
                .hasMessageContaining("waarborg.mail.base-url");
        assertThat(new MailProperties(true, "privacy@p.example", URI.create("https://p.example/"), null).link("/requests/confirm/t"))
                .isEqualTo("https://p.example/requests/confirm/t");
    }
}
