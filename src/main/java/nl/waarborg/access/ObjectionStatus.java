package nl.waarborg.access;

/** Where an objection (Art. 21, R3.6) stands. */
public enum ObjectionStatus {
    /**
     * Received, being weighed against the legitimate interest. Does not stop processing by itself; the subject
     * may ask for restriction on this ground ({@link RestrictionGround#OBJECTION_PENDING}), which does.
     * An objection to direct marketing is never pending: it is upheld at once.
     */
    PENDING,
    /** Upheld: the purpose may no longer use the subject's data. */
    UPHELD,
    /** Rejected after weighing: compelling legitimate grounds override the subject's interests. */
    REJECTED
}
