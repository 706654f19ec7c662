package nl.waarborg.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import nl.waarborg.WaarborgApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded database is private, least-privileged and durable (issue 12, part 1). Before: any local user
 * connected over TCP as the superuser without a password, read the master key with pg_read_file, switched the
 * audit triggers off; fsync was off; keys and the database address were world-readable.
 */
class EmbeddedDatabasePrivacyTest {

    private static Path data;
    private static ConfigurableApplicationContext service;

    @BeforeAll
    static void start() throws IOException {
        data = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "privacy");
        service = new SpringApplicationBuilder(WaarborgApplication.class).web(WebApplicationType.NONE)
                .run("--waarborg.data-dir=" + data, "--waarborg.policy=src/test/resources/policies/clean.yaml");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static EmbeddedCluster cluster() {
        return service.getBean(EmbeddedCluster.class);
    }

    private static JdbcTemplate asService() {
        return new JdbcTemplate(service.getBean(DataSource.class));
    }

    @Test
    void thereIsNoTcpListenerOnlyASocketInAnOwnerOnlyFolder() throws IOException {
        assertThat(cluster().settings("listen_addresses", "unix_socket_permissions"))
                .containsEntry("listen_addresses", "").containsEntry("unix_socket_permissions", "0700");
        assertThat(OwnerOnly.isOpenToOthers(cluster().socketDir())).isFalse();
        assertThat(cluster().socketDir().resolve(".s.PGSQL.5432")).exists();
    }

    @Test
    void theServiceWorksAsARoleThatIsNoSuperuserAndOwnsItsSchema() {
        JdbcTemplate db = asService();
        assertThat(db.queryForObject("SELECT current_user", String.class)).isEqualTo("waarborg");
        assertThat(db.queryForObject("SELECT rolsuper FROM pg_roles WHERE rolname = current_user", Boolean.class)).isFalse();
        assertThat(db.queryForObject("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner <> 'waarborg'",
                Integer.class)).as("every table is the service role's").isZero();
    }

    @Test
    void superuserFunctionsAreOutOfTheServicesReach() {
        JdbcTemplate db = asService();
        for (String attack : List.of(
                "SELECT pg_read_file('" + data.toAbsolutePath().resolve("keys/master-key.json") + "')",
                "SELECT pg_read_binary_file('postgresql.conf')",
                "COPY (SELECT 1) TO PROGRAM 'id'",
                "CREATE TEMP TABLE x (t text); COPY x FROM '/etc/passwd'",
                "ALTER SYSTEM SET fsync = off",
                "SET session_replication_role = replica",
                "CREATE ROLE intruder SUPERUSER",
                "SELECT lo_import('/etc/passwd')")) {
            assertThatThrownBy(() -> db.execute(attack)).as(attack)
                    .rootCause().hasMessageContaining("permission denied");
        }
    }

    @Test
    void theKeyDatabaseHasItsOwnRoleAndTheServiceRoleCannotEnterIt() {
        KeyDatabase keys = service.getBean(KeyDatabase.class);
        assertThat(keys.username()).isEqualTo("waarborg_keys");
        ClusterSecrets secrets = cluster().secrets();
        assertThatThrownBy(() -> DriverManager.getConnection(keys.jdbcUrl(), "waarborg", secrets.service()).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("no pg_hba.conf entry");
        assertThatThrownBy(() -> DriverManager.getConnection(keys.jdbcUrl(), "waarborg", "guess").close())
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(cluster().jdbcUrl("waarborg"), "waarborg", "guess").close())
                .as("a wrong password").isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
    }

    @Test
    void aCommitSurvivesACrash() {
        assertThat(cluster().settings("fsync", "full_page_writes", "synchronous_commit"))
                .containsEntry("fsync", "on").containsEntry("full_page_writes", "on").containsEntry("synchronous_commit", "on");
    }

    @Test
    void nothingInTheDataFolderIsReadableByAnotherUser() throws IOException {
        List<Path> open = new ArrayList<>();
        try (Stream<Path> all = Files.walk(data)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (!Files.isSymbolicLink(p) && Files.exists(p) && OwnerOnly.isOpenToOthers(p)) {
                    open.add(data.relativize(p));
                }
            }
        }
        assertThat(open).isEmpty();
        assertThat(data.resolve("keys/master-key.json")).exists();
        assertThat(data.resolve("keys/blind-index-key.json")).exists();
        assertThat(data.resolve("staff-token")).exists();
    }

    @Test
    void postgresqlsOwnLogIsAFileInTheDataFolder() throws IOException {
        try (Stream<Path> logs = Files.list(data.resolve("logs"))) {
            assertThat(logs.filter(p -> p.getFileName().toString().startsWith("postgresql-")).toList())
                    .isNotEmpty().allSatisfy(p -> assertThat(Files.size(p)).isPositive());
        }
    }

    /** As another Unix user (only where this test runs as root, as on CI): the socket and the keys are out of reach. */
    @Test
    void anotherUnixUserCanNeitherConnectNorReadTheKeys() throws Exception {
        if (!"root".equals(System.getProperty("user.name"))) {
            return; // switching users needs root; the permissions themselves are checked above
        }
        Path socket = cluster().socketDir().resolve(".s.PGSQL.5432");
        // perl is part of every Debian system (perl-base)
        String connect = "my $s = IO::Socket::UNIX->new(Peer => $ARGV[0]); print $s ? \"connected\\n\" : \"refused $!\\n\"";
        assertThat(asNobody("/usr/bin/perl", "-MIO::Socket::UNIX", "-e", connect, socket.toString()))
                .startsWith("refused Permission denied");
        assertThat(asNobody("cat", data.toAbsolutePath().resolve("keys/master-key.json").toString()))
                .contains("Permission denied");
        assertThat(asNobody("cat", data.toAbsolutePath().resolve("secrets/postgres-service").toString()))
                .contains("Permission denied");
    }

    private static String asNobody(String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"));
        line.addAll(List.of(command));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
