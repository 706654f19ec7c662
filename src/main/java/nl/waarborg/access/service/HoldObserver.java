package nl.waarborg.access.service;

import java.util.Set;
import java.util.UUID;
import nl.waarborg.policy.HoldKind;

/**
 * Told when a subject's holds change, inside the transaction that changes them (retention moves due dates with
 * it: an incident hold keeps camera footage up to 28 days, its release restores the normal date).
 */
public interface HoldObserver {

    /** The subject's holds changed; {@code active} are the kinds active once the transaction commits. */
    void holdsChanged(UUID subject, Set<HoldKind> active);
}
