package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GET /api/v1/policy: the policy in force with its stored version, in the words of the YAML format. */
class PolicyEndpointTest extends ServiceTestBase {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void currentPolicyComesWithItsStoredVersion() {
        HttpResponse<String> response = http.get("/api/v1/policy", staffToken());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.at("/version/contentHash").asString()).hasSize(64);
        assertThat(body.at("/version/statementVersion").asString()).isEqualTo("2026.1");
        assertThat(body.at("/version/source").asString()).isEqualTo("src/test/resources/policies/clean.yaml");
        assertThat(body.at("/policy/controller/name").asString()).isEqualTo("Testopslag B.V.");
        JsonNode security = null;
        for (JsonNode p : body.at("/policy/purposes")) {
            if (p.get("id").asString().equals("security")) {
                security = p;
            }
        }
        assertThat(security).isNotNull();
        assertThat(security.get("basis").asString()).isEqualTo("legitimate-interest");
        JsonNode fiscal = body.at("/policy/retention/2");
        assertThat(fiscal.get("period").asString()).isEqualTo("P7Y");
        assertThat(fiscal.get("start").get(1).asString()).isEqualTo("complaint-closed");
        assertThat(body.at("/policy/statement/languages/0").asString()).isEqualTo("nl");
    }

    @Test
    void versionsListsWhatWasEnforced() {
        JsonNode versions = json.readTree(http.get("/api/v1/policy/versions", staffToken()).body());
        assertThat(versions.size()).isGreaterThanOrEqualTo(1);
        assertThat(versions.get(0).get("statementVersion").asString()).isEqualTo("2026.1");
    }

    @org.springframework.beans.factory.annotation.Autowired
    nl.waarborg.audit.service.AuditLog audit;

    @Test
    void policyLoadIsAudited() {
        assertThat(audit.events(0, 10_000)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("policy-load");
            assertThat(e.actor()).isEqualTo("system");
            assertThat(e.policyVersion()).isNotNull();
        });
    }
}
