package nl.waarborg.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core in the real browser: checks the page the browser shows now against WCAG 2.2 AA (and the 2.0/2.1 A and AA
 * rules below it; EN 301 549, the Dutch legal floor, is WCAG 2.1 AA). A page test adds one line after it has opened
 * its page: {@code Axe.assertNoViolations(browser)}.
 *
 * <p>axe (4.10.2) comes from the Maven test dependency {@code com.deque.html.axe-core:selenium}, whose jar carries
 * {@code axe.min.js}: nothing is downloaded at test time. It is injected with Selenium's {@code executeScript}, which
 * the browser runs as the driver's own script, outside the page's content security policy (which allows no inline
 * script); {@code AxeBrowserTest} checks both that axe runs and that the same policy still blocks an inline script.
 */
public final class Axe {

    /** The rule sets run: WCAG 2.0, 2.1 and 2.2 at levels A and AA (axe tags 2.2's A rules wcag22aa too). */
    public static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private static final String SOURCE = read("/axe.min.js");

    /** One rule broken on the page: the rule's id, its impact (minor … critical), what it asks, and where. */
    public record Violation(String id, String impact, String help, List<String> targets) {
        @Override
        public String toString() {
            return id + " (" + impact + "): " + help + " at " + targets;
        }
    }

    private Axe() {
    }

    /** The violations of the page now shown; an empty list when axe found none. */
    public static List<Violation> violations(WebDriver browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(SOURCE);
        }
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                  .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact || '', help: v.help,
                      targets: v.nodes.map(n => n.target.join(' '))}))))
                  .catch(e => done('axe failed: ' + e));
                """, TAGS);
        if (!(result instanceof List<?> list)) {
            throw new IllegalStateException(String.valueOf(result));
        }
        return list.stream().map(o -> (Map<?, ?>) o).map(v -> new Violation((String) v.get("id"),
                (String) v.get("impact"), (String) v.get("help"),
                ((List<?>) v.get("targets")).stream().map(String::valueOf).toList())).toList();
    }

    /** Fails with every violation of the page now shown, one per line, naming the page. */
    public static void assertNoViolations(WebDriver browser) {
        List<Violation> found = violations(browser);
        if (!found.isEmpty()) {
            throw new AssertionError("axe found " + found.size() + " violation(s) of " + TAGS + " on "
                    + browser.getCurrentUrl() + ":\n" + found.stream().map(Violation::toString)
                    .collect(Collectors.joining("\n")));
        }
    }

    private static String read(String resource) {
        try (InputStream in = Axe.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing: the test dependency com.deque.html.axe-core:selenium carries it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
