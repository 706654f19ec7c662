package nl.waarborg.requests;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.Policy;

/**
 * The words of the identity check that reach the person: the e-mail with the confirmation link and the page behind
 * that link, in Dutch or English. The words are in the message bundles {@code nl/waarborg/requests/identity_nl.properties}
 * and {@code identity_en.properties}; this class only chooses, fills and escapes them. Pure: no clock, no I/O. The
 * page has no script and no style of its own, so that it can be served under {@code default-src 'none'}.
 */
public final class IdentityWords {

    /** What the page behind a link shows. */
    public enum Page { CONFIRM, DONE, GONE, UNKNOWN }

    /** A mail's subject, plain text and HTML. */
    public record MailText(String subject, String text, String html) {}

    private final Policy policy;
    private final Lang lang;
    private final ResourceBundle words;
    private final DateTimeFormatter moments;

    public IdentityWords(Policy policy, Lang lang, ZoneId zone) {
        this.policy = policy;
        this.lang = lang;
        Locale locale = Locale.forLanguageTag(lang.term());
        this.words = ResourceBundle.getBundle("nl.waarborg.requests.identity", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.moments = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm", locale).withZone(zone);
    }

    /** The mail with the one-time {@code link} for the request {@code reference}, valid until {@code expiresAt}. */
    public MailText confirmationMail(String reference, String link, Instant expiresAt) {
        String organisation = policy.controller() == null ? "" : policy.controller().name();
        String contact = policy.controller() == null || policy.controller().contact() == null
                || policy.controller().contact().email() == null ? organisation : policy.controller().contact().email();
        String subject = text("mail.subject", reference);
        String text = String.join("\n\n", text("mail.received", reference), text("mail.why"), text("mail.action"), link,
                text("mail.valid", moments.format(expiresAt)), text("mail.not-you", contact),
                text("mail.closing") + "\n" + organisation) + "\n";
        String html = "<!DOCTYPE html>\n<html lang=\"" + lang.term() + "\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
                + escape(subject) + "</title>\n</head>\n<body>\n"
                + p(text("mail.received", reference)) + p(text("mail.why")) + p(text("mail.action"))
                + "<p><a href=\"" + escape(link) + "\">" + escape(text("mail.link")) + "</a></p>\n"
                + p(text("mail.valid", moments.format(expiresAt))) + p(text("mail.not-you", contact))
                + "<p>" + escape(text("mail.closing")) + "<br>" + escape(organisation) + "</p>\n</body>\n</html>\n";
        return new MailText(subject, text, html);
    }

    /**
     * The page behind a link: the button that confirms (a form that POSTs to the same address; a GET never confirms,
     * as mail scanners open links), the thanks, or why the link no longer works.
     */
    public String page(Page page, String reference) {
        String key = page.name().toLowerCase(Locale.ROOT);
        String title = text("page." + key + ".title", reference);
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(lang.term()).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"robots\" content=\"noindex\">\n<title>").append(escape(title)).append("</title>\n")
                .append("</head>\n<body>\n<main>\n<h1>").append(escape(title)).append("</h1>\n")
                .append(p(text("page." + key + ".body", reference)));
        if (page == Page.CONFIRM) {
            b.append("<form method=\"post\"><button type=\"submit\">").append(escape(text("page.confirm.button")))
                    .append("</button></form>\n");
        }
        if (policy.controller() != null) {
            b.append("<p>").append(escape(policy.controller().name())).append("</p>\n");
        }
        return b.append("</main>\n</body>\n</html>\n").toString();
    }

    private String text(String key, Object... args) {
        return new MessageFormat(words.getString(key), words.getLocale()).format(args);
    }

    private static String p(String text) {
        return "<p>" + escape(text) + "</p>\n";
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
