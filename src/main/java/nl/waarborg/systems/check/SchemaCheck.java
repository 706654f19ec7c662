package nl.waarborg.systems.check;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import nl.waarborg.policy.Finding;
import nl.waarborg.policy.LinkKind;
import nl.waarborg.policy.LoadedPolicy;
import nl.waarborg.policy.Policy.DataCategory;
import nl.waarborg.policy.Policy.DataSystem;
import nl.waarborg.policy.Policy.MappedTable;
import nl.waarborg.policy.Severity;

/**
 * A jdbc system's mapping against its live schema (docs/systems.md, "Checking a mapping"): what the mapping names
 * exists and can hold what it says, the key is the table's primary key, lookups by subject have an index, and the
 * database holds no personal data the mapping misses (a table pointing at a mapped one, a column whose name looks
 * personal). Findings are reported where the mapping says it in the policy file, in lint's format. Reads only the
 * database's catalogue ({@code DatabaseMetaData}), never a row.
 */
public final class SchemaCheck {

    public static final String TABLE_MISSING = "schema-table-missing";
    public static final String COLUMN_MISSING = "schema-column-missing";
    public static final String TYPE_MISMATCH = "schema-type-mismatch";
    public static final String KEY_NOT_PRIMARY = "schema-key-not-primary";
    public static final String LINK_UNINDEXED = "schema-link-unindexed";
    public static final String UNMAPPED_REFERENCE = "schema-unmapped-reference";
    public static final String COLUMN_UNMAPPED = "schema-column-unmapped";

    /** Every finding id, for documentation checks. */
    public static final List<String> RULES = List.of(TABLE_MISSING, COLUMN_MISSING, TYPE_MISMATCH, KEY_NOT_PRIMARY,
            LINK_UNINDEXED, UNMAPPED_REFERENCE, COLUMN_UNMAPPED);

    /**
     * Parts of a column name that suggest personal data: whole words (split at {@code _}, digits and lower-to-upper
     * case changes), or, for the longer ones, part of a word ({@code emailaddress}, {@code telephone}).
     */
    private static final Set<String> PERSONAL_WORDS = Set.of("email", "mail", "phone", "tel", "iban", "bsn", "birth",
            "dob", "name", "address", "ip", "firstname", "lastname", "surname", "fullname", "mobile", "postcode", "zip");
    private static final List<String> PERSONAL_PARTS = List.of("email", "phone", "iban", "birth", "address");
    private static final Pattern WORD_BREAK = Pattern.compile("[^A-Za-z]+|(?<=[a-z])(?=[A-Z])");

    private final LoadedPolicy policy;

    public SchemaCheck(LoadedPolicy policy) {
        this.policy = policy;
    }

    /** The findings of {@code system}'s mapping against the database {@code connection} is open on, by position. */
    public List<Finding> check(DataSystem system, Connection connection) throws SQLException {
        LiveSchema schema = LiveSchema.of(connection);
        List<Finding> out = new ArrayList<>();
        for (MappedTable t : system.jdbc().tables()) {
            checkTable(system, t, schema, out);
        }
        out.sort(Comparator.comparingInt((Finding f) -> f.at().line()).thenComparingInt(f -> f.at().column()));
        return out;
    }

    private void checkTable(DataSystem s, MappedTable t, LiveSchema schema, List<Finding> out) throws SQLException {
        String path = "systems." + s.id() + ".jdbc.tables." + t.table();
        Optional<LiveSchema.Table> found = schema.table(t.table());
        if (found.isEmpty()) {
            List<String> other = schema.sameNameOtherCase(t.table());
            add(out, Severity.ERROR, TABLE_MISSING, path, "system `" + s.id() + "` has no table `" + t.table() + "`"
                    + (other.isEmpty() ? "" : " (it has `" + String.join("`, `", other) + "`: names are compared exactly)")
                    + ": the sweep and requests would fail there; correct `table:` or create the table");
            return;
        }
        LiveSchema.Table live = found.get();
        Set<String> named = new LinkedHashSet<>();
        // every column the mapping names, with where it names it and what for
        for (String k : t.key()) {
            exists(out, s, t, live, k, path + ".key", "its key", named);
        }
        if (t.subject() != null && t.subject().column() != null) {
            if (exists(out, s, t, live, t.subject().column(), path + ".subject.column", "its subject link", named)
                    && t.subject().kind() != LinkKind.REFERENCE) {
                SqlType type = live.columns().get(t.subject().column()).type();
                if (type != SqlType.TEXT && type != SqlType.OTHER) {
                    add(out, Severity.ERROR, TYPE_MISMATCH, path + ".subject.column", "column `" + t.table() + "."
                            + t.subject().column() + "` links rows by " + t.subject().kind().term() + " but is of type "
                            + live.columns().get(t.subject().column()).typeName() + ", which cannot hold one; use a text column");
                }
            }
        }
        if (t.parent() != null) {
            for (String c : t.parent().columns()) {
                exists(out, s, t, live, c, path + ".parent.columns", "its foreign key to `" + t.parent().table() + "`", named);
            }
        }
        for (Map.Entry<String, String> c : t.columns().entrySet()) {
            if (exists(out, s, t, live, c.getKey(), path + ".columns." + c.getKey(), "its columns", named)) {
                categoryFits(out, t, live.columns().get(c.getKey()), c.getValue(), path + ".columns." + c.getKey());
            }
        }
        if (t.collectedAt() != null && exists(out, s, t, live, t.collectedAt(), path + ".collected-at", "`collected-at`", named)) {
            momentFits(out, t, live.columns().get(t.collectedAt()), "collection", path + ".collected-at");
        }
        for (Map.Entry<String, String> e : t.events().entrySet()) {
            if (exists(out, s, t, live, e.getValue(), path + ".events." + e.getKey(), "event `" + e.getKey() + "`", named)) {
                momentFits(out, t, live.columns().get(e.getValue()), "event `" + e.getKey() + "`", path + ".events." + e.getKey());
            }
        }
        for (Map.Entry<String, String> e : t.itemDates().entrySet()) {
            String at = path + ".item-dates." + e.getKey();
            if (exists(out, s, t, live, e.getValue(), at, "item date `" + e.getKey() + "`", named)) {
                momentFits(out, t, live.columns().get(e.getValue()), "item date `" + e.getKey() + "`", at);
            }
        }
        if (t.subjectCategory() != null) {
            exists(out, s, t, live, t.subjectCategory().column(), path + ".subject-category.column",
                    "its `subject-category`", named);
        }
        primaryKey(out, t, live, path);
        indexes(out, t, live, path);
        incoming(out, s, t, live, path);
        unmappedPersonal(out, t, live, named, path);
    }

