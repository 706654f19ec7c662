package nl.waarborg.policy.lint;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import nl.waarborg.policy.LoadedPolicy;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.Policy.Purpose;
import nl.waarborg.policy.RetentionStart;

/** Declared but never used: a sign of a stale register or a missing link (R1.3, R1.5, R1.7). */
final class UsageRules {

    private UsageRules() {
    }

    static List<LintRule> all() {
        return List.of(
                unused("unused-data-category", "data-categories", "data category", pol -> ids(pol.dataCategories(), Policy.DataCategory::id),
                        pol -> usedBy(pol, Purpose::data), "no purpose lists it under `data:`"),
                unused("unused-subject-category", "subject-categories", "subject category",
                        pol -> ids(pol.subjectCategories(), Policy.SubjectCategory::id), pol -> usedBy(pol, Purpose::subjects),
                        "no purpose lists it under `subjects:`"),
                unused("unused-recipient", "recipients", "recipient", pol -> ids(pol.recipients(), Policy.Recipient::id),
                        pol -> usedBy(pol, Purpose::recipients), "no purpose lists it under `recipients:`"),
                unused("unused-system", "systems", "system", pol -> ids(pol.systems(), Policy.DataSystem::id),
                        pol -> usedBy(pol, Purpose::systems), "no purpose lists it under `systems:`"),
                unused("unused-source", "sources", "source", pol -> ids(pol.sources(), Policy.Source::id),
                        pol -> usedBy(pol, Purpose::sources), "no purpose lists it under `sources:`"),
                unused("unused-role", "roles", "role", pol -> ids(pol.roles(), Policy.Role::id),
                        pol -> usedBy(pol, Purpose::roles), "no purpose grants it under `roles:`"),
                unused("unused-lifecycle-event", "lifecycle-events", "lifecycle event",
                        pol -> ids(pol.lifecycleEvents(), Policy.LifecycleEvent::id), UsageRules::startEvents,
                        "no retention rule starts from it"));
    }

    private static LintRule unused(String id, String section, String noun, Function<Policy, List<String>> declared,
                                   Function<Policy, Set<String>> used, String why) {
        return Rule.warning(id, "Every declared " + noun + " is used; " + why.replace("no ", "some ").replace("it", "each") + ".",
                (LoadedPolicy p, Rule.Report report) -> {
                    Set<String> in = used.apply(p.policy());
                    for (String d : declared.apply(p.policy())) {
                        if (!in.contains(d)) {
                            report.at(section + "." + d, noun + " `" + d + "` is declared but " + why
                                    + "; use it or remove it");
                        }
                    }
                });
    }

    private static <T> List<String> ids(List<T> list, Function<T, String> id) {
        return list.stream().map(id).toList();
    }

    private static Set<String> usedBy(Policy policy, Function<Purpose, Collection<String>> field) {
        Set<String> out = new HashSet<>();
        policy.purposes().forEach(p -> out.addAll(field.apply(p)));
        return out;
    }

    private static Set<String> startEvents(Policy policy) {
        Set<String> out = new HashSet<>();
        for (Policy.RetentionRule r : policy.retention()) {
            if (r.start() instanceof RetentionStart.AfterEvents(List<String> events)) {
                out.addAll(events);
            }
        }
        return out;
    }
}
