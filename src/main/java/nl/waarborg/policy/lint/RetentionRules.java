package nl.waarborg.policy.lint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.waarborg.policy.EndAction;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.Policy.Hold;
import nl.waarborg.policy.Policy.Purpose;
import nl.waarborg.policy.Policy.RetentionRule;
import nl.waarborg.policy.RetentionPeriod;
import nl.waarborg.policy.RetentionStart;

/**
 * R2: every collected category has a concrete, valid period; holds extend within a limit; who keeps an
 * anonymised remainder lets subjects refuse it.
 */
final class RetentionRules {

    private RetentionRules() {
    }

    static List<LintRule> all() {
        return List.of(
                Rule.error("retention-missing",
                        "Every data category a purpose collects, for each of its subject categories, is covered by a retention rule, also after the subject converts (R2.1, R2.3).",
                        (p, report) -> {
                            Map<String, List<String>> missing = new LinkedHashMap<>();
                            for (RetentionCoverage.Gap gap : new RetentionCoverage(p.policy()).gaps) {
                                String path = "purposes." + gap.purpose().id() + ".data";
                                if (gap.convertedTo() != null) {
                                    report.at(path, "`" + gap.data() + "` collected for `" + gap.purpose().id() + "` from `"
                                            + gap.subject() + "` has no retention rule once the subject becomes `" + gap.convertedTo()
                                            + "` (the rules that cover it are superseded then); add a rule with `data: [" + gap.data()
                                            + "]` and `subjects: [" + gap.convertedTo() + "]`");
                                } else {
                                    missing.computeIfAbsent(gap.purpose().id() + "\u0000" + gap.data(), k -> new ArrayList<>())
                                            .add(gap.subject());
                                }
                            }
                            missing.forEach((key, subjects) -> {
                                String purpose = key.substring(0, key.indexOf('\u0000'));
                                String data = key.substring(key.indexOf('\u0000') + 1);
                                report.at("purposes." + purpose + ".data", "`" + data + "` is collected for `" + purpose + "`"
                                        + forSubjects(subjects) + " but no retention rule covers it; add a rule under `retention:` with `data: ["
                                        + data + "]` and a concrete `period:` such as P2Y");
                            });
                        }),
                Rule.error("retention-not-concrete",
                        "A retention period is a concrete duration; \"as long as necessary\" is not one (R2.8).",
                        (p, report) -> {
                            for (RetentionRule rule : p.policy().retention()) {
                                RetentionPeriod period = rule.period();
                                if (period != null && period.value() == null && !looksIso(period.raw())) {
                                    report.at("retention." + rule.id() + ".period", "`" + period.raw()
                                            + "` is not a concrete retention period (R2.8); state how long, as ISO-8601 such as P6M or P7Y, counted from `start`");
                                }
                            }
                        }),
                Rule.error("retention-period-invalid",
                        "Every period is a valid, positive ISO-8601 date duration (P7D, P6M, P160W, P7Y); P0D only from "
                                + "a lifecycle event (kept while the contract runs, until it ends).",
                        (p, report) -> {
                            for (RetentionRule rule : p.policy().retention()) {
                                RetentionPeriod period = rule.period();
                                if (period != null && period.isZero()
                                        && rule.start() instanceof RetentionStart.AtCollection) {
                                    report.at("retention." + rule.id() + ".period", "`" + period.raw()
                                            + "` from collection keeps nothing; a zero period only means something from a lifecycle "
                                            + "event (`start: contract-ended`: kept until the contract ends)");
                                } else if (period != null && looksIso(period.raw()) && !period.isConcrete() && !period.isZero()) {
                                    report.at("retention." + rule.id() + ".period", "`" + period.raw()
                                            + "` is not a valid positive ISO-8601 period; write for example P7D, P6M, P160W or P7Y");
                                }
                                for (Hold hold : rule.holds()) {
                                    if (hold.max() != null && !hold.max().isConcrete()) {
                                        report.at("retention." + rule.id() + ".holds", "hold maximum `" + hold.max().raw()
                                                + "` is not a valid positive ISO-8601 period such as P28D");
                                    }
                                }
                            }
                        }),
                Rule.error("retention-hold-shorter",
                        "A hold's maximum extends the period, so it is longer than the period itself (R2.4).",
                        (p, report) -> {
                            for (RetentionRule rule : p.policy().retention()) {
                                for (Hold hold : rule.holds()) {
                                    if (hold.max() != null && hold.max().isConcrete() && rule.period() != null
                                            && rule.period().isConcrete() && !hold.max().exceeds(rule.period().value())) {
                                        report.at("retention." + rule.id() + ".holds", "the " + hold.kind().term()
                                                + " hold's maximum " + hold.max().raw() + " does not extend the period "
                                                + rule.period().raw() + "; give a longer `max:` or drop the hold");
                                    }
                                }
                            }
                        }),
                Rule.error("hold-kind-max-invalid",
                        "A declared hold kind keeps data at most a concrete, positive period (R2.4; Art. 5(1)(e) GDPR).",
                        (p, report) -> {
                            List<Policy.HoldDeclaration> kinds = p.policy().holdKinds();
                            for (int i = 0; i < kinds.size(); i++) {
                                RetentionPeriod max = kinds.get(i).max();
                                if (max != null && !max.isConcrete()) {
                                    report.at("holds." + i + ".max", "the " + kinds.get(i).kind().term() + " hold's maximum `"
                                            + max.raw() + "` is not a concrete positive ISO-8601 period; write for example P28D or P1Y");
                                }
                            }
                        }),
                Rule.error("hold-kind-undeclared",
                        "Where the policy declares its hold kinds (`holds:`), a retention rule extends only for a declared kind (R2.4).",
                        (p, report) -> {
                            if (p.policy().holdKinds().isEmpty()) {
                                return;
                            }
                            for (RetentionRule rule : p.policy().retention()) {
                                for (Hold hold : rule.holds()) {
                                    if (p.policy().holdKind(hold.kind()).isEmpty()) {
                                        report.at("retention." + rule.id() + ".holds", "`" + hold.kind().term()
                                                + "` is not a hold kind declared under the policy's `holds:`; declare it there with its `max:`, or drop it here");
                                    }
                                }
                            }
                        }),
                Rule.error("hold-beyond-declared-max",
                        "A rule's hold keeps data no longer than the maximum declared for its kind (R2.4; Art. 5(1)(e) GDPR).",
                        (p, report) -> {
                            for (RetentionRule rule : p.policy().retention()) {
                                for (Hold hold : rule.holds()) {
                                    Policy.HoldDeclaration d = p.policy().holdKind(hold.kind()).orElse(null);
                                    if (d == null || d.max() == null || !d.max().isConcrete()) {
                                        continue;
                                    }
                                    if (hold.max() == null || (hold.max().isConcrete() && hold.max().exceeds(d.max().value()))) {
                                        report.at("retention." + rule.id() + ".holds", "the " + hold.kind().term() + " hold of `"
                                                + rule.id() + "` keeps data " + (hold.max() == null ? "until it is released"
                                                : "up to " + hold.max().raw()) + ", longer than the " + d.max().raw()
                                                + " declared for the kind under `holds:`; give a `max:` of at most " + d.max().raw());
                                    }
                                }
                            }
                        }),
                Rule.warning("hold-kind-unused",
                        "A declared hold kind extends at least one retention rule; otherwise placing it keeps nothing longer (R2.4).",
                        (p, report) -> {
                            List<Policy.HoldDeclaration> kinds = p.policy().holdKinds();
                            for (int i = 0; i < kinds.size(); i++) {
                                nl.waarborg.policy.HoldKind kind = kinds.get(i).kind();
                                boolean used = p.policy().retention().stream()
                                        .anyMatch(r -> r.holds().stream().anyMatch(h -> h.kind() == kind));
                                if (!used) {
                                    report.at("holds." + i, "hold kind `" + kind.term() + "` is declared but no retention rule "
                                            + "names it under its `holds:`, so placing it keeps nothing longer; add it to the rules it should extend, or remove it");
                                }
                            }
                        }),
                Rule.warning("retention-rule-unused",
                        "A retention rule covers at least one category that some purpose collects.",
                        (p, report) -> {
                            Set<String> used = new RetentionCoverage(p.policy()).usedRules;
                            for (RetentionRule rule : p.policy().retention()) {
                                if (!used.contains(rule.id())) {
                                    report.at("retention." + rule.id(), "rule `" + rule.id()
                                            + "` covers no data that any purpose collects; check its `data`, `subjects` and `purposes`, or remove it");
                                }
                            }
                        }),
                Rule.warning("anonymised-remainder-choice-missing",
                        "A policy that anonymises data at the end of a period lets subjects say in advance that nothing anonymised is kept of them either (R2.5, R2.6).",
                        (p, report) -> {
                            List<String> anonymising = p.policy().retention().stream()
                                    .filter(r -> r.end() == EndAction.ANONYMISE).map(r -> "`" + r.id() + "`").toList();
                            Policy.Rights rights = p.policy().rights();
                            if (!anonymising.isEmpty() && (rights == null || !rights.refuseAnonymisedRemainder())) {
                                // reported where the fix goes: at the key when it says false, else at `rights`
                                report.at("rights.refuse-anonymised-remainder", "retention " + (anonymising.size() == 1 ? "rule " : "rules ")
                                        + String.join(", ", anonymising) + " end in `anonymise`, but subjects are not offered the choice to have "
                                        + "no anonymised remainder kept (R2.6); add `refuse-anonymised-remainder: true` under `rights:`, "
                                        + "or end those rules with `delete`");
                            }
                        }));
    }

    /** The purpose's subject categories, or a single null meaning "any subject". */
    static List<String> subjectsOf(Purpose purpose) {
        if (purpose.subjects().isEmpty()) {
            List<String> any = new ArrayList<>();
            any.add(null);
            return any;
        }
        return purpose.subjects();
    }

    private static String forSubjects(List<String> missing) {
        return missing.size() == 1 && missing.get(0) == null ? ""
                : " from " + String.join(", ", missing.stream().map(s -> "`" + s + "`").toList());
    }

    private static boolean looksIso(String raw) {
        return raw != null && raw.trim().matches("-?P\\S*");
    }
}
