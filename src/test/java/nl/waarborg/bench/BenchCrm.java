package nl.waarborg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import nl.waarborg.database.DataFolder;
import nl.waarborg.database.DatabaseProperties;
import nl.waarborg.database.EmbeddedCluster;
import nl.waarborg.database.OwnerOnly;

/**
 * For the systems benchmarks (scripts/bench-systems): a CRM on a second embedded PostgreSQL in a folder of its own
 * (never Waarborg's database), as {@code serve --demo} runs one ({@code nl.waarborg.demo.DemoCrm}): the tables live in
 * the cluster's own database, reached as its service role, whose settings go to an owner-only file that the service
 * reads through {@code waarborg.systems.settings-file} (CRM_JDBC_URL, CRM_DB_USER, CRM_DB_PASSWORD, the names the
 * example policy gives).
 *
 * <p>Three of the example's CRM tables (examples/crm/schema.sql): {@code customers}, and {@code rentals} and
 * {@code invoices} as its children through foreign keys; {@code call_logs} is left out, of the tables and of the
 * policy's mapping ({@link #policy}). Customer {@code i} has rental {@code i} and invoices {@code 2i-1} and {@code 2i};
 * every tenth customer ({@code i % 10 = 0}) had a contract that ended more than seven years ago, so that it and its
 * children are due under the example's rules; the others' contracts run ({@code contract_end} NULL) and nothing of
 * them is due.
 */
final class BenchCrm implements AutoCloseable {

    private static final String DATABASE = "waarborg";
    private static final String ROLE = "waarborg";

    private final DataFolder folder;
    private final EmbeddedCluster cluster;
    private final String password;
    private final String superuserPassword;
    private final Path settings;

    private BenchCrm(DataFolder folder, EmbeddedCluster cluster, String password, String superuserPassword, Path settings) {
        this.folder = folder;
        this.cluster = cluster;
        this.password = password;
        this.superuserPassword = superuserPassword;
        this.settings = settings;
    }

    /** Starts a fresh cluster in {@code dir} and writes the settings file beside it. */
    static BenchCrm start(Path dir, String sharedBuffers) throws IOException {
        OwnerOnly.directory(dir);
        DataFolder folder = DataFolder.open(dir);
        Path binaries = new DatabaseProperties(sharedBuffers, 2, null, 0, java.time.Duration.ofSeconds(1), false).binaries();
        EmbeddedCluster cluster = EmbeddedCluster.start(folder, binaries, sharedBuffers);
        String password = Files.readString(dir.resolve("secrets").resolve("postgres-service")).strip();
        String superuser = Files.readString(dir.resolve("secrets").resolve("postgres-superuser")).strip();
        Properties p = new Properties();
        p.setProperty("CRM_JDBC_URL", cluster.jdbcUrl(DATABASE));
        p.setProperty("CRM_DB_USER", ROLE);
        p.setProperty("CRM_DB_PASSWORD", password);
        java.io.StringWriter text = new java.io.StringWriter();
        p.store(text, "the benchmark CRM's settings");
        Path settings = dir.resolve("crm-settings.properties");
        OwnerOnly.write(settings, text.toString());
        return new BenchCrm(folder, cluster, password, superuser, settings);
    }

    /** The owner-only settings file ({@code waarborg.systems.settings-file}). */
    Path settings() {
        return settings;
    }

    /** A connection to the CRM as the role Waarborg signs in as. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(cluster.jdbcUrl(DATABASE), ROLE, password);
    }

    /** Runs statements as the cluster's superuser (CHECKPOINT). */
    void asSuperuser(String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(DATABASE), "postgres", superuserPassword);
             Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    /**
     * Diagnosis: every statement of the service role slower than {@code ms} is logged with its plan (auto_explain,
     * with ANALYZE and BUFFERS) to the cluster's log.
     */
    void explainSlowerThan(int ms) throws SQLException {
        asSuperuser("ALTER ROLE " + ROLE + " SET session_preload_libraries = 'auto_explain'",
                "ALTER ROLE " + ROLE + " SET auto_explain.log_min_duration = '" + ms + "ms'",
                "ALTER ROLE " + ROLE + " SET auto_explain.log_analyze = on",
                "ALTER ROLE " + ROLE + " SET auto_explain.log_buffers = on");
    }

    /** Copies the cluster's log files to {@code to}. */
    void copyLogs(Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(cluster.logDir())) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * The example policy (examples/self-storage.yaml) with the CRM mapped as these three tables (its {@code call_logs}
     * mapping taken out), written to {@code file}.
     */
    static Path policy(Path file) throws IOException {
        Files.writeString(file, policyText());
        return file;
    }

