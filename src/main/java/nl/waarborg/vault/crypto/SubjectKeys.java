package nl.waarborg.vault.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;

/**
 * Per-subject data keys (crypto-shredding): each subject's values are encrypted with its own key, stored
 * only wrapped by the master key. Destroying the wrapped key makes every copy of that subject's values —
 * including those in old backups — unreadable.
 */
public final class SubjectKeys {

    private final MasterKey master;

    public SubjectKeys(MasterKey master) {
        CryptoSetup.ensure();
        this.master = master;
    }

    /** A new random data key for the subject, wrapped for storage beside the subject's row. */
    public byte[] newWrappedKey(UUID subject) {
        try {
            KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(handle, master.aead(), context(subject));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not create a data key", e);
        }
    }

    /** The cipher for one subject's values; fails if the wrapped key belongs to another subject. */
    public ValueCipher open(UUID subject, byte[] wrappedKey) {
        try {
            KeysetHandle handle = TinkProtoKeysetFormat.parseEncryptedKeyset(wrappedKey, master.aead(), context(subject));
            return new ValueCipher(subject, handle.getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (GeneralSecurityException e) {
            throw new KeyUnavailableException(subject, e);
        }
    }

    /** Binds a wrapped key to its subject, so a key row copied to another subject does not open. */
    private static byte[] context(UUID subject) {
        return ("waarborg subject key " + subject).getBytes(StandardCharsets.UTF_8);
    }

    /** The subject's key cannot be unwrapped: it was destroyed, tampered with, or wrapped by another master key. */
    public static final class KeyUnavailableException extends IllegalStateException {
        KeyUnavailableException(UUID subject, Throwable cause) {
            super("the data key of subject " + subject + " cannot be unwrapped", cause);
        }
    }
}
