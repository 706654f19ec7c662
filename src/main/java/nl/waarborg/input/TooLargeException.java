package nl.waarborg.input;

import java.net.URI;
import org.springframework.http.HttpStatus;

/** A request body or a stored value over its configured limit (413); the detail names the limit, not the value. */
public class TooLargeException extends ApiException {

    public static final URI TYPE = URI.create("urn:waarborg:problem:too-large");

    public TooLargeException(String field, String detail, long limit) {
        super(HttpStatus.CONTENT_TOO_LARGE, TYPE, "Content too large", detail);
        if (field != null) {
            getBody().setProperty("field", field);
        }
        getBody().setProperty("limit", limit);
    }
}
