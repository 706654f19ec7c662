package nl.waarborg.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole service on a random port with its own embedded PostgreSQL in a fresh data folder and the
 * clean test policy. Subclasses share one context (and one database) through Spring's test context cache.
 *
 * <p>A base for another policy extends this one with {@code @TestPropertySource} naming its
 * {@code waarborg.policy} and its own {@code waarborg.data-dir} under {@code ${waarborg.test.data-root}}
 * (contexts stay alive side by side, and a data folder serves one at a time); see ConsentPolicyTestBase.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
        "waarborg.policy=src/test/resources/policies/clean.yaml",
        "waarborg.data-dir=${waarborg.test.data-root}/clean"})
public abstract class ServiceTestBase {

    private static final Path DATA_ROOT;

    static {
        try {
            // under target/ (a clean build removes it), not the system temp folder, where every run left its
            // embedded databases behind; earlier runs whose PostgreSQL has stopped are removed here
            Path runs = Files.createDirectories(Path.of("target", "test-data"));
            removeStoppedRuns(runs);
            DATA_ROOT = Files.createTempDirectory(runs, "run");
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Deletes the run folders below {@code runs} in which no PostgreSQL runs (none holds a postmaster.pid). */
    private static void removeStoppedRuns(Path runs) throws IOException {
        try (var each = Files.list(runs)) {
            for (Path run : each.toList()) {
                boolean running;
                try (var files = Files.walk(run, 3)) {
                    running = files.anyMatch(f -> f.getFileName().toString().equals("postmaster.pid"));
                }
                if (!running) {
                    try (var files = Files.walk(run)) {
                        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                    }
                }
            }
        }
    }

    /** The data folder of the clean-policy context. */
    protected static final Path DATA = DATA_ROOT.resolve("clean");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("waarborg.test.data-root", DATA_ROOT::toString);
    }

    /** This context's data folder. */
    @Value("${waarborg.data-dir}")
    protected Path dataDir;

    @LocalServerPort
    protected int port;

    protected HttpTestClient http;

    @BeforeEach
    void client() {
        http = new HttpTestClient(port);
    }

    protected String staffToken() {
        try {
            return Files.readString(dataDir.resolve("staff-token")).trim();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
