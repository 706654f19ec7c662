package nl.waarborg.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /error}, where the servlet container sends what no handler answered (a 404 of an unknown path, a
 * {@code sendError} of a filter, an exception outside Spring MVC): problem+json like every other error, in place
 * of Spring Boot's own error JSON, with a fixed detail per status and no exception text.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping(path = "/error", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null ? HttpStatus.resolve(i)
                : HttpStatus.NOT_FOUND; // /error asked for directly: nothing is there
        if (status.is5xxServerError() && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t) {
            LOG.error("unexpected error outside Spring MVC: {}", ApiErrors.describe(t));
        }
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail(status));
        p.setTitle(status.getReasonPhrase());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "there is nothing at this path";
            case METHOD_NOT_ALLOWED -> "this path does not answer this method";
            case BAD_REQUEST -> "the request is malformed";
            case CONTENT_TOO_LARGE -> "the request body is too large";
            case UNAUTHORIZED -> "Send 'Authorization: Bearer <token>' with a staff token or an API key.";
            case FORBIDDEN -> "Your role may not use this endpoint.";
            default -> status.is5xxServerError() ? "the service failed to answer this request; the error is logged"
                    : "the request failed";
        };
    }
}
