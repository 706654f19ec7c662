package nl.waarborg.policy.lint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import nl.waarborg.policy.LinkKind;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.Policy.DataSystem;
import nl.waarborg.policy.Policy.JdbcMapping;
import nl.waarborg.policy.Policy.MappedTable;
import nl.waarborg.policy.Policy.Purpose;
import nl.waarborg.policy.Policy.RetentionRule;
import nl.waarborg.policy.RetentionStart;
import nl.waarborg.policy.TableErase;

/**
 * Issue 15: a {@code jdbc} mapping fits the policy, before any database is asked (the live schema is
 * {@code nl.waarborg.systems.check.SchemaCheck}'s). Each check is a static method over one system, reporting at
 * source-map paths, so that a test can give it a system the loader would never build.
 */
final class JdbcMappingRules {

    private JdbcMappingRules() {
    }

    static List<LintRule> all() {
        return List.of(
                Rule.warning("mapping-category-undeclared",
                        "Every data category a jdbc mapping gives a column is one that a purpose listing that system uses.",
                        (p, report) -> eachMapped(p.policy(), (s, m) -> undeclaredCategories(p.policy(), s, report::at))),
                Rule.error("mapping-retention-start-missing",
                        "Each retention rule covering a mapped column starts at a column the table names: `collected-at` for "
                                + "rules from collection, an `events` column for each lifecycle event a rule starts at.",
                        (p, report) -> eachMapped(p.policy(), (s, m) -> missingStarts(p.policy(), s, report::at))),
                Rule.error("mapping-link-invalid",
                        "A child table's `parent` has as many foreign-key columns as the parent's `key`, parents form no "
                                + "cycle, and a reference link names its scheme.",
                        (p, report) -> eachMapped(p.policy(), (s, m) -> invalidLinks(s, report::at))),
                Rule.error("mapping-subject-category-invalid",
                        "A table's `subject-category` column maps its values to subject categories the table holds (its "
                                + "`subject-categories`), so that each row is swept by the rules of its own category.",
                        (p, report) -> eachMapped(p.policy(), (s, m) -> subjectCategoryOutside(s, report::at))),
                Rule.error("mapping-erase-order",
                        "A table erased by `delete` has no child table that keeps its rows (`nullify` or `anonymise`): the "
                                + "child's rows would still point at the rows to delete.",
                        (p, report) -> eachMapped(p.policy(), (s, m) -> keptChildren(s, report::at))),
                Rule.error("mapping-erase-key-personal",
                        "A table erased by `nullify` or `anonymise` has no key, subject or foreign-key column mapped to a "
                                + "data category: those columns stay, so what they hold would never be erased.",
                        (p, report) -> eachMapped(p.policy(), (s, m) -> personalKeys(s, report::at))));
    }

    private static void eachMapped(Policy policy, BiConsumer<DataSystem, JdbcMapping> check) {
        for (DataSystem s : policy.systems()) {
            if (s.jdbc() != null) {
                check.accept(s, s.jdbc());
            }
        }
    }

    static String tablePath(DataSystem s, MappedTable t) {
        return "systems." + s.id() + ".jdbc.tables." + t.table();
    }

    /** The purposes that list {@code system}: the only ones that may use what it holds. */
    static List<Purpose> purposesOf(Policy policy, String system) {
        return policy.purposes().stream().filter(p -> p.systems().contains(system)).toList();
    }

    /** Art. 5(1)(b), 30(1)(c): a category a system holds that no purpose using it declares is data kept for nothing. */
    static void undeclaredCategories(Policy policy, DataSystem s, BiConsumer<String, String> report) {
        List<Purpose> purposes = purposesOf(policy, s.id());
        Set<String> declared = new HashSet<>();
        purposes.forEach(p -> declared.addAll(p.data()));
        for (MappedTable t : s.jdbc().tables()) {
            for (Map.Entry<String, String> c : t.columns().entrySet()) {
                String category = c.getValue();
                if (MappedTable.NOT_PERSONAL.equals(category) || declared.contains(category)) {
                    continue;
                }
                report.accept(tablePath(s, t) + ".columns." + c.getKey(), "column `" + t.table() + "." + c.getKey()
                        + "` holds `" + category + "`, but no purpose that lists system `" + s.id() + "` uses `" + category
                        + "` (" + (purposes.isEmpty() ? "no purpose lists it" : "purposes: " + String.join(", ",
                        purposes.stream().map(Purpose::id).toList())) + "): that is data in the system for no declared "
                        + "purpose (Art. 5(1)(b), 30(1)(c)); add `" + category + "` to the `data` of the purpose it serves, "
                        + "map the column to the category it is, or remove the data");
            }
        }
    }

