package nl.waarborg.systems;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import nl.waarborg.web.ApiKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every systems endpoint has its rule: operations and tasks are staff's; the callback is open but signed. */
class SystemsAccessRulesTest extends SystemsTestBase {

    @Autowired
    ApiKeys keys;

    @Test
    void outsidersAndApplicationsAreRefusedTheStaffEndpoints() {
        String app = keys.create("staff", List.of("rental"), "test").plaintext();
        for (String path : List.of("/api/v1/systems/operations", "/api/v1/systems/tasks")) {
            HttpResponse<String> anonymous = http.get(path, null);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("content-type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(http.get(path, app).statusCode()).as(path).isEqualTo(403);
            assertThat(http.get(path, staffToken()).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(http.post("/api/v1/systems/tasks/1/done", null, "").statusCode()).isEqualTo(401);
        assertThat(http.post("/api/v1/systems/tasks/1/done", app, "").statusCode()).isEqualTo(403);
        assertThat(http.post("/api/v1/systems/tasks/999999/done", staffToken(), "").statusCode()).isEqualTo(404);
    }

    @Test
    void anUnsignedCallbackIsRefusedAndACallbackForASystemThatIsNoWebhookIsNotFound() {
        HttpResponse<String> unsigned = http.post("/api/v1/systems/hooks/callback", null, "{\"status\":\"done\"}");
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.headers().firstValue("content-type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(events("system-callback-refused", "bad-timestamp")).isNotEmpty();
        assertThat(http.post("/api/v1/systems/cctv/callback", null, "{}").statusCode()).isEqualTo(404);
        assertThat(http.post("/api/v1/systems/hooks/callback", staffToken(), "{}").statusCode())
                .as("a token does not stand in for the signature").isEqualTo(401);
    }
}
