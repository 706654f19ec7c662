package nl.waarborg.documents.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The processor's register (Art. 30(2)) served from a policy in force that declares as-processor activities: the
 * clean test policy with one such activity appended (written at start, so it follows clean.yaml).
 */
@TestPropertySource(properties = "waarborg.data-dir=${waarborg.test.data-root}/processor")
class ProcessorRegisterEndpointTest extends ServiceTestBase {

    private static final String AS_PROCESSOR = """

            as-processor:
              - id: client-acme
                controller: {name: Acme Retail B.V., contact: privacy@acme.example}
                processing: {nl: Opslag van de archiefdozen van de klant, en: Storage of the client's archive boxes}
                systems: [vault]
            """;

    @DynamicPropertySource
    static void processorPolicy(DynamicPropertyRegistry registry) {
        registry.add("waarborg.policy", () -> {
            try {
                Path policy = Files.createDirectories(Path.of("target", "test-policies")).resolve("clean-processor.yaml");
                Files.writeString(policy, Files.readString(Path.of("src/test/resources/policies/clean.yaml"),
                        StandardCharsets.UTF_8) + AS_PROCESSOR, StandardCharsets.UTF_8);
                return policy.toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void staffGetTheProcessorsRegisterAsADownload() {
        HttpResponse<String> csv = http.get("/api/v1/policy/register/processor?format=csv", staffToken());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("register-processor-2026.1.csv");
        assertThat(csv.body()).startsWith("Activiteit-id,Verwerker,").contains("client-acme", "Acme Retail B.V.",
                "Opslag van de archiefdozen van de klant", "Waarborg-kluis");

        HttpResponse<String> jsonld = http.get("/api/v1/policy/register/processor?format=jsonld", staffToken());
        assertThat(jsonld.statusCode()).isEqualTo(200);
        JsonNode doc = JsonMapper.builder().build().readTree(jsonld.body());
        assertThat(doc.path("@graph").get(0).path("dpv:hasDataController").path("schema:name").asString()).isEqualTo("Acme Retail B.V.");

        assertThat(http.get("/api/v1/policy/register/processor", null).statusCode()).isEqualTo(401);
    }
}
