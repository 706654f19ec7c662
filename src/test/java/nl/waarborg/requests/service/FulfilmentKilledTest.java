package nl.waarborg.requests.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.waarborg.WaarborgApplication;
import nl.waarborg.systems.FakeWebhookSystem;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code kill -9} in the middle of a fulfilment (issue 16: "a request survives a restart at any point"): the service runs
 * in a process of its own ({@link FulfilInAnotherProcess}) and fulfils an erasure; the example's webhook systems are
 * this test's server, which holds the erasure's delivery; the process is killed with SIGKILL right then, its step
 * running. The next start of the service on the same data folder moves the fulfilment on and erases there once more
 * under the same operation id (the system's idempotency key), and the step is done.
 */
class FulfilmentKilledTest {

    @Test
    void aFulfilmentKilledWhileASystemErasesIsFinishedByTheNextStartUnderTheSameOperation() throws Exception {
        Path root = Files.createDirectories(Path.of("target", "test-data"));
        Path data = Files.createTempDirectory(root, "killed-fulfilment");
        Files.createDirectories(data.resolve("secrets"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Path secret = data.resolve("secrets/hooks");
        Files.writeString(secret, "whsec_" + java.util.Base64.getEncoder().encodeToString(
                "test secret of the killed hooks!".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        CountDownLatch killed = new CountDownLatch(1);
        try (FakeWebhookSystem hooks = new FakeWebhookSystem()) {
            hooks.answer((n, d) -> {
                if (d.body().contains("\"erase\"") && killed.getCount() > 0) {
                    killed.await(5, TimeUnit.MINUTES); // held until the process that sent it is dead
                }
                return FakeWebhookSystem.Reply.done("{}");
            });
            Path policy = Files.createTempFile(root, "killed-fulfilment", ".yaml");
            Files.writeString(policy, Files.readString(Path.of("examples/self-storage.yaml")).replaceAll(
                    "webhook: \\{url: \"[^\"]+\", secret: \\{env: [A-Z_]+}}",
                    "webhook: {url: \"" + hooks.url() + "\", secret: {file: secrets/hooks}}"));
            Path referenceFile = data.resolveSibling(data.getFileName() + ".reference");

            Process fulfil = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), FulfilInAnotherProcess.class.getName(), data.toString(),
                    policy.toString()).redirectErrorStream(true)
                    .redirectOutput(data.resolveSibling(data.getFileName() + ".log").toFile()).start();
            String reference;
            try {
                await(Duration.ofMinutes(3), () -> hooks.deliveries.stream().anyMatch(d -> d.body().contains("\"erase\"")));
                reference = Files.readString(referenceFile).trim();
                fulfil.destroyForcibly(); // SIGKILL, the erasure's delivery out and unanswered
                assertThat(fulfil.waitFor(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                fulfil.destroyForcibly();
                killed.countDown();
            }
            String operation = hooks.deliveries.stream().filter(d -> d.body().contains("\"erase\"")).findFirst()
                    .orElseThrow().id();

            try (ConfigurableApplicationContext again = new SpringApplicationBuilder(WaarborgApplication.class)
                    .web(WebApplicationType.NONE).logStartupInfo(false)
                    .run("--waarborg.data-dir=" + data, "--waarborg.policy=" + policy,
                            "--waarborg.retention.sweep-interval=PT0S", "--waarborg.systems.retry-interval=0s",
                            "--waarborg.requests.fulfilment-interval=0s", "--logging.config=classpath:waarborg-cli-logback.xml")) {
                JdbcClient jdbc = again.getBean(JdbcClient.class);
                String sql = "SELECT s.status FROM request_step s JOIN request r ON r.id = s.request_id WHERE r.reference = ? "
                        + "AND s.action = 'erase' AND s.target = ?";
                assertThat(jdbc.sql(sql).params(reference, "vault").query(String.class).single()).isEqualTo("done");
                assertThat(jdbc.sql(sql).params(reference, "access-control").query(String.class).single())
                        .as("left running by the killed process").isEqualTo("running");
                long before = hooks.deliveries.stream().filter(d -> operation.equals(d.id())).count();

                again.getBean(Fulfilment.class).advanceAll(FulfilmentLoop.ACTOR);

                assertThat(again.getBean(Fulfilment.class).progress(again.getBean(RequestStore.class).find(reference)
                        .orElseThrow()).steps()).filteredOn(s -> s.target().equals("access-control")).singleElement()
                        .satisfies(s -> assertThat(s.status()).isEqualTo("done"));
                assertThat(hooks.deliveries.stream().filter(d -> operation.equals(d.id())).count())
                        .as("asked again once, under the same operation id").isEqualTo(before + 1);
            }
        }
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
