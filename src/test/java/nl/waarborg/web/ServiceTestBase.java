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
            DATA_ROOT = Files.createTempDirectory("waarborg-test-data");
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
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
