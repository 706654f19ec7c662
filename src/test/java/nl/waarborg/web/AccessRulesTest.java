package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every endpoint's access rule: an outsider is refused with problem+json, staff get in, the public gets the public. */
class AccessRulesTest extends ServiceTestBase {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/policy", "/api/v1/policy/versions", "/api/v1/policy/register?format=csv",
            "/api/v1/audit/events", "/api/v1/audit/verify"})
    void outsiderIsRefusedStaffEndpoints(String path) {
        HttpResponse<String> anonymous = http.get(path, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(anonymous.body()).contains("\"status\":401");

        assertThat(http.get(path, "not-the-token").statusCode()).isEqualTo(401);
        assertThat(http.get(path, staffToken()).statusCode()).isEqualTo(200);
    }

    /** Staff get in, but the clean policy has no as-processor activities: a 404 (DocumentEndpointTest, ProcessorRegisterEndpointTest). */
    @Test
    void outsiderIsRefusedTheProcessorsRegister() {
        String path = "/api/v1/policy/register/processor?format=csv";
        HttpResponse<String> anonymous = http.get(path, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(http.get(path, "not-the-token").statusCode()).isEqualTo(401);
        assertThat(http.get(path, staffToken()).statusCode()).isEqualTo(404);
    }

    @Test
    void undeclaredEndpointsAreRefusedEvenToStaff() {
        assertThat(http.get("/api/v1/nothing-here", null).statusCode()).isEqualTo(401);
        assertThat(http.get("/api/v1/nothing-here", staffToken()).statusCode()).isEqualTo(403);
        assertThat(http.post("/api/v1/policy", staffToken(), "{}").statusCode()).isEqualTo(403);
        assertThat(http.post("/api/v1/audit/events", staffToken(), "{}").statusCode())
                .as("the audit log is written only by the service itself").isEqualTo(403);
        assertThat(http.get("/actuator/env", staffToken()).statusCode()).isEqualTo(403);
    }

    @Test
    void healthIsPublic() {
        HttpResponse<String> health = http.get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @org.springframework.beans.factory.annotation.Autowired
    nl.waarborg.audit.service.AuditLog audit;

    @org.springframework.beans.factory.annotation.Autowired
    ApiKeys keys;

    @org.springframework.beans.factory.annotation.Autowired
    RefusedCallAudit refused;

    @Test
    void refusedCallsAreAuditedWithoutThePath() {
        long before = audit.head().lastSeq();
        http.get("/api/v1/policy?email=ann@example.nl", null);
        ApiKeys.Created app = keys.create("staff", java.util.List.of("quote"), null);
        http.get("/api/v1/policy", app.plaintext());
        refused.flushAll(); // refused calls are counted per minute (RefusedCallAuditTest)

        java.util.List<nl.waarborg.audit.AuditEvent> events = audit.events(before, 100);
        assertThat(events).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("anonymous");
            assertThat(e.action()).isEqualTo("http-refused");
            assertThat(e.outcome()).isEqualTo(nl.waarborg.audit.Outcome.DENIED);
            assertThat(e.reasons()).first().isEqualTo("unauthenticated");
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("key:" + app.key().prefix());
            assertThat(e.role()).isEqualTo("staff");
            assertThat(e.reasons()).first().isEqualTo("role-not-allowed");
        });
        assertThat(events.toString()).doesNotContain("ann@example.nl");
        assertThat(audit.verify()).isInstanceOf(nl.waarborg.audit.Verification.Ok.class);
    }

    @Test
    void staffTokenFileIsReadableByItsOwnerOnly() throws Exception {
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(DATA.resolve("staff-token")))).isEqualTo("rw-------");
    }
}
