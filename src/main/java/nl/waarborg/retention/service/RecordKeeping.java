package nl.waarborg.retention.service;

import java.time.Instant;

/**
 * Records other capabilities keep about people for a period the policy states (the record of a handled request:
 * {@code rights.request-records}), which each sweep deletes when that period has passed. A capability provides one as a
 * bean; the sweep calls every one after the vault and reports what each erased (or, dry, would erase).
 */
public interface RecordKeeping {

    /** The records' name in the sweep's report, e.g. {@code request-records}. */
    String records();

    /** Deletes (dry: counts) the records whose period has ended at {@code now}, with their proof in the audit log. */
    long sweep(Instant now, boolean dryRun);
}
