package nl.waarborg.access;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A capability that records facts decisions depend on (the vault: memberships; consent: consent;
 * access.service.SubjectRestraints: objections, restrictions and holds; retention: retention) and gives them out
 * for one subject when its state is built.
 * Whoever changes such a fact announces it afterwards, so cached states are rebuilt.
 */
@FunctionalInterface
public interface SubjectFactSource {

    /** The subject's current facts; empty for an unknown subject. */
    List<SubjectFact> facts(UUID subject);

    /** The facts of many subjects at once (bulk loading); override with one query where it matters. */
    default Map<UUID, List<SubjectFact>> facts(Collection<UUID> subjects) {
        Map<UUID, List<SubjectFact>> all = new HashMap<>(subjects.size() * 2);
        for (UUID s : subjects) {
            all.put(s, facts(s));
        }
        return all;
    }
}
