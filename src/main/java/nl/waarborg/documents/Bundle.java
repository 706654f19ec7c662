package nl.waarborg.documents;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import nl.waarborg.policy.Lang;

/**
 * One language's message bundle: {@code <base>_<lang>.properties} on the class path, read as UTF-8, each text an ICU
 * MessageFormat pattern. Named arguments ({@code {controller}}) or numbered ones ({@code {0}}); plural and select where
 * a sentence depends on a number or a flag ({@code {n, plural, one {# dag} other {# dagen}}},
 * {@code {dated, select, true {…} other {…}}}). The words live in the file, so a translator or a lawyer edits text,
 * not code; which sentence applies stays in Java. The bundle's locale is its own key {@code locale} (a BCP 47 tag),
 * so plural rules, dates and country names follow the file.
 */
public final class Bundle {

    private final String name;
    private final Properties texts;
    private final Locale locale;
    private final ULocale ulocale;
    /**
     * Parsed patterns, one per key: a MessageFormat is not safe to share between threads, so each use formats with a
     * clone of the parsed one (cheaper than parsing again: measured, docs/benchmarks.md "Statement words in bundles").
     */
    private final com.github.benmanes.caffeine.cache.Cache<String, MessageFormat> parsed =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(2_000).build();

    private Bundle(String name, Properties texts) {
        this.name = name;
        this.texts = texts;
        String tag = texts.getProperty("locale");
        if (tag == null || tag.isBlank()) {
            throw new IllegalStateException(name + ": no key 'locale'");
        }
        this.locale = Locale.forLanguageTag(tag.strip());
        this.ulocale = ULocale.forLocale(locale);
    }

    /** The bundle {@code base}_{@code lang}.properties, {@code base} a class-path resource without extension. */
    public static Bundle of(String base, Lang lang) {
        String name = base + "_" + lang.code() + ".properties";
        Properties p = new Properties();
        try (InputStream in = Bundle.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("message bundle not found: " + name);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Bundle(name, p);
    }

    public Locale locale() {
        return locale;
    }

    public boolean has(String key) {
        return texts.containsKey(key);
    }

    /** The raw pattern of {@code key}; a missing key is a programming error, named in the exception. */
    String pattern(String key) {
        String text = texts.getProperty(key);
        if (text == null) {
            throw new IllegalStateException(name + ": no text for key '" + key + "'");
        }
        return text;
    }

    /** The text of {@code key} with named arguments, given as name, value, name, value, … */
    public String text(String key, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs: " + key);
        }
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            args.put((String) Objects.requireNonNull(namesAndValues[i]), namesAndValues[i + 1]);
        }
        String pattern = pattern(key);
        return plain(pattern) ? pattern : format(key, pattern).format(args);
    }

    /** A text with no argument and no quoting: ICU would give it back as it is. */
    private static boolean plain(String pattern) {
        return pattern.indexOf('{') < 0 && pattern.indexOf('\'') < 0;
    }

    private MessageFormat format(String key, String pattern) {
        return (MessageFormat) parsed.get(key, k -> new MessageFormat(pattern, ulocale)).clone();
    }

    /** The text of {@code key} with numbered arguments {@code {0}}, {@code {1}}, … */
    String numbered(String key, Object... args) {
        String pattern = pattern(key);
        return plain(pattern) ? pattern : format(key, pattern).format(args);
    }

    /** The texts {@code key.1}, {@code key.2}, … in order: a fixed list such as a table's header. */
    List<String> list(String key) {
        List<String> out = new ArrayList<>();
        for (int i = 1; has(key + "." + i); i++) {
            out.add(text(key + "." + i));
        }
        if (out.isEmpty()) {
            throw new IllegalStateException(name + ": no texts for list '" + key + ".1', …");
        }
        return List.copyOf(out);
    }
}
