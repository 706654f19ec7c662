package nl.waarborg.breaches;

/** What happened to the data: read, copied, altered, deleted, lost or stolen (the AP's form asks which). */
public enum BreachAction {
    READING, COPYING, ALTERING, DELETING, LOSS, THEFT;

    public String term() {
        return Term.of(this);
    }

    public static BreachAction of(String field, String term) {
        return Term.required(BreachAction.class, field, term);
    }
}
