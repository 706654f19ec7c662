package nl.waarborg.access.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import nl.waarborg.access.Caller;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.vault.Vault;
import nl.waarborg.web.ApiKeys;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** POST /api/v1/decisions: batch answers with machine-readable reasons, asked in the key's role, audited. */
class DecisionApiTest extends ServiceTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApiKeys keys;

    @Autowired
    Vault vault;

    @Autowired
    AuditLog audit;

    private UUID customer() {
        return vault.createSubjects(new Caller("key:test", "staff", List.of("rental"), false),
                List.of(new Vault.NewSubject(List.of(), List.of(), List.of("customer")))).getFirst();
    }

    @Test
    void answersEachQuestionInOrderWithReasonsPerCategory() {
        String app = keys.create("staff", List.of("rental", "bookkeeping"), "crm").plaintext();
        UUID customer = customer();
        long before = audit.head().lastSeq();
        HttpResponse<String> r = http.post("/api/v1/decisions", app, """
                {"decisions": [
                  {"subject": "%1$s", "purpose": "rental", "categories": ["name", "email"], "action": "read"},
                  {"subject": "%1$s", "purpose": "rental", "categories": ["name", "invoice"], "action": "export"},
                  {"subject": "%1$s", "purpose": "bookkeeping", "categories": ["invoice"], "action": "transfer", "recipient": "hosting"}
                ]}""".formatted(customer));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode answers = JSON.readTree(r.body()).get("decisions");
        assertThat(answers.get(0).get("allowed").asBoolean()).isTrue();
        assertThat(answers.get(1).get("allowed").asBoolean()).isFalse();
        JsonNode reason = answers.get(1).get("reasons").get(0);
        assertThat(reason.get("code").asString()).isEqualTo("category-not-declared-for-purpose");
        assertThat(reason.get("categories").get(0).asString()).isEqualTo("invoice");
        assertThat(reason.get("requirement").asString()).isNotBlank();
        assertThat(answers.get(2).get("reasons").findValuesAsString("code")).contains("recipient-not-declared");

        List<AuditEvent> events = audit.events(before, 50).stream().filter(e -> customer.equals(e.subjectId())).toList();
        assertThat(events).extracting(AuditEvent::action).containsExactly("decide-read", "decide-export", "decide-transfer");
        assertThat(events.get(1).outcome()).isEqualTo(Outcome.DENIED);
        assertThat(events.get(1).reasons()).containsExactly("category-not-declared-for-purpose");
    }

    @Test
    void footageIsForManagementOnlyWhenStaffAskOnBehalfOfARole() {
        String question = """
                {"decisions": [{"purpose": "security", "role": "%s", "categories": ["video-footage"], "action": "read"}]}""";
        JsonNode staff = JSON.readTree(http.post("/api/v1/decisions", staffToken(), question.formatted("staff")).body());
        assertThat(staff.get("decisions").get(0).get("reasons").findValuesAsString("code")).contains("role-not-allowed");
        JsonNode management = JSON.readTree(http.post("/api/v1/decisions", staffToken(), question.formatted("management")).body());
        assertThat(management.get("decisions").get(0).get("reasons").findValuesAsString("code"))
                .doesNotContain("role-not-allowed");
    }

    @Test
    void anApplicationAsksOnlyInItsRoleAndForItsPurposes() {
        String app = keys.create("staff", List.of("rental"), "crm").plaintext();
        HttpResponse<String> otherPurpose = http.post("/api/v1/decisions", app,
                "{\"decisions\": [{\"purpose\": \"security\", \"categories\": [\"video-footage\"], \"action\": \"read\"}]}");
        assertThat(otherPurpose.statusCode()).isEqualTo(403);
        HttpResponse<String> otherRole = http.post("/api/v1/decisions", app,
                "{\"decisions\": [{\"purpose\": \"rental\", \"role\": \"management\", \"categories\": [\"name\"], \"action\": \"read\"}]}");
        assertThat(otherRole.statusCode()).isEqualTo(400);
    }

    @Test
    void badQuestionsGetProblems() {
        String app = keys.create("staff", List.of("rental"), "crm").plaintext();
        assertThat(http.post("/api/v1/decisions", app, "{\"decisions\": []}").statusCode()).isEqualTo(400);
        HttpResponse<String> badAction = http.post("/api/v1/decisions", app,
                "{\"decisions\": [{\"purpose\": \"rental\", \"categories\": [\"name\"], \"action\": \"sell\"}]}");
        assertThat(badAction.statusCode()).isEqualTo(400);
        assertThat(badAction.body()).contains("read, write, export, transfer or store");
        JsonNode unknown = JSON.readTree(http.post("/api/v1/decisions", app,
                "{\"decisions\": [{\"purpose\": \"rental\", \"categories\": [\"shoe-size\"], \"action\": \"read\"}]}").body());
        assertThat(unknown.get("decisions").get(0).get("reasons").findValuesAsString("code")).contains("unknown-category");
    }

    @Test
    void outsidersAreRefused() {
        assertThat(http.post("/api/v1/decisions", null, "{}").statusCode()).isEqualTo(401);
        assertThat(http.post("/api/v1/decisions", "wb_nope_nope", "{}").statusCode()).isEqualTo(401);
        assertThat(http.get("/api/v1/decisions", staffToken()).statusCode()).isEqualTo(403);
    }
}
