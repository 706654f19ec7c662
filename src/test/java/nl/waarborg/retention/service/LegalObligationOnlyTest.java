package nl.waarborg.retention.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import nl.waarborg.web.ApiKeys;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Retained for legal obligation only" end to end on the clean test policy: a customer's name is kept one year
 * after the contract for the rental and seven years for bookkeeping. Once the year is over, a read for the rental
 * withholds it with the reason legal-obligation-only and a decision denies it; bookkeeping still reads it.
 */
class LegalObligationOnlyTest extends ServiceTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApiKeys keys;

    @Test
    void afterTheContractRuleEndsOnlyBookkeepingMayUseTheName() {
        String app = keys.create("staff", List.of("rental", "bookkeeping"), "crm").plaintext();
        HttpResponse<String> created = http.post("/api/v1/subjects", app, "{\"categories\": [\"customer\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        UUID subject = UUID.fromString(JSON.readTree(created.body()).get("id").asString());
        Instant now = Instant.now();
        HttpResponse<String> item = http.post("/api/v1/subjects/" + subject + "/items", app, """
                {"category": "name", "value": "Ann", "purposes": ["rental", "bookkeeping"], "source": "subject",
                 "system": "vault", "collectedAt": "%s"}""".formatted(now.minus(1500, ChronoUnit.DAYS)));
        assertThat(item.statusCode()).as(item.body()).isEqualTo(201);
        // 800 days back: further than an application may date an event (recording.back-dating-limit); staff may
        assertThat(http.post("/api/v1/subjects/" + subject + "/events", staffToken(), "{\"event\": \"contract-ended\", "
                + "\"occurredAt\": \"" + now.minus(800, ChronoUnit.DAYS) + "\"}").statusCode()).isEqualTo(201);

        JsonNode rental = JSON.readTree(http.get("/api/v1/subjects/" + subject + "/items?purpose=rental", app).body());
        assertThat(rental.get("items").size()).isZero();
        assertThat(rental.get("withheld").get(0).get("reasons").get(0).get("code").asString())
                .isEqualTo("legal-obligation-only");
        assertThat(rental.get("withheld").get(0).get("reasons").get(0).get("message").asString())
                .as("the purposes that may still use it are named").isEqualTo("retained only for: bookkeeping");

        JsonNode bookkeeping = JSON.readTree(http.get("/api/v1/subjects/" + subject + "/items?purpose=bookkeeping", app).body());
        assertThat(bookkeeping.get("items").size()).isEqualTo(1);
        assertThat(bookkeeping.get("items").get(0).get("value").asString()).isEqualTo("Ann");

        HttpResponse<String> decision = http.post("/api/v1/decisions", app, """
                {"decisions": [{"subject": "%s", "purpose": "rental", "action": "read", "categories": ["name"]}]}"""
                .formatted(subject));
        JsonNode reason = JSON.readTree(decision.body()).at("/decisions/0/reasons/0");
        assertThat(reason.get("code").asString()).isEqualTo("legal-obligation-only");
        assertThat(reason.get("message").asString()).isEqualTo("retained only for: bookkeeping");
        assertThat(decision.body()).doesNotContain("Ann");
    }

    @Test
    void aRefusalOfAnAnonymisedRemainderIsRefusedWhereThePolicyDoesNotOfferIt() {
        String app = keys.create("staff", List.of("rental"), "crm").plaintext();
        HttpResponse<String> created = http.post("/api/v1/subjects", app, "{\"categories\": [\"customer\"]}");
        UUID subject = UUID.fromString(JSON.readTree(created.body()).get("id").asString());
        HttpResponse<String> refused = http.post("/api/v1/subjects/" + subject + "/anonymised-remainder-refusal", app, "");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("rights.refuse-anonymised-remainder");
    }
}
