package nl.waarborg.policy;

/**
 * What a mapped table's subject column holds: a reference of a scheme (a customer number), or an identifier the
 * vault also normalises and looks up (an e-mail address, a phone number).
 */
public enum LinkKind implements PolicyTerm {
    REFERENCE("reference"),
    EMAIL("email"),
    PHONE("phone");

    private final String term;

    LinkKind(String term) {
        this.term = term;
    }

    @Override
    public String term() {
        return term;
    }
}
