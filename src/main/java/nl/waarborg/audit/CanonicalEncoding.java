package nl.waarborg.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The canonical bytes of an event's content: the input of its hash, so they must never change for a
 * given version (docs/audit.md repeats this definition for independent verifiers). Version 1:
 *
 * <pre>
 * content   = u8 1                     the encoding version
 *             i64 seq
 *             i64 occurred_at          microseconds since 1970-01-01T00:00:00Z (what PostgreSQL stores)
 *             str actor
 *             str role
 *             str action
 *             opt(str) purpose
 *             opt(uuid) subject_id     16 bytes, most significant first
 *             list(str) categories     in the order given
 *             str outcome              allowed | denied | failed
 *             list(str) reasons        in the order given
 *             opt(i64) policy_version
 * str       = i32 n, then the n bytes of the text in UTF-8
 * list(x)   = i32 count, then count times x
 * opt(x)    = u8 0 when absent; u8 1, then x
 * integers are big-endian two's complement; nothing separates or ends the fields
 * </pre>
 *
 * Every variable-length part carries its length, so no two different events have the same bytes
 * (["a,b"] and ["a","b"] differ, as do an absent and an empty purpose).
 *
 * <p>One instance encodes event after event into the same growing buffer, so verifying a long chain
 * allocates nothing per event. Not thread-safe.
 */
final class CanonicalEncoding {

    static final byte VERSION = 1;

    private byte[] buf = new byte[512];
    private int len;

    byte[] buffer() {
        return buf;
    }

    int length() {
        return len;
    }

    /** Encodes the content of {@code e} (its seq and fields; not its hashes) into the buffer. */
    void encode(AuditEvent e) {
        encode(e.seq(), e.occurredAt(), e.actor(), e.role(), e.action(), e.purpose(), e.subjectId(), e.categories(),
                e.outcome(), e.reasons(), e.policyVersion());
    }

    void encode(long seq, Instant occurredAt, String actor, String role, String action, String purpose, UUID subjectId,
                List<String> categories, Outcome outcome, List<String> reasons, Long policyVersion) {
        len = 0;
        u8(VERSION);
        i64(seq);
        i64(micros(occurredAt));
        str(actor);
        str(role);
        str(action);
        if (purpose == null) {
            u8(0);
        } else {
            u8(1);
            str(purpose);
        }
        if (subjectId == null) {
            u8(0);
        } else {
            u8(1);
            i64(subjectId.getMostSignificantBits());
            i64(subjectId.getLeastSignificantBits());
        }
        list(categories);
        str(outcome.word());
        list(reasons);
        if (policyVersion == null) {
            u8(0);
        } else {
            u8(1);
            i64(policyVersion);
        }
    }

    /** Whole microseconds, rounded down: PostgreSQL's timestamptz keeps no more. */
    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    private void list(List<String> values) {
        int n = values.size();
        i32(n);
        for (int i = 0; i < n; i++) {
            str(values.get(i));
        }
    }

    private void str(String s) {
        int n = s.length();
        ensure(4 + n);
        int at = len + 4;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                // rare: every field a Draft accepts is ASCII; only a tampered row gets here
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                i32(utf8.length);
                ensure(utf8.length);
                System.arraycopy(utf8, 0, buf, len, utf8.length);
                len += utf8.length;
                return;
            }
            buf[at + i] = (byte) c;
        }
        i32(n);
        len += n;
    }

    private void u8(int v) {
        ensure(1);
        buf[len++] = (byte) v;
    }

    private void i32(int v) {
        ensure(4);
        buf[len] = (byte) (v >>> 24);
        buf[len + 1] = (byte) (v >>> 16);
        buf[len + 2] = (byte) (v >>> 8);
        buf[len + 3] = (byte) v;
        len += 4;
    }

    private void i64(long v) {
        ensure(8);
        for (int shift = 56, i = len; shift >= 0; shift -= 8, i++) {
            buf[i] = (byte) (v >>> shift);
        }
        len += 8;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
