package nl.waarborg.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.waarborg.access.service.SubjectStates;
import nl.waarborg.database.ChangeNotifications;
import nl.waarborg.vault.crypto.LocalMasterKey;
import nl.waarborg.vault.crypto.SubjectKeys;
import nl.waarborg.vault.crypto.ValueCipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, section 5: a data key read from the store just before the subject's erasure must not stay in the
 * cache once the forget notice has come in. The interleaving is driven by latches in the key store: the read
 * has fetched the wrapped key, then the key is destroyed and the notice handled, then the read goes on.
 */
class SubjectCiphersRaceTest {

    /** A key store in memory whose first read, once it has the keys, waits until the test lets it go on. */
    private static final class SteppedKeyStore implements SubjectKeyStore {
        final Map<UUID, byte[]> keys = new ConcurrentHashMap<>();
        final CountDownLatch fetched = new CountDownLatch(1);
        final CountDownLatch proceed = new CountDownLatch(1);
        volatile boolean stepping = true;

        @Override
        public void putAll(Map<UUID, byte[]> wrappedKeys) {
            keys.putAll(wrappedKeys);
        }

        @Override
        public Map<UUID, byte[]> getAll(Collection<UUID> subjects) {
            Map<UUID, byte[]> found = new HashMap<>();
            subjects.forEach(s -> {
                byte[] k = keys.get(s);
                if (k != null) {
                    found.put(s, k);
                }
            });
            if (stepping) {
                stepping = false;
                fetched.countDown();
                try {
                    assertThat(proceed.await(30, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return found;
        }

        @Override
        public boolean destroy(UUID subject) {
            return keys.remove(subject) != null;
        }

        @Override
        public String description() {
            return "memory";
        }
    }

    @Test
    void aKeyReadBeforeAnErasureIsNotCachedOnceTheForgetNoticeCameIn(@TempDir Path dir) throws Exception {
        SteppedKeyStore store = new SteppedKeyStore();
        SubjectKeys keys = new SubjectKeys(LocalMasterKey.openOrCreate(dir.resolve("master-key.json")));
        SubjectCiphers ciphers = new SubjectCiphers(keys, store, mock(SubjectStates.class), mock(ChangeNotifications.class), 1000);
        UUID subject = UUID.randomUUID();
        ciphers.createKeys(List.of(subject));

        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Future<ValueCipher> read = reader.submit(() -> ciphers.open(subject));
            assertThat(store.fetched.await(30, TimeUnit.SECONDS)).isTrue();
            // another node erases the subject meanwhile: its key goes, the notice reaches this node
            store.destroy(subject);
            ciphers.forget(subject);
            store.proceed.countDown();
            assertThat(read.get(30, TimeUnit.SECONDS)).as("the read began before the erasure").isNotNull();
        } finally {
            reader.shutdownNow();
        }
        assertThat(ciphers.open(subject)).as("no cipher of an erased subject is left in memory").isNull();
    }

    @Test
    void aKeyReadWithoutAnErasureMeanwhileIsCached(@TempDir Path dir) {
        SteppedKeyStore store = new SteppedKeyStore();
        store.stepping = false;
        SubjectKeys keys = new SubjectKeys(LocalMasterKey.openOrCreate(dir.resolve("master-key.json")));
        SubjectCiphers ciphers = new SubjectCiphers(keys, store, mock(SubjectStates.class), mock(ChangeNotifications.class), 1000);
        UUID subject = UUID.randomUUID();
        ciphers.createKeys(List.of(subject));
        ValueCipher first = ciphers.open(subject);
        store.keys.clear(); // from now on only the cache can answer
        assertThat(ciphers.open(subject)).isSameAs(first);
    }
}
