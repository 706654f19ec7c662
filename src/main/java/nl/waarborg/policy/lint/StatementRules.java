package nl.waarborg.policy.lint;

import java.lang.reflect.RecordComponent;
import java.util.List;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.LoadedPolicy;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.Text;

/** R1.1 and the statement's languages: who we are is complete, and every text exists in every language. */
final class StatementRules {

    private StatementRules() {
    }

    static List<LintRule> all() {
        return List.of(
                Rule.warning("controller-incomplete",
                        "The controller's identity is complete: KvK number and a privacy phone number besides e-mail (R1.1).",
                        (p, report) -> {
                            Policy.Controller c = p.policy().controller();
                            if (c.kvk() == null || c.kvk().isBlank()) {
                                report.at("controller", "the controller has no Chamber of Commerce number; add `kvk:`");
                            } else if (!c.kvk().matches("[0-9]{8}")) {
                                report.at("controller.kvk", "KvK number `" + c.kvk() + "` is not 8 digits");
                            }
                            if (c.contact() != null && (c.contact().phone() == null || c.contact().phone().isBlank())) {
                                report.at("controller.contact", "the privacy contact has no phone number; add `phone:`");
                            }
                        }),
                Rule.warning("translation-missing",
                        "Every human-readable text is written in each language the statement is published in.",
                        (p, report) -> walk(p, p.policy(), "", report)));
    }

    /** Visits every {@link Text} in the policy, naming list elements by their id as the source map does. */
    private static void walk(LoadedPolicy p, Object node, String path, Rule.Report report) {
        if (node instanceof Text t) {
            if (t.absent()) {
                return; // optional texts left out entirely are not a translation problem
            }
            for (Lang lang : p.policy().statement().languages()) {
                if (!t.has(lang)) {
                    report.at(path, "`" + path + "` has no " + (lang == Lang.NL ? "Dutch" : "English")
                            + " text; add `" + lang.code() + ":`");
                }
            }
        } else if (node instanceof List<?> list) {
            for (Object item : list) {
                walk(p, item, path + "." + idOf(item, list.indexOf(item)), report);
            }
        } else if (node instanceof Record r) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    Object value = c.getAccessor().invoke(r);
                    if (value != null) {
                        walk(p, value, path.isEmpty() ? kebab(c.getName()) : path + "." + kebab(c.getName()), report);
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static String idOf(Object item, int index) {
        if (item instanceof Record r) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                if (c.getName().equals("id")) {
                    try {
                        return String.valueOf(c.getAccessor().invoke(r));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return String.valueOf(index);
    }

    /** Record component names map to the YAML keys (subjectCategories → subject-categories). */
    private static String kebab(String name) {
        return switch (name) {
            case "retention" -> "retention";
            default -> name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
        };
    }
}
