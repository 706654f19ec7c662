package nl.waarborg.policy.lint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.waarborg.policy.EndAction;
import nl.waarborg.policy.LegalBasis;
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
                            Set<String> onConsent = new java.util.HashSet<>();
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
                                    if (gap.onlyOnConsent()) {
                                        onConsent.add(gap.purpose().id() + "\u0000" + gap.data());
                                    }
                                }
                            }
                            missing.forEach((key, subjects) -> {
                                String purpose = key.substring(0, key.indexOf('\u0000'));
                                String data = key.substring(key.indexOf('\u0000') + 1);
                                report.at("purposes." + purpose + ".data", "`" + data + "` is collected for `" + purpose + "`"
                                        + forSubjects(subjects) + " but no retention rule covers it"
                                        + (onConsent.contains(key) ? " once consent is withdrawn (a `while-consent` rule covers it only while "
                                        + "the consent stands)" : "") + "; add a rule under `retention:` with `data: ["
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
                                // rounded forward ("until the end of the year of collection") a zero period does keep
                                if (period != null && period.isZero()
                                        && rule.start() instanceof RetentionStart.AtCollection
                                        && (rule.round() == null || !rule.round().forward())) {
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
                Rule.error("while-consent-not-consent",
                        "A rule that applies while consent stands names a purpose whose legal basis is consent (Art. 6(1)(a), 7(3)).",
                        (p, report) -> {
                            for (RetentionRule rule : p.policy().retention()) {
                                if (rule.consentBound()) {
                                    // an undeclared purpose is reported with a did-you-mean when the policy is loaded
                                    p.policy().purpose(rule.whileConsent()).filter(x -> x.basis() != LegalBasis.CONSENT)
                                            .ifPresent(x -> report.at("retention." + rule.id() + ".while-consent", "`while-consent: "
                                                    + x.id() + "` names a purpose whose legal basis is "
                                                    + (x.basis() == null ? "not declared" : x.basis().term())
                                                    + ", not consent, so there is no consent that could be withdrawn (Art. 7(3)); name a purpose with "
                                                    + "`legal-basis: consent`, or drop `while-consent` if the period applies to everyone"));
                                }
                            }
                        }),
                Rule.error("while-consent-scope",
                        "A rule that applies while consent stands is scoped to exactly that purpose, so that beyond the other periods only "
                                + "that purpose may use the data (Art. 5(1)(b), 5(1)(e), 6(1)(a)).",
                        (p, report) -> {
                            for (RetentionRule rule : p.policy().retention()) {
                                if (rule.consentBound() && !rule.purposes().equals(List.of(rule.whileConsent()))) {
                                    String fix = "write `purposes: [" + rule.whileConsent() + "]`";
                                    report.at("retention." + rule.id() + (rule.purposes().isEmpty() ? ".while-consent" : ".purposes"),
                                            rule.purposes().isEmpty()
                                                    ? "rule `" + rule.id() + "` keeps data longer on consent for `" + rule.whileConsent()
                                                    + "` but names no `purposes`, so every purpose could use the data in that time; " + fix
                                                    : "rule `" + rule.id() + "` keeps data longer on consent for `" + rule.whileConsent()
                                                    + "`, so only that purpose may use it in that time; " + fix);
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
                Rule.error("item-date-not-carried",
                        "A rule that starts at an item date governs only data categories whose items carry that date (item-dates' data-categories); for another category the start would be unknown (R2.1).",
                        (p, report) -> {
                            for (RetentionRule rule : p.policy().retention()) {
                                if (!(rule.start() instanceof RetentionStart.AtItemDate(String date))) {
                                    continue;
                                }
                                Policy.ItemDate declared = p.policy().itemDate(date).orElse(null);
                                if (declared == null) {
                                    continue; // an undeclared id is the loader's undefined-reference
                                }
                                java.util.Set<String> lacking = new java.util.TreeSet<>();
                                for (Purpose q : p.policy().purposes()) {
                                    for (String c : q.data()) {
                                        if (!declared.data().contains(c) && rule.covers(c,
                                                q.subjects().isEmpty() ? null : q.subjects(), List.of(q.id()))) {
                                            lacking.add(c);
                                        }
                                    }
                                }
                                if (!lacking.isEmpty()) {
                                    report.at("retention." + rule.id() + ".start", "rule `" + rule.id() + "` starts at item date `"
                                            + date + "`, but it also governs " + String.join(", ", lacking.stream().map(c -> "`" + c + "`").toList())
                                            + ", whose items do not carry that date; add " + (lacking.size() == 1 ? "it" : "them")
                                            + " to `item-dates." + date + ".data-categories`, or narrow the rule's `data`");
                                }
                            }
                        }),
                Rule.warning("item-date-unused",
                        "An item date the policy declares is one some retention rule starts at; otherwise applications must send a date nothing uses (data minimisation, Art. 5(1)(c)).",
                        (p, report) -> {
                            Set<String> used = new java.util.HashSet<>();
                            p.policy().retention().forEach(r -> {
                                if (r.start() instanceof RetentionStart.AtItemDate(String date)) {
                                    used.add(date);
                                }
                            });
                            for (Policy.ItemDate d : p.policy().itemDates()) {
                                if (!used.contains(d.id())) {
                                    report.at("item-dates." + d.id(), "item date `" + d.id() + "` is one no retention rule starts at, "
                                            + "yet items of " + String.join(", ", d.data().stream().map(c -> "`" + c + "`").toList())
                                            + " must be stored with it; start a rule at it (`start: {item-date: " + d.id()
                                            + "}`) or remove it");
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
