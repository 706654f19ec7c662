package nl.waarborg.policy;

/** How Waarborg reaches a system where personal data lives. */
public enum Connector implements PolicyTerm {
    VAULT("vault"),
    JDBC("jdbc"),
    WEBHOOK("webhook"),
    MANUAL("manual");

    private final String term;

    Connector(String term) {
        this.term = term;
    }

    @Override
    public String term() {
        return term;
    }
}