    /**
     * The retention rules that decide when a mapped column is due, as the sweep reads them (docs/systems.md, "JDBC"):
     * those that cover its category for the table's subject categories (or, without its own, its nearest parent's;
     * none anywhere: any) and the purposes that list the system.
     */
    static List<RetentionRule> sweptRules(Policy policy, DataSystem s, MappedTable t, String category) {
        List<String> purposes = purposesOf(policy, s.id()).stream().map(Purpose::id).toList();
        List<String> subjects = chain(s.jdbc(), t).stream().map(MappedTable::subjectCategories).filter(l -> !l.isEmpty())
                .findFirst().orElse(null);
        List<RetentionRule> out = new ArrayList<>();
        for (RetentionRule r : policy.retention()) {
            // P0D counts (kept while the contract runs); a period that is not concrete is retention-not-concrete's
            if (r.period() == null || r.period().value() == null || r.period().value().isNegative()) {
                continue;
            }
            if (r.covers(category, subjects, purposes.isEmpty() ? null : purposes)) {
                out.add(r);
            }
        }
        return out;
    }

    /** The table, its parent, and so on up to the table that names the subject (a loop ends the chain). */
    static List<MappedTable> chain(JdbcMapping m, MappedTable t) {
        List<MappedTable> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (MappedTable n = t; n != null && seen.add(n.table()); n = n.parent() == null ? null
                : m.table(n.parent().table()).orElse(null)) {
            out.add(n);
        }
        return out;
    }

