package nl.waarborg.vault.crypto;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Locale;

/**
 * Keyed blind indexes of lookup identifiers (e-mail, phone): a subject can be found by its e-mail address
 * without the address being stored. The HMAC key is kept wrapped by the master key; without it the index
 * values reveal nothing and cannot be brute-forced offline from a database copy alone.
 */
public final class BlindIndex {

    /** The kinds of identifiers, each normalised before hashing so spelling variants find the same subject. */
    public enum Kind {
        EMAIL, PHONE, REFERENCE;

        /**
         * The canonical spelling; a value that is not an identifier of this kind at all (an e-mail address without
         * '@', a "phone number" without digits) is refused, so that such values do not all share one index. Public
         * for the jdbc systems, which find a subject's rows by the same spelling (nl.waarborg.systems.jdbc).
         */
        public String normalise(String value) {
            String v = value.strip();
            return switch (this) {
                case EMAIL -> normaliseEmail(v);
                case PHONE -> normalisePhone(v);
                case REFERENCE -> v;
            };
        }

        private static String normaliseEmail(String v) {
            int at = v.indexOf('@');
            if (at <= 0 || at != v.lastIndexOf('@') || at == v.length() - 1 || v.chars().anyMatch(Character::isWhitespace)) {
                throw new MalformedIdentifierException("not an e-mail address");
            }
            return v.toLowerCase(Locale.ROOT);
        }

        /**
         * Dutch numbers in any common spelling (06-1234 5678, +31 6 12345678, +31 (0)6 1234 5678, 0031612345678)
         * become E.164 (+31612345678); anything that does not is refused.
         */
        private static String normalisePhone(String v) {
            String digits = v.replace("(0)", "").replaceAll("[^0-9+]", "");
            if (digits.startsWith("00")) {
                digits = "+" + digits.substring(2);
            } else if (digits.startsWith("0")) {
                digits = "+31" + digits.substring(1);
            }
            if (!E164.matcher(digits).matches()) {
                throw new MalformedIdentifierException("not a phone number");
            }
            return digits;
        }
    }

    private static final java.util.regex.Pattern E164 = java.util.regex.Pattern.compile("\\+[1-9][0-9]{6,14}");

    private final Mac mac;

    private BlindIndex(Mac mac) {
        this.mac = mac;
    }

    /** Opens the index key stored (wrapped by the master key) in {@code file}, creating it on first use. */
    public static BlindIndex openOrCreate(Path file, MasterKey master) {
        CryptoSetup.ensure();
        byte[] context = "waarborg blind index key".getBytes(StandardCharsets.UTF_8);
        try {
            if (!Files.exists(file)) {
                KeysetHandle created = KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG);
                Files.createDirectories(file.toAbsolutePath().getParent());
                // owner-only from its first byte, like the master key beside it
                Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
                Files.write(file, TinkProtoKeysetFormat.serializeEncryptedKeyset(created, master.aead(), context));
            }
            KeysetHandle handle = TinkProtoKeysetFormat.parseEncryptedKeyset(Files.readAllBytes(file), master.aead(), context);
            return new BlindIndex(handle.getPrimitive(RegistryConfiguration.get(), Mac.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the blind-index key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the blind-index key " + file + " does not open with this master key", e);
        }
    }

    /** The index value of an identifier; equal identifiers (after normalisation) give equal values. */
    public byte[] of(Kind kind, String identifier) {
        try {
            byte[] input = (kind.name() + ":" + kind.normalise(identifier)).getBytes(StandardCharsets.UTF_8);
            return mac.computeMac(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("blind index failed", e);
        }
    }

    /** An identifier that is not what its kind says (an e-mail address without '@'); the message holds no value. */
    public static final class MalformedIdentifierException extends RuntimeException {
        MalformedIdentifierException(String message) {
            super(message);
        }
    }
}
