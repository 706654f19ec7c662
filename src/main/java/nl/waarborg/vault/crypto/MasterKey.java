package nl.waarborg.vault.crypto;

import com.google.crypto.tink.Aead;

/**
 * The key-encryption key that wraps every subject's data key. A local key file by default
 * ({@link LocalMasterKey}); an external KMS plugs in by implementing this with the KMS's AEAD (Tink's KMS
 * clients return exactly such an {@link Aead}), so the master key never enters this process.
 */
public interface MasterKey {

    /** Encrypts and decrypts key material; never used for personal values directly. */
    Aead aead();

    /** A short, non-secret name of where the key lives, for logs ("file /var/lib/waarborg/master-key.json"). */
    String description();
}
