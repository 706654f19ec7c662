package nl.waarborg.breaches;

/**
 * The organisation's role for the breached processing: as controller it notifies the AP within 72 hours (Art. 33(1)
 * GDPR); as processor it tells the controller without undue delay (Art. 33(2)).
 */
public enum BreachRole {
    CONTROLLER, PROCESSOR;

    public String term() {
        return Term.of(this);
    }

    public static BreachRole of(String field, String term) {
        return Term.required(BreachRole.class, field, term);
    }
}
