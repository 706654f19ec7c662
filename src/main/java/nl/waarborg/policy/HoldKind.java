package nl.waarborg.policy;

/** Why retention may be extended while a hold is active (R2.4). */
public enum HoldKind implements PolicyTerm {
    INCIDENT("incident"),
    LEGAL_CLAIM("legal-claim");

    private final String term;

    HoldKind(String term) {
        this.term = term;
    }

    @Override
    public String term() {
        return term;
    }
}
