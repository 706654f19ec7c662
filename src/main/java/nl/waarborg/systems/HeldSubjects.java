package nl.waarborg.systems;

import java.util.Collection;
import java.util.Set;
import nl.waarborg.policy.LinkKind;

/**
 * Which of a batch of link values (a system's subject column values) belong to a subject under an active hold, whose
 * rows a sweep leaves. Asked once per batch, not per row.
 */
public interface HeldSubjects {

    /** The values among {@code values} (references of {@code scheme}, or identifiers of {@code kind}) that are held. */
    Set<String> held(LinkKind kind, String scheme, Collection<String> values);

    /** Nobody is held: for tests and for a dry run's upper bound. */
    HeldSubjects NONE = (kind, scheme, values) -> Set.of();
}
