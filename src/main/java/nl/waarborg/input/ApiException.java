package nl.waarborg.input;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The base of the capabilities' deliberate 4xx answers: status, title and detail (which never holds a personal
 * value) are fixed when it is thrown, and {@code web.ApiErrors} renders it as it is. Subclasses add problem
 * properties with {@code getBody().setProperty}. Its message is the detail, so logs and tests read what the
 * caller reads.
 */
public abstract class ApiException extends ErrorResponseException {

    protected ApiException(HttpStatus status, String title, String detail) {
        this(status, null, title, detail);
    }

    protected ApiException(HttpStatus status, URI type, String title, String detail) {
        super(status, problem(status, type, title, detail), null);
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        if (type != null) {
            p.setType(type);
        }
        return p;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
