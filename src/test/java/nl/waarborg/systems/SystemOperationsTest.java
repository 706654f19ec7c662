package nl.waarborg.systems;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.waarborg.policy.LinkKind;
import nl.waarborg.systems.FakeWebhookSystem.Reply;
import nl.waarborg.systems.SystemOperations.Status;
import nl.waarborg.systems.webhook.WebhookSignature;
import org.junit.jupiter.api.Test;

/**
 * Operations on a webhook system served by a real HTTP server: failed deliveries are tried again with backoff as the
 * clock moves (never a sleep), a slow system times out, an answer may come later on the signed callback endpoint,
 * and a callback that is not the system's is refused and audited.
 */
class SystemOperationsTest extends SystemsTestBase {

    private static final String EMAIL = "jan.jansen@example.org";
    private static final SubjectLinks JAN = new SubjectLinks(null, List.of(
            new SubjectLinks.Link(LinkKind.REFERENCE, "crm", "C-1001"), new SubjectLinks.Link(LinkKind.EMAIL, null, EMAIL)));

    private static String id(String kind) {
        return kind + "-" + UUID.randomUUID();
    }

    @Test
    void aSystemThatFailsTheFirstAttemptsIsTriedAgainWithBackoffUntilItAnswers() {
        HOOKS.answer((n, d) -> n <= 2 ? new Reply(503, "") : Reply.done("{\"email\":1,\"name\":1}"));
        String id = id("erase");

        SystemOperations.Operation first = operations.erase(id, "hooks", JAN).operation();
        assertThat(first.status()).isEqualTo(Status.FAILED);
        assertThat(first.cause()).startsWith("http-503:");
        assertThat(first.attempts()).isEqualTo(1);
        // exponential backoff with equal jitter: the first wait is between half the base (30s) and the base
        assertThat(first.nextAttemptAt()).isBetween(first.updatedAt().plusSeconds(15), first.updatedAt().plusSeconds(30));

        assertThat(operations.retryDue()).as("not due yet").isZero();
        assertThat(HOOKS.deliveries).hasSize(1);

        clock.advance(Duration.ofSeconds(31));
        operations.retryDue();
        SystemOperations.Operation second = operations.find(id).orElseThrow();
        assertThat(second.status()).isEqualTo(Status.FAILED);
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.nextAttemptAt()).as("the wait doubles")
                .isBetween(second.updatedAt().plusSeconds(30), second.updatedAt().plusSeconds(60));

        clock.advance(Duration.ofSeconds(61));
        operations.retryDue();
        SystemOperations.Operation done = operations.find(id).orElseThrow();
        assertThat(done.status()).isEqualTo(Status.DONE);
        assertThat(done.counts()).containsEntry("email", 1L).containsEntry("name", 1L);
        assertThat(done.nextAttemptAt()).isNull();

