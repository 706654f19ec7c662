package nl.waarborg.access.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import nl.waarborg.web.ConsentPolicyTestBase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every objection, restriction and hold endpoint refuses an outsider with problem+json; the staff-only ones refuse
 * an application's key.
 */
class RestraintAccessRulesTest extends ConsentPolicyTestBase {

    private static final String ID = UUID.randomUUID().toString();

    private HttpResponse<String> call(String method, String path, String bearer) {
        String p = path.replace("{id}", ID);
        return method.equals("GET") ? http.get(p, bearer) : http.post(p, bearer, "{}");
    }

    private static void problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
    }

    @ParameterizedTest
    @CsvSource({"POST,/api/v1/subjects/{id}/objections", "POST,/api/v1/objections/{id}/decision",
            "GET,/api/v1/objections", "POST,/api/v1/subjects/{id}/restrictions", "POST,/api/v1/restrictions/{id}/lift",
            "POST,/api/v1/subjects/{id}/holds", "POST,/api/v1/holds/{id}/release", "GET,/api/v1/subjects/{id}/restraints"})
    void outsiderIsRefused(String method, String path) {
        problem(call(method, path, null), 401);
        problem(call(method, path, "not-a-key"), 401);
        problem(call(method, path, "wb_nosuch_key"), 401);
    }

    @ParameterizedTest
    @CsvSource({"POST,/api/v1/objections/{id}/decision", "GET,/api/v1/objections",
            "POST,/api/v1/subjects/{id}/restrictions", "POST,/api/v1/restrictions/{id}/lift",
            "POST,/api/v1/holds/{id}/release"})
    void applicationsAreRefusedTheStaffEndpoints(String method, String path) {
        problem(call(method, path, appKey("rental", "improvement")), 403);
        assertThat(call(method, path, staffToken()).statusCode()).as("staff get past the rule").isNotIn(401, 403);
    }
}
