package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import nl.waarborg.audit.service.AuditUnavailableException;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/** The renderer of last resort: an unexpected error is a 500 problem whose detail holds no exception text. */
class ApiErrorsTest {

    private final ApiErrors errors = new ApiErrors();

    @Test
    void anUnexpectedExceptionIsAGeneric500ProblemWithoutItsText() {
        ResponseEntity<Object> r = errors.unexpected(new ArithmeticException("long overflow for ann@example.nl"),
                new MockHttpServletRequest("POST", "/api/v1/subjects"));
        assertThat(r.getStatusCode().value()).isEqualTo(500);
        assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        ProblemDetail p = (ProblemDetail) r.getBody();
        assertThat(p.getDetail()).isEqualTo("the service failed to answer this request; the error is logged");
        assertThat(p.toString()).doesNotContain("ArithmeticException", "overflow", "ann@");
    }

    @Test
    void anAuditLogThatCannotRecordIsA503WithoutTheCause() {
        ResponseEntity<Object> r = errors.auditUnavailable(new AuditUnavailableException("long overflow"));
        assertThat(r.getStatusCode().value()).isEqualTo(503);
        assertThat(((ProblemDetail) r.getBody()).getDetail()).doesNotContain("overflow");
    }

    @Test
    void theLogLineNamesTypesAndFramesButNoMessage() {
        String logged = ApiErrors.describe(new IllegalStateException("ann@example.nl", new RuntimeException("06-12345678")));
        assertThat(logged).contains("java.lang.IllegalStateException", "caused by java.lang.RuntimeException", "\tat ")
                .doesNotContain("ann@", "0612", "06-1");
    }

    @Test
    void aDatabaseThatCannotBeReachedIsA503WithRetryAfterNotA500() {
        ResponseEntity<Object> r = errors.databaseUnavailable(
                new org.springframework.jdbc.CannotGetJdbcConnectionException("Connection to host:5432 refused"),
                new MockHttpServletRequest("GET", "/api/v1/policy"));
        assertThat(r.getStatusCode().value()).isEqualTo(503);
        assertThat(r.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(((ProblemDetail) r.getBody()).getDetail()).doesNotContain("5432", "refused");
    }

    @Test
    void aLinksTokenInThePathIsNeverWrittenToTheLog() {
        String token = "OnsKgqyxuQ4IpPIGQdF0OPGawQcB9OAh7WyWNgVrwSk";
        assertThat(ApiErrors.loggable(new MockHttpServletRequest("GET", "/api/v1/requests/answers/" + token)))
                .isEqualTo("/api/v1/requests/answers/{token}");
        assertThat(ApiErrors.loggable(new MockHttpServletRequest("POST", "/requests/confirm/" + token)))
                .isEqualTo("/requests/confirm/{token}");
        assertThat(ApiErrors.loggable(new MockHttpServletRequest("GET", "/api/v1/requests/WB-7K2M-9QXD/answer")))
                .isEqualTo("/api/v1/requests/WB-7K2M-9QXD/answer");
    }
}