    /**
     * Art. 5(1)(e): a rule the sweep cannot count from is a period nobody enforces. A rule from collection counts from
     * the table's own {@code collected-at}; a rule from an event from the table's own column for it or else its
     * nearest parent's (an invoice ends with its customer's contract), as the sweep reads them.
     */
    static void missingStarts(Policy policy, DataSystem s, BiConsumer<String, String> report) {
        for (MappedTable t : s.jdbc().tables()) {
            List<MappedTable> chain = chain(s.jdbc(), t);
            // what is missing -> the rules and categories that need it, so that each gap is one finding
            Map<String, Set<String>> rulesByGap = new LinkedHashMap<>();
            Map<String, Set<String>> categoriesByGap = new LinkedHashMap<>();
            for (String column : t.personalColumns()) {
                String category = t.columns().get(column);
                for (RetentionRule r : sweptRules(policy, s, t, category)) {
                    List<String> gaps = new ArrayList<>();
                    if (r.start() == null || r.start() instanceof RetentionStart.AtCollection) {
                        if (t.collectedAt() == null) {
                            gaps.add("collected-at");
                        }
                    } else if (r.start() instanceof RetentionStart.AfterEvents(List<String> events)) {
                        events.stream().filter(e -> chain.stream().noneMatch(n -> n.events().containsKey(e)))
                                .forEach(e -> gaps.add("events." + e));
                    } else if (r.start() instanceof RetentionStart.AtItemDate(String date)
                            && chain.stream().noneMatch(n -> n.itemDates().containsKey(date))) {
                        gaps.add("item-dates." + date);
                    }
                    for (String gap : gaps) {
                        rulesByGap.computeIfAbsent(gap, g -> new TreeSet<>()).add(r.id());
                        categoriesByGap.computeIfAbsent(gap, g -> new TreeSet<>()).add(category);
                    }
                }
            }
            for (Map.Entry<String, Set<String>> gap : rulesByGap.entrySet()) {
                if (gap.getKey().startsWith("item-dates.")) {
                    String date = gap.getKey().substring("item-dates.".length());
                    String rules = "`" + String.join("`, `", gap.getValue()) + "`";
                    report.accept(tablePath(s, t), "table `" + t.table() + "` holds "
                            + String.join(", ", categoriesByGap.get(gap.getKey())) + ", which retention rule"
                            + plural(gap.getValue()) + " " + rules + " count" + (gap.getValue().size() == 1 ? "s" : "")
                            + " from each item's own date `" + date + "`, but " + (chain.size() > 1 ? "neither the table "
                            + "nor its parents name a column" : "the table names no column") + " holding it, so the sweep "
                            + "cannot tell when its rows are due and would keep them for ever (Art. 5(1)(e)); add "
                            + "`item-dates: {" + date + ": COLUMN}` (a date column of " + (chain.size() == 1 ? "this table"
                            : "this table or a parent") + "; a row whose date is NULL counts from `collected-at`)");
                    continue;
                }
                boolean collection = gap.getKey().equals("collected-at");
                String event = collection ? null : gap.getKey().substring("events.".length());
                String rules = "`" + String.join("`, `", gap.getValue()) + "`";
                String categories = String.join(", ", categoriesByGap.get(gap.getKey()));
                report.accept(collection || t.events().isEmpty() ? tablePath(s, t) : tablePath(s, t) + ".events",
                        "table `" + t.table() + "` holds " + categories + ", which retention rule" + plural(gap.getValue())
                                + " " + rules + " count" + (gap.getValue().size() == 1 ? "s" : "") + " from "
                                + (collection ? "collection" : "lifecycle event `" + event + "`") + ", but "
                                + (collection ? "the table names no column" : chain.size() > 1 ? "neither the table nor its "
                                + "parents name a column" : "the table names no column") + " holding that moment, so the "
                                + "sweep cannot tell when its rows are due and would keep them for ever (Art. 5(1)(e)); add "
                                + (collection ? "`collected-at: COLUMN`" : "`events: {" + event + ": COLUMN}`")
                                + " (a column of " + (collection || chain.size() == 1 ? "this table" : "this table or a parent")
                                + "; NULL while it has not happened)");
            }
        }
    }

    /** Children are erased through their foreign key: one that cannot match the parent's key reaches nothing. */
    static void invalidLinks(DataSystem s, BiConsumer<String, String> report) {
        JdbcMapping m = s.jdbc();
        for (MappedTable t : m.tables()) {
            if (t.subject() != null && t.subject().kind() == LinkKind.REFERENCE
                    && (t.subject().scheme() == null || t.subject().scheme().isBlank())) {
                report.accept(tablePath(s, t) + ".subject", "table `" + t.table() + "` links rows to subjects by a "
                        + "reference but names no scheme, so no request can find them (Art. 15, 17); write "
                        + "`subject: {reference: SCHEME, column: " + t.subject().column() + "}`");
            }
            if (t.parent() == null) {
                continue;
            }
            MappedTable parent = m.table(t.parent().table()).orElse(null);
            if (parent == null) {
                continue; // the loader's undefined-reference
            }
            if (parent.key().size() != t.parent().columns().size()) {
                report.accept(tablePath(s, t) + ".parent.columns", "table `" + t.table() + "` points at `" + parent.table()
                        + "` with " + t.parent().columns().size() + " column" + plural(t.parent().columns()) + " ("
                        + String.join(", ", t.parent().columns()) + "), but its key has " + parent.key().size() + " ("
                        + String.join(", ", parent.key()) + "): the rows of a subject's children cannot be found, so an "
                        + "erasure would leave them (Art. 17); name one foreign-key column per key column, in the key's order");
            }
            if (cycle(m, t)) {
                report.accept(tablePath(s, t) + ".parent", "table `" + t.table() + "` is its own ancestor through "
                        + "`parent`: children are erased before their parents, so no row of the cycle could ever go "
                        + "(Art. 17); the table at the top names its subject with `subject:`");
            }
        }
    }

