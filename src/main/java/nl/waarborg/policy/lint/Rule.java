package nl.waarborg.policy.lint;

import java.util.List;
import java.util.function.BiConsumer;
import nl.waarborg.policy.Finding;
import nl.waarborg.policy.LoadedPolicy;
import nl.waarborg.policy.Severity;

/** A lint rule written as a function: {@code check} receives the policy and a sink for messages at paths. */
record Rule(String id, Severity severity, String summary, BiConsumer<LoadedPolicy, Report> body) implements LintRule {

    /** Where a rule reports: a message at a source-map path. */
    interface Report {
        void at(String path, String message);
    }

    @Override
    public void check(LoadedPolicy policy, List<Finding> out) {
        body.accept(policy, (path, message) -> out.add(finding(policy, path, message)));
    }

    static Rule error(String id, String summary, BiConsumer<LoadedPolicy, Report> body) {
        return new Rule(id, Severity.ERROR, summary, body);
    }

    static Rule warning(String id, String summary, BiConsumer<LoadedPolicy, Report> body) {
        return new Rule(id, Severity.WARNING, summary, body);
    }
}
