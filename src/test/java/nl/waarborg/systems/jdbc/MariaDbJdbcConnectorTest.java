package nl.waarborg.systems.jdbc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import nl.waarborg.systems.MariaDbServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The jdbc connector on MariaDB from Debian's package ({@code mariadb-server}, installed by .ci/run): the fixture
 * makes a data folder in a temporary folder, starts {@code mariadbd} as the current user on a free port, waits until
 * it says it is ready, and stops it after. A server that cannot start fails the test (it is never skipped).
 */
class MariaDbJdbcConnectorTest extends JdbcConnectorContract {

    private static MariaDbServer server;

    @BeforeAll
    static void startMariaDb() throws Exception {
        server = MariaDbServer.start();
        server.asRoot("", "CREATE DATABASE crm", "CREATE USER 'crm'@'127.0.0.1' IDENTIFIED BY '" + PASSWORD + "'",
                "GRANT ALL ON crm.* TO 'crm'@'127.0.0.1'");
    }

    @AfterAll
    static void stopMariaDb() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Override
    String url() {
        return server.url("crm");
    }

    @Override
    String user() {
        return "crm";
    }

    @Override
    Connection admin() throws SQLException {
        return connect(url(), "crm", PASSWORD);
    }

    @Override
    String schema() throws IOException {
        try (var in = MariaDbJdbcConnectorTest.class.getResourceAsStream("crm-mariadb.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    String urlOfNothing(int port) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/crm";
    }
}
