package nl.waarborg.pages;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.util.Locale;
import nl.waarborg.documents.Bundle;
import nl.waarborg.policy.Lang;

/**
 * The words of the pages in one language. A key's first segment names its bundle: {@code requests.list.title} is in
 * {@code nl/waarborg/pages/requests_nl.properties}, so each capability keeps its pages' words in a file of its own and
 * a third language is a new file per area. Texts are ICU MessageFormat patterns with named arguments.
 */
public final class Texts {

    private static final String BASE = "nl/waarborg/pages/";

    /** Bundles are immutable once read: one per area and language for the life of the process. */
    private static final LoadingCache<String, Bundle> BUNDLES = Caffeine.newBuilder().maximumSize(200)
            .build(areaAndLang -> {
                int at = areaAndLang.indexOf('|');
                return Bundle.of(BASE + areaAndLang.substring(0, at), Lang.parse(areaAndLang.substring(at + 1)));
            });

    private static final Texts NL = new Texts(Lang.NL);
    private static final Texts EN = new Texts(Lang.EN);

    private final Lang lang;

    private Texts(Lang lang) {
        this.lang = lang;
    }

    public static Texts of(Lang lang) {
        return lang == Lang.EN ? EN : NL;
    }

    public Lang lang() {
        return lang;
    }

    /** The language's code, for {@code <html lang>} and links: nl or en. */
    public String code() {
        return lang.code();
    }

    public Locale locale() {
        return bundle("layout.locale").locale();
    }

    /** The text of {@code key} with named arguments given as name, value, name, value, … */
    public String t(String key, Object... namesAndValues) {
        return bundle(key).text(key, namesAndValues);
    }

    /** Whether {@code key} has a text: for words chosen by a value (a status, a kind) that may have none. */
    public boolean has(String key) {
        return bundle(key).has(key);
    }

    /** The text of {@code key}, or {@code fallback} as it is when there is none. */
    public String tOr(String key, String fallback) {
        Bundle b = bundle(key);
        return b.has(key) ? b.text(key) : fallback;
    }

    private Bundle bundle(String key) {
        int dot = key.indexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException("a page text's key starts with its area, such as 'layout.': " + key);
        }
        return BUNDLES.get(key.substring(0, dot) + "|" + lang.code());
    }
}
