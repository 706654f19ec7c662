package nl.waarborg.vault.crypto;

import com.google.crypto.tink.Aead;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;

/**
 * Encrypts one subject's personal values. Each ciphertext is bound (as associated data) to the subject, the
 * item and the data category, so a value moved to another subject or another item, or relabelled as another
 * category, fails to decrypt instead of being silently misread.
 */
public final class ValueCipher {

    private final UUID subject;
    private final Aead aead;

    ValueCipher(UUID subject, Aead aead) {
        this.subject = subject;
        this.aead = aead;
    }

    public byte[] encrypt(UUID item, String dataCategory, String value) {
        try {
            return aead.encrypt(value.getBytes(StandardCharsets.UTF_8), context(item, dataCategory));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(UUID item, String dataCategory, byte[] ciphertext) {
        try {
            return new String(aead.decrypt(ciphertext, context(item, dataCategory)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // no value or category in the message: it may end up in a log
            throw new IllegalStateException("item " + item + " of subject " + subject + " does not decrypt as its category", e);
        }
    }

    private byte[] context(UUID item, String dataCategory) {
        byte[] category = dataCategory.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(32 + category.length)
                .putLong(subject.getMostSignificantBits()).putLong(subject.getLeastSignificantBits())
                .putLong(item.getMostSignificantBits()).putLong(item.getLeastSignificantBits())
                .put(category).array();
    }
}
