package nl.waarborg.mail;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words of a mail in one language: the bundle {@code <base>_<lang>.properties} on the class path, read as UTF-8,
 * each text an ICU MessageFormat pattern with named arguments ({@code {reference}}) and select where a word depends on
 * a kind. The words live in the file (a translator edits text, not code); which text applies stays in Java.
 */
public final class MailWords {

    private static final Map<String, Properties> LOADED = new ConcurrentHashMap<>();

    private final String name;
    private final Properties texts;
    private final ULocale locale;
    private final DateTimeFormatter dates;

    private MailWords(String name, Properties texts, String lang) {
        this.name = name;
        this.texts = texts;
        Locale l = Locale.forLanguageTag(lang);
        this.locale = ULocale.forLocale(l);
        this.dates = DateTimeFormatter.ofPattern("d MMMM uuuu", l);
    }

    /** The words of {@code base} (a class-path resource without language and extension) in {@code lang} (nl, en). */
    public static MailWords of(String base, String lang) {
        String name = base + "_" + lang + ".properties";
        return new MailWords(name, LOADED.computeIfAbsent(name, MailWords::load), lang);
    }

    /** The text of {@code key} with named arguments, given as name, value, name, value, … */
    public String text(String key, Object... namesAndValues) {
        String pattern = texts.getProperty(key);
        if (pattern == null) {
            throw new IllegalStateException(name + ": no text for key '" + key + "'");
        }
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            args.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    /** A day as the language writes it: 3 maart 2026, 3 March 2026. */
    public String day(LocalDate day) {
        return dates.format(day);
    }

    private static Properties load(String name) {
        Properties p = new Properties();
        try (InputStream in = MailWords.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("message bundle not found: " + name);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
