package nl.waarborg.systems;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import nl.waarborg.mail.Mail;
import nl.waarborg.mail.MailProperties;
import nl.waarborg.mail.Mailer;
import nl.waarborg.policy.service.ActivePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells staff that an operation on a system was given up after its retries (docs/systems.md): a warning in the log
 * (the system, the operation, the cause's code; never a value) and, when {@code waarborg.mail.alerts-to} is set and
 * mail is on, a mail to the privacy team in the statement's first language. The operation is also listed for staff
 * ({@code GET /api/v1/systems/operations?failed=true}) and marks its request's step as needing staff.
 */
@Component
class GiveUpAlerts {

    private static final Logger log = LoggerFactory.getLogger(GiveUpAlerts.class);

    private final Mailer mailer;
    private final MailProperties mail;
    private final ActivePolicy policy;

    GiveUpAlerts(Mailer mailer, MailProperties mail, ActivePolicy policy) {
        this.mailer = mailer;
        this.mail = mail;
        this.policy = policy;
    }

    void givenUp(SystemOperations.Operation op) {
        String cause = SystemOperations.causeCode(op.cause());
        log.warn("operation {} ({}) on system {} given up after {} attempts: {}", op.id(), op.kind().term(), op.system(),
                op.attempts(), cause);
        if (!mailer.enabled() || mail.alertsTo() == null || mail.alertsTo().isBlank()) {
            return;
        }
        String lang = policy.policy().statement().languages().getFirst().term();
        ResourceBundle words = ResourceBundle.getBundle("nl.waarborg.systems.alerts", Locale.forLanguageTag(lang),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Object[] args = {op.system(), op.kind().term(), op.id(), op.attempts(), cause,
                mail.link("/api/v1/systems/operations?failed=true")};
        String text = new MessageFormat(words.getString("given-up.text"), words.getLocale()).format(args);
        try {
            mailer.send(new Mail(mail.alertsTo(), new MessageFormat(words.getString("given-up.subject"),
                    words.getLocale()).format(args), text, "<p>" + org.springframework.web.util.HtmlUtils.htmlEscape(text)
                    + "</p>", lang));
        } catch (Mailer.MailNotSentException e) { // the log line and the list stand; the next give-up tries again
            log.warn("the alert for operation {} could not be mailed", op.id());
        }
    }
}
