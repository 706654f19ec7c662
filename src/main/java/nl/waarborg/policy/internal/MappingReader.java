package nl.waarborg.policy.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import nl.waarborg.policy.Finding;
import nl.waarborg.policy.Position;
import nl.waarborg.policy.PolicyTerm;
import nl.waarborg.policy.RetentionPeriod;
import nl.waarborg.policy.Text;

/**
 * Reads the fields of one YAML mapping, reporting wrong types and missing keys as findings instead of
 * throwing, and, on {@link #done()}, every key that was never asked for (with the nearest known key).
 */
final class MappingReader {

    private final YamlNode.Mapping mapping;
    private final String path;
    private final BindContext ctx;
    private final Set<String> known = new HashSet<>();

    MappingReader(YamlNode.Mapping mapping, String path, BindContext ctx) {
        this.mapping = mapping;
        this.path = path;
        this.ctx = ctx;
        ctx.mark(path, mapping.at());
    }

    String path() {
        return path;
    }

    /** The raw node of a key, recording its position; null when absent (reported if required). */
    YamlNode node(String key, boolean required) {
        known.add(key);
        YamlNode.Entry e = mapping.entries().get(key);
        if (e == null || (e.value() instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.NULL)) {
            if (required) {
                ctx.error(mapping.at(), "missing-key", "`" + (path.isEmpty() ? "" : path + ".") + key
                        + "` is required here; add `" + key + ":`");
            }
            return null;
        }
        ctx.mark(child(key), e.value().at());
        return e.value();
    }

    String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    String str(String key, boolean required) {
        YamlNode n = node(key, required);
        return n == null ? null : scalar(n, key);
    }

    String scalar(YamlNode n, String key) {
        if (n instanceof YamlNode.Scalar s) {
            return s.value();
        }
        ctx.error(n.at(), "wrong-type", "`" + key + "` must be a single value, not " + n.kind());
        return null;
    }

    Text text(String key, boolean required) {
        YamlNode n = node(key, required);
        if (n == null) {
            return required ? Text.EMPTY : null;
        }
        if (n instanceof YamlNode.Scalar s) {
            ctx.error(n.at(), "wrong-type", "`" + key + "` must give the text in both languages, e.g. `"
                    + key + ": {nl: \"" + shorten(s.value()) + "\", en: \"...\"}`");
            return Text.EMPTY;
        }
        if (!(n instanceof YamlNode.Mapping m)) {
            ctx.error(n.at(), "wrong-type", "`" + key + "` must be a mapping with `nl:` and `en:`, not " + n.kind());
            return Text.EMPTY;
        }
        MappingReader r = new MappingReader(m, child(key), ctx);
        Text t = new Text(r.str("nl", false), r.str("en", false));
        r.done();
        if (required && t.absent()) {
            ctx.error(n.at(), "missing-key", "`" + key + "` needs its text: write `nl:` and `en:`");
        }
        return t;
    }

    boolean bool(String key, boolean dflt) {
        YamlNode n = node(key, false);
        if (n == null) {
            return dflt;
        }
        if (n instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.BOOLEAN) {
            return Boolean.parseBoolean(s.value());
        }
        ctx.error(n.at(), "wrong-type", "`" + key + "` must be true or false, not " + n.kind());
        return dflt;
    }

    Integer integer(String key, boolean required) {
        YamlNode n = node(key, required);
        if (n == null) {
            return null;
        }
        if (n instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.INTEGER) {
            try {
                return Integer.parseInt(s.value());
            } catch (NumberFormatException e) {
                // the YAML type says integer, but it is larger than any count or version a policy holds
                ctx.error(n.at(), "wrong-type", "`" + key + "` must be a whole number below " + Integer.MAX_VALUE + ", not `" + s.value() + "`");
                return null;
            }
        }
        ctx.error(n.at(), "wrong-type", "`" + key + "` must be a whole number, not " + n.kind());
        return null;
    }

