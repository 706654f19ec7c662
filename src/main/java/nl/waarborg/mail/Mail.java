package nl.waarborg.mail;

import java.util.Objects;

/**
 * One mail to one person: a subject, a plain-text part and the same in HTML (mail programs show the one they can).
 * {@code language} is the {@code Content-Language} (nl, en).
 */
public record Mail(String to, String subject, String text, String html, String language) {

    public Mail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(language, "language");
    }

    @Override
    public String toString() { // the address and the words may be personal: never in logs
        return "Mail[" + language + "]";
    }
}
