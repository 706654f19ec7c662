package nl.waarborg.policy.lint;

import java.util.List;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.LoadedPolicy;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.RegistrationKind;
import nl.waarborg.policy.Text;

/** R1.1 and the statement's languages: who we are is complete, and every text exists in every language. */
final class StatementRules {

    private StatementRules() {
    }

    static List<LintRule> all() {
        return List.of(
                Rule.warning("controller-incomplete",
                        "The controller's identity is complete: a registration number (KvK or its country's register) and a privacy phone number besides e-mail (R1.1).",
                        (p, report) -> {
                            Policy.Controller c = p.policy().controller();
                            if (c.registration() == null || c.registration().number() == null
                                    || c.registration().number().isBlank()) {
                                String kind = RegistrationKind.of(c.country()).map(RegistrationKind::term).orElse("other");
                                report.at("controller", "the controller has no registration number; add `registration: "
                                        + "{kind: " + kind + ", number: …}`" + (kind.equals("kvk") ? " (or `kvk:`)" : ""));
                            }
                            if (c.contact() != null && (c.contact().phone() == null || c.contact().phone().isBlank())) {
                                report.at("controller.contact", "the privacy contact has no phone number; add `phone:`");
                            }
                        }),
                Rule.error("controller-country",
                        "The controller's registration, supervisory authority and age of digital consent fit its country (Art. 8(1), 51 and 77 GDPR).",
                        ControllerCountry::check),
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
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                walk(p, item, path + "." + idOf(item, i), report);
            }
        } else if (node instanceof Record r && !(node instanceof nl.waarborg.policy.RetentionPeriod)) {
            for (Component c : COMPONENTS.get(r.getClass())) {
                if (c.mayHoldText()) {
                    Object value = c.value(r);
                    if (value != null) {
                        walk(p, value, path.isEmpty() ? c.key() : path + "." + c.key(), report);
                    }
                }
            }
        }
    }

    /** A record component with its YAML key, looked up once per record class (reflection is slow per call). */
    private record Component(String key, java.lang.reflect.Method accessor, boolean mayHoldText) {
        Object value(Record r) {
            try {
                return accessor.invoke(r);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            return java.util.Arrays.stream(type.getRecordComponents()).map(c -> new Component(kebab(c.getName()),
                    c.getAccessor(), c.getType() == Text.class || c.getType() == List.class || Record.class.isAssignableFrom(c.getType())))
                    .toList();
        }
    };

    private static String idOf(Object item, int index) {
        if (item instanceof Record r) {
            for (Component c : COMPONENTS.get(r.getClass())) {
                if (c.key().equals("id")) {
                    return String.valueOf(c.value(r));
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
