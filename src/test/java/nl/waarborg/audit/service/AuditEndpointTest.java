package nl.waarborg.audit.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import nl.waarborg.audit.AuditChainVerifier;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.AuditJsonLines;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.Verification;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GET /api/v1/audit/events (JSON lines) and /api/v1/audit/verify. The access rule is in AccessRulesTest. */
class AuditEndpointTest extends ServiceTestBase {

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    AuditLog log;

    @Autowired
    TransactionTemplate tx;

    private List<AuditEvent> appendThree() {
        return tx.execute(s -> log.appendAll(List.of(
                AuditEvent.draft("staff", "DPO", "read").purpose("contract").subject(UUID.randomUUID()).categories("name"),
                AuditEvent.draft("apikey:crm", "front-desk", "export").subject(UUID.randomUUID())
                        .outcome(Outcome.DENIED, "purpose-not-allowed"),
                AuditEvent.draft("system:retention", "system", "erase").categories("video-footage").policyVersion(1))));
    }

    private static List<String> lines(String body) {
        return body.isEmpty() ? List.of() : Arrays.asList(body.split("\n"));
    }

    @Test
    void eventsComeAsJsonLinesInPages() {
        List<AuditEvent> appended = appendThree();
        long after = appended.getFirst().seq() - 1;
        HttpResponse<String> page = http.get("/api/v1/audit/events?after=" + after + "&limit=2", staffToken());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/x-ndjson"));
        assertThat(page.body()).endsWith("\n");
        assertThat(lines(page.body())).map(AuditJsonLines::parse).isEqualTo(appended.subList(0, 2));

        String rest = http.get("/api/v1/audit/events?after=" + (after + 2) + "&limit=2", staffToken()).body();
        assertThat(lines(rest)).map(AuditJsonLines::parse).first().isEqualTo(appended.get(2));
        assertThat(http.get("/api/v1/audit/events?after=" + log.head().lastSeq(), staffToken()).body()).isEmpty();
    }

    @Test
    void theWholeExportVerifiesOnItsOwnAndMatchesTheVerifyEndpoint() {
        appendThree();
        List<AuditEvent> exported = new ArrayList<>();
        long after = 0;
        while (true) {
            List<String> page = lines(http.get("/api/v1/audit/events?after=" + after + "&limit=2", staffToken()).body());
            if (page.isEmpty()) {
                break;
            }
            page.stream().map(AuditJsonLines::parse).forEach(exported::add);
            after = exported.getLast().seq();
        }
        Verification offline = AuditChainVerifier.verify(exported);
        assertThat(offline.ok()).isTrue();

        JsonNode verify = json.readTree(http.get("/api/v1/audit/verify", staffToken()).body());
        assertThat(verify.get("ok").asBoolean()).isTrue();
        Verification.Ok ok = (Verification.Ok) offline;
        assertThat(verify.get("events").asLong()).isEqualTo(ok.events());
        assertThat(verify.get("lastSeq").asLong()).isEqualTo(ok.lastSeq());
        assertThat(verify.get("lastHash").asString()).isEqualTo(ok.lastHash().hex());
    }

    @Test
    void badPagesAreProblems() {
        for (String query : List.of("limit=0", "limit=10001", "after=-1", "after=abc")) {
            HttpResponse<String> response = http.get("/api/v1/audit/events?" + query, staffToken());
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    ct -> assertThat(ct).startsWith("application/problem+json"));
        }
        assertThat(http.get("/api/v1/audit/events?limit=0", staffToken()).body())
                .contains("limit must be between 1 and 10000");
    }

    @Test
    void theEndpointsAreInTheOpenApiDocument() {
        assertThat(http.get("/api/v1/openapi.json", null).body())
                .contains("\"/api/v1/audit/events\"").contains("\"/api/v1/audit/verify\"");
    }
}