    static String policyText() throws IOException {
        String text = Files.readString(Path.of("examples/self-storage.yaml"));
        String callLogs = """
                        - table: call_logs
                          key: [id]
                          parent: {table: customers, columns: [customer_id]}
                          columns: {started_at: call-metadata, duration_seconds: call-metadata}
                          collected-at: started_at
                          erase: delete
                """;
        if (!text.contains(callLogs)) {
            throw new IllegalStateException("examples/self-storage.yaml changed: its call_logs mapping is not as expected");
        }
        return text.replace(callLogs, "");
    }

    /** The three tables, as examples/crm/schema.sql has them, without keys and indexes yet (they come after a load). */
    void createTables() throws SQLException {
        exec("""
                CREATE TABLE customers (
                    id                  bigint NOT NULL,
                    first_name          varchar(100),
                    last_name           varchar(100),
                    email               varchar(200),
                    phone               varchar(40),
                    birth_date          date,
                    id_document         varchar(40),
                    company             varchar(200),
                    billing_address     varchar(300),
                    iban                varchar(34),
                    created_at          timestamptz NOT NULL,
                    contract_end        date,
                    complaint_closed_at timestamptz,
                    status              varchar(20) NOT NULL DEFAULT 'active'
                )""", """
                CREATE TABLE rentals (
                    id          bigint NOT NULL,
                    customer_id bigint NOT NULL,
                    unit        varchar(20),
                    location    varchar(100),
                    starts_on   date,
                    ends_on     date,
                    created_at  timestamptz NOT NULL
                )""", """
                CREATE TABLE invoices (
                    id           bigint NOT NULL,
                    customer_id  bigint NOT NULL,
                    number       varchar(20) NOT NULL,
                    amount       numeric(10, 2),
                    invoice_date date NOT NULL
                )""");
    }

    /** The keys, foreign keys and indexes of examples/crm/schema.sql. */
    void addKeysAndIndexes() throws SQLException {
        exec("ALTER TABLE customers ADD PRIMARY KEY (id)",
                "CREATE INDEX customers_email ON customers (lower(email))",
                "ALTER TABLE rentals ADD PRIMARY KEY (id)",
                "ALTER TABLE rentals ADD FOREIGN KEY (customer_id) REFERENCES customers (id)",
                "CREATE INDEX rentals_customer ON rentals (customer_id)",
                "ALTER TABLE invoices ADD PRIMARY KEY (id)",
                "ALTER TABLE invoices ADD FOREIGN KEY (customer_id) REFERENCES customers (id)",
                "CREATE INDEX invoices_customer ON invoices (customer_id)");
    }

    /**
     * Customers {@code from..to} with their rental and two invoices; {@code where} narrows the customers (such as
     * {@code i % 10 = 0}: the due ones). {@code total} is the number of customers in all, which spreads the collection
     * times over 2000–2013 in key order.
     */
    long load(long from, long to, long total, String where) throws SQLException {
        String customer = "FROM generate_series(" + from + ", " + to + ") i WHERE " + where;
        String created = "(timestamptz '2000-01-01 00:00:00+00' + (i * (441504000::numeric / " + total
                + "))::bigint * interval '1 second')";
        String ended = "CASE WHEN i % 10 = 0 THEN date '2018-01-01' - (i % 1000)::int END";
        long n = exec("INSERT INTO customers (id, first_name, last_name, email, phone, birth_date, id_document, company, "
                + "billing_address, iban, created_at, contract_end, complaint_closed_at) SELECT i, 'Voornaam' || i, "
                + "'Achternaam' || (i % 5000), 'klant' || i || '@example.org', '06-' || lpad((i % 100000000)::text, 8, '0'), "
                + "date '1940-01-01' + (i % 20000)::int, 'ID' || i, CASE WHEN i % 7 = 0 THEN 'Bedrijf ' || i END, "
                + "'Dorpsstraat ' || (i % 300) || ', 35' || lpad((i % 100)::text, 2, '0') || ' AB Utrecht', "
                + "'NL91ABNA' || lpad(i::text, 10, '0'), " + created + ", " + ended + ", NULL " + customer);
        exec("INSERT INTO rentals (id, customer_id, unit, location, starts_on, ends_on, created_at) SELECT i, i, "
                + "'B-' || (i % 900), 'Utrecht', " + created + "::date, " + ended + ", " + created + " " + customer);
        exec("INSERT INTO invoices (id, customer_id, number, amount, invoice_date) SELECT j, i, 'F' || j, "
                + "49.50 + (j % 2) * 10, " + created + "::date + 30 * (2 - j % 2) FROM (SELECT j, (j + 1) / 2 AS i "
                + "FROM generate_series(" + (2 * from - 1) + ", " + (2 * to) + ") j) g WHERE " + where);
        return n;
    }

    long exec(String... sql) throws SQLException {
        long n = 0;
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
                n = Math.max(0, s.getUpdateCount());
            }
        }
        return n;
    }

    long count(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() {
        cluster.close();
        try {
            folder.close();
        } catch (IOException ignored) {
            // the lock goes with the process
        }
    }

    /** Removes a folder and everything below it. */
    static void remove(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
