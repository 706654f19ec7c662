package nl.waarborg.systems;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import nl.waarborg.web.MutableClock;
import nl.waarborg.web.MutableClockConfiguration;
import nl.waarborg.web.ServiceTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The service on the clean test policy plus three systems: {@code hooks}, a webhook system served by a real HTTP
 * server in this JVM ({@link FakeWebhookSystem}); {@code down}, a webhook system whose port refuses connections; and
 * the manual {@code cctv}. Its webhook secret is a file in the data folder that only its owner may read, as in
 * production. A clock the tests move; no scheduled sweeps or retries: tests run them.
 */
@TestPropertySource(properties = {
        "waarborg.data-dir=${waarborg.test.data-root}/systems",
        "waarborg.retention.sweep-interval=PT0S",
        "waarborg.systems.retry-interval=0s",
        "waarborg.systems.max-attempts=3",
        "waarborg.systems.webhook-timeout=1s"})
@Import(MutableClockConfiguration.class)
abstract class SystemsTestBase extends ServiceTestBase {

    static final String SECRET = "whsec_" + java.util.Base64.getEncoder().encodeToString(
            "test secret of the hooks system!!".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    static final FakeWebhookSystem HOOKS = new FakeWebhookSystem();
    static final Path POLICY;

    static {
        try {
            Path data = DATA.getParent().resolve("systems");
            Files.createDirectories(data.resolve("secrets"), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            Path secret = data.resolve("secrets/hooks");
            Files.writeString(secret, SECRET);
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
            int refused;
            try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                refused = s.getLocalPort(); // closed below: nothing listens there any more
            }
            String clean = Files.readString(Path.of("src/test/resources/policies/clean.yaml"));
            String rental = "records-events: [contract-ended, complaint-closed]\n    data: [name, email]\n"
                    + "    sources: [subject]\n    systems: [vault]";
            if (!clean.contains(rental)) {
                throw new IllegalStateException("clean.yaml changed: the rental purpose is not where this test expects it");
            }
            String policy = clean.replace(rental, rental.replace("[vault]", "[vault, hooks, down]"))
                    .replace("    connector: manual\n", "    connector: manual\n"
                            + "  - id: hooks\n    name: {nl: Toegang, en: Access}\n    owner: IT\n    connector: webhook\n"
                            + "    webhook: {url: \"" + HOOKS.url() + "\", secret: {file: secrets/hooks}}\n"
                            + "  - id: down\n    name: {nl: Nieuwsbrief, en: Newsletter}\n    owner: Marketing\n"
                            + "    connector: webhook\n"
                            + "    webhook: {url: \"http://127.0.0.1:" + refused + "/hook\", secret: {file: secrets/hooks}}\n");
            POLICY = Files.createTempFile(Path.of("target"), "systems-policy", ".yaml");
            Files.writeString(POLICY, policy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void systemsPolicy(DynamicPropertyRegistry registry) {
        registry.add("waarborg.policy", POLICY::toString);
    }

    @Autowired
    protected MutableClock clock;
    @Autowired
    protected SystemOperations operations;
    @Autowired
    protected JdbcTemplate jdbc;

    /** The audit events of {@code action} naming {@code reason}, as "outcome reason reason …" lines. */
    protected java.util.List<String> events(String action, String reason) {
        return jdbc.query("SELECT outcome, reasons FROM audit_event WHERE action = ? AND ? = ANY (reasons) ORDER BY seq",
                (rs, n) -> rs.getString(1) + " " + String.join(" ", (String[]) rs.getArray(2).getArray()), action, reason);
    }
}
