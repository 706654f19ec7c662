package nl.waarborg.policy.lint;

import java.util.List;
import nl.waarborg.policy.Finding;
import nl.waarborg.policy.LoadedPolicy;
import nl.waarborg.policy.Severity;

/** One compliance check over a loaded policy. Every rule id is documented in docs/lint-rules.md. */
public interface LintRule {

    String id();

    Severity severity();

    /** One line for the rule catalogue: what it checks and why (requirement id). */
    String summary();

    void check(LoadedPolicy policy, List<Finding> out);

    default Finding finding(LoadedPolicy p, String path, String message) {
        return new Finding(p.sourceMap().at(path), severity(), id(), message);
    }
}
