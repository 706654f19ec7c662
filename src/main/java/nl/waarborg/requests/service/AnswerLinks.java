package nl.waarborg.requests.service;

import nl.waarborg.mail.MailProperties;
import org.springframework.stereotype.Component;

/**
 * The answer's download link as the person gets it: under the address people reach this service at
 * ({@code waarborg.mail.base-url}, the one setting for every link Waarborg gives out), or, when that is not set, the
 * path alone (staff then put the service's address before it).
 */
@Component
class AnswerLinks {

    private final MailProperties mail;

    AnswerLinks(MailProperties mail) {
        this.mail = mail;
    }

    String link(String path) {
        return mail.baseUrl() == null ? path : mail.link(path);
    }
}
