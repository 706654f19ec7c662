package nl.waarborg.requests;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import nl.waarborg.policy.Lang;

/**
 * The fixed words of the access answer, from {@code nl/waarborg/requests/answer_nl.properties} and
 * {@code answer_en.properties} (as {@link RequestLetters} reads its letters): a lawyer or translator edits a file, not
 * code. {@code AnswerWordsTest} fails when a key is missing in a language or a placeholder differs.
 */
final class AnswerWords {

    private static final AnswerWords NL = new AnswerWords(Lang.NL);
    private static final AnswerWords EN = new AnswerWords(Lang.EN);

    private final ResourceBundle words;

    private AnswerWords(Lang lang) {
        this.words = ResourceBundle.getBundle("nl.waarborg.requests.answer", Locale.forLanguageTag(lang.term()),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static AnswerWords of(Lang lang) {
        return switch (lang) {
            case NL -> NL;
            case EN -> EN;
        };
    }

    String text(String key, Object... args) {
        return new MessageFormat(words.getString(key), words.getLocale()).format(args);
    }
}
