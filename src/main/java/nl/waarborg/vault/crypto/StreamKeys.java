package nl.waarborg.vault.crypto;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;

/**
 * Keys for documents too large to hold in memory (a request's answer may hold a million values): a Tink streaming AEAD
 * (AES-256-GCM-HKDF, 1 MB segments, each authenticated, so memory stays bounded and a changed byte is found), one key
 * per document, stored only wrapped by the master key, as the subjects' data keys are. Deleting the wrapped key makes
 * the document unreadable wherever a copy of it lies.
 */
public final class StreamKeys {

    private final MasterKey master;

    public StreamKeys(MasterKey master) {
        CryptoSetup.ensure();
        this.master = master;
    }

    /** A new random key for document {@code id}, wrapped for storage beside it. */
    public byte[] newWrappedKey(UUID id) {
        try {
            KeysetHandle handle = KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB);
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(handle, master.aead(), context(id));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not create a document key", e);
        }
    }

    /** The cipher of document {@code id}; fails when the wrapped key belongs to another document. */
    public StreamingAead open(UUID id, byte[] wrappedKey) {
        try {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(wrappedKey, master.aead(), context(id))
                    .getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the key of document " + id + " cannot be unwrapped", e);
        }
    }

    /** Wraps a small secret (a download link's token) for document {@code id}, so the database alone does not reveal it. */
    public byte[] wrap(UUID id, byte[] secret) {
        try {
            return master.aead().encrypt(secret, ("waarborg document secret " + id).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not wrap a secret", e);
        }
    }

    public byte[] unwrap(UUID id, byte[] wrapped) {
        try {
            return master.aead().decrypt(wrapped, ("waarborg document secret " + id).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the secret of document " + id + " cannot be unwrapped", e);
        }
    }

    private static byte[] context(UUID id) {
        return ("waarborg document key " + id).getBytes(StandardCharsets.UTF_8);
    }
}
