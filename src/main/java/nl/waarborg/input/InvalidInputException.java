package nl.waarborg.input;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * A request the service cannot act on as sent (400): a missing or malformed field, an unknown term, a value out
 * of range. The detail says what is wrong and, where it helps, what is valid; it never repeats a personal value.
 * {@code field} names the offending field (a JSON pointer such as {@code /items/3/collectedAt}, a field or a
 * parameter name) when there is one.
 */
public class InvalidInputException extends ApiException {

    public static final URI TYPE = URI.create("urn:waarborg:problem:invalid-input");

    public InvalidInputException(String detail) {
        this(null, detail);
    }

    public InvalidInputException(String field, String detail) {
        super(HttpStatus.BAD_REQUEST, TYPE, "Invalid request", detail);
        if (field != null) {
            getBody().setProperty("field", field);
        }
    }
}
