package nl.waarborg.vault;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A date the vault does not store (docs/vault.md, "Dates"): outside the years 1900 to 9999, or in the future beyond
 * the allowed clock skew. 400, naming the field (and, in a batch, the item's position); never the value's owner.
 */
public final class InvalidDateException extends ErrorResponseException {

    /** Why the date is refused. */
    public enum Reason {
        OUT_OF_RANGE("date-out-of-range"),
        IN_FUTURE("date-in-future");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final String field;

    InvalidDateException(Reason reason, String field, Integer index, String detail) {
        super(HttpStatus.BAD_REQUEST, problem(reason, field, index, detail), null);
        this.field = field;
    }

    private static ProblemDetail problem(Reason reason, String field, Integer index, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        p.setTitle("Invalid date");
        p.setProperty("reason", reason.code());
        p.setProperty("field", field);
        if (index != null) {
            p.setProperty("index", index);
        }
        return p;
    }

    public String field() {
        return field;
    }

    @Override
    public String getMessage() {
        return field + ": " + getBody().getDetail();
    }
}
