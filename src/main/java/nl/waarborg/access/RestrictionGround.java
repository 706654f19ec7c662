package nl.waarborg.access;

/** The four grounds for restriction of processing (Art. 18(1), R3.3). */
public enum RestrictionGround {
    /** (a) the subject contests the accuracy, for the time needed to verify it. */
    ACCURACY_CONTESTED,
    /** (b) the processing is unlawful and the subject asks for restriction instead of erasure. */
    UNLAWFUL,
    /** (c) no longer needed by the controller, but needed by the subject for a legal claim. */
    NEEDED_FOR_SUBJECTS_CLAIM,
    /** (d) the subject objected (Art. 21(1)), pending the weighing of the objection. */
    OBJECTION_PENDING;

    /** The ground as the API and the audit log write it: {@code accuracy-contested}, … */
    public String term() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
