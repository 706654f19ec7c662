package nl.waarborg.systems.jdbc;

import java.util.List;
import java.util.UUID;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.policy.TableErase;

/**
 * Where a sweep batch's proof goes, so that it survives {@code kill -9} at any moment (docs/systems.md): the batch is
 * {@linkplain #intend recorded} in Waarborg's database before it commits in the organisation's, and {@linkplain #proven
 * proven} (its audit event appended, the record removed, in one transaction) after: together with the next batch's
 * record, or on its own after the last. A record left by a process that
 * died in between is {@linkplain #pending found} at the system's next sweep, which checks the rows and either proves or
 * {@linkplain #abandoned abandons} it. So each committed batch is proven exactly once.
 */
public interface BatchJournal {

    /** One batch: the keys of its rows (as text), per row the columns it changes (delete: none), and its proof. */
    record Batch(UUID id, String system, String table, TableErase action, List<List<String>> keys,
                 List<List<String>> columns, AuditEvent.Draft proof) {}

    /** A batch that committed in the system's database and waits for its proof. */
    record Committed(UUID id, AuditEvent.Draft proof) {}

    /**
     * Records the batch durably before it commits in the system's database, and proves {@code previous} (the batch
     * committed just before it, or null) in the same transaction of Waarborg's database: one commit per batch; returns
     * the new record's id.
     */
    UUID intend(Batch batch, Committed previous);

    /** The batch committed: appends {@code proof} to the audit log and removes the record, in one transaction. */
    void proven(UUID id, AuditEvent.Draft proof);

    /** The batch did not commit: removes the record. */
    void abandoned(UUID id);

    /** The records of {@code system} whose batches may or may not have committed, oldest first. */
    List<Batch> pending(String system);
}
