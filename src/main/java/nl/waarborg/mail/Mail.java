package nl.waarborg.mail;

import java.util.List;
import java.util.Objects;

/**
 * One mail to one address: a subject, a plain-text part and the same in HTML (mail programs show the one they can),
 * and files attached (a letter's PDF). {@code language} is the {@code Content-Language} (nl, en, or "nl, en" for a
 * mail in both). {@code messageId}: the {@code Message-ID} to send it under, such as {@code <outbox-17@host>}, so that
 * a mail sent twice (a crash between the server taking it and it being marked sent) is seen as one by the receiver;
 * null lets the mail library make one.
 */
public record Mail(String to, String subject, String text, String html, String language, List<Attachment> attachments,
                   String messageId) {

    public Mail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(language, "language");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A mail without attachments, under a Message-ID the mail library makes. */
    public Mail(String to, String subject, String text, String html, String language) {
        this(to, subject, text, html, language, List.of(), null);
    }

    /** A file attached: its name as the receiver sees it, its media type and its bytes. */
    public record Attachment(String filename, String contentType, byte[] content) {
        public Attachment {
            Objects.requireNonNull(filename, "filename");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(content, "content");
        }

        @Override
        public String toString() {
            return "Attachment[" + filename + ", " + content.length + " bytes]";
        }
    }

    @Override
    public String toString() { // the address and the words may be personal: never in logs
        return "Mail[" + language + "]";
    }
}
