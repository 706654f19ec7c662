package nl.waarborg.audit.service;

/**
 * An audit event could not be recorded (the database refused or was unreachable, the recorder is shut down, or
 * the caller was interrupted while waiting). Whoever asked must not go on as if the use were on record: a read of
 * personal data that cannot be audited is not answered. The message names counts and causes, never a value.
 *
 * <p>It means "not known to be recorded", not "certainly not recorded": when the connection is lost while the
 * commit is under way, the events may be in the log all the same. The reverse never happens: a caller that was
 * told its event is recorded has it in the chain.
 */
public class AuditUnavailableException extends RuntimeException {

    public AuditUnavailableException(String message) {
        super(message);
    }

    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
