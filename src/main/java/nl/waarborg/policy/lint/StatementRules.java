package nl.waarborg.policy.lint;

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
                        "The statement gives the identity and contact details Art. 13(1)(a) GDPR asks: the contact e-mail is an e-mail address, and a representative in the Union has contact details (R1.1).",
                        (p, report) -> {
                            Policy.Controller c = p.policy().controller();
                            // name, street, postcode, city and e-mail are required keys; a phone, a web form or a KvK number Art. 13(1)(a) does not ask
                            if (c.contact() != null && c.contact().email() != null && !EMAIL.matcher(c.contact().email().strip()).matches()) {
                                report.at("controller.contact.email", "`" + c.contact().email().strip() + "` is not an e-mail address, "
                                        + "so people cannot use it to reach the controller (Art. 13(1)(a) GDPR); write one such as privacy@example.nl");
                            }
                            Policy.Representative r = c.representative();
                            if (r != null && blank(r.address()) && blank(r.email()) && blank(r.phone())) {
                                report.at("controller.representative", "the representative `" + r.name() + "` has no contact details; "
                                        + "Art. 13(1)(a) GDPR asks them as for the controller: add `address:`, `email:` or `phone:`");
                            }
                        }),
                Rule.error("controller-country",
                        "The controller's registration and supervisory authority fit its country (R1.1; Art. 51 and 77 GDPR).",
                        ControllerCountry::check),
                Rule.warning("translation-missing",
                        "Every human-readable text is written in each language the statement is published in.",
                        (p, report) -> walk(p, p.policy(), "", report)));
    }

    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private static boolean blank(String s) {
        return s == null || s.isBlank();
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
