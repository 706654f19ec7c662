package nl.waarborg.audit;

import nl.waarborg.audit.Verification.Broken;
import nl.waarborg.audit.Verification.Why;

/**
 * Re-computes the chain over events given in seq order and stops at the first event that does not hold:
 * a seq out of turn (an event removed or moved), a previous hash that is not the previous event's hash
 * (an event removed, inserted or rewritten before it), or a hash that is not the hash of the content (a
 * field changed). Checks nothing it has not been given: whoever feeds it also compares the end with the
 * recorded head ({@link #finish(long, AuditHash)}), or the last event could be dropped unnoticed.
 *
 * <p>Allocates nothing per event (one digest and one buffer for the whole run), so the database read,
 * not the check, sets the pace. Not thread-safe.
 */
public final class AuditChainVerifier {

    private final AuditChain chain = new AuditChain();
    private long lastSeq;
    private AuditHash lastHash;
    private long count;
    private Broken broken;

    /** A verifier for a whole chain: the first event must be seq 1 after the genesis hash. */
    public AuditChainVerifier() {
        this(0, AuditHash.GENESIS);
    }

    private AuditChainVerifier(long lastSeq, AuditHash lastHash) {
        this.lastSeq = lastSeq;
        this.lastHash = lastHash;
    }

    /** A verifier that continues after event {@code lastSeq}, trusted to have hash {@code lastHash}. */
    public static AuditChainVerifier after(long lastSeq, AuditHash lastHash) {
        return new AuditChainVerifier(lastSeq, lastHash);
    }

    /** Checks every event of {@code events}, in their order, from genesis. */
    public static Verification verify(Iterable<AuditEvent> events) {
        AuditChainVerifier v = new AuditChainVerifier();
        for (AuditEvent e : events) {
            if (!v.accept(e)) {
                break;
            }
        }
        return v.result();
    }

    /** Checks the next event; false once the chain is broken (later events are then ignored). */
    public boolean accept(AuditEvent e) {
        if (broken != null) {
            return false;
        }
        long expected = lastSeq + 1;
        if (e.seq() != expected) {
            broken = new Broken(expected, Why.GAP, "expected event " + expected + " next, found event " + e.seq());
        } else if (!e.prevHash().equals(lastHash)) {
            broken = new Broken(e.seq(), Why.LINK_BROKEN,
                    "its previous hash is not the hash of event " + lastSeq + " (" + lastHash.hex() + ")");
        } else if (!chain.hashMatches(e)) {
            broken = new Broken(e.seq(), Why.CONTENT_CHANGED, "its stored hash does not match its content");
        } else {
            lastSeq = e.seq();
            lastHash = e.hash();
            count++;
            return true;
        }
        return false;
    }

    /** Marks the chain broken at {@code seq} for a reason found outside this verifier (an unreadable row). */
    public void brokenAt(long seq, Why why, String detail) {
        if (broken == null) {
            broken = new Broken(seq, why, detail);
        }
    }

    public boolean isBroken() {
        return broken != null;
    }

    /** The seq of the last event that held (0 before the first). */
    public long lastSeq() {
        return lastSeq;
    }

    public Verification result() {
        return broken != null ? broken : new Verification.Ok(count, lastSeq, lastHash);
    }

    /**
     * The result, also requiring that the chain ends exactly at the head the log recorded when it appended
     * its last event ({@code headSeq}, {@code headHash}); this catches events removed from the end, which
     * leave no gap and no broken link behind.
     */
    public Verification finish(long headSeq, AuditHash headHash) {
        if (broken == null) {
            if (headSeq > lastSeq) {
                broken = new Broken(lastSeq + 1, Why.HEAD_MISMATCH, "the log recorded events up to " + headSeq
                        + " but the chain ends at " + lastSeq + "; events " + (lastSeq + 1) + ".." + headSeq + " are missing");
            } else if (headSeq < lastSeq) {
                broken = new Broken(headSeq + 1, Why.HEAD_MISMATCH, "the log recorded events up to " + headSeq
                        + " only, but the chain goes on to " + lastSeq);
            } else if (!headHash.equals(lastHash)) {
                broken = new Broken(lastSeq, Why.HEAD_MISMATCH, "its hash " + lastHash.hex()
                        + " is not the recorded head hash " + headHash.hex());
            }
        }
        return result();
    }
}