    private boolean exists(List<Finding> out, DataSystem s, MappedTable t, LiveSchema.Table live, String column,
                           String path, String role, Set<String> named) {
        named.add(column);
        if (live.columns().containsKey(column)) {
            return true;
        }
        String other = live.columns().keySet().stream().filter(c -> c.equalsIgnoreCase(column)).findFirst().orElse(null);
        add(out, Severity.ERROR, COLUMN_MISSING, path, "table `" + t.table() + "` of system `" + s.id() + "` has no column `"
                + column + "` (named in " + role + ")" + (other == null ? "" : "; it has `" + other + "`: names are compared "
                + "exactly") + ": a sweep or request would fail there at night instead of now; correct the mapping or add "
                + "the column");
        return false;
    }

    /** Retention compares the column with the current moment: only a date or a timestamp can be compared. */
    private void momentFits(List<Finding> out, MappedTable t, LiveSchema.Column c, String what, String path) {
        if (c.type() != SqlType.MOMENT && c.type() != SqlType.OTHER) {
            add(out, Severity.ERROR, TYPE_MISMATCH, path, "column `" + t.table() + "." + c.name() + "` holds the moment of "
                    + what + " that retention counts from, but is of type " + c.typeName() + "; the sweep compares it with "
                    + "the current time, so it must be a date or timestamp column");
        }
    }

    /** The kind a category's values are of, read from the last words of its id and DPV term; null: not judged. */
    enum ValueKind { DATE, TEXT }

    private static final Set<String> DATE_WORDS = Set.of("date", "birthdate", "dob", "birthday");
    private static final Set<String> TEXT_WORDS = Set.of("name", "surname", "address", "email", "mail", "phone",
            "telephone", "iban", "phonenumber", "telephonenumber", "mobilenumber", "emailaddress");

    static ValueKind kindOf(String categoryId, String dpv) {
        for (String written : new String[] {categoryId, dpv}) {
            if (written == null) {
                continue;
            }
            // the DPV term's own name (pd:BirthDate, https://w3id.org/dpv/pd#EmailAddress), else the id itself
            String name = written.substring(Math.max(written.lastIndexOf(':'), written.lastIndexOf('#')) + 1);
            List<String> words = java.util.Arrays.stream(WORD_BREAK.split(name)).filter(w -> !w.isEmpty())
                    .map(w -> w.toLowerCase(Locale.ROOT)).toList();
            if (words.isEmpty() || words.contains("ip") || words.getLast().equals("ipaddress")) {
                continue; // an address of a machine: text, a number or an inet value are all fine
            }
            String last = words.getLast();
            String lastTwo = words.size() > 1 ? words.get(words.size() - 2) + last : last;
            if (DATE_WORDS.contains(last) || DATE_WORDS.contains(lastTwo)) {
                return ValueKind.DATE;
            }
            if (TEXT_WORDS.contains(last) || TEXT_WORDS.contains(lastTwo)) {
                return ValueKind.TEXT;
            }
        }
        return null;
    }

