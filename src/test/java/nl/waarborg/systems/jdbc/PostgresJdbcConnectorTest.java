package nl.waarborg.systems.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import nl.waarborg.database.DataFolder;
import nl.waarborg.database.DatabaseProperties;
import nl.waarborg.database.EmbeddedCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The jdbc connector on PostgreSQL: a second embedded cluster in a data folder of its own (not Waarborg's database),
 * holding the example's CRM in a database {@code crm}; the connector signs in as the cluster's superuser, with its
 * password (the only role the embedded cluster's access rules let into another database).
 */
class PostgresJdbcConnectorTest extends JdbcConnectorContract {

    private static Path dir;
    private static DataFolder folder;
    private static EmbeddedCluster cluster;
    private static String password;

    @BeforeAll
    static void startCrmCluster() throws IOException, SQLException {
        dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "jdbc-systems")), "pg");
        folder = DataFolder.open(dir);
        Path binaries = new DatabaseProperties("32MB", 2, null, 0, java.time.Duration.ofSeconds(1), false).binaries();
        cluster = EmbeddedCluster.start(folder, binaries, "32MB");
        password = read(dir.resolve("secrets").resolve("postgres-superuser")).strip();
        try (Connection c = connect(cluster.jdbcUrl("postgres"), "postgres", password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE crm");
        }
    }

    @AfterAll
    static void stopCrmCluster() throws IOException {
        if (cluster != null) {
            cluster.close();
        }
        if (folder != null) {
            folder.close();
        }
        remove(dir);
    }

    @Override
    String url() {
        return cluster.jdbcUrl("crm");
    }

    @Override
    String user() {
        return "postgres";
    }

    @Override
    Connection admin() throws SQLException {
        return connect(url(), "postgres", password);
    }

    @Override
    String schema() throws IOException {
        return Files.readString(Path.of("examples/crm/schema.sql"));
    }

    @Override
    String urlOfNothing(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/crm";
    }

    // the connector signs in with the cluster's superuser password, not the fixture's constant
    @Override
    java.util.Map<String, String> environment(String url, String givenPassword) {
        return super.environment(url, givenPassword.equals(PASSWORD) ? password : givenPassword);
    }
}
