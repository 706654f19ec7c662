package nl.waarborg.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import nl.waarborg.WaarborgApplication;
import nl.waarborg.cli.WaarborgCommand;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded database after a crash (issue 12, part 1). Before: `kill -9` of the service left PostgreSQL running and
 * the next start failed ("postmaster.pid already exists"); PostgreSQL dying under the service made every request hang
 * 30 s and answer a plain 500.
 */
class EmbeddedDatabaseRecoveryTest {

    private static final String POLICY = "src/test/resources/policies/clean.yaml";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Path folder(String name) throws IOException {
        return Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), name);
    }

    private static Optional<Long> postmaster(Path data) {
        try {
            return Optional.of(Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).getFirst().strip()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    /** `waarborg serve` as a real process of its own, its output in a log file beside the data folder. */
    private static Process serve(Path data, int port, String... jvmOptions) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), WaarborgCommand.class.getName(),
                "serve", "--data", data.toString(), "--port", Integer.toString(port), "--policy", POLICY));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolveSibling(data.getFileName() + ".log").toFile()).start();
    }

    @Test
    void theFirstStartAfterTheServiceWasKilledStopsTheOrphanedServerAndRecovers() throws Exception {
        Path data = folder("killed");
        int port = freePort();
        Process serve = serve(data, port);
        try {
            await(Duration.ofMinutes(2), () -> status("http://127.0.0.1:" + port + "/actuator/health", null) == 200);
            long orphan = postmaster(data).orElseThrow();
            serve.destroyForcibly(); // SIGKILL: no shutdown hook stops PostgreSQL
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(EmbeddedCluster.isRunning(orphan)).as("PostgreSQL outlived the service").isTrue();

            try (ConfigurableApplicationContext again = new SpringApplicationBuilder(WaarborgApplication.class)
                    .web(WebApplicationType.NONE).run("--waarborg.data-dir=" + data, "--waarborg.policy=" + POLICY)) {
                assertThat(EmbeddedCluster.isRunning(orphan)).as("the orphan was stopped").isFalse();
                assertThat(again.getBean(JdbcClient.class).sql("SELECT count(*) FROM policy_load").query(Integer.class).single())
                        .as("both starts are on record: nothing was lost").isEqualTo(2);
            }
        } finally {
            serve.destroyForcibly();
        }
    }

    @Test
    void postgresDyingUnderTheServiceIsToldAtOnceAndTheServerIsStartedAgain() throws Exception {
        Path data = folder("died");
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(WaarborgApplication.class)
                .run("--waarborg.data-dir=" + data, "--waarborg.policy=" + POLICY, "--server.port=0",
                        // long enough to look at the outage before the restart ends it
                        "--waarborg.database.restart-backoff=4s")) {
            int port = Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
            String base = "http://127.0.0.1:" + port;
            String token = Files.readString(data.resolve("staff-token")).strip();
            assertThat(status(base + "/api/v1/policy", token)).isEqualTo(200);
            assertThat(((org.springframework.boot.tomcat.TomcatWebServer) ((org.springframework.boot.web.server.context
                    .WebServerApplicationContext) service).getWebServer()).getTomcat().getConnector().getProperty("address"))
                    .as("only this machine, unless --host says otherwise")
                    .isEqualTo(java.net.InetAddress.getByName("127.0.0.1"));

            long first = postmaster(data).orElseThrow();
            ProcessHandle.of(first).orElseThrow().destroyForcibly();

            await(Duration.ofSeconds(30), () -> status(base + "/actuator/health", null) == 503);
            HttpResponse<String> refused = send(base + "/api/v1/policy", token);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(refused.body()).contains("\"status\":503");
            assertThat(status(base + "/actuator/health/readiness", null)).as("readiness says so too").isEqualTo(503);

            await(Duration.ofMinutes(1), () -> status(base + "/actuator/health", null) == 200);
            assertThat(postmaster(data)).hasValueSatisfying(pid -> assertThat(pid).isNotEqualTo(first));
            assertThat(status(base + "/api/v1/policy", token)).as("requests work again").isEqualTo(200);
        }
    }

    @Test
    void whenTheServerCannotBeStartedAgainTheServiceStopsWithExitCode75ForItsSupervisor() throws Exception {
        Path data = folder("gave-up");
        int port = freePort();
        Path log = data.resolveSibling(data.getFileName() + ".log");
        Process serve = serve(data, port, "-Dwaarborg.database.restart-attempts=0");
        try {
            await(Duration.ofMinutes(2), () -> status("http://127.0.0.1:" + port + "/actuator/health", null) == 200);
            ProcessHandle.of(postmaster(data).orElseThrow()).orElseThrow().destroyForcibly();
            assertThat(serve.waitFor(2, TimeUnit.MINUTES)).as("the service stopped itself").isTrue();
            assertThat(serve.exitValue()).isEqualTo(75);
            assertThat(Files.readString(log)).contains("The embedded PostgreSQL stopped under the running service");
        } finally {
            serve.destroyForcibly();
        }
    }

    private int status(String url, String token) {
        try {
            return send(url, token).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private HttpResponse<String> send(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls until the condition holds (a deadline, not a timing assertion: the test fails only if it never does). */
    private static void await(Duration limit, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("still waiting after " + limit).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
