package nl.waarborg.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import nl.waarborg.access.PurposeNotAllowedException;
import nl.waarborg.access.SubjectNotFoundException;
import nl.waarborg.audit.service.AuditUnavailableException;
import nl.waarborg.vault.crypto.BlindIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;

/**
 * The one place where errors become problem+json (RFC 9457). Every deliberate 4xx is an
 * {@link org.springframework.web.ErrorResponseException} carrying its own status and problem (the capabilities'
 * exceptions, {@code nl.waarborg.input}); Spring MVC's own exceptions are rendered by the base class; the plain-Java
 * cores' exceptions, which may not know Spring, are mapped here. Anything else is a 500 with a generic detail:
 * exception text never reaches a caller, and it is logged by type and stack frames only (a message may hold a
 * personal value).
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(PurposeNotAllowedException.class)
    ResponseEntity<Object> purposeNotAllowed(PurposeNotAllowedException e) {
        return problem(HttpStatus.FORBIDDEN, "Purpose not allowed for this key", e.getMessage(), null);
    }

    @ExceptionHandler(SubjectNotFoundException.class)
    ResponseEntity<Object> subjectNotFound(SubjectNotFoundException e) {
        ResponseEntity<Object> r = problem(HttpStatus.NOT_FOUND, "No such subject", e.getMessage(), null);
        ((ProblemDetail) r.getBody()).setProperty("subject", e.subject());
        return r;
    }

    @ExceptionHandler(BlindIndex.MalformedIdentifierException.class)
    ResponseEntity<Object> malformedIdentifier(BlindIndex.MalformedIdentifierException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage(), "value");
    }

    @ExceptionHandler(AuditUnavailableException.class)
    ResponseEntity<Object> auditUnavailable(AuditUnavailableException e) {
        LOG.error("audit log unavailable: {}", describe(e));
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Audit log unavailable",
                "the use could not be recorded in the audit log, so it was not carried out; try again later", null);
    }

    /** The database cannot be reached (an external server down, a pool that cannot connect): 503, not a 500. */
    @ExceptionHandler({org.springframework.dao.DataAccessResourceFailureException.class,
            org.springframework.transaction.CannotCreateTransactionException.class})
    ResponseEntity<Object> databaseUnavailable(Exception e, HttpServletRequest request) {
        LOG.error("database unavailable answering {} {}: {}", request.getMethod(), loggable(request), describe(e));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(detail(HttpStatus.SERVICE_UNAVAILABLE,
                        "Database unavailable", "the database cannot be reached; try again in a few seconds", null));
    }

    /**
     * The request's path for a log line. A link's token (an answer's download, a confirmation link) is the person's
     * credential: it is never written to a log.
     */
    static String loggable(HttpServletRequest request) {
        return TOKEN_IN_PATH.matcher(request.getRequestURI()).replaceAll("/$1/{token}");
    }

    private static final java.util.regex.Pattern TOKEN_IN_PATH = java.util.regex.Pattern.compile("/(answers|confirm)/[^/]+");

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        LOG.error("unexpected error answering {} {}: {}", request.getMethod(), loggable(request), describe(e));
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "the service failed to answer this request; the error is logged", null);
    }

    /** A body that is no JSON, has a value of the wrong type, a refused character or date, or is too large. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyLimit.BodyTooLargeException tooLarge) {
                ResponseEntity<Object> r = problem(HttpStatus.CONTENT_TOO_LARGE, "Content too large",
                        "the request body is larger than " + tooLarge.limit() + " bytes", null);
                ((ProblemDetail) r.getBody()).setProperty("limit", tooLarge.limit());
                return r;
            }
        }
        if (e.getCause() instanceof JacksonException j) {
            String field = j instanceof InputJsonChecks.RejectedValueException r && !r.pointer().isEmpty() ? r.pointer()
                    : pointer(j.getPath());
            String detail = switch (j) {
                case InputJsonChecks.RejectedValueException rejected -> rejected.detail();
                case InvalidNullException nul -> (field.isEmpty() ? "a value" : field) + " may not be null";
                case StreamReadException read -> "the body is not valid JSON (line "
                        + (read.getLocation() == null ? "?" : read.getLocation().getLineNr()) + ", column "
                        + (read.getLocation() == null ? "?" : read.getLocation().getColumnNr()) + ")";
                default -> field.isEmpty() ? "the body does not have the shape this endpoint expects"
                        : "the value of " + field + " does not have the type this endpoint expects";
            };
            return problem(HttpStatus.BAD_REQUEST, "Invalid request", detail, field.isEmpty() ? null : field);
        }
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "the request needs a JSON body", null);
    }

    /** A path or query parameter of the wrong type: named, its value not repeated. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        String type = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName().toLowerCase(Locale.ROOT);
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "parameter '" + name + "' is not a valid " + type, name);
    }

    /** Every answer of this handler, Spring's own included, is problem+json whatever the caller accepts. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        HttpHeaders h = new HttpHeaders();
        h.putAll(headers);
        h.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, h, statusCode);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String title, String detail, String field) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(detail(status, title, detail, field));
    }

    private static ProblemDetail detail(HttpStatus status, String title, String detail, String field) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        if (field != null) {
            p.setProperty("field", field);
        }
        return p;
    }

    /** The JSON pointer (RFC 6901) of a Jackson path: /items/3/collectedAt. */
    static String pointer(List<JacksonException.Reference> path) {
        StringBuilder b = new StringBuilder();
        for (JacksonException.Reference r : path) {
            b.append('/');
            if (r.getPropertyName() != null) {
                b.append(r.getPropertyName().replace("~", "~0").replace("/", "~1"));
            } else if (r.getIndex() >= 0) {
                b.append(r.getIndex());
            }
        }
        return b.toString();
    }

    /** An exception by its types and frames, without any message: messages may hold what a caller sent. */
    static String describe(Throwable e) {
        StringBuilder b = new StringBuilder();
        int depth = 0;
        for (Throwable t = e; t != null && depth < 5; t = t.getCause(), depth++) {
            b.append(depth == 0 ? "" : " caused by ").append(t.getClass().getName());
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, 8); i++) {
                b.append("\n\tat ").append(frames[i]);
            }
        }
        return b.toString();
    }
}
