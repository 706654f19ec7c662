package nl.waarborg.retention.service;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.waarborg.consent.ConsentRecords;
import nl.waarborg.policy.LinkKind;
import nl.waarborg.systems.LinkedSubjects;
import nl.waarborg.vault.SubjectLinkIndex;
import org.springframework.stereotype.Component;

/**
 * What the vault knows of the subjects behind a system's link values, for the sweep of that system: their holds, and
 * the purposes their consent stands for (a value shared by several subjects counts a consent any of them gave).
 */
@Component
class VaultLinkedSubjects implements LinkedSubjects {

    private final SubjectLinkIndex links;
    private final ConsentRecords consents;

    VaultLinkedSubjects(SubjectLinkIndex links, ConsentRecords consents) {
        this.links = links;
        this.consents = consents;
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
