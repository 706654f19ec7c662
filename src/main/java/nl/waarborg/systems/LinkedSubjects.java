package nl.waarborg.systems;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import nl.waarborg.policy.HoldKind;
import nl.waarborg.policy.LinkKind;

/**
 * What Waarborg knows of the subjects behind a batch of link values (a system's subject column values), for a sweep
 * or an erasure:
 * which are under an active hold, whose rows stay (Art. 17(3)(e), 18), and which purposes their consent stands for,
 * for retention rules that apply only while it does ({@code while-consent}). Asked once per batch, not per row.
 */
public interface LinkedSubjects {

    /** The values among {@code values} (references of {@code scheme}, or identifiers of {@code kind}) that are held. */
    Set<String> held(LinkKind kind, String scheme, Collection<String> values);

    /**
     * Per value among {@code values} that is held, the kinds of its subject's active holds, for an erasure that says
     * on which ground it kept rows ({@code legal-claim}, Art. 17(3)(e), or another hold). An empty set: held, of a kind
     * not told; by default every value {@link #held} names.
     */
    default Map<String, Set<HoldKind>> holds(LinkKind kind, String scheme, Collection<String> values) {
        Map<String, Set<HoldKind>> out = new java.util.HashMap<>();
        held(kind, scheme, values).forEach(v -> out.put(v, Set.of()));
        return out;
    }

    /**
     * Per value among {@code values}, the purposes for which its subject's consent stands at {@code at} (given, not
     * withdrawn, not expired); a value of no subject of Waarborg's, or without consent, is absent.
     */
    default Map<String, Set<String>> consenting(LinkKind kind, String scheme, Collection<String> values, Instant at) {
        return Map.of();
    }

    /**
     * Every subject under an active hold, with its references (a system reached by webhook applies holds itself):
     * Waarborg's id and the references it holds, never an e-mail address or phone number, which it keeps only as a
     * blind index.
     */
    default java.util.List<SubjectLinks> underHold() {
        return java.util.List.of();
    }

    /** Nobody is held and nobody has consented: for tests and for a dry run's upper bound. */
    LinkedSubjects NONE = (kind, scheme, values) -> Set.of();
}
