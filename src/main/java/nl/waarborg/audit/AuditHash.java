package nl.waarborg.audit;

import java.util.Arrays;
import java.util.HexFormat;

/** A SHA-256 value in the audit chain: 32 bytes, written as 64 lower-case hex digits. Immutable. */
public final class AuditHash {

    public static final int LENGTH = 32;

    /** The previous hash of the first event: 32 zero bytes. */
    public static final AuditHash GENESIS = new AuditHash(new byte[LENGTH]);

    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private AuditHash(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A hash from its 32 bytes (copied). */
    public static AuditHash of(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException("a SHA-256 hash has 32 bytes, not "
                    + (bytes == null ? "none" : bytes.length));
        }
        return new AuditHash(bytes.clone());
    }

    /** A hash from 64 hex digits. */
    public static AuditHash ofHex(String hex) {
        if (hex == null || hex.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("a SHA-256 hash is 64 hex digits: " + hex);
        }
        return new AuditHash(HEX.parseHex(hex));
    }

    /** Takes ownership of a fresh array: for the chain's own digests, which nobody else holds. */
    static AuditHash adopt(byte[] bytes) {
        return new AuditHash(bytes);
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    public String hex() {
        return HEX.formatHex(bytes);
    }

    /** The bytes themselves, for hashing and comparing without a copy; callers in this package never write them. */
    byte[] raw() {
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditHash other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
