package nl.waarborg.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import nl.waarborg.web.ConsentPolicyTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every consent endpoint refuses an outsider with problem+json; giving consent is for applications only. */
class ConsentAccessRulesTest extends ConsentPolicyTestBase {

    private static final String ID = UUID.randomUUID().toString();

    private HttpResponse<String> call(String method, String path, String bearer) {
        String p = path.replace("{id}", ID);
        return method.equals("GET") ? http.get(p, bearer) : http.post(p, bearer, "{}");
    }

    @ParameterizedTest
    @CsvSource({"POST,/api/v1/subjects/{id}/consents", "POST,/api/v1/subjects/{id}/consents/newsletter/withdraw",
            "GET,/api/v1/subjects/{id}/consents", "GET,/api/v1/consents/{id}/receipt"})
    void outsiderIsRefused(String method, String path) {
        HttpResponse<String> anonymous = call(method, path, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(call(method, path, "not-a-key").statusCode()).isEqualTo(401);
        assertThat(call(method, path, "wb_nosuch_key").statusCode()).isEqualTo(401);
    }

    @Test
    void staffDoNotGiveConsent() {
        HttpResponse<String> staff = call("POST", "/api/v1/subjects/{id}/consents", staffToken());
        assertThat(staff.statusCode()).isEqualTo(403);
        assertThat(staff.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
    }

    @Test
    void staffAndApplicationsGetPastTheRuleOfTheOthers() {
        String key = appKey("newsletter");
        // past the access rule, the endpoint answers (404 for an unknown record, 200 for an empty list, …)
        assertThat(call("GET", "/api/v1/subjects/{id}/consents", key).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/subjects/{id}/consents", staffToken()).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/consents/{id}/receipt", staffToken()).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/consents/{id}/receipt", key).statusCode()).isEqualTo(404);
        assertThat(http.post("/api/v1/subjects/" + ID + "/consents/newsletter/withdraw", staffToken(),
                "{\"method\": \"email\"}").statusCode()).isEqualTo(409);
    }
}
