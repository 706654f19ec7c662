package nl.waarborg.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The head of the audit chain at one moment, kept outside the database: event {@code seq} had hash {@code hash}
 * at {@code at}. A later log must still hold that event with that hash, or its tail was removed (the head reset
 * below it) or it was rewritten. One line of the checkpoint file:
 * {@code 2026-12-04T03:00:00Z seq=1234 hash=<64 hex digits>}.
 */
public record Checkpoint(Instant at, long seq, AuditHash hash) {

    public Checkpoint {
        if (seq < 0) {
            throw new IllegalArgumentException("a checkpoint's seq is 0 or more, not " + seq);
        }
    }

    /** The line this checkpoint is written as (no newline). */
    public String line() {
        return at + " seq=" + seq + " hash=" + hash.hex();
    }

    /** Reads one line as {@link #line()} writes it; the message of the exception says what is wrong, never echoes it. */
    public static Checkpoint parse(String line) {
        String[] parts = line.strip().split(" ");
        if (parts.length != 3 || !parts[1].startsWith("seq=") || !parts[2].startsWith("hash=")) {
            throw new IllegalArgumentException("expected 'TIME seq=N hash=HEX'");
        }
        Instant at;
        try {
            at = Instant.parse(parts[0]);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the time is not an ISO-8601 instant");
        }
        long seq;
        try {
            seq = Long.parseLong(parts[1].substring(4));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("seq is not a number");
        }
        AuditHash hash;
        try {
            hash = AuditHash.ofHex(parts[2].substring(5));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("hash is not " + AuditHash.LENGTH + " bytes in hex");
        }
        return new Checkpoint(at, seq, hash);
    }
}
