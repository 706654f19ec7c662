package nl.waarborg.documents.web;

import java.util.Locale;
import nl.waarborg.documents.StatementFormat;
import nl.waarborg.input.InvalidInputException;
import nl.waarborg.policy.Lang;

/**
 * The {@code format} and {@code lang} parameters every document endpoint takes (the statement, a request's letters, a
 * breach's documents), read one way: an unknown value is a 400 naming the parameter and the values it takes.
 */
public final class DocumentParams {

    private DocumentParams() {
    }

    /** A text document's format: md, html or pdf. */
    public static StatementFormat format(String format) {
        return parse(() -> StatementFormat.parse(format));
    }

    /** A format parameter of any kind; the parser's message names the valid values. */
    static <F> F parse(java.util.function.Supplier<F> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("format", e.getMessage());
        }
    }

    /** A language: nl or en; null when not given. */
    public static Lang lang(String lang) {
        if (lang == null) {
            return null;
        }
        try {
            return Lang.parse(lang);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("lang", "lang must be nl or en, not '" + lang.toLowerCase(Locale.ROOT) + "'");
        }
    }
}
