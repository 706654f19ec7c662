package nl.waarborg.policy;

/** The declared stance on transfers outside the EEA. */
public enum TransferStance implements PolicyTerm {
    NONE("none"),
    EU_ONLY("eu-only"),
    DECLARED("declared");

    private final String term;

    TransferStance(String term) {
        this.term = term;
    }

    @Override
    public String term() {
        return term;
    }
}
