package nl.waarborg.web;

import java.util.List;
import java.util.UUID;
import nl.waarborg.access.Caller;
import nl.waarborg.vault.Vault;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service on the consent test policy (clean.yaml plus purposes on consent, direct marketing and legitimate
 * interest), with a clock tests move forward. One context, and one database, for every subclass; its own data
 * folder, so it runs beside the {@link ServiceTestBase} context.
 *
 * <p>Its properties override the base's (a subclass's {@code @TestPropertySource} wins over its parent's).
 */
@TestPropertySource(properties = {
        "waarborg.policy=src/test/resources/policies/consent.yaml",
        "waarborg.data-dir=${waarborg.test.data-root}/consent",
        "waarborg.consent.expiry-sweep=PT1H"}) // tests sweep themselves
@Import(MutableClockConfiguration.class)
public abstract class ConsentPolicyTestBase extends ServiceTestBase {

    protected final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected ApiKeys keys;

    @Autowired
    protected Vault vault;

    /** A new API key in role staff carrying these purposes; its plaintext. */
    protected String appKey(String... purposes) {
        return keys.create("staff", List.of(purposes), "test").plaintext();
    }

    /** A new subject in these subject categories. */
    protected UUID newSubject(String... categories) {
        return vault.createSubjects(new Caller("test", "staff", List.of(), true),
                List.of(new Vault.NewSubject(List.of(), List.of(), List.of(categories)))).getFirst();
    }

    /** One decision through POST /api/v1/decisions with an application key; the answer. */
    protected JsonNode decide(String key, UUID subject, String purpose, String action, List<String> circumstances,
                              String... categories) {
        String body = json.writeValueAsString(java.util.Map.of("decisions", List.of(java.util.Map.of(
                "subject", subject.toString(), "purpose", purpose, "action", action,
                "categories", List.of(categories), "circumstances", circumstances))));
        var response = http.post("/api/v1/decisions", key, body);
        if (response.statusCode() != 200) {
            throw new AssertionError("decision call failed: " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body()).at("/decisions/0");
    }

    protected JsonNode decide(String key, UUID subject, String purpose, String action, String... categories) {
        return decide(key, subject, purpose, action, List.of(), categories);
    }

    /** The deny codes of an answer; empty when allowed. */
    protected static List<String> codes(JsonNode answer) {
        List<String> codes = new java.util.ArrayList<>();
        answer.path("reasons").forEach(r -> codes.add(r.path("code").asString()));
        return codes;
    }

    protected JsonNode body(java.net.http.HttpResponse<String> response) {
        return json.readTree(response.body());
    }
}
