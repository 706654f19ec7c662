package nl.waarborg.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.waarborg.BundleAgreement;
import org.junit.jupiter.api.Test;

/**
 * Every page's words and templates, checked at build time rather than when a person opens the page: each area's
 * bundle exists in Dutch and English with the same keys and arguments, every key a template names literally is in
 * both, and no template carries what the content security policy would block (inline script, style or handlers).
 */
class PageTemplatesTest {

    private static final Path BUNDLES = Path.of("src/main/resources/nl/waarborg/pages");
    private static final Path TEMPLATES = Path.of("src/main/jte");
    /** {@code t("area.key"} or {@code t().t("area.key"}: a key written out in a template. */
    private static final Pattern LITERAL_KEY = Pattern.compile("\\.t\\(\"([a-z0-9-]+\\.[A-Za-z0-9.-]+)\"");

    @Test
    void everyAreaHasDutchAndEnglishWithTheSameKeysAndArguments() throws IOException {
        List<String> areas = areas();
        assertThat(areas).contains("layout", "accounts");
        for (String area : areas) {
            Properties nl = BundleAgreement.assertNlAndEnAgreeIcu(PageTemplatesTest.class, "/nl/waarborg/pages/" + area);
            for (String key : nl.stringPropertyNames()) {
                // Texts finds a key's bundle by its first segment
                assertThat(key.equals("locale") || key.startsWith(area + ".")).as(area + ": key " + key).isTrue();
            }
        }
    }

    @Test
    void everyKeyATemplateNamesIsInBothLanguages() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher m = LITERAL_KEY.matcher(Files.readString(template));
            while (m.find()) {
                String key = m.group(1);
                String area = key.substring(0, key.indexOf('.'));
                for (String lang : List.of("nl", "en")) {
                    Path bundle = BUNDLES.resolve(area + "_" + lang + ".properties");
                    if (!Files.exists(bundle) || !BundleAgreement.load(PageTemplatesTest.class,
                            "/nl/waarborg/pages/" + area, lang).containsKey(key)) {
                        missing.add(TEMPLATES.relativize(template) + ": " + key + " (" + lang + ")");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void noTemplateHasInlineScriptStyleOrHandlers() throws IOException {
        for (Path template : templates()) {
            String text = Files.readString(template);
            assertThat(text).as(template.toString())
                    .doesNotContainPattern("<script(?![^>]*\\ssrc=)")
                    .doesNotContainPattern("\\sstyle=")
                    .doesNotContain("<style")
                    .doesNotContainPattern("\\son[a-z]+=")
                    .doesNotContain("javascript:");
        }
    }

    private static List<String> areas() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("_nl.properties"))
                    .map(n -> n.substring(0, n.length() - "_nl.properties".length())).sorted().toList();
        }
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".jte")).sorted().toList();
        }
    }
}
