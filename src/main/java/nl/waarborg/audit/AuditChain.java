package nl.waarborg.audit;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * The hash chain: an event's hash is SHA-256(previous event's hash || canonical content), the first event's
 * previous hash is {@link AuditHash#GENESIS} (32 zero bytes). The content includes the seq, so an event
 * cannot be moved to another place in the chain without its hash changing; the previous hash is part of
 * every hash, so changing, removing or inserting an event breaks every link after it.
 *
 * <p>One instance reuses its digest and buffers across events. Not thread-safe: use one per thread.
 */
public final class AuditChain {

    private final MessageDigest sha256;
    private final CanonicalEncoding encoding = new CanonicalEncoding();
    private final byte[] digest = new byte[AuditHash.LENGTH];

    public AuditChain() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The event {@code draft} becomes at position {@code seq} after the event whose hash is {@code prev}.
     * The time is cut to whole microseconds, as the database stores it, so the hash survives the round trip.
     */
    public AuditEvent seal(AuditEvent.Draft draft, long seq, Instant occurredAt, AuditHash prev) {
        Instant at = occurredAt.truncatedTo(ChronoUnit.MICROS);
        encoding.encode(seq, at, draft.actor(), draft.role(), draft.action(), draft.purpose(), draft.subjectId(),
                draft.categories(), draft.outcome(), draft.reasons(), draft.policyVersion());
        byte[] hash = new byte[AuditHash.LENGTH];
        hashInto(prev, hash);
        return new AuditEvent(seq, at, draft.actor(), draft.role(), draft.action(), draft.purpose(), draft.subjectId(),
                draft.categories(), draft.outcome(), draft.reasons(), draft.policyVersion(), prev, AuditHash.adopt(hash));
    }

    /** What {@code event}'s hash should be, given its content and the previous hash it names. */
    public AuditHash expectedHash(AuditEvent event) {
        encoding.encode(event);
        byte[] hash = new byte[AuditHash.LENGTH];
        hashInto(event.prevHash(), hash);
        return AuditHash.adopt(hash);
    }

    /** Whether {@code event}'s stored hash is the hash of its content after its previous hash; allocates nothing. */
    boolean hashMatches(AuditEvent event) {
        encoding.encode(event);
        hashInto(event.prevHash(), digest);
        return Arrays.equals(digest, event.hash().raw());
    }

    /** The canonical content bytes of {@code event} (see {@link CanonicalEncoding}; docs/audit.md). */
    public static byte[] content(AuditEvent event) {
        CanonicalEncoding e = new CanonicalEncoding();
        e.encode(event);
        return Arrays.copyOf(e.buffer(), e.length());
    }

    private void hashInto(AuditHash prev, byte[] out) {
        sha256.update(prev.raw());
        sha256.update(encoding.buffer(), 0, encoding.length());
        try {
            sha256.digest(out, 0, AuditHash.LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException("a 32-byte buffer holds a SHA-256 digest", e);
        }
    }
}
