package nl.waarborg.vault;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Where subjects' wrapped data keys live: never in the database that holds the values they encrypt (see
 * {@link nl.waarborg.database.KeyDatabase}). Destroying a key is what makes a subject's values unreadable
 * everywhere, including in copies of the value database.
 */
public interface SubjectKeyStore {

    /** Stores new keys; a subject that already has one keeps it (the call is idempotent per subject). */
    void putAll(Map<UUID, byte[]> wrappedKeys);

    /** The wrapped keys of those subjects that have one. */
    Map<UUID, byte[]> getAll(Collection<UUID> subjects);

    /** Destroys the subject's key for good; true if there was one. */
    boolean destroy(UUID subject);

    /** Where the keys are, without secrets, for logs and the documentation page. */
    String description();
}
