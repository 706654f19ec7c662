package nl.waarborg.systems.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import nl.waarborg.database.DataFolder;
import nl.waarborg.database.EmbeddedCluster;

/**
 * A CRM's PostgreSQL for tests: a second embedded cluster in its own temporary data folder (never Waarborg's own
 * database), started once per test run. It holds databases made with {@link #create}, and a role the checks log in
 * as, with a random password ({@link #password()}) that is no superuser.
 */
public final class CrmDatabase {

    private static CrmDatabase shared;

    private final EmbeddedCluster cluster;
    private final String superuserPassword;
    private final String password;

    private CrmDatabase(EmbeddedCluster cluster, String superuserPassword, String password) {
        this.cluster = cluster;
        this.superuserPassword = superuserPassword;
        this.password = password;
    }

    /** The one CRM cluster of this test run, started on first use and stopped when the JVM ends. */
    public static synchronized CrmDatabase shared() {
        if (shared == null) {
            try {
                Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "crm");
                DataFolder folder = DataFolder.open(data);
                String cache = System.getenv("XDG_CACHE_HOME");
                Path binaries = (cache != null && !cache.isBlank() ? Path.of(cache)
                        : Path.of(System.getProperty("user.home"), ".cache")).resolve("waarborg");
                EmbeddedCluster cluster = EmbeddedCluster.start(folder, binaries, "32MB");
                String superuser = Files.readString(data.resolve("secrets").resolve("postgres-superuser")).strip();
                byte[] random = new byte[12];
                new SecureRandom().nextBytes(random);
                shared = new CrmDatabase(cluster, superuser, "Crm-" + HexFormat.of().formatHex(random));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    cluster.close();
                    try {
                        folder.close();
                    } catch (IOException ignored) {
                        // the JVM ends
                    }
                }));
                shared.asSuperuser("postgres", "CREATE ROLE crm_check LOGIN PASSWORD '" + shared.password + "'");
                // the cluster lets only Waarborg's own roles in; this one may enter every CRM database, with its password
                Files.writeString(data.resolve("postgres").resolve("pg_hba.conf"), "local  all  crm_check  scram-sha-256\n",
                        java.nio.file.StandardOpenOption.APPEND);
                shared.asSuperuser("postgres", "SELECT pg_reload_conf()");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    /** The password of the role {@code crm_check}. */
    public String password() {
        return password;
    }

    public String user() {
        return "crm_check";
    }

    /** The JDBC URL of {@code database}, through the cluster's private socket. */
    public String url(String database) {
        return cluster.jdbcUrl(database);
    }

    /** Creates {@code database} (dropping an earlier one) and runs {@code ddl} in it, as the cluster's superuser. */
    public void create(String database, String... ddl) throws SQLException {
        asSuperuser("postgres", "DROP DATABASE IF EXISTS " + database, "CREATE DATABASE " + database);
        asSuperuser(database, ddl);
    }

    private void asSuperuser(String database, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(database), "postgres", superuserPassword);
             Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }
}
