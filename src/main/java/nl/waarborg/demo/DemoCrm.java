package nl.waarborg.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Properties;
import nl.waarborg.database.DataFolder;
import nl.waarborg.database.EmbeddedCluster;
import nl.waarborg.database.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The self-storage example's CRM for {@code waarborg serve --demo}: a second embedded PostgreSQL in
 * {@code <data>/demo-crm} (never Waarborg's own database), holding examples/crm/schema.sql in the cluster's own
 * database, filled once with {@link DemoCustomers}. Waarborg reaches it as the cluster's service role, whose random
 * password the cluster keeps in an owner-only file; the settings the example policy names (CRM_JDBC_URL, CRM_DB_USER,
 * CRM_DB_PASSWORD) are written to the owner-only file {@link #SETTINGS}, which the service and the one-shot commands
 * of that data folder read through {@code waarborg.systems.settings-file}. Nothing of it is logged.
 */
public final class DemoCrm implements AutoCloseable {

    /** The CRM's folder under the data folder. */
    public static final String FOLDER = "demo-crm";
    /** The owner-only file in {@link #FOLDER} with the CRM's connection settings, as environment variable names. */
    public static final String SETTINGS = "crm-settings.properties";

    /** The embedded cluster's database and role that the CRM's tables live in and Waarborg signs in as. */
    private static final String DATABASE = "waarborg";
    private static final String ROLE = "waarborg";

    private static final Logger log = LoggerFactory.getLogger(DemoCrm.class);

    private final DataFolder folder;
    private final EmbeddedCluster cluster;
    private final Path settings;

    private DemoCrm(DataFolder folder, EmbeddedCluster cluster, Path settings) {
        this.folder = folder;
        this.cluster = cluster;
        this.settings = settings;
    }

    /** Where the settings file of a demo in {@code dataDir} is; it exists once {@code serve --demo} ran there. */
    public static Path settingsFile(Path dataDir) {
        return dataDir.resolve(FOLDER).resolve(SETTINGS);
    }

    /**
     * Starts the CRM of the demo in {@code dataDir}, creating and filling it on first use ({@code today}: the day its
     * customers' dates count back from), and writes its settings file.
     */
    public static DemoCrm start(Path dataDir, Path binaries, LocalDate today) throws IOException, SQLException {
        Path dir = dataDir.resolve(FOLDER);
        OwnerOnly.directory(dataDir);
        DataFolder folder = DataFolder.open(dir);
        EmbeddedCluster cluster;
        try {
            cluster = EmbeddedCluster.start(folder, binaries, "32MB");
        } catch (IOException | RuntimeException e) {
            folder.close();
            throw e;
        }
        try {
            String password = Files.readString(dir.resolve("secrets").resolve("postgres-service")).strip();
            String url = cluster.jdbcUrl(DATABASE);
            try (Connection c = DriverManager.getConnection(url, ROLE, password)) {
                fillOnce(c, today);
            }
            Properties p = new Properties();
            p.setProperty("CRM_JDBC_URL", url);
            p.setProperty("CRM_DB_USER", ROLE);
            p.setProperty("CRM_DB_PASSWORD", password);
            java.io.StringWriter text = new java.io.StringWriter();
            p.store(text, "The demo CRM's connection settings (waarborg serve --demo); written at every start");
            Path settings = dir.resolve(SETTINGS);
            OwnerOnly.write(settings, text.toString());
            return new DemoCrm(folder, cluster, settings);
        } catch (IOException | SQLException | RuntimeException e) {
            cluster.close();
            folder.close();
            throw e;
        }
    }

    /** Creates the tables and fills them, in one transaction, unless an earlier start did. */
    static void fillOnce(Connection c, LocalDate today) throws SQLException, IOException {
        try (ResultSet r = c.getMetaData().getTables(null, "public", "customers", null)) {
            if (r.next()) {
                return;
            }
        }
        log.info("Filling the demo CRM with {} fictional customers (once)", DemoCustomers.COUNT);
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String ddl : schema().split(";")) {
                if (!ddl.isBlank()) {
                    s.execute(ddl);
                }
            }
            DemoCustomers.fill(c, today, DemoCustomers.SEED, DemoCustomers.COUNT);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** examples/crm/schema.sql, from the jar, without its comment lines. */
    static String schema() throws IOException {
        try (InputStream in = DemoCrm.class.getResourceAsStream("/examples/crm/schema.sql")) {
            if (in == null) {
                throw new IOException("examples/crm/schema.sql is not in the jar");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return String.join("\n", text.lines().filter(l -> !l.strip().startsWith("--")).toList());
        }
    }

    /** The settings file the service is to read ({@code waarborg.systems.settings-file}). */
    public Path settings() {
        return settings;
    }

    /** The JDBC URL of the CRM's database, through the cluster's private socket. */
    public String url() {
        return cluster.jdbcUrl(DATABASE);
    }

    @Override
    public synchronized void close() {
        cluster.close();
        try {
            folder.close();
        } catch (IOException ignored) {
            // the lock goes with the process
        }
    }
}
