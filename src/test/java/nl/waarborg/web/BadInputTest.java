package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12, section 4: every bad input gets a clear 4xx problem+json, nothing else. Oversized bodies and values
 * (413), paths the firewall refuses, /error and unknown paths, NUL characters, lone surrogates and far-off dates
 * anywhere in a body or parameter (400 naming the field, never the value), an empty subject, HEAD on public pages.
 */
class BadInputTest extends ServiceTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Autowired
    ApiKeys keys;

    private String app;

    @BeforeEach
    void key() {
        app = keys.create("staff", List.of("quote", "rental", "bookkeeping"), "bad-input").plaintext();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private static JsonNode problem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).as(r.body()).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode p = JSON.readTree(r.body());
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("title").asString()).isNotBlank();
        assertThat(r.body()).doesNotContain("java.", "tools.jackson", "Exception", "org.springframework");
        return p;
    }

    private UUID subject() {
        HttpResponse<String> r = http.post("/api/v1/subjects", app,
                "{\"references\": [{\"scheme\": \"crm\", \"reference\": \"B-" + UUID.randomUUID() + "\"}], \"categories\": [\"customer\"]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return UUID.fromString(JSON.readTree(r.body()).get("id").asString());
    }

    private static String big(int bytes) {
        return "x".repeat(bytes);
    }

    // ---- limits ----

    @Test
    void aBodyOverTheLimitOfASingleCallIsRefusedWith413Problem() {
        String body = "{\"references\": [{\"scheme\": \"crm\", \"reference\": \"" + big(2 * 1024 * 1024) + "\"}]}";
        JsonNode p = problem(http.post("/api/v1/subjects", app, body), 413);
        assertThat(p.get("detail").asString()).contains("1048576 bytes");
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413ProblemAsItIsRead() {
        byte[] body = ("{\"references\": [{\"scheme\": \"crm\", \"reference\": \"" + big(2 * 1024 * 1024) + "\"}]}").getBytes();
        HttpResponse<String> r = send(request("/api/v1/subjects").header("Authorization", "Bearer " + app)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        problem(r, 413);
    }

    @Test
    void aBatchMayBeLargerThanASingleCall() {
        // 2 MB of batch: over the single-call limit, under the batch limit; it is read (and refused for its content)
        String body = "{\"items\": [{\"category\": \"name\", \"value\": \"" + big(2 * 1024 * 1024) + "\"}]}";
        HttpResponse<String> r = http.post("/api/v1/items/batch", app, body);
        assertThat(r.statusCode()).as(r.body()).isNotEqualTo(413).isBetween(400, 499);
    }

    @Test
    void aStoredValueOverItsLimitIsRefusedWith413ProblemNamingTheField() {
        UUID s = subject();
        JsonNode p = problem(http.post("/api/v1/subjects/" + s + "/items", app,
                "{\"category\": \"name\", \"value\": \"" + big(65 * 1024) + "\", \"purposes\": [\"rental\"], "
                        + "\"source\": \"subject\", \"system\": \"vault\"}"), 413);
        assertThat(p.get("field").asString()).isEqualTo("value");
    }

    // ---- errors before Spring MVC ----

    @ParameterizedTest
    @ValueSource(strings = {"//api/v1/policy", "/api/v1/policy;jsessionid=1", "/api/v1/policy%2Fversions",
            "/api/v1/policy%00", "/api/v1/%2e%2e/policy"})
    void aPathTheFirewallRefusesIsA400Problem(String path) {
        problem(send(request(path).header("Authorization", "Bearer " + staffToken()).GET()), 400);
    }

    /** Requests Tomcat itself refuses, before any filter: a malformed escape, a character no URL may hold. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/%zz", "/api/v1/policy%", "/a|b"})
    void aRequestTomcatRefusesIsA400Problem(String target) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(response).as(target).startsWith("HTTP/1.1 400");
            assertThat(response.toLowerCase(java.util.Locale.ROOT)).as(response).contains("content-type: application/problem+json");
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            assertThat(body).contains("\"status\":400").doesNotContain("Tomcat", "Exception", "<html");
        }
    }

    @Test
    void theErrorPageIsAProblem() {
        problem(http.get("/error", null), 404);
    }

    @Test
    void anUnknownPathIsAProblem() {
        problem(http.get("/actuator/health/no-such-group", null), 404);
        problem(http.get("/api/v1/no-such-thing", staffToken()), 403);
        // a path outside the API is the portal's: a page, in the visitor's language, that says there is no such page
        var page = http.get("/no-such-page", null);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("Deze pagina bestaat niet");
    }

    // ---- what a body or parameter may hold ----

    @Test
    void aNulCharacterInABodyIsA400NamingTheFieldNotTheValue() {
        JsonNode p = problem(http.post("/api/v1/subjects", app,
                "{\"references\": [{\"scheme\": \"crm\", \"reference\": \"secret\\u0000value\"}]}"), 400);
        assertThat(p.get("field").asString()).isEqualTo("/references/0/reference");
        assertThat(p.toString()).doesNotContain("secret");
    }

    @Test
    void aLoneSurrogateInABodyIsA400NamingTheField() {
        UUID s = subject();
        JsonNode p = problem(http.post("/api/v1/subjects/" + s + "/items", app,
                "{\"category\": \"name\", \"value\": \"secret\\ud800\", \"purposes\": [\"rental\"], "
                        + "\"source\": \"subject\", \"system\": \"vault\"}"), 400);
        assertThat(p.get("field").asString()).isEqualTo("/value");
        assertThat(p.toString()).doesNotContain("secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-4714-11-24T00:00:00Z", "+10000-01-01T00:00:00Z", "1899-12-31T23:59:59Z",
            "+1000000000-12-31T23:59:59Z"})
    void aDateOutsideTheYears1900To9999IsA400NamingTheField(String date) {
        UUID s = subject();
        JsonNode p = problem(http.post("/api/v1/subjects/" + s + "/events", app,
                "{\"event\": \"contract-ended\", \"occurredAt\": \"" + date + "\"}"), 400);
        assertThat(p.get("field").asString()).isEqualTo("/occurredAt");
    }

    @Test
    void aDateOutOfRangeInABatchIsNamedByItsPosition() {
        UUID s = subject();
        JsonNode p = problem(http.post("/api/v1/items/batch", app, "{\"items\": [{\"subject\": \"" + s + "\", "
                + "\"category\": \"name\", \"value\": \"v\", \"purposes\": [\"rental\"], \"source\": \"subject\", "
                + "\"system\": \"vault\"}, {\"subject\": \"" + s + "\", \"category\": \"name\", \"value\": \"v\", "
                + "\"purposes\": [\"rental\"], \"source\": \"subject\", \"system\": \"vault\", "
                + "\"collectedAt\": \"-4714-11-24T00:00:00Z\"}]}"), 400);
        assertThat(p.get("field").asString()).isEqualTo("/items/1/collectedAt");
    }

    @Test
    void aNulCharacterInAParameterIsA400NamingTheParameter() {
        UUID s = subject();
        JsonNode p = problem(http.get("/api/v1/subjects/" + s + "/items?purpose=rent%00al", app), 400);
        assertThat(p.get("field").asString()).isEqualTo("purpose");
    }

    @Test
    void aValueOfTheWrongTypeOrNoJsonIsA400WithoutExceptionText() {
        JsonNode wrongType = problem(http.post("/api/v1/subjects", app, "{\"categories\": {\"a\": 1}}"), 400);
        assertThat(wrongType.get("field").asString()).isEqualTo("/categories");
        problem(http.post("/api/v1/subjects", app, "{\"categories\": [\"customer\""), 400);
        problem(http.post("/api/v1/subjects", app, ""), 400);
        problem(http.get("/api/v1/subjects/not-a-uuid", staffToken()), 400);
        problem(http.get("/api/v1/audit/events?after=99999999999999999999", staffToken()), 400);
    }

    @Test
    void aSubjectWithNothingInItIsA400() {
        problem(http.post("/api/v1/subjects", app, "{}"), 400);
        problem(http.post("/api/v1/subjects", app, "{\"references\": [], \"identifiers\": [], \"categories\": []}"), 400);
        problem(http.post("/api/v1/subjects/batch", app, "{\"subjects\": [{}]}"), 400);
    }

    @Test
    void aMalformedIdentifierIsA400() {
        problem(http.post("/api/v1/subjects/lookup", app, "{\"kind\": \"email\", \"value\": \"no-at-sign\"}"), 400);
    }

    // ---- HEAD ----

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api/v1/policy/statement", "/api/v1/policy/statement?lang=en&format=md"})
    void headOnAPublicPageAnswersAsGetDoesWithoutABody(String path) {
        HttpResponse<String> get = send(request(path).GET());
        HttpResponse<String> head = send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(get.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        for (String h : List.of("Content-Type", "ETag", "Content-Language")) {
            assertThat(head.headers().firstValue(h)).as(h).isEqualTo(get.headers().firstValue(h));
        }
    }
}
