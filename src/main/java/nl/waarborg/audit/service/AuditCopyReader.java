package nl.waarborg.audit.service;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.AuditHash;
import nl.waarborg.audit.Outcome;

/**
 * Reads audit events from PostgreSQL's binary COPY format ({@code COPY (SELECT <the 13 columns> …) TO STDOUT
 * (FORMAT binary)}): one stream, no per-row protocol round, no text parsing of numbers, times or arrays. Several
 * times faster than a ResultSet for reading the whole log (docs/benchmarks.md, audit verification).
 *
 * <p>A row whose content cannot be an event (an unknown outcome word, a field of the wrong size) is reported with
 * its seq as {@link UnreadableRowException}, so verification can name it.
 */
final class AuditCopyReader {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private static final int COLUMNS = 13;
    /** PostgreSQL's epoch (2000-01-01T00:00:00Z) in microseconds after the Unix epoch. */
    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

    private final DataInputStream in;

    AuditCopyReader(InputStream stream) throws IOException {
        this.in = new DataInputStream(stream);
        byte[] signature = new byte[SIGNATURE.length];
        in.readFully(signature);
        if (!Arrays.equals(signature, SIGNATURE)) {
            throw new IOException("not a binary COPY stream");
        }
        in.readInt(); // flags
        in.skipNBytes(in.readInt()); // header extension
    }

    /** A row that is in the log but cannot be an event. */
    static final class UnreadableRowException extends RuntimeException {
        private final long seq;

        UnreadableRowException(long seq, String why) {
            super(why);
            this.seq = seq;
        }

        long seq() {
            return seq;
        }
    }

    /** The next event, or null after the last. */
    AuditEvent next() throws IOException {
        short fields;
        try {
            fields = in.readShort();
        } catch (EOFException e) {
            return null;
        }
        if (fields == -1) {
            return null;
        }
        if (fields != COLUMNS) {
            throw new IOException("expected " + COLUMNS + " columns, got " + fields);
        }
        long seq = int64(-1);
        try {
            Instant occurredAt = timestamp(seq);
            String actor = text();
            String role = text();
            String action = text();
            String purpose = text();
            UUID subject = uuid(seq);
            List<String> categories = texts(seq);
            String outcome = text();
            List<String> reasons = texts(seq);
            Long version = nullableInt64(seq);
            byte[] prev = bytes();
            byte[] hash = bytes();
            if (prev == null || hash == null || prev.length != AuditHash.LENGTH || hash.length != AuditHash.LENGTH) {
                throw new UnreadableRowException(seq, "a hash is not " + AuditHash.LENGTH + " bytes");
            }
            return new AuditEvent(seq, occurredAt, actor, role, action, purpose, subject, categories,
                    Outcome.parse(outcome), reasons, version, AuditHash.of(prev), AuditHash.of(hash));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnreadableRowException(seq, e.getMessage());
        }
    }

    private long int64(long seq) throws IOException {
        int length = in.readInt();
        if (length != 8) {
            throw new UnreadableRowException(seq, "a bigint of " + length + " bytes");
        }
        return in.readLong();
    }

    private Long nullableInt64(long seq) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length != 8) {
            throw new UnreadableRowException(seq, "a bigint of " + length + " bytes");
        }
        return in.readLong();
    }

    private Instant timestamp(long seq) throws IOException {
        int length = in.readInt();
        if (length != 8) {
            throw new UnreadableRowException(seq, "a timestamp of " + length + " bytes");
        }
        long micros = in.readLong() + PG_EPOCH_MICROS;
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    private UUID uuid(long seq) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length != 16) {
            throw new UnreadableRowException(seq, "a uuid of " + length + " bytes");
        }
        return new UUID(in.readLong(), in.readLong());
    }

    private String text() throws IOException {
        byte[] b = bytes();
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    private byte[] bytes() throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        byte[] b = new byte[length];
        in.readFully(b);
        return b;
    }

    // text[] in binary: dimensions, a has-null flag, the element type, per dimension size and lower bound, then the
    // elements, each with its length
    private List<String> texts(long seq) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            throw new UnreadableRowException(seq, "a list is null");
        }
        int dims = in.readInt();
        in.readInt(); // has nulls
        in.readInt(); // element type
        if (dims == 0) {
            return List.of();
        }
        if (dims != 1) {
            throw new UnreadableRowException(seq, "a list of " + dims + " dimensions");
        }
        int size = in.readInt();
        in.readInt(); // lower bound
        List<String> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String s = text();
            if (s == null) {
                throw new UnreadableRowException(seq, "a list holds a null");
            }
            out.add(s);
        }
        return List.copyOf(out);
    }
}
