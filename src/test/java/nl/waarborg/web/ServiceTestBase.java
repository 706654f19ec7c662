package nl.waarborg.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on a random port with its own embedded PostgreSQL in a fresh data folder and the
 * clean test policy. Subclasses share one context (and one database) through Spring's test context cache.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServiceTestBase {

    protected static final Path DATA;

    static {
        try {
            DATA = Files.createTempDirectory("waarborg-test-data");
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("waarborg.data-dir", DATA::toString);
        registry.add("waarborg.policy", () -> "src/test/resources/policies/clean.yaml");
    }

    @LocalServerPort
    protected int port;

    protected HttpTestClient http;

    @BeforeEach
    void client() {
        http = new HttpTestClient(port);
    }

    protected String staffToken() {
        try {
            return Files.readString(DATA.resolve("staff-token")).trim();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
