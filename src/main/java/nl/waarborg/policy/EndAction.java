package nl.waarborg.policy;

/** What happens to data when its period ends (R2.5). */
public enum EndAction implements PolicyTerm {
    DELETE("delete"),
    ANONYMISE("anonymise");

    private final String term;

    EndAction(String term) {
        this.term = term;
    }

    @Override
    public String term() {
        return term;
    }
}
