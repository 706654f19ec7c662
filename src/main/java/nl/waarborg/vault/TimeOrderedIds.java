package nl.waarborg.vault;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUIDs of version 7 (RFC 9562): milliseconds first, then randomness. Ids made one after another sort near
 * each other, so inserting many items touches few index pages instead of a random one per row.
 */
final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {
    }

    static UUID next(long epochMillis) {
        long random = RANDOM.nextLong();
        long msb = (epochMillis << 16) | 0x7000L | ((random >>> 52) & 0x0fffL);
        long lsb = (RANDOM.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
