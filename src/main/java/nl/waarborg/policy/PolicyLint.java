package nl.waarborg.policy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.waarborg.policy.lint.LintRule;
import nl.waarborg.policy.lint.LintRules;

/** Checks policies: loading errors first; when the file loads, every compliance rule of {@link LintRules}. */
public final class PolicyLint {

    private PolicyLint() {
    }

    public static List<Finding> lint(Path file) throws IOException {
        return lint(PolicyLoader.load(file));
    }

    public static List<Finding> lint(PolicyLoader.Result loaded) {
        if (!loaded.ok()) {
            return sorted(loaded.findings());
        }
        List<Finding> out = new ArrayList<>(loaded.findings());
        out.addAll(check(loaded.loaded()));
        return sorted(out);
    }

    /** The compliance findings for a policy that loaded. */
    public static List<Finding> check(LoadedPolicy policy) {
        List<Finding> out = new ArrayList<>();
        for (LintRule rule : LintRules.ALL) {
            rule.check(policy, out);
        }
        return out;
    }

    private static List<Finding> sorted(List<Finding> findings) {
        return findings.stream().sorted(Comparator.comparing((Finding f) -> f.at().file())
                .thenComparingInt(f -> f.at().line()).thenComparingInt(f -> f.at().column())
                .thenComparing(Finding::rule)).toList();
    }
}
