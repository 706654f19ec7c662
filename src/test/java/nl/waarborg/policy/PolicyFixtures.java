package nl.waarborg.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The clean test policy, and variations of it with one thing changed. */
final class PolicyFixtures {

    static final Path CLEAN = Path.of("src/test/resources/policies/clean.yaml");

    private PolicyFixtures() {
    }

    static String clean() {
        try {
            return Files.readString(CLEAN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The clean policy with {@code from} replaced by {@code to}; fails if {@code from} is not in it exactly once. */
    /** The clean policy with {@code from} replaced by {@code to}; several edits at once separated by "§" in both. */
    static String cleanWith(String from, String to) {
        String text = clean();
        String[] froms = from.split("§", -1);
        String[] tos = to.split("§", -1);
        if (froms.length != tos.length) {
            throw new IllegalArgumentException("as many replacements as texts to replace: " + from);
        }
        for (int i = 0; i < froms.length; i++) {
            int at = text.indexOf(froms[i]);
            if (at < 0 || text.indexOf(froms[i], at + 1) >= 0) {
                throw new IllegalArgumentException("fixture text must occur exactly once: " + froms[i]);
            }
            text = text.replace(froms[i], tos[i]);
        }
        return text;
    }

    static List<Finding> lint(String yaml) {
        return PolicyLint.lint(PolicyLoader.load("policy.yaml", yaml.getBytes(StandardCharsets.UTF_8)));
    }

    /** "rule@line:col" of each finding, for compact exact assertions. */
    static List<String> where(List<Finding> findings) {
        return findings.stream().map(f -> f.rule() + "@" + f.at().line() + ":" + f.at().column()).toList();
    }

    /** Line number (1-based) of the first line containing {@code text} in {@code yaml}. */
    static int lineOf(String yaml, String text) {
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("not in the policy: " + text);
    }
}