        // the same message each time, so the system can recognise a repeat; each attempt signed
        assertThat(HOOKS.deliveries).hasSize(3).allSatisfy(d -> {
            assertThat(d.id()).isEqualTo(id);
            assertThat(new WebhookSignature(SECRET).verify(d.id(), Long.parseLong(d.timestamp()),
                    d.body().getBytes(StandardCharsets.UTF_8), d.signature())).isTrue();
        });
        // the erasure names the subject by its links and nothing more
        assertThat(HOOKS.deliveries.getFirst().body()).contains("\"type\":\"erase\"", "C-1001", EMAIL)
                .doesNotContain("name\"", "\"value\":\"Jan");
        List<String> audited = events("system-erased", "operation:" + id);
        assertThat(audited).hasSize(3);
        assertThat(audited.get(0)).startsWith("failed ").contains("cause:http-503", "attempt:1");
        assertThat(audited.get(2)).startsWith("allowed ").contains("status:done", "count:email:1");
        assertThat(String.join(" ", audited)).as("no personal value in the audit log").doesNotContain("C-1001", "jansen");
    }

    @Test
    void retriesStopAfterTheConfiguredCountAndTheOperationIsListedForStaffOnly() {
        HOOKS.answer((n, d) -> new Reply(500, ""));
        String id = id("erase");
        operations.erase(id, "hooks", JAN);
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofHours(1)); // past any backoff
            operations.retryDue();
        }
        SystemOperations.Operation op = operations.find(id).orElseThrow();
        assertThat(op.attempts()).as("waarborg.systems.max-attempts=3").isEqualTo(3);
        assertThat(op.givenUp()).isTrue();
        assertThat(HOOKS.deliveries).hasSize(3);
        assertThat(events("system-erased", "operation:" + id).getLast()).contains("given-up");

        var listed = http.get("/api/v1/systems/operations?failed=true", staffToken());
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains(id).doesNotContain(EMAIL, "C-1001");
        assertThat(http.get("/api/v1/systems/operations?failed=true", null).statusCode()).isEqualTo(401);
    }

    @Test
    void afterARestartASubjectOperationIsNotTriedAgainWithoutItsInputAndStaysFailedForStaff() {
        HOOKS.answer((n, d) -> new Reply(503, ""));
        String id = id("erase");
        operations.erase(id, "hooks", JAN);
        operations.forgetRetryInputs(); // what a restart does: the subject's links were never stored
        clock.advance(Duration.ofMinutes(5));
        operations.retryDue();
        SystemOperations.Operation op = operations.find(id).orElseThrow();
        assertThat(op.givenUp()).isTrue();
        assertThat(op.cause()).startsWith("retry-input-lost:");
        assertThat(HOOKS.deliveries).hasSize(1);
        assertThat(events("system-erased", "operation:" + id).getLast()).contains("cause:retry-input-lost", "given-up");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM system_operation WHERE id = ? AND (cause LIKE '%C-1001%' "
                + "OR cause LIKE '%jansen%' OR counts::text LIKE '%jansen%')", Integer.class, id)).isZero();
    }

    @Test
    void aSystemThatAnswersTooSlowlyTimesOutAndIsTriedAgain() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HOOKS.answer((n, d) -> {
            if (n == 1) {
                release.await(10, TimeUnit.SECONDS); // longer than waarborg.systems.webhook-timeout=1s
            }
            return Reply.done("{\"email\":1}");
        });
        String id = id("rectify");
        SystemOperations.Operation op = operations.rectify(id, "hooks", JAN, "email", "jan@example.net").operation();
        release.countDown();
        assertThat(op.status()).isEqualTo(Status.FAILED);
        assertThat(op.cause()).startsWith("timeout:").doesNotContain("jan@example.net");

        clock.advance(Duration.ofMinutes(1));
        operations.retryDue();
        assertThat(operations.find(id).orElseThrow().status()).isEqualTo(Status.DONE);
        assertThat(HOOKS.deliveries.getLast().body()).contains("\"category\":\"email\"", "\"value\":\"jan@example.net\"");
    }

    @Test
    void aSystemMayAnswerLaterThroughASignedCallbackOnce() {
        HOOKS.answer((n, d) -> new Reply(202, ""));
        String id = id("erase");
        SystemOperations.Operation pending = operations.erase(id, "hooks", JAN).operation();
        assertThat(pending.status()).isEqualTo(Status.PENDING);
        assertThat(operations.retryDue()).as("a pending answer is not asked again").isZero();

        String result = "{\"status\":\"done\",\"counts\":{\"email\":2},\"digest\":\"" + "ab".repeat(32) + "\"}";
        HttpResponse<String> answered = callback("hooks", id, clock.instant().getEpochSecond(), result, SECRET);
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        SystemOperations.Operation done = operations.find(id).orElseThrow();
        assertThat(done.status()).isEqualTo(Status.DONE);
        assertThat(done.counts()).containsEntry("email", 2L);
        assertThat(done.digest()).isEqualTo("ab".repeat(32));
        assertThat(events("system-erased", "operation:" + id).getLast()).contains("status:done", "keys-sha256:" + "ab".repeat(32));

        HttpResponse<String> again = callback("hooks", id, clock.instant().getEpochSecond(), result, SECRET);
        assertThat(again.statusCode()).as("answered already: a replay").isEqualTo(409);
        assertThat(events("system-callback-refused", "answered-already")).isNotEmpty();
        assertThat(operations.erase(id, "hooks", JAN).result()).as("done: the system is not asked again").isNull();
        assertThat(HOOKS.deliveries).hasSize(1);
    }

    @Test
    void aCallbackThatIsNotTheSystemsIsRefusedWith401AndAudited() {
        HOOKS.answer((n, d) -> new Reply(202, ""));
        String id = id("erase");
        operations.erase(id, "hooks", JAN);
        String result = "{\"status\":\"done\",\"counts\":{}}";
        long now = clock.instant().getEpochSecond();
        int before = events("system-callback-refused", "system:hooks").size();

        HttpResponse<String> wrongKey = callback("hooks", id, now, result, "whsec_" + java.util.Base64.getEncoder()
                .encodeToString("another secret altogether".getBytes(StandardCharsets.UTF_8)));
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(wrongKey.headers().firstValue("content-type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(events("system-callback-refused", "bad-signature")).isNotEmpty();

        HttpResponse<String> stale = callback("hooks", id, now - 600, result, SECRET);
        assertThat(stale.statusCode()).as("outside the 5-minute window: a replay").isEqualTo(401);
        assertThat(events("system-callback-refused", "stale-timestamp")).isNotEmpty();

        HttpResponse<String> notSent = callback("hooks", id("erase"), now, result, SECRET);
        assertThat(notSent.statusCode()).as("a webhook-id Waarborg did not send").isEqualTo(401);
        assertThat(events("system-callback-refused", "unknown-message")).isNotEmpty();

        assertThat(events("system-callback-refused", "system:hooks")).hasSize(before + 3);
        assertThat(operations.find(id).orElseThrow().status()).as("still waiting for the real answer").isEqualTo(Status.PENDING);
    }

    @Test
    void aPendingAnswerThatNeverComesFailsAfterTheMaximumAge() {
        HOOKS.answer((n, d) -> new Reply(202, ""));
        String id = id("erase");
        operations.erase(id, "hooks", JAN);
        clock.advance(Duration.ofDays(2).plusMinutes(1));
        operations.retryDue();
        SystemOperations.Operation op = operations.find(id).orElseThrow();
        assertThat(op.status()).isEqualTo(Status.FAILED);
        assertThat(op.cause()).startsWith("no-answer:");
        assertThat(op.givenUp()).isTrue();
    }

    @Test
    void anOperationIdIsDoneOnce() {
        HOOKS.answer((n, d) -> Reply.done("{\"email\":1}"));
        String id = id("erase");
        assertThat(operations.erase(id, "hooks", JAN).operation().status()).isEqualTo(Status.DONE);
        assertThat(operations.erase(id, "hooks", JAN).result()).isNull();
        assertThat(HOOKS.deliveries).hasSize(1);
        assertThat(events("system-erased", "operation:" + id)).hasSize(1);
    }

    @org.springframework.beans.factory.annotation.Autowired
    nl.waarborg.vault.Vault vault;

    @Test
    void aManualSystemsErasureIsATaskForItsOwnerListedWithoutPersonalValuesThatShowOnlyWhenOpenedAudited() {
        UUID subject = vault.createSubjects(new nl.waarborg.access.Caller("test", "management", List.of(), true),
                List.of(new nl.waarborg.vault.Vault.NewSubject(List.of(new nl.waarborg.vault.Reference("crm", "C-2002")),
                        List.of(), List.of("facility-visitor")))).getFirst();
        String id = id("erase");
        SubjectLinks links = new SubjectLinks(subject, JAN.links());
        SystemOperations.Ran ran = operations.erase(id, "cctv", links);
        assertThat(ran.operation().status()).isEqualTo(Status.PENDING);
        assertThat(ran.result()).isInstanceOf(SystemResult.Pending.class);

        var listed = http.get("/api/v1/systems/tasks", staffToken());
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains(id, subject.toString(), "Erase this subject's data in cctv by ")
                .doesNotContain(EMAIL, "C-1001", "C-2002");
        assertThat(http.get("/api/v1/systems/tasks", null).statusCode()).isEqualTo(401);
        long task = jdbc.queryForObject("SELECT id FROM system_task WHERE operation_id = ?", Long.class, id);

        assertThat(http.get("/api/v1/systems/tasks/" + task, null).statusCode()).isEqualTo(401);
        var opened = http.get("/api/v1/systems/tasks/" + task, staffToken());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        assertThat(opened.body()).contains("C-2002", "Erase this subject's data in cctv by ");
        assertThat(events("system-task-opened", "task:" + task)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'system-task-opened' "
                + "AND subject_id = ?", Integer.class, subject)).isEqualTo(1);
        assertThat(http.post("/api/v1/systems/tasks/" + task + "/done", null, "").statusCode()).isEqualTo(401);

        var done = http.post("/api/v1/systems/tasks/" + task + "/done", staffToken(), "");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(operations.find(id).orElseThrow().status()).isEqualTo(Status.DONE);
        assertThat(events("system-erased", "operation:" + id).getLast()).contains("status:done");
        assertThat(http.post("/api/v1/systems/tasks/" + task + "/done", staffToken(), "").statusCode()).isEqualTo(409);
    }

    @Test
    void theOpenApiDocumentDescribesTheWebhooks() {
        String doc = http.get("/api/v1/openapi.json", null).body();
        assertThat(doc).startsWith("{\"openapi\":\"3.1");
        assertThat(doc).contains("\"webhooks\"", "\"systemSweep\"", "\"systemErase\"", "\"systemExport\"",
                "\"systemRectify\"", "\"WebhookResult\"", "/api/v1/systems/{id}/callback");
    }

    private HttpResponse<String> callback(String system, String id, long timestamp, String body, String secret) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/systems/" + system
                        + "/callback"))
                .header("content-type", "application/json")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", new WebhookSignature(secret).sign(id, timestamp, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

}
