package nl.waarborg.retention.service;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.waarborg.access.service.SubjectRestraints;
import nl.waarborg.consent.ConsentRecords;
import nl.waarborg.policy.HoldKind;
import nl.waarborg.policy.LinkKind;
import nl.waarborg.systems.LinkedSubjects;
import nl.waarborg.vault.SubjectLinkIndex;
import org.springframework.stereotype.Component;

/**
 * What the vault knows of the subjects behind a system's link values, for the sweep of that system and for an erasure
 * on request: their holds and the holds' kinds, and the purposes their consent stands for (a value shared by several
 * subjects counts a consent any of them gave).
 */
@Component
class VaultLinkedSubjects implements LinkedSubjects {

    private final SubjectLinkIndex links;
    private final ConsentRecords consents;
    private final SubjectRestraints restraints;

    VaultLinkedSubjects(SubjectLinkIndex links, ConsentRecords consents, SubjectRestraints restraints) {
        this.links = links;
        this.consents = consents;
        this.restraints = restraints;
    }

    /**
     * The held values with the kinds of their subjects' active holds, on the whole subject or on any category: a row
     * of an external table holds several categories at once (as {@link SubjectLinkIndex#held}).
     */
    @Override
    public Map<String, Set<HoldKind>> holds(LinkKind kind, String scheme, Collection<String> values) {
        Set<String> held = held(kind, scheme, values);
        if (held.isEmpty()) {
            return Map.of();
        }
        Map<String, Set<UUID>> subjects = links.subjectsOf(kind, scheme, held);
        Set<UUID> all = new HashSet<>();
        subjects.values().forEach(all::addAll);
        Map<UUID, SubjectRestraints.ActiveHolds> active = restraints.activeHolds(all);
        Map<String, Set<HoldKind>> out = new HashMap<>();
        for (String value : held) {
            Set<HoldKind> kinds = java.util.EnumSet.noneOf(HoldKind.class);
            subjects.getOrDefault(value, Set.of()).forEach(id -> {
                SubjectRestraints.ActiveHolds h = active.getOrDefault(id, SubjectRestraints.ActiveHolds.NONE);
                kinds.addAll(h.whole());
                h.byCategory().values().forEach(kinds::addAll);
            });
            out.put(value, kinds);
        }
        return out;
    }

    @Override
    public Set<String> held(LinkKind kind, String scheme, Collection<String> values) {
        return links.held(kind, scheme, values);
    }

    @Override
    public java.util.List<nl.waarborg.systems.SubjectLinks> underHold() {
        return links.underHold().entrySet().stream().map(e -> new nl.waarborg.systems.SubjectLinks(e.getKey(),
                e.getValue().stream().map(r -> new nl.waarborg.systems.SubjectLinks.Link(LinkKind.REFERENCE, r.getKey(),
                        r.getValue())).toList())).toList();
    }

    @Override
    public Map<String, Set<String>> consenting(LinkKind kind, String scheme, Collection<String> values, Instant at) {
        Map<String, Set<UUID>> subjects = links.subjectsOf(kind, scheme, values);
        if (subjects.isEmpty()) {
            return Map.of();
        }
        Set<UUID> all = new HashSet<>();
        subjects.values().forEach(all::addAll);
        Map<UUID, Map<String, Instant>> standing = consents.standing(all, at);
        Map<String, Set<String>> out = new HashMap<>();
        subjects.forEach((value, ids) -> ids.forEach(id -> {
            Map<String, Instant> purposes = standing.get(id);
            if (purposes != null && !purposes.isEmpty()) {
                out.computeIfAbsent(value, v -> new HashSet<>()).addAll(purposes.keySet());
            }
        }));
        return out;
    }
}
