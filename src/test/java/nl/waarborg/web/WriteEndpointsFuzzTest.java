package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fuzzes the JSON bodies of the write endpoints (subject create and batch, item add and batch, lookup, events,
 * categories, identifiers, consents): whatever the body, the answer is a success or a 4xx problem+json, never a
 * 500, and it comes (a 30 s timeout catches a hang). Bodies are valid bodies with fields replaced by arbitrary
 * values (texts with NUL or lone surrogates, far-off dates, huge numbers, wrong types, nesting) or arbitrary bytes.
 *
 * <p>Two drivers of one property: Jazzer (in the suite its checked-in inputs and an empty one; {@code
 * JAZZER_FUZZ=1} fuzzes, as .ci/run does for a few seconds) and a seeded random run of a few hundred bodies that
 * every build makes.
 */
class WriteEndpointsFuzzTest extends ServiceTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String[] DATES = {"2026-01-01T00:00:00Z", "-4714-11-24T00:00:00Z", "+10000-01-01T00:00:00Z",
            "+1000000000-12-31T23:59:59Z", "1899-12-31T23:59:59Z", "2026-13-45T99:99:99Z", "9999-12-31T23:59:59.999999999Z",
            "", "now", "1900-01-01T00:00:00+25:00"};
    private static final String[] ENDPOINTS = {"/api/v1/subjects", "/api/v1/subjects/batch", "/api/v1/subjects/lookup",
            "/api/v1/subjects/{s}/items", "/api/v1/items/batch", "/api/v1/subjects/{s}/events",
            "/api/v1/subjects/{s}/categories", "/api/v1/subjects/{s}/identifiers", "/api/v1/subjects/{s}/consents",
            "/api/v1/requests"};

    @Autowired
    ApiKeys keys;

    private String key;
    private UUID subject;

    @BeforeEach
    void subject() throws Exception {
        key = keys.create("staff", List.of("quote", "rental", "bookkeeping"), "fuzz").plaintext();
        HttpResponse<String> r = post("/api/v1/subjects", ("{\"references\": [{\"scheme\": \"crm\", \"reference\": \"F-"
                + UUID.randomUUID() + "\"}], \"categories\": [\"customer\"]}").getBytes(StandardCharsets.UTF_8));
        subject = UUID.fromString(JsonMapper.builder().build().readTree(r.body()).get("id").asString());
    }

    /** The choices a body is built from: Jazzer's data or a seeded random source. */
    interface Choices {
        int pick(int bound);

        String text(int maxLength);

        long number();

        byte[] bytes(int maxLength);
    }

    @FuzzTest(maxDuration = "10s")
    void anyBodyGetsASuccessOrA4xxProblem(FuzzedDataProvider data) throws Exception {
        call(new Choices() {
            public int pick(int bound) {
                return data.consumeInt(0, bound - 1);
            }

            public String text(int maxLength) {
                return data.consumeString(maxLength);
            }

            public long number() {
                return data.consumeLong();
            }

            public byte[] bytes(int maxLength) {
                return data.consumeBytes(maxLength);
            }
        });
    }

    @Test
    void aFewHundredRandomBodiesGetASuccessOrA4xxProblem() throws Exception {
        Random random = new Random(12);
        Choices choices = new Choices() {
            public int pick(int bound) {
                return random.nextInt(bound);
            }

            public String text(int maxLength) {
                StringBuilder b = new StringBuilder();
                int n = random.nextInt(maxLength + 1);
                for (int i = 0; i < n; i++) {
                    b.append(switch (random.nextInt(6)) {
                        case 0 -> '\0';
                        case 1 -> (char) (0xd800 + random.nextInt(0x800)); // a surrogate, often alone
                        case 2 -> (char) random.nextInt(0x80);
                        default -> (char) ('a' + random.nextInt(26));
                    });
                }
                return b.toString();
            }

            public long number() {
                return random.nextInt(3) == 0 ? Long.MAX_VALUE - random.nextInt(10) : random.nextLong();
            }

            public byte[] bytes(int maxLength) {
                byte[] b = new byte[random.nextInt(maxLength + 1)];
                random.nextBytes(b);
                return b;
            }
        };
        for (int i = 0; i < 300; i++) {
            call(choices);
        }
    }

    private void call(Choices c) throws Exception {
        String path = ENDPOINTS[c.pick(ENDPOINTS.length)].replace("{s}", c.pick(8) == 0 ? UUID.randomUUID().toString()
                : subject.toString());
        byte[] body = c.pick(6) == 0 ? c.bytes(512) : JSON.writeValueAsBytes(mutate(valid(path), c, 0));
        HttpResponse<String> r = post(path, body);
        assertThat(r.statusCode()).as(path + " " + new String(body, StandardCharsets.UTF_8) + " -> " + r.body())
                .isLessThan(500);
        if (r.statusCode() >= 400) {
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path + " -> " + r.body())
                    .startsWith("application/problem+json");
            assertThat(r.body()).doesNotContain("java.", "tools.jackson", "Exception");
        }
    }

    private HttpResponse<String> post(String path, byte[] body) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A body the endpoint accepts, to be mutated. */
    private ObjectNode valid(String path) {
        ObjectNode item = NODES.objectNode().put("category", "name").put("value", "Ann").put("source", "subject")
                .put("system", "vault").put("collectedAt", "2026-01-01T00:00:00Z");
        item.putArray("purposes").add("rental");
        ObjectNode newSubject = NODES.objectNode();
        newSubject.putArray("references").addObject().put("scheme", "crm").put("reference", "R-" + UUID.randomUUID());
        newSubject.putArray("identifiers").addObject().put("kind", "email").put("value", "ann@example.nl");
        newSubject.putArray("categories").add("customer");
        if (path.endsWith("/subjects")) {
            return newSubject;
        }
        if (path.endsWith("/requests")) {
            ObjectNode r = NODES.objectNode().put("channel", "api").put("language", "nl").put("subject", subject.toString())
                    .put("restrictionGround", "accuracy-contested");
            r.putArray("kinds").add("erasure").add("restriction");
            return r;
        }
        if (path.endsWith("/subjects/batch")) {
            ObjectNode b = NODES.objectNode();
            b.putArray("subjects").add(newSubject);
            return b;
        }
        if (path.endsWith("/lookup")) {
            return NODES.objectNode().put("kind", "email").put("value", "ann@example.nl");
        }
        if (path.endsWith("/items/batch")) {
            ObjectNode b = NODES.objectNode();
            b.putArray("items").add(item.deepCopy().put("subject", subject.toString()));
            return b;
        }
        if (path.endsWith("/items")) {
            return item;
        }
        if (path.endsWith("/events")) {
            return NODES.objectNode().put("event", "contract-ended").put("occurredAt", "2026-01-01T00:00:00Z");
        }
        if (path.endsWith("/categories")) {
            return NODES.objectNode().put("category", "customer").put("at", "2026-01-01T00:00:00Z");
        }
        if (path.endsWith("/identifiers")) {
            ObjectNode b = NODES.objectNode();
            b.putArray("identifiers").addObject().put("kind", "phone").put("value", "06-12345678");
            return b;
        }
        return NODES.objectNode().put("purpose", "quote").put("statementVersion", "2026.1").put("language", "nl")
                .put("method", "web-form");
    }

    /** Replaces some values of the tree, at any depth, by arbitrary ones. */
    private JsonNode mutate(JsonNode node, Choices c, int depth) {
        if (node instanceof ObjectNode o) {
            for (String field : List.copyOf(o.propertyNames())) {
                if (c.pick(3) == 0) {
                    o.set(field, arbitrary(c, depth));
                } else {
                    o.set(field, mutate(o.get(field), c, depth + 1));
                }
            }
            if (c.pick(8) == 0) {
                o.set(c.text(8), arbitrary(c, depth));
            }
            return o;
        }
        if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, c.pick(3) == 0 ? arbitrary(c, depth) : mutate(a.get(i), c, depth + 1));
            }
            return a;
        }
        return c.pick(4) == 0 ? arbitrary(c, depth) : node;
    }

    private JsonNode arbitrary(Choices c, int depth) {
        return switch (c.pick(depth > 3 ? 6 : 8)) {
            case 0 -> NODES.textNode(c.text(40));
            case 1 -> NODES.textNode(DATES[c.pick(DATES.length)]);
            case 2 -> NODES.numberNode(c.number());
            case 3 -> NODES.nullNode();
            case 4 -> NODES.booleanNode(c.pick(2) == 0);
            case 5 -> NODES.textNode("");
            case 6 -> {
                ArrayNode a = NODES.arrayNode();
                for (int i = c.pick(4); i > 0; i--) {
                    a.add(arbitrary(c, depth + 1));
                }
                yield a;
            }
            default -> {
                ObjectNode o = NODES.objectNode();
                for (int i = c.pick(3); i > 0; i--) {
                    o.set(c.text(6), arbitrary(c, depth + 1));
                }
                yield o;
            }
        };
    }
}
