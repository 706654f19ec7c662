package nl.waarborg.policy.lint;

import java.util.ArrayList;
import java.util.List;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.Policy.Hold;
import nl.waarborg.policy.Policy.Purpose;
import nl.waarborg.policy.Policy.RetentionRule;
import nl.waarborg.policy.RetentionPeriod;

/** R2: every collected category has a concrete, valid period; holds extend within a limit. */
final class RetentionRules {

    private RetentionRules() {
    }

    static List<LintRule> all() {
        return List.of(
                Rule.error("retention-missing",
                        "Every data category a purpose collects, for each of its subject categories, is covered by a retention rule, also after the subject converts (R2.1, R2.3).",
                        (p, report) -> {
                            Policy policy = p.policy();
                            for (Purpose purpose : policy.purposes()) {
                                for (String data : purpose.data()) {
                                    List<String> missing = new ArrayList<>();
                                    for (String subject : subjectsOf(purpose)) {
                                        List<RetentionRule> covering = policy.retention().stream()
                                                .filter(r -> r.covers(data, subject, purpose.id())).toList();
                                        if (covering.isEmpty()) {
                                            missing.add(subject);
                                            continue;
                                        }
                                        for (String convertedTo : convertedCategories(covering)) {
                                            if (policy.retention().stream().noneMatch(r -> governsAfterConversion(r, data, subject,
                                                    convertedTo, purpose.id()))) {
                                                report.at("purposes." + purpose.id() + ".data", "`" + data + "` collected for `"
                                                        + purpose.id() + "` from `" + subject + "` has no retention rule once the subject becomes `"
                                                        + convertedTo + "` (the rules that cover it are superseded then); add a rule with `data: ["
                                                        + data + "]` and `subjects: [" + convertedTo + "]`");
                                            }
                                        }
                                    }
                                    if (!missing.isEmpty()) {
                                        report.at("purposes." + purpose.id() + ".data", "`" + data + "` is collected for `"
                                                + purpose.id() + "`" + forSubjects(missing, purpose)
                                                + " but no retention rule covers it; add a rule under `retention:` with `data: ["
                                                + data + "]` and a concrete `period:` such as P2Y");
                                    }
                                }
                            }
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
                        "Every period is a valid, positive ISO-8601 date duration (P7D, P6M, P160W, P7Y).",
                        (p, report) -> {
                            for (RetentionRule rule : p.policy().retention()) {
                                RetentionPeriod period = rule.period();
                                if (period != null && looksIso(period.raw()) && !period.isConcrete()) {
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
                Rule.warning("retention-rule-unused",
                        "A retention rule covers at least one category that some purpose collects.",
                        (p, report) -> {
                            Policy policy = p.policy();
                            for (RetentionRule rule : policy.retention()) {
                                boolean used = policy.purposes().stream().anyMatch(purpose -> purpose.data().stream()
                                        .anyMatch(d -> subjectsOf(purpose).stream().anyMatch(s -> rule.covers(d, s, purpose.id())
                                                || governsAConvertedSubject(policy, rule, d, s, purpose.id()))));
                                if (!used) {
                                    report.at("retention." + rule.id(), "rule `" + rule.id()
                                            + "` covers no data that any purpose collects; check its `data`, `subjects` and `purposes`, or remove it");
                                }
                            }
                        }));
    }

    /** Whether the rule takes over data of {@code from} once another rule that covered it is superseded. */
    private static boolean governsAConvertedSubject(Policy policy, RetentionRule rule, String data, String from, String purpose) {
        List<RetentionRule> covering = policy.retention().stream().filter(r -> r.covers(data, from, purpose)).toList();
        return convertedCategories(covering).stream().anyMatch(to -> governsAfterConversion(rule, data, from, to, purpose));
    }

    private static List<String> convertedCategories(List<RetentionRule> covering) {
        return covering.stream().flatMap(r -> r.supersededBy().stream()).distinct().toList();
    }

    /** Whether {@code rule} governs the data once a subject of {@code from} has also joined {@code to}. */
    private static boolean governsAfterConversion(RetentionRule rule, String data, String from, String to, String purpose) {
        boolean scope = (rule.data().isEmpty() || rule.data().contains(data))
                && (rule.purposes().isEmpty() || rule.purposes().contains(purpose))
                && (rule.subjects().isEmpty() || from == null || rule.subjects().contains(from) || rule.subjects().contains(to));
        return scope && !rule.supersededBy().contains(to) && (from == null || !rule.supersededBy().contains(from));
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

    private static String forSubjects(List<String> missing, Purpose purpose) {
        return missing.size() == 1 && missing.get(0) == null ? ""
                : " from " + String.join(", ", missing.stream().map(s -> "`" + s + "`").toList());
    }

    private static boolean looksIso(String raw) {
        return raw != null && raw.trim().matches("-?P\\S*");
    }
}
