package nl.waarborg.policy.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.waarborg.policy.Finding;
import nl.waarborg.policy.Position;

/** What binding one file collects: findings, positions, declared ids and references to check at the end. */
final class BindContext {

    private record Reference(String kind, String id, Position at) {}

    private final List<Finding> findings;
    private final Map<String, Position> positions = new HashMap<>();
    private final Map<String, Map<String, Position>> declared = new LinkedHashMap<>();
    private final List<Reference> references = new ArrayList<>();

    BindContext(List<Finding> findings) {
        this.findings = findings;
    }

    void error(Position at, String rule, String message) {
        findings.add(Finding.error(at, rule, message));
    }

    void mark(String path, Position at) {
        positions.putIfAbsent(path, at);
    }

    Map<String, Position> positions() {
        return positions;
    }

    /** Declares an id of a kind; false (and a finding) when it was declared before. */
    boolean declare(String kind, String id, Position at) {
        Map<String, Position> ids = declared.computeIfAbsent(kind, k -> new LinkedHashMap<>());
        Position before = ids.putIfAbsent(id, at);
        if (before != null) {
            error(at, "duplicate-id", "`" + id + "` is declared twice in `" + kind + "` (first at line "
                    + before.line() + "); ids must be unique");
            return false;
        }
        return true;
    }

    void reference(String kind, String id, Position at) {
        references.add(new Reference(kind, id, at));
    }

    void checkReferences() {
        for (Reference r : references) {
            Map<String, Position> ids = declared.getOrDefault(r.kind(), Map.of());
            if (!ids.containsKey(r.id())) {
                Set<String> known = new LinkedHashSet<>(ids.keySet());
                error(r.at(), "undefined-reference", "`" + r.id() + "` is not declared in `" + r.kind() + "`."
                        + Suggestion.hint(r.id(), known)
                        + (known.isEmpty() ? " Declare it under `" + r.kind() + ":`." : ""));
            }
        }
    }
}
