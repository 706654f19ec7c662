package nl.waarborg.mail;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * The notice to staff of a new task (docs/mail.md), in Dutch and then English in one mail, from the bundles
 * {@code nl/waarborg/mail/tasks_{nl,en}.properties}: what to do (the task's kind), where (the system or recipient, by
 * its name in each language), for which request, by when, and the console's page of the request. No personal value:
 * who it is about is seen in the console, after signing in.
 *
 * @param kind      erase, export, rectify (a manual system's task) or notify (telling a recipient, Art. 19 GDPR)
 * @param places    the system's or recipient's name per language (nl, en)
 * @param reference the request's reference
 * @param due       the day it is due
 * @param link      the console's page of the request
 */
public record TaskNotice(String kind, Map<String, String> places, String reference, LocalDate due, String link) {

    static final String WORDS = "nl/waarborg/mail/tasks";
    static final List<String> LANGUAGES = List.of("nl", "en");

    /** The mail to {@code to}. */
    public Mail mail(String to) {
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>");
        String subject = null;
        for (String lang : LANGUAGES) {
            MailWords w = MailWords.of(WORDS, lang);
            String place = places.getOrDefault(lang, places.values().iterator().next());
            Object[] args = {"kind", kind, "place", place, "reference", reference, "due", w.day(due), "link", link};
            subject = subject == null ? w.text("subject", args) : subject + " / " + w.text("subject", args);
            if (!text.isEmpty()) {
                text.append("\n\n---\n\n");
                html.append("<hr>");
            }
            html.append("<div lang=\"").append(lang).append("\">");
            for (String key : List.of("task", "request", "open", "done")) {
                String line = w.text(key, args);
                text.append(line).append('\n');
                html.append("<p>").append(key.equals("open") ? linked(line, link) : HtmlUtils.htmlEscape(line))
                        .append("</p>");
            }
            html.append("</div>");
        }
        html.append("</body></html>");
        return new Mail(to, subject, text.toString(), html.toString(), String.join(", ", LANGUAGES));
    }

    /** The line with its link clickable. */
    private static String linked(String line, String link) {
        String escaped = HtmlUtils.htmlEscape(link);
        return HtmlUtils.htmlEscape(line).replace(escaped, "<a href=\"" + escaped + "\">" + escaped + "</a>");
    }
}
