package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The served OpenAPI document says who may call what: Redocly CLI (pinned, {@link #REDOCLY_VERSION}) lints it
 * with its recommended rules and any error fails the test. Redocly is taken from target/redocly, where .ci/run
 * installs it; locally the test installs it there itself when npm is on the PATH. Without it the test is skipped
 * locally and fails under CI=true.
 */
class OpenApiLintTest extends ServiceTestBase {

    static final String REDOCLY_VERSION = "2.77.0";
    private static final Path HOME = Path.of("target", "redocly");
    private static final Path REDOCLY = HOME.resolve("node_modules/.bin/redocly");

    @Test
    void theServedDocumentPassesRedoclysRecommendedRules() throws Exception {
        HttpResponse<String> doc = http.get("/api/v1/openapi.json", null);
        assertThat(doc.statusCode()).isEqualTo(200);
        Path file = Files.createDirectories(Path.of("target")).resolve("openapi.json");
        Files.writeString(file, doc.body());

        Path redocly = redocly();
        Path config = Path.of("src/test/resources/openapi/redocly.yaml");
        Process lint = new ProcessBuilder(redocly.toString(), "lint", "--config", config.toString(), "--format", "stylish",
                file.toString()).redirectErrorStream(true).start();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(lint.exitValue()).as(output).isZero();
    }

    @Test
    void everyOperationDeclaresWhoMayCallItAndHasASummary() {
        JsonNode doc = JsonMapper.builder().build().readTree(http.get("/api/v1/openapi.json", null).body());
        assertThat(doc.at("/components/securitySchemes/staffToken/scheme").asString()).isEqualTo("bearer");
        assertThat(doc.at("/components/securitySchemes/apiKey/scheme").asString()).isEqualTo("bearer");
        List<String> missing = new ArrayList<>();
        doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (!op.getValue().has("security")) {
                missing.add(op.getKey() + " " + path.getKey() + ": no security");
            }
            if (!op.getValue().hasNonNull("summary")) {
                missing.add(op.getKey() + " " + path.getKey() + ": no summary");
            }
        }));
        assertThat(missing).isEmpty();
        assertThat(doc.at("/paths/~1api~1v1~1policy~1statement/get/security").isEmpty()).as("public").isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1audit~1verify/get/security/0/staffToken").isArray()).isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1items~1batch/post/security").toString()).isEqualTo("[{\"apiKey\":[]}]");
    }

    private static Path redocly() throws IOException, InterruptedException {
        if (!Files.isExecutable(REDOCLY) && onPath("npm")) {
            Files.createDirectories(HOME);
            Process install = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix", HOME.toString(),
                    "@redocly/cli@" + REDOCLY_VERSION).redirectErrorStream(true).start();
            String output = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!install.waitFor(10, TimeUnit.MINUTES) || install.exitValue() != 0) {
                System.err.println("npm install @redocly/cli failed:\n" + output);
            }
        }
        boolean present = Files.isExecutable(REDOCLY);
        if (Boolean.parseBoolean(System.getenv().getOrDefault("CI", "false"))) {
            assertThat(present).as("Redocly CLI in " + REDOCLY + " (.ci/run installs it)").isTrue();
        }
        assumeTrue(present, "Redocly CLI is not installed (npm install --prefix target/redocly @redocly/cli@"
                + REDOCLY_VERSION + ")");
        return REDOCLY;
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
