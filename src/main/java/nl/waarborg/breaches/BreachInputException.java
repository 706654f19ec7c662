package nl.waarborg.breaches;

/**
 * A breach, an assessment or a decision that cannot be recorded as given: {@code field} names what is wrong, the
 * message says why (never a value staff typed). The service turns it into a 400 problem.
 */
public final class BreachInputException extends IllegalArgumentException {

    private final String field;

    public BreachInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