    LocalDate date(String key, boolean required) {
        YamlNode n = node(key, required);
        if (n == null) {
            return null;
        }
        String v = scalar(n, key);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v.trim());
        } catch (DateTimeParseException e) {
            ctx.error(n.at(), "wrong-type", "`" + key + "` must be a date written as YYYY-MM-DD, not `" + v + "`");
            return null;
        }
    }

    RetentionPeriod period(String key, boolean required) {
        YamlNode n = node(key, required);
        if (n == null) {
            return null;
        }
        String v = scalar(n, key);
        return v == null ? null : RetentionPeriod.parse(v);
    }

    <E extends Enum<E> & PolicyTerm> E term(String key, Class<E> type, boolean required, E dflt) {
        YamlNode n = node(key, required);
        if (n == null) {
            return dflt;
        }
        String v = scalar(n, key);
        return v == null ? dflt : termOf(v, n.at(), key, type, dflt);
    }

    <E extends Enum<E> & PolicyTerm> E termOf(String v, Position at, String key, Class<E> type, E dflt) {
        for (E e : type.getEnumConstants()) {
            if (e.term().equals(v)) {
                return e;
            }
        }
        List<String> words = Arrays.stream(type.getEnumConstants()).map(PolicyTerm::term).toList();
        ctx.error(at, "unknown-value", "`" + v + "` is not a valid `" + key + "`; use one of "
                + String.join(", ", words) + "." + Suggestion.hint(v, words));
        return dflt;
    }

    <E extends Enum<E> & PolicyTerm> List<E> terms(String key, Class<E> type) {
        List<E> out = new ArrayList<>();
        for (YamlNode item : items(key)) {
            String v = scalar(item, key);
            if (v != null) {
                E e = termOf(v, item.at(), key, type, null);
                if (e != null) {
                    out.add(e);
                }
            }
        }
        return List.copyOf(out);
    }

    /** Scalar strings of a list; a single scalar is accepted as a one-item list. */
    List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        for (YamlNode item : items(key)) {
            String v = scalar(item, key);
            if (v != null) {
                out.add(v);
            }
        }
        return List.copyOf(out);
    }

    /** Ids that must be declared in {@code kind} (e.g. "data-categories"); checked once all is read. */
    List<String> refs(String key, String kind) {
        List<String> out = new ArrayList<>();
        for (YamlNode item : items(key)) {
            String v = scalar(item, key);
            if (v != null) {
                ctx.reference(kind, v, item.at());
                out.add(v);
            }
        }
        return List.copyOf(out);
    }

    /** One id that must be declared in {@code kind}; null when absent. */
    String ref(String key, String kind) {
        YamlNode n = node(key, false);
        String v = n == null ? null : scalar(n, key);
        if (v != null) {
            ctx.reference(kind, v, n.at());
        }
        return v;
    }

    List<YamlNode> items(String key) {
        YamlNode n = node(key, false);
        if (n == null) {
            return List.of();
        }
        if (n instanceof YamlNode.Sequence s) {
            return s.items();
        }
        if (n instanceof YamlNode.Scalar) {
            return List.of(n);
        }
        ctx.error(n.at(), "wrong-type", "`" + key + "` must be a list, not " + n.kind());
        return List.of();
    }

    /** The entries of a mapping under {@code key} (a column name to a category, say); empty when absent. */
    List<YamlNode.Entry> entries(String key) {
        YamlNode n = node(key, false);
        if (n == null) {
            return List.of();
        }
        if (n instanceof YamlNode.Mapping m) {
            for (YamlNode.Entry e : m.entries().values()) {
                ctx.mark(child(key) + "." + e.key(), e.keyAt());
            }
            return List.copyOf(m.entries().values());
        }
        ctx.error(n.at(), "wrong-type", "`" + key + "` must be a mapping of keys, not " + n.kind());
        return List.of();
    }

    MappingReader mapping(String key, boolean required) {
        YamlNode n = node(key, required);
        if (n == null) {
            return null;
        }
        if (n instanceof YamlNode.Mapping m) {
            return new MappingReader(m, child(key), ctx);
        }
        ctx.error(n.at(), "wrong-type", "`" + key + "` must be a mapping of keys, not " + n.kind());
        return null;
    }

    /**
     * A list of mappings each with an {@code id}; ids must be unique within the list. Each element's path
     * is {@code key.ID}.
     */
    <T> List<T> elements(String key, String kind, boolean required, Function<MappingReader, T> read) {
        YamlNode n = node(key, required);
        if (n == null) {
            return List.of();
        }
        if (!(n instanceof YamlNode.Sequence seq)) {
            ctx.error(n.at(), "wrong-type", "`" + key + "` must be a list of entries (each starting with `- id:`), not "
                    + n.kind());
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (YamlNode item : seq.items()) {
            if (!(item instanceof YamlNode.Mapping m)) {
                ctx.error(item.at(), "wrong-type", "each entry of `" + key + "` must be a mapping, not " + item.kind());
                continue;
            }
            YamlNode.Entry idEntry = m.entries().get("id");
            String id = idEntry != null && idEntry.value() instanceof YamlNode.Scalar s && s.value() != null
                    ? s.value() : null;
            if (id == null) {
                ctx.error(m.at(), "missing-key", "this entry of `" + key + "` needs an `id:`");
                id = "#" + out.size();
            } else if (!id.matches("[a-z0-9][a-z0-9-]*")) {
                ctx.error(idEntry.value().at(), "bad-id", "id `" + id
                        + "` must be lower-case letters, digits and dashes, e.g. `" + slug(id) + "`");
            }
            if (!ctx.declare(kind, id, idEntry == null ? m.at() : idEntry.value().at())) {
                continue;
            }
            MappingReader r = new MappingReader(m, key + "." + id, ctx);
            r.known.add("id");
            T t = read.apply(r);
            r.done();
            if (t != null) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    /** Reports every key of the mapping that no reader asked for. */
    void done() {
        for (YamlNode.Entry e : mapping.entries().values()) {
            if (!known.contains(e.key())) {
                ctx.error(e.keyAt(), "unknown-key", "`" + e.key() + "` is not a key of "
                        + (path.isEmpty() ? "the policy" : "`" + path + "`") + "." + Suggestion.hint(e.key(), known)
                        + " Known keys: " + String.join(", ", known.stream().sorted().toList()) + ".");
            }
        }
    }

    private static String slug(String s) {
        return s.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() > 30 ? s.substring(0, 30) + "..." : s;
    }
}
