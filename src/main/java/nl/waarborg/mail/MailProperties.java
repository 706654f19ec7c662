package nl.waarborg.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of mail ({@code waarborg.mail.*}), checked at start; the SMTP server is Spring's {@code spring.mail.host},
 * {@code spring.mail.port}, {@code spring.mail.username}, … (docs/requests.md, "Mail").
 *
 * @param enabled whether Waarborg sends mail at all (off by default: a service without an SMTP server refuses what
 *                needs mail with a 409 instead of failing later)
 * @param from    the sender's address, such as {@code privacy@example.nl}; required when enabled
 * @param baseUrl the address people reach this service at, such as {@code https://privacy.example.nl}: links in mail
 *                start with it; required when enabled, http or https, without a query
 * @param alertsTo the privacy team's address for alerts (a system operation given up after its retries); none when
 *                not set
 * @param tasksTo the address staff are told at of a new task (a manual system's task, telling a recipient under
 *                Art. 19 GDPR); none when not set: no notice
 * @param outboxInterval how often the outbox is emptied (docs/mail.md; 0: never, tests send themselves)
 * @param maxAttempts how often a mail is tried before it is given up (the waits between double, from a minute to an
 *                hour)
 */
@Validated
@ConfigurationProperties("waarborg.mail")
public record MailProperties(@DefaultValue("false") boolean enabled, String from, URI baseUrl, String alertsTo,
                             String tasksTo, @DefaultValue("30s") Duration outboxInterval,
                             @DefaultValue("10") int maxAttempts) {

    public MailProperties {
        address("alerts-to", alertsTo);
        address("tasks-to", tasksTo);
        if (outboxInterval == null || outboxInterval.isNegative()) {
            throw new IllegalArgumentException("waarborg.mail.outbox-interval must not be negative, was " + outboxInterval);
        }
        if (maxAttempts < 1 || maxAttempts > 50) {
            throw new IllegalArgumentException("waarborg.mail.max-attempts must be 1 to 50, was " + maxAttempts);
        }
        if (from != null && !from.isBlank()) {
            try {
                new InternetAddress(from, true).validate();
            } catch (AddressException e) {
                throw new IllegalArgumentException("waarborg.mail.from must be one e-mail address, such as privacy@example.nl");
            }
        }
        if (baseUrl != null && (!baseUrl.isAbsolute() || baseUrl.getHost() == null || baseUrl.getQuery() != null
                || !("https".equals(baseUrl.getScheme()) || "http".equals(baseUrl.getScheme())))) {
            throw new IllegalArgumentException("waarborg.mail.base-url must be an http or https address without a query, "
                    + "such as https://privacy.example.nl");
        }
        if (enabled && (from == null || from.isBlank())) {
            throw new IllegalArgumentException("waarborg.mail.enabled=true needs waarborg.mail.from, the sender's address");
        }
        if (enabled && baseUrl == null) {
            throw new IllegalArgumentException("waarborg.mail.enabled=true needs waarborg.mail.base-url, the address "
                    + "people reach this service at (links in mail start with it)");
        }
    }

    /** Whether staff are told of new tasks: mail is on and {@code tasks-to} is set. */
    public boolean tellsTasks() {
        return enabled && tasksTo != null && !tasksTo.isBlank();
    }

    private static void address(String name, String value) {
        if (value != null && !value.isBlank()) {
            try {
                new InternetAddress(value, true).validate();
            } catch (AddressException e) {
                throw new IllegalArgumentException("waarborg.mail." + name + " must be one e-mail address, such as "
                        + "privacy@example.nl");
            }
        }
    }

    /** {@code path} (starting with /) under the base address. */
    public String link(String path) {
        String base = baseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
