package nl.waarborg.policy;

/** The GDPR role of a recipient (R1.7). */
public enum RecipientRole implements PolicyTerm {
    PROCESSOR("processor"),
    CONTROLLER("controller"),
    JOINT_CONTROLLER("joint-controller"),
    AUTHORITY("authority");

    private final String term;

    RecipientRole(String term) {
        this.term = term;
    }

    @Override
    public String term() {
        return term;
    }
}
