package nl.waarborg.systems.jdbc;

import java.sql.SQLException;
import nl.waarborg.audit.AuditEvent;

/**
 * Where a sweep batch's proof goes: the audit log. {@link #commit} appends the event in Waarborg's own transaction and
 * commits the batch in the system's database inside it, so a batch whose commit fails leaves no event, and an event
 * that cannot be written leaves the batch uncommitted (rolled back, to be done again by the next sweep).
 */
@FunctionalInterface
public interface ProofLog {

    /** Appends {@code proof} and runs {@code commitBatch}, one after the other, in one transaction of the audit log. */
    void commit(AuditEvent.Draft proof, BatchCommit commitBatch) throws SQLException;

    /** The commit of a batch in the system's database. */
    @FunctionalInterface
    interface BatchCommit {
        void run() throws SQLException;
    }
}
