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
 * stripe. An erased subject's cipher is dropped at once ({@link #forget(UUID)}), and a key read from the store
 * before a forget notice came in is not remembered after it: each stripe counts its forgets, and a read remembers
 * what it fetched only if its stripe's count is still the one it saw before asking the store.
 */
@Component
class SubjectCiphers {

    private static final int STRIPES = 16;

    private final SubjectKeys keys;
    private final SubjectKeyStore store;
    private final List<Stripe> stripes = new ArrayList<>(STRIPES);

    /** One stripe of the cache; guarded by itself. {@code forgets} counts the forget notices it has seen. */
    private static final class Stripe {
        final Map<UUID, ValueCipher> ciphers;
        long forgets;

        Stripe(int capacity) {
            ciphers = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<UUID, ValueCipher> eldest) {
                    return size() > capacity;
                }
            };
        }
    }

    SubjectCiphers(SubjectKeys keys, SubjectKeyStore store, SubjectStates states, ChangeNotifications notifications,
                   @Value("${waarborg.vault.open-keys:100000}") int capacity) {
        this.keys = keys;
        this.store = store;
        states.onChange(this::forget); // an erasure on another node: drop the opened key here too
        notifications.onReconnect(this::forgetAll); // announcements missed meanwhile may include erasures
        int perStripe = Math.max(1, capacity / STRIPES);
        for (int i = 0; i < STRIPES; i++) {
            stripes.add(new Stripe(perStripe));
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
        long[] seen = null; // each stripe's forget count when a subject of it was found missing
        for (UUID s : subjects) {
            Stripe stripe = stripe(s);
            synchronized (stripe) {
                ValueCipher c = stripe.ciphers.get(s);
                if (c != null) {
                    open.put(s, c);
                    continue;
                }
                if (seen == null) {
                    seen = new long[STRIPES];
                    java.util.Arrays.fill(seen, -1);
                }
                int i = stripeIndex(s);
                if (seen[i] < 0) {
                    seen[i] = stripe.forgets;
                }
            }
            missing.add(s);
        }
        if (!missing.isEmpty()) {
            for (Map.Entry<UUID, byte[]> e : store.getAll(missing).entrySet()) {
                ValueCipher c = keys.open(e.getKey(), e.getValue());
                open.put(e.getKey(), c); // this call began before any erasure that came in meanwhile
                Stripe stripe = stripe(e.getKey());
                synchronized (stripe) {
                    // a forget notice since the count was read may be this subject's erasure: do not remember it
                    if (stripe.forgets == seen[stripeIndex(e.getKey())]) {
                        stripe.ciphers.put(e.getKey(), c);
                    }
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
        Stripe stripe = stripe(subject);
        synchronized (stripe) {
            stripe.ciphers.remove(subject);
            stripe.forgets++;
        }
    }

    void forgetAll() {
        for (Stripe stripe : stripes) {
            synchronized (stripe) {
                stripe.ciphers.clear();
                stripe.forgets++;
            }
        }
    }

    private Stripe stripe(UUID subject) {
        return stripes.get(stripeIndex(subject));
    }

    private static int stripeIndex(UUID subject) {
        return (subject.hashCode() & 0x7fffffff) % STRIPES;
    }
}