    private static boolean cycle(JdbcMapping m, MappedTable start) {
        MappedTable t = start;
        for (int i = 0; i < m.tables().size(); i++) {
            if (t.parent() == null) {
                return false;
            }
            t = m.table(t.parent().table()).orElse(null);
            if (t == null) {
                return false;
            }
            if (t.table().equals(start.table())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Art. 5(1)(e): a row whose column names a subject category the table does not hold would be swept by the rules
     * of a category that is not its own.
     */
    static void subjectCategoryOutside(DataSystem s, BiConsumer<String, String> report) {
        for (MappedTable t : s.jdbc().tables()) {
            if (t.subjectCategory() == null || t.subjectCategories().isEmpty()) {
                continue;
            }
            for (Map.Entry<String, String> v : t.subjectCategory().values().entrySet()) {
                if (!t.subjectCategories().contains(v.getValue())) {
                    report.accept(tablePath(s, t) + ".subject-category.values." + v.getKey(), "table `" + t.table()
                            + "` says that a row with `" + t.subjectCategory().column() + "` = `" + v.getKey()
                            + "` is one of `" + v.getValue() + "`, but its `subject-categories` ("
                            + String.join(", ", t.subjectCategories()) + ") do not include `" + v.getValue() + "`, so "
                            + "such rows would be swept by rules that are not theirs (Art. 5(1)(e)); add `" + v.getValue()
                            + "` to `subject-categories` or map the value to a category the table holds");
                }
            }
        }
    }

    /**
     * Art. 17, 5(1)(e): children go before their parents; a child that keeps its rows keeps them pointing at the parent,
     * so the parent's rows could never be deleted (the database refuses, or the sweep waits for ever).
     */
    static void keptChildren(DataSystem s, BiConsumer<String, String> report) {
        for (MappedTable child : s.jdbc().tables()) {
            if (child.parent() == null || child.erase() == TableErase.DELETE) {
                continue;
            }
            MappedTable parent = s.jdbc().table(child.parent().table()).orElse(null);
            if (parent == null || parent.erase() != TableErase.DELETE) {
                continue;
            }
            report.accept(tablePath(s, child) + ".erase", "table `" + child.table() + "` is erased by `"
                    + child.erase().term() + "`, which keeps its rows, but its parent `" + parent.table() + "` is erased by "
                    + "`delete`: the kept rows still point at the parent's, so those could never be deleted and an erasure "
                    + "request would fail (Art. 17, 5(1)(e)); use `erase: delete` for `" + child.table() + "`, or `nullify` "
                    + "or `anonymise` for `" + parent.table() + "`");
        }
    }

    /** Nullify and anonymise keep the row and its key: a key that is itself personal data would survive erasure. */
    static void personalKeys(DataSystem s, BiConsumer<String, String> report) {
        for (MappedTable t : s.jdbc().tables()) {
            if (t.erase() != TableErase.NULLIFY && t.erase() != TableErase.ANONYMISE) {
                continue;
            }
            Map<String, String> kept = new LinkedHashMap<>();
            t.key().forEach(k -> kept.putIfAbsent(k, "key"));
            if (t.subject() != null && t.subject().column() != null) {
                kept.putIfAbsent(t.subject().column(), "subject");
            }
            if (t.parent() != null) {
                t.parent().columns().forEach(c -> kept.putIfAbsent(c, "foreign-key"));
            }
            for (Map.Entry<String, String> k : kept.entrySet()) {
                String category = t.columns().get(k.getKey());
                if (category == null || MappedTable.NOT_PERSONAL.equals(category)) {
                    continue;
                }
                report.accept(tablePath(s, t) + ".columns." + k.getKey(), "table `" + t.table() + "` is erased by `"
                        + t.erase().term() + "`, which keeps each row and its " + k.getValue() + " column `" + k.getKey()
                        + "`, but that column is mapped to `" + category + "`: it cannot be set to NULL or generalised "
                        + "without losing the row, so that " + category + " would never be erased (Art. 5(1)(e), 17); "
                        + "use `erase: delete`, or link rows by a pseudonymous key mapped `not-personal`");
            }
        }
    }

    private static String plural(java.util.Collection<?> c) {
        return c.size() == 1 ? "" : "s";
    }
}
