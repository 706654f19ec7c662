package nl.waarborg.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import nl.waarborg.input.ApiException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Sends a {@link Mail} through the SMTP server of {@code spring.mail.*}, as {@code waarborg.mail.from}. Mail that is
 * off ({@code waarborg.mail.enabled=false}) is refused with 409 {@code mail-disabled}; a server that does not take it
 * with 503 {@code mail-not-sent}. Neither says who the mail was for.
 */
@Service
public class Mailer {

    private final MailProperties properties;
    private final JavaMailSender sender;

    Mailer(MailProperties properties, ObjectProvider<JavaMailSender> sender) {
        this.properties = properties;
        this.sender = sender.getIfAvailable();
        if (properties.enabled() && this.sender == null) {
            throw new IllegalStateException("waarborg.mail.enabled=true needs an SMTP server: set spring.mail.host "
                    + "(and spring.mail.port, spring.mail.username, spring.mail.password as the server needs)");
        }
    }

    /** Whether mail is on; without it, what needs mail is refused. */
    public boolean enabled() {
        return properties.enabled();
    }

    /** The link to {@code path} (starting with /) under {@code waarborg.mail.base-url}. */
    public String link(String path) {
        if (!properties.enabled()) {
            throw new MailDisabledException();
        }
        return properties.link(path);
    }

    public void send(Mail mail) {
        if (!properties.enabled()) {
            throw new MailDisabledException();
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                    StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            for (Mail.Attachment a : mail.attachments()) {
                helper.addAttachment(a.filename(), new org.springframework.core.io.ByteArrayResource(a.content()),
                        a.contentType());
            }
            message.setHeader("Content-Language", mail.language());
            if (mail.messageId() != null) { // kept by JavaMailSenderImpl when it saves the message
                message.setHeader("Message-ID", mail.messageId());
            }
            // an automated message: no out-of-office replies back to it (RFC 3834)
            message.setHeader("Auto-Submitted", "auto-generated");
            sender.send(message);
        } catch (MessagingException | MailException e) {
            throw new MailNotSentException();
        }
    }

    /** Mail is off in this service's settings. */
    public static final class MailDisabledException extends ApiException {
        MailDisabledException() {
            super(HttpStatus.CONFLICT, "Mail is off", "this service sends no mail (waarborg.mail.enabled=false); "
                    + "set waarborg.mail.* and spring.mail.host to send it");
            getBody().setProperty("reason", "mail-disabled");
        }
    }

    /** The SMTP server did not take the mail; nothing was recorded as sent. */
    public static final class MailNotSentException extends ApiException {
        MailNotSentException() {
            super(HttpStatus.SERVICE_UNAVAILABLE, "Mail not sent", "the mail server did not accept the mail; try again later");
            getBody().setProperty("reason", "mail-not-sent");
        }
    }
}
