package nl.waarborg.policy.lint;

import java.util.List;
import nl.waarborg.policy.Connector;
import nl.waarborg.policy.Policy.DataSystem;

/** Issue 15: the systems Waarborg reaches (jdbc, webhook) say how; their mappings fit the policy. */
final class SystemRules {

    private SystemRules() {
    }

    static List<LintRule> all() {
        return List.of(
                Rule.warning("system-unreachable",
                        "A `jdbc` or `webhook` system says how Waarborg reaches it (`jdbc:` or `webhook:`); until it does, "
                                + "retention and requests there are tasks for its owner, as for a `manual` system.",
                        (p, report) -> {
                            for (DataSystem s : p.policy().systems()) {
                                if (s.connector() == Connector.JDBC && s.jdbc() == null) {
                                    report.at("systems." + s.id() + ".connector", "system `" + s.id() + "` is `jdbc` but "
                                            + "has no `jdbc:` mapping, so Waarborg cannot reach it: retention and requests "
                                            + "there become tasks for its owner; add `jdbc: {url, user, password, tables}` "
                                            + "(docs/policy-format.md 4.12) or write `connector: manual`");
                                }
                                if (s.connector() == Connector.WEBHOOK && s.webhook() == null) {
                                    report.at("systems." + s.id() + ".connector", "system `" + s.id() + "` is `webhook` but "
                                            + "has no `webhook: {url, secret}`, so Waarborg cannot call it: retention and "
                                            + "requests there become tasks for its owner; add it or write `connector: manual`");
                                }
                            }
                        }));
    }
}
