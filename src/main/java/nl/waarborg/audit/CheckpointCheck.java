package nl.waarborg.audit;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.waarborg.audit.Verification.Broken;
import nl.waarborg.audit.Verification.Why;

/**
 * Holds a verified chain against checkpoints of its head kept outside the database. The chain alone cannot
 * show that its tail was deleted and the head reset to the new end, nor that it was rewritten consistently;
 * a checkpoint can: it names an event beyond the end (truncation), or a hash the event of that seq no longer
 * has (a rewrite). The answer is the first event that does not hold, whether the chain or a checkpoint found it.
 */
public final class CheckpointCheck {

    private CheckpointCheck() {
    }

    /** The seqs whose hashes {@link #check} needs: collect them from the events that verified. */
    public static Set<Long> seqs(List<Checkpoint> checkpoints) {
        Set<Long> seqs = new HashSet<>();
        for (Checkpoint c : checkpoints) {
            seqs.add(c.seq());
        }
        return seqs;
    }

    /**
     * {@code chain}: the chain's own verification; {@code hashes}: the stored hash of each verified event whose seq
     * {@link #seqs} named (events after a break are not verified and need not be there).
     */
    public static Verification check(Verification chain, List<Checkpoint> checkpoints, Map<Long, AuditHash> hashes) {
        long verifiedTo = switch (chain) {
            case Verification.Ok ok -> ok.lastSeq();
            case Broken b -> b.seq() - 1;
        };
        Broken first = chain instanceof Broken b ? b : null;
        for (Checkpoint c : checkpoints) {
            Broken found = null;
            if (c.seq() == 0) {
                if (!c.hash().equals(AuditHash.GENESIS)) {
                    found = new Broken(1, Why.CHECKPOINT_DIFFERS, "the checkpoint of " + c.at()
                            + " names event 0 with a hash other than the genesis hash");
                }
            } else if (c.seq() > verifiedTo) {
                if (first == null) {
                    found = new Broken(verifiedTo + 1, Why.CHECKPOINT_DIFFERS, "the checkpoint of " + c.at()
                            + " names event " + c.seq() + " (hash " + c.hash().hex() + "), but the log ends at event "
                            + verifiedTo + ": events " + (verifiedTo + 1) + ".." + c.seq()
                            + " were removed and the head reset");
                }
            } else {
                AuditHash stored = hashes.get(c.seq());
                if (stored == null || !stored.equals(c.hash())) {
                    found = new Broken(c.seq(), Why.CHECKPOINT_DIFFERS, "its hash " + (stored == null ? "(none)" : stored.hex())
                            + " is not " + c.hash().hex() + ", which the checkpoint of " + c.at()
                            + " recorded: the log was rewritten from this event or earlier");
                }
            }
            if (found != null && (first == null || found.seq() < first.seq())) {
                first = found;
            }
        }
        return first != null ? first : chain;
    }
}
