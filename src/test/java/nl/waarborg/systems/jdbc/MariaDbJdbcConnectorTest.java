package nl.waarborg.systems.jdbc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The jdbc connector on MariaDB from Debian's package ({@code mariadb-server}, installed by .ci/run): the fixture
 * makes a data folder in a temporary folder, starts {@code mariadbd} as the current user on a free port, waits until
 * it says it is ready, and stops it after. A server that cannot start fails the test (it is never skipped).
 */
class MariaDbJdbcConnectorTest extends JdbcConnectorContract {

    private static final Path MARIADBD = Path.of("/usr/sbin/mariadbd");
    private static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");

    private static Path dir;
    private static Process server;
    private static int port;

    @BeforeAll
    static void startMariaDb() throws Exception {
        if (!Files.isExecutable(MARIADBD) || !Files.isExecutable(INSTALL_DB)) {
            throw new AssertionError("MariaDB is not installed (" + MARIADBD + "); install Debian's mariadb-server, "
                    + "as .ci/run does");
        }
        dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "jdbc-systems")), "mariadb")
                .toAbsolutePath();
        String user = System.getProperty("user.name");
        Process install = new ProcessBuilder(INSTALL_DB.toString(), "--no-defaults", "--datadir=" + dir.resolve("data"),
                "--user=" + user, "--auth-root-authentication-method=normal", "--skip-test-db")
                .redirectErrorStream(true).redirectOutput(dir.resolve("install.log").toFile()).start();
        if (!install.waitFor(120, TimeUnit.SECONDS) || install.exitValue() != 0) {
            install.destroyForcibly();
            throw new AssertionError("mariadb-install-db failed:\n" + read(dir.resolve("install.log")));
        }
        port = freePort();
        server = new ProcessBuilder(MARIADBD.toString(), "--no-defaults", "--datadir=" + dir.resolve("data"),
                "--user=" + user, "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + dir.resolve("mysqld.sock"),
                "--pid-file=" + dir.resolve("mysqld.pid"), "--skip-log-bin", "--innodb-buffer-pool-size=16M")
                .redirectErrorStream(true).start();
        BufferedReader log = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        // a server that hangs without saying "ready" is stopped, which ends the log and the wait below
        Thread watchdog = Thread.ofVirtual().start(() -> {
            try {
                if (!server.waitFor(120, TimeUnit.SECONDS)) {
                    synchronized (seen) {
                        if (!seen.toString().contains("ready for connections")) {
                            server.destroyForcibly();
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (String line; (line = log.readLine()) != null; ) {
            synchronized (seen) {
                seen.append(line).append('\n');
            }
            if (line.contains("ready for connections")) {
                break;
            }
        }
        watchdog.interrupt();
        if (!server.isAlive() || !seen.toString().contains("ready for connections")) {
            throw new AssertionError("mariadbd did not start:\n" + seen);
        }
        Thread.ofVirtual().start(() -> log.lines().forEach(l -> { })); // keep draining its log
        try (Connection c = connect("jdbc:mariadb://127.0.0.1:" + port + "/", "root", ""); Statement s = c.createStatement()) {
            for (String sql : List.of("CREATE DATABASE crm", "CREATE USER 'crm'@'127.0.0.1' IDENTIFIED BY '" + PASSWORD + "'",
                    "GRANT ALL ON crm.* TO 'crm'@'127.0.0.1'")) {
                s.execute(sql);
            }
        }
    }

    @AfterAll
    static void stopMariaDb() throws InterruptedException, IOException {
        if (server != null) {
            server.destroy(); // SIGTERM: a clean shutdown
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly();
                server.waitFor(60, TimeUnit.SECONDS);
            }
        }
        remove(dir);
    }

    @Override
    String url() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/crm";
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