    private void categoryFits(List<Finding> out, MappedTable t, LiveSchema.Column c, String category, String path) {
        if (MappedTable.NOT_PERSONAL.equals(category)) {
            return;
        }
        DataCategory d = policy.policy().dataCategory(category).orElse(null);
        ValueKind kind = kindOf(category, d == null ? null : d.dpv());
        if (kind == null || c.type() == SqlType.OTHER) {
            return;
        }
        boolean fits = switch (kind) {
            case DATE -> c.type() == SqlType.MOMENT || c.type() == SqlType.TEXT;
            case TEXT -> c.type() == SqlType.TEXT;
        };
        if (!fits) {
            add(out, Severity.ERROR, TYPE_MISMATCH, path, "column `" + t.table() + "." + c.name() + "` is mapped to `"
                    + category + "`, " + (kind == ValueKind.DATE ? "a date" : "text (a name, an address, an e-mail address, "
                    + "a phone number or an account number)") + ", but is of type " + c.typeName() + ", which cannot hold "
                    + "it: the mapping names the wrong column or the wrong category");
        }
    }

    private void primaryKey(List<Finding> out, MappedTable t, LiveSchema.Table live, String path) {
        if (live.primaryKey().isEmpty()) {
            add(out, Severity.ERROR, KEY_NOT_PRIMARY, path + ".key", "table `" + t.table() + "` has no primary key: a row "
                    + "cannot be named unambiguously, so the sweep cannot go through it in batches nor prove which rows it "
                    + "erased; give the table a primary key and name it in `key:`");
        } else if (!new LinkedHashSet<>(live.primaryKey()).equals(new LinkedHashSet<>(t.key()))) {
            add(out, Severity.ERROR, KEY_NOT_PRIMARY, path + ".key", "`key: [" + String.join(", ", t.key()) + "]` is not the "
                    + "primary key of table `" + t.table() + "`, which is [" + String.join(", ", live.primaryKey()) + "]: "
                    + "rows with the same key would be erased or proven together; write `key: ["
                    + String.join(", ", live.primaryKey()) + "]`");
        }
    }

    private void indexes(List<Finding> out, MappedTable t, LiveSchema.Table live, String path) {
        if (t.subject() != null && live.columns().containsKey(t.subject().column())
                && !live.indexed(List.of(t.subject().column()))) {
            add(out, Severity.WARNING, LINK_UNINDEXED, path + ".subject.column", "column `" + t.table() + "."
                    + t.subject().column() + "` finds a subject's rows but no index starts with it: every access, "
                    + "erasure or rectification request reads the whole table; create an index on it");
        }
        if (t.parent() != null && t.parent().columns().stream().allMatch(live.columns()::containsKey)
                && !live.indexed(t.parent().columns())) {
            add(out, Severity.WARNING, LINK_UNINDEXED, path + ".parent.columns", "the foreign key ("
                    + String.join(", ", t.parent().columns()) + ") of table `" + t.table() + "` finds a subject's rows "
                    + "through `" + t.parent().table() + "` but no index starts with it: every request and every sweep "
                    + "of the parent reads the whole table; create an index on it");
        }
    }

    private void incoming(List<Finding> out, DataSystem s, MappedTable t, LiveSchema.Table live, String path) {
        Set<String> reported = new LinkedHashSet<>();
        for (LiveSchema.IncomingKey k : live.incoming()) {
            if (s.jdbc().table(k.table()).isPresent() || !reported.add(k.table())) {
                continue;
            }
            add(out, Severity.WARNING, UNMAPPED_REFERENCE, path, "table `" + k.table() + "` points at `" + t.table()
                    + "` (" + String.join(", ", k.columns()) + ") but is not mapped: its rows belong to the same subjects, "
                    + "so personal data there is reachable but neither swept, exported nor erased (Art. 5(1)(e), 15, 17); "
                    + "map it with `parent: {table: " + t.table() + ", columns: [" + String.join(", ", k.columns())
                    + "]}`, or with its columns `not-personal` if it holds nothing personal"
                    + (t.erase() == nl.waarborg.policy.TableErase.DELETE ? " (a delete of `" + t.table() + "` would also "
                    + "fail on its rows)" : ""));
        }
    }

    private void unmappedPersonal(List<Finding> out, MappedTable t, LiveSchema.Table live, Set<String> named, String path) {
        for (String c : live.columns().keySet()) {
            if (named.contains(c) || !looksPersonal(c)) {
                continue;
            }
            add(out, Severity.WARNING, COLUMN_UNMAPPED, path + ".columns", "column `" + t.table() + "." + c + "` is not "
                    + "mapped but its name looks personal: if it holds personal data, retention and requests pass it by "
                    + "(Art. 5(1)(e), 15, 17); map it to its data category, or to `not-personal` if it is not");
        }
    }

    static boolean looksPersonal(String column) {
        for (String word : WORD_BREAK.split(column)) {
            String w = word.toLowerCase(Locale.ROOT);
            if (w.isEmpty()) {
                continue;
            }
            if (PERSONAL_WORDS.contains(w) || PERSONAL_PARTS.stream().anyMatch(w::contains)) {
                return true;
            }
        }
        return false;
    }

    private void add(List<Finding> out, Severity severity, String rule, String path, String message) {
        out.add(new Finding(policy.sourceMap().at(path), severity, rule, message));
    }
}
