package nl.waarborg.policy;

/** The Chapter V safeguard for a transfer outside the EEA (R1.8). */
public enum Safeguard implements PolicyTerm {
    ADEQUACY("adequacy"),
    SCC("scc"),
    BCR("bcr"),
    DEROGATION("derogation"),
    NONE("none");

    private final String term;

    Safeguard(String term) {
        this.term = term;
    }

    @Override
    public String term() {
        return term;
    }
}
