package nl.waarborg.breaches.letters;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import nl.waarborg.documents.Doc;
import nl.waarborg.policy.Lang;

/**
 * The breach documents' words in one language: the bundle {@code breach_nl|en.properties}, moments in the
 * organisation's zone with their UTC offset (so a reader across the change to winter time sees which hour was meant),
 * and approximate counts. Shared by {@link ApNotificationDraft} and {@link AffectedPersonLetter}.
 */
final class BreachWords {

    /** The order the documents name the kinds of breach and the actions in, whatever order the register kept. */
    static final List<String> NATURE_ORDER = List.of("confidentiality", "integrity", "availability");
    static final List<String> ACTION_ORDER = List.of("reading", "copying", "altering", "deleting", "loss", "theft");

    final Lang lang;
    private final ResourceBundle words;
    private final DateTimeFormatter moments;
    private final DateTimeFormatter days;
    private final ZoneId zone;
    private final Locale locale;

    BreachWords(Lang lang, ZoneId zone) {
        this.lang = lang;
        this.zone = zone;
        this.locale = Locale.forLanguageTag(lang.term());
        this.words = ResourceBundle.getBundle("nl.waarborg.breaches.letters.breach", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.moments = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm '(UTC'xxx')'", locale);
        this.days = DateTimeFormatter.ofPattern("d MMMM uuuu", locale);
    }

    String text(String key, Object... args) {
        return new MessageFormat(words.getString(key), locale).format(args);
    }

    /** "23 oktober 2026, 10:00 (UTC+02:00)". */
    String moment(Instant t) {
        return moments.format(t.atZone(zone));
    }

    /** "23 oktober 2026", the day in the organisation's zone. */
    String day(Instant t) {
        return days.format(t.atZone(zone));
    }

    /** An approximate number: unknown, about N, at least N, at most N, between N and M. */
    String count(Long min, Long max) {
        if (min == null && max == null) {
            return text("count.unknown");
        }
        if (max == null) {
            return text("count.at-least", min);
        }
        if (min == null) {
            return text("count.at-most", max);
        }
        return min.equals(max) ? text("count.about", min) : text("count.between", min, max);
    }

    /** Names joined for running text: "a, b en c" / "a, b and c". */
    String join(List<String> names) {
        if (names.isEmpty()) {
            return "";
        }
        if (names.size() == 1) {
            return names.getFirst();
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " " + text("list.and") + " "
                + names.getLast();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static Doc.Para para(String text) {
        return new Doc.Para(Doc.Line.of(text));
    }

    /** A labelled line, as a field of a form: "<b>Label:</b> value". */
    static Doc.Para field(String label, String value) {
        return new Doc.Para(Doc.Line.of(new Doc.Strong(label + ": "), value));
    }

    static Doc.Heading section(String id, String text) {
        return new Doc.Heading(2, id, text);
    }
}
