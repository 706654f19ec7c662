package nl.waarborg.policy.lint;

import java.util.List;
import java.util.stream.Stream;

/** Every compliance rule, in the order of docs/lint-rules.md. */
public final class LintRules {

    public static final List<LintRule> ALL = Stream.of(RetentionRules.all(), PurposeRules.all(),
            MarketingRules.all(), SharingRules.all(), RightsRules.all(), UsageRules.all(), StatementRules.all(),
            AccountabilityRules.all(), TransparencyRules.all(), SystemRules.all(), JdbcMappingRules.all()).flatMap(List::stream).toList();

    /** Rule ids of problems found while loading a file, before compliance rules run. */
    public static final List<String> LOADING = List.of("yaml-syntax", "duplicate-key", "unknown-key", "missing-key",
            "wrong-type", "unknown-value", "bad-id", "duplicate-id", "undefined-reference", "secret-in-policy");

    private LintRules() {
    }
}
