package nl.waarborg.vault;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.waarborg.access.service.SubjectStates;
import nl.waarborg.database.ChangeNotifications;
import nl.waarborg.vault.crypto.SubjectKeys;
import nl.waarborg.vault.crypto.ValueCipher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Opens subjects' data keys from the key store and keeps the opened ciphers of recently used subjects in
 * memory (unwrapping costs far more than encrypting a value). Bounded: least recently used out first, per
 * stripe. An erased subject's cipher is dropped at once ({@link #forget(UUID)}).
 */
@Component
class SubjectCiphers {

    private static final int STRIPES = 16;

    private final SubjectKeys keys;
    private final SubjectKeyStore store;
    private final List<Map<UUID, ValueCipher>> stripes = new ArrayList<>(STRIPES);

    SubjectCiphers(SubjectKeys keys, SubjectKeyStore store, SubjectStates states, ChangeNotifications notifications,
                   @Value("${waarborg.vault.open-keys:100000}") int capacity) {
        this.keys = keys;
        this.store = store;
        states.onChange(this::forget); // an erasure on another node: drop the opened key here too
        notifications.onReconnect(this::forgetAll); // announcements missed meanwhile may include erasures
        int perStripe = Math.max(1, capacity / STRIPES);
        for (int i = 0; i < STRIPES; i++) {
            stripes.add(new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<UUID, ValueCipher> eldest) {
                    return size() > perStripe;
                }
            });
        }
    }

    /** Creates and stores a data key for each new subject (before the subjects themselves are stored). */
    void createKeys(Collection<UUID> subjects) {
        Map<UUID, byte[]> wrapped = new HashMap<>(subjects.size() * 2);
        for (UUID s : subjects) {
            wrapped.put(s, keys.newWrappedKey(s));
        }
        store.putAll(wrapped);
    }

    /**
     * The ciphers of those subjects that still have a key; a subject missing from the answer was erased (or its
     * key destroyed).
     */
    Map<UUID, ValueCipher> open(Collection<UUID> subjects) {
        Map<UUID, ValueCipher> open = new HashMap<>(subjects.size() * 2);
        List<UUID> missing = new ArrayList<>();
        for (UUID s : subjects) {
            ValueCipher c = cached(s);
            if (c != null) {
                open.put(s, c);
            } else {
                missing.add(s);
            }
        }
        if (!missing.isEmpty()) {
            for (Map.Entry<UUID, byte[]> e : store.getAll(missing).entrySet()) {
                ValueCipher c = keys.open(e.getKey(), e.getValue());
                open.put(e.getKey(), c);
                Map<UUID, ValueCipher> stripe = stripe(e.getKey());
                synchronized (stripe) {
                    stripe.put(e.getKey(), c);
                }
            }
        }
        return open;
    }

    /** The subject's cipher, or null when it has no key. */
    ValueCipher open(UUID subject) {
        return open(List.of(subject)).get(subject);
    }

    /** Destroys the subject's key in the store and drops its cipher here. */
    boolean destroy(UUID subject) {
        forget(subject);
        boolean destroyed = store.destroy(subject);
        forget(subject); // a read that raced the destroy may have put it back
        return destroyed;
    }

    void forget(UUID subject) {
        Map<UUID, ValueCipher> stripe = stripe(subject);
        synchronized (stripe) {
            stripe.remove(subject);
        }
    }

    void forgetAll() {
        for (Map<UUID, ValueCipher> stripe : stripes) {
            synchronized (stripe) {
                stripe.clear();
            }
        }
    }

    private ValueCipher cached(UUID subject) {
        Map<UUID, ValueCipher> stripe = stripe(subject);
        synchronized (stripe) {
            return stripe.get(subject);
        }
    }

    private Map<UUID, ValueCipher> stripe(UUID subject) {
        return stripes.get((subject.hashCode() & 0x7fffffff) % STRIPES);
    }
}
