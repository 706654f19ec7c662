package nl.waarborg.systems;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * MariaDB from Debian's package ({@code mariadb-server}, installed by .ci/run), for tests: a data folder in a
 * temporary folder, {@code mariadbd} as the current user on a free port of 127.0.0.1. A server that cannot start
 * fails the test; a server that is not installed skips it on a developer's machine and fails it in CI (CI set). Shared by the jdbc connector's and the schema check's tests.
 */
public final class MariaDbServer implements AutoCloseable {

    private static final Path MARIADBD = Path.of("/usr/sbin/mariadbd");
    private static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");

    private final Process server;
    private final int port;

    private MariaDbServer(Process server, int port) {
        this.server = server;
        this.port = port;
    }

    public static MariaDbServer start() throws IOException, InterruptedException {
        if (!Files.isExecutable(MARIADBD) || !Files.isExecutable(INSTALL_DB)) {
            // as the browser tests: skipped on a developer's machine without the package, a failure in CI
            if (System.getenv("CI") == null) {
                org.junit.jupiter.api.Assumptions.assumeTrue(false,
                        "MariaDB is not installed (apt-get install mariadb-server); .ci/run installs it");
            }
            throw new AssertionError("MariaDB is not installed (" + MARIADBD + "); CI must install Debian's mariadb-server, as .ci/run does");
        }
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "mariadb").toAbsolutePath();
        String user = System.getProperty("user.name");
        Process install = new ProcessBuilder(INSTALL_DB.toString(), "--no-defaults", "--datadir=" + dir.resolve("data"),
                "--user=" + user, "--auth-root-authentication-method=normal", "--skip-test-db")
                .redirectErrorStream(true).redirectOutput(dir.resolve("install.log").toFile()).start();
        if (!install.waitFor(120, TimeUnit.SECONDS) || install.exitValue() != 0) {
            install.destroyForcibly();
            throw new AssertionError("mariadb-install-db failed:\n" + Files.readString(dir.resolve("install.log")));
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process server = new ProcessBuilder(MARIADBD.toString(), "--no-defaults", "--datadir=" + dir.resolve("data"),
                "--user=" + user, "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + dir.resolve("mysqld.sock"),
                "--pid-file=" + dir.resolve("mysqld.pid"), "--skip-log-bin", "--innodb-buffer-pool-size=16M")
                .redirectErrorStream(true).start();
        BufferedReader log = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        // a server that hangs without saying "ready" is stopped, which ends its log and the wait below
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
            server.destroyForcibly();
            throw new AssertionError("mariadbd did not start:\n" + seen);
        }
        Thread.ofVirtual().start(() -> log.lines().forEach(l -> { })); // keep draining its log
        return new MariaDbServer(server, port);
    }

    public String url(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    /** Runs {@code sql} as root (no password; only this test's user reaches the server's port on 127.0.0.1). */
    public void asRoot(String database, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(database), "root", ""); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.destroy(); // SIGTERM: a clean shutdown
        if (!server.waitFor(60, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
    }
}
