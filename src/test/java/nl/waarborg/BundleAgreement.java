package nl.waarborg;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessagePattern;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a message bundle's languages against each other: the same keys in every language, and in every text the same
 * placeholders ({@code {0}}, {@code {1,number,integer}}, …), so a translator's slip fails a test, not a letter.
 * {@link #assertNlAndEnAgreeIcu} does the same for bundles written as ICU MessageFormat: named arguments
 * ({@code {controller}}) and the arguments inside plural and select branches, each with its kind.
 */
public final class BundleAgreement {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    private BundleAgreement() {
    }

    /** The bundle {@code base}_{@code lang}.properties beside {@code anchor}, read as UTF-8. */
    public static Properties load(Class<?> anchor, String base, String lang) {
        Properties p = new Properties();
        try (InputStream in = anchor.getResourceAsStream(base + "_" + lang + ".properties")) {
            assertThat(in).as(base + "_" + lang + ".properties").isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Asserts that Dutch and English agree in keys and placeholders; returns the Dutch. */
    public static Properties assertNlAndEnAgree(Class<?> anchor, String base) {
        Properties nl = load(anchor, base, "nl");
        Properties en = load(anchor, base, "en");
        assertThat(nl.stringPropertyNames()).as(base + ": keys").isEqualTo(en.stringPropertyNames());
        for (String key : nl.stringPropertyNames()) {
            assertThat(arguments(nl.getProperty(key))).as(base + ": placeholders of " + key)
                    .isEqualTo(arguments(en.getProperty(key)));
        }
        return nl;
    }

    private static Set<Integer> arguments(String text) {
        Set<Integer> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(text);
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }

    /**
     * Asserts that Dutch and English agree in keys and, text by text, in the ICU arguments they use (name or number,
     * and kind: plain, plural, select, …), wherever they occur, also inside a plural's or select's branches; every
     * text must parse as an ICU pattern. Returns the Dutch.
     */
    public static Properties assertNlAndEnAgreeIcu(Class<?> anchor, String base) {
        Properties nl = load(anchor, base, "nl");
        Properties en = load(anchor, base, "en");
        assertThat(nl.stringPropertyNames()).as(base + ": keys").isEqualTo(en.stringPropertyNames());
        for (String key : nl.stringPropertyNames()) {
            assertThat(icuArguments(base + "_en: " + key, en.getProperty(key))).as(base + ": arguments of " + key)
                    .isEqualTo(icuArguments(base + "_nl: " + key, nl.getProperty(key)));
        }
        return nl;
    }

    /** The arguments of an ICU pattern as "name:KIND" ("controller:NONE", "n:PLURAL", "0:NONE"). */
    static Set<String> icuArguments(String where, String text) {
        MessagePattern pattern;
        try {
            pattern = new MessagePattern(text);
        } catch (IllegalArgumentException e) {
            throw new AssertionError(where + ": not an ICU MessageFormat pattern: " + e.getMessage(), e);
        }
        Set<String> found = new TreeSet<>();
        for (int i = 0; i < pattern.countParts(); i++) {
            MessagePattern.Part part = pattern.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_START) {
                MessagePattern.Part name = pattern.getPart(i + 1);
                found.add(pattern.getSubstring(name) + ":" + part.getArgType());
            }
        }
        return found;
    }
}
