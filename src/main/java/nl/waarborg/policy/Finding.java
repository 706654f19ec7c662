package nl.waarborg.policy;

/** One problem in a policy: where, how bad, which rule, and what to do about it. */
public record Finding(Position at, Severity severity, String rule, String message) {

    public static Finding error(Position at, String rule, String message) {
        return new Finding(at, Severity.ERROR, rule, message);
    }

    public static Finding warning(Position at, String rule, String message) {
        return new Finding(at, Severity.WARNING, rule, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The line format of {@code waarborg lint}: {@code FILE:LINE:COL: error|warning RULE-ID: message}. */
    public String format() {
        return at + ": " + severity.word() + " " + rule + ": " + message;
    }
}
