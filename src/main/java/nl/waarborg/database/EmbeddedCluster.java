package nl.waarborg.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL cluster in {@code <data>/postgres}, run by the service itself: reachable only through a Unix
 * socket in a folder only the service's user may enter (no TCP listener), with three roles — a bootstrap superuser
 * the service never works as, the service's own role that owns the value database ({@value #VALUES}) and nothing
 * else, and the key store's role that owns the key database ({@value #KEYS}) — each with a random password
 * ({@link ClusterSecrets}). A commit survives a crash: {@code fsync}, {@code full_page_writes} and
 * {@code synchronous_commit} are on. PostgreSQL's own log goes to {@code <data>/logs}.
 *
 * <p>The caller holds the data folder's lock ({@link DataFolder}) for as long as this runs, so a PostgreSQL still
 * running in the folder when it starts can only be the orphan of a service that was killed: it is stopped first.
 */
public final class EmbeddedCluster implements AutoCloseable {

    static final String VALUES = "waarborg";
    static final String KEYS = "waarborg_keys";
    static final String SERVICE_ROLE = "waarborg";
    static final String KEYS_ROLE = "waarborg_keys";
    private static final String SUPERUSER = "postgres";
    /** The socket's file is named after a port, though nothing listens on one. */
    private static final int PORT = 5432;
    /** A Unix socket path longer than this does not fit in sockaddr_un (108 bytes with the terminator). */
    private static final int MAX_SOCKET_PATH = 100;
    private static final String ADDRESS_FILE = "database.properties";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedCluster.class);

    private final Path data;
    private final Path pgdata;
    private final Path bin;
    private final Path socketDir;
    private final ClusterSecrets secrets;
    private final String sharedBuffers;
    private volatile Process postmaster;

    private EmbeddedCluster(Path data, Path bin, Path socketDir, ClusterSecrets secrets, String sharedBuffers) {
        this.data = data;
        this.pgdata = data.resolve("postgres");
        this.bin = bin;
        this.socketDir = socketDir;
        this.secrets = secrets;
        this.sharedBuffers = sharedBuffers;
    }

    /**
     * Creates the cluster on first use (or brings one made by an earlier Waarborg, open to every local user, to
     * this form), stops an orphaned server of a killed service, starts it and makes sure its roles and databases
     * are as described above. The caller holds {@code folder}'s lock.
     */
    public static EmbeddedCluster start(DataFolder folder, Path binariesCache, String sharedBuffers) throws IOException {
        Path data = folder.root().toAbsolutePath();
        Path bin = PostgresBinaries.unpack(binariesCache).resolve("bin");
        boolean fresh = !Files.exists(data.resolve("postgres").resolve("PG_VERSION"));
        // an earlier Waarborg let the library make the cluster: every local user was trusted
        boolean legacy = !fresh && Files.readString(data.resolve("postgres").resolve("pg_hba.conf")).lines()
                .anyMatch(l -> !l.strip().startsWith("#") && l.matches(".*\\btrust\\s*$"));
        ClusterSecrets secrets = ClusterSecrets.openOrCreate(data);
        EmbeddedCluster cluster = new EmbeddedCluster(data, bin, socketDir(data), secrets, sharedBuffers);
        OwnerOnly.directory(data.resolve("logs"));
        if (fresh) {
            cluster.initdb();
        }
        cluster.writeConfiguration(legacy);
        cluster.stopOrphan();
        cluster.launch();
        try {
            if (legacy) {
                log.warn("The embedded database in {} was made by an earlier Waarborg that let every user of this machine"
                        + " in; giving it passwords, its own roles and a private socket now", cluster.pgdata);
                cluster.setSuperuserPassword();
                cluster.writeConfiguration(false);
                cluster.reload();
            }
            cluster.bootstrap();
            cluster.publishAddress();
        } catch (SQLException e) {
            cluster.stopQuietly();
            throw new IOException("cannot prepare the embedded database: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            cluster.stopQuietly();
            throw e;
        }
        return cluster;
    }

    // The socket in <data>/run where its path fits a socket address, else in a private temporary folder.
    private static Path socketDir(Path data) throws IOException {
        Path run = data.resolve("run");
        if (run.resolve(".s.PGSQL." + PORT).toString().length() <= MAX_SOCKET_PATH) {
            return OwnerOnly.directory(run);
        }
        return Files.createTempDirectory("waarborg-pg-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    /** The JDBC URL of {@code database} through the cluster's socket. */
    public String jdbcUrl(String database) {
        return jdbcUrl(socketDir, database);
    }

    static String jdbcUrl(Path socketDir, String database) {
        return "jdbc:postgresql://localhost/" + database
                + "?socketFactory=" + UnixSocketFactory.class.getName()
                + "&socketFactoryArg=" + URLEncoder.encode(socketDir.resolve(".s.PGSQL." + PORT).toString(), StandardCharsets.UTF_8);
    }

    public ClusterSecrets secrets() {
        return secrets;
    }

    public Path socketDir() {
        return socketDir;
    }

    public Path logDir() {
        return data.resolve("logs");
    }

    /** The postmaster's process id, from its pid file; empty when none runs. */
    private Optional<Long> postmasterPid() {
        Path pidFile = pgdata.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.getFirst().strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Starts the server again after it died under the running service. */
    void restart() throws IOException {
        writeConfiguration(false);
        stopOrphan();
        launch();
    }

    /** The running server: a child of this process, so its end is seen at once (and it is reaped). */
    Process postmaster() {
        return postmaster;
    }

    /**
     * Starts {@code postgres} as a child process (not through pg_ctl, whose server would be no child of ours) and
     * waits until it accepts connections, as pg_ctl -w does: until its pid file says "ready".
     */
    private void launch() throws IOException {
        Path startLog = data.resolve("logs").resolve("postgres-start.log");
        if (!Files.exists(startLog)) {
            Files.createFile(startLog, OwnerOnly.fileAttribute());
        }
        ProcessBuilder builder = new ProcessBuilder(commandLine(List.of(bin.resolve("postgres").toString(), "-D", pgdata.toString())))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(startLog.toFile()));
        builder.environment().keySet().removeIf(k -> k.startsWith("PG"));
        Process started = builder.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        try {
            while (!ready(started)) {
                if (!started.isAlive()) {
                    throw new IOException("the embedded PostgreSQL stopped while starting (exit " + started.exitValue()
                            + "); its log is in " + data.resolve("logs"));
                }
                if (System.nanoTime() > deadline) {
                    started.destroyForcibly();
                    throw new IOException("the embedded PostgreSQL did not become ready within 2 minutes; its log is in "
                            + data.resolve("logs"));
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            started.destroyForcibly();
            throw new IOException("interrupted while starting the embedded PostgreSQL", e);
        }
        postmaster = started;
    }

    // PostgreSQL writes its state as the pid file's eighth line; "ready" once it accepts connections.
    private boolean ready(Process started) {
        try {
            List<String> lines = Files.readAllLines(pgdata.resolve("postmaster.pid"));
            return lines.size() >= 8 && lines.getFirst().strip().equals(Long.toString(started.pid()))
                    && lines.get(7).strip().equals("ready");
        } catch (IOException | RuntimeException notYet) {
            return false;
        }
    }

    @Override
    public void close() {
        stopQuietly();
        try {
            Files.deleteIfExists(data.resolve(ADDRESS_FILE));
        } catch (IOException ignored) {
            // the next start writes it again
        }
    }

    private void stopQuietly() {
        Process running = postmaster;
        try {
            if (running != null && running.isAlive()) {
                pgCtl("stop", "-m", "fast", "-w", "-t", "60");
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not stop the embedded PostgreSQL cleanly: {}", e.getMessage());
        } finally {
            if (running != null) {
                try {
                    if (!running.waitFor(30, TimeUnit.SECONDS)) {
                        running.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    // ---- steps ----

    private void initdb() throws IOException {
        log.info("Creating the embedded database in {}", pgdata);
        run(List.of(bin.resolve("initdb").toString(), "-D", pgdata.toString(), "-U", SUPERUSER, "-E", "UTF8",
                "--locale=C", "--auth=scram-sha-256", "--pwfile=" + ClusterSecrets.superuserFile(data)), Duration.ofMinutes(2));
    }

    /**
     * The settings Waarborg relies on, in {@code waarborg.conf} included from {@code postgresql.conf}, and the
     * access rules, both written at every start: an edit by hand does not survive, a change in Waarborg reaches
     * existing folders. {@code trustSuperuser}: only while upgrading a folder of an earlier Waarborg, whose
     * superuser has no password yet; the socket folder is already private then.
     */
    private void writeConfiguration(boolean trustSuperuser) throws IOException {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put("listen_addresses", "");
        settings.put("unix_socket_directories", socketDir.toString());
        settings.put("unix_socket_permissions", "0700");
        settings.put("password_encryption", "scram-sha-256");
        settings.put("fsync", "on");
        settings.put("full_page_writes", "on");
        settings.put("synchronous_commit", "on");
        settings.put("shared_buffers", sharedBuffers);
        settings.put("logging_collector", "on");
        settings.put("log_directory", data.resolve("logs").toString());
        settings.put("log_filename", "postgresql-%a.log");
        settings.put("log_truncate_on_rotation", "on");
        settings.put("log_rotation_age", "1d");
        settings.put("log_file_mode", "0600");
        StringBuilder conf = new StringBuilder("# Written by Waarborg at every start; edits here do not survive.\n");
        settings.forEach((k, v) -> conf.append(k).append(" = '").append(v.replace("'", "''")).append("'\n"));
        OwnerOnly.write(pgdata.resolve("waarborg.conf"), conf.toString());

        Path main = pgdata.resolve("postgresql.conf");
        String include = "include = 'waarborg.conf'";
        if (Files.readAllLines(main).stream().noneMatch(l -> l.strip().equals(include))) {
            Files.writeString(main, "\n# Waarborg's own settings (written at every start)\n" + include + "\n",
                    java.nio.file.StandardOpenOption.APPEND);
        }
        String hba = """
                # Written by Waarborg at every start; edits here do not survive.
                # Only the Unix socket, in a folder only the service's user may enter; no TCP at all.
                local  %s  %s  scram-sha-256
                local  %s  %s  scram-sha-256
                local  all  %s  %s
                """.formatted(VALUES, SERVICE_ROLE, KEYS, KEYS_ROLE, SUPERUSER, trustSuperuser ? "trust" : "scram-sha-256");
        OwnerOnly.write(pgdata.resolve("pg_hba.conf"), hba);
    }

    /**
     * A server still running in this folder belongs to a service that was killed (this process holds the folder's
     * lock): stop it. A pid file whose process is gone, or is no PostgreSQL, is stale and removed.
     */
    private void stopOrphan() throws IOException {
        Path pidFile = pgdata.resolve("postmaster.pid");
        Optional<Long> pid = postmasterPid();
        if (pid.isEmpty()) {
            return;
        }
        if (!isPostgres(pid.get())) {
            // its process is gone (or a zombie nobody reaped, which PostgreSQL would still take for a running server)
            log.info("Removing the stale lock files of an embedded PostgreSQL that is no longer running");
            Files.deleteIfExists(pidFile);
            Files.deleteIfExists(socketDir.resolve(".s.PGSQL." + PORT + ".lock"));
            return;
        }
        log.warn("An embedded PostgreSQL (pid {}) still runs in {} from a service that ended without stopping it;"
                + " stopping it first", pid.get(), pgdata);
        try {
            pgCtl("stop", "-m", "fast", "-w", "-t", "60");
        } catch (IOException slow) {
            pgCtl("stop", "-m", "immediate", "-w", "-t", "60");
        }
    }

    /** Whether {@code pid} is a running PostgreSQL server: alive, not a zombie, and running the postgres program. */
    static boolean isPostgres(long pid) {
        return isRunning(pid) && ProcessHandle.of(pid).flatMap(p -> p.info().command())
                .map(c -> c.endsWith("/postgres") || c.endsWith("\\postgres.exe"))
                .orElse(false);
    }

    /** Alive and not a zombie (a process that ended but was not reaped still answers to its pid). */
    static boolean isRunning(long pid) {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
            } catch (IOException | RuntimeException noProc) {
                return !Files.isDirectory(Path.of("/proc")); // no /proc to ask (not Linux): alive it is
            }
        }
        return false;
    }

    private void setSuperuserPassword() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
             Statement s = c.createStatement()) {
            s.execute("ALTER ROLE " + SUPERUSER + " PASSWORD " + literal(secrets.superuser()));
        }
    }

    private void reload() throws IOException {
        pgCtl("reload");
    }

    /**
     * Roles and databases as this class describes them, idempotently (a crash between two steps is finished by
     * the next start). A value database of an earlier Waarborg (it used the maintenance database {@code postgres})
     * is renamed to {@value #VALUES} and handed to the service's role.
     */
    private void bootstrap() throws SQLException {
        try (Connection c = superuser("template1"); Statement s = c.createStatement()) {
            role(s, SERVICE_ROLE, secrets.service());
            role(s, KEYS_ROLE, secrets.keys());
            boolean values = exists(s, "SELECT 1 FROM pg_database WHERE datname = '" + VALUES + "'");
            if (!values && hasSchemaHistory("postgres")) {
                log.warn("Moving the values of an earlier Waarborg from database 'postgres' to '{}'", VALUES);
                s.execute("ALTER DATABASE postgres RENAME TO " + VALUES);
                s.execute("CREATE DATABASE postgres");
                values = true;
            }
            if (!values) {
                s.execute("CREATE DATABASE " + VALUES + " OWNER " + SERVICE_ROLE);
            }
            if (!exists(s, "SELECT 1 FROM pg_database WHERE datname = 'postgres'")) {
                s.execute("CREATE DATABASE postgres"); // a start killed between the rename above and its successor
            }
            if (!exists(s, "SELECT 1 FROM pg_database WHERE datname = '" + KEYS + "'")) {
                s.execute("CREATE DATABASE " + KEYS + " OWNER " + KEYS_ROLE);
            }
            s.execute("ALTER DATABASE " + VALUES + " OWNER TO " + SERVICE_ROLE);
            s.execute("ALTER DATABASE " + KEYS + " OWNER TO " + KEYS_ROLE);
            for (String db : List.of(VALUES, KEYS, "postgres", "template1")) {
                s.execute("REVOKE ALL ON DATABASE " + db + " FROM PUBLIC");
            }
        }
        handOver(VALUES, SERVICE_ROLE);
        handOver(KEYS, KEYS_ROLE);
    }

    private boolean hasSchemaHistory(String database) throws SQLException {
        try (Connection c = superuser(database); Statement s = c.createStatement()) {
            return exists(s, "SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = 'flyway_schema_history'");
        }
    }

    // Everything in the database's public schema is owned by its role (objects an earlier Waarborg made as superuser).
    private void handOver(String database, String role) throws SQLException {
        try (Connection c = superuser(database); Statement s = c.createStatement()) {
            s.execute("ALTER SCHEMA public OWNER TO " + role);
            s.execute("""
                    DO $$
                    DECLARE r record;
                    BEGIN
                      FOR r IN SELECT c.oid::regclass AS name,
                                      CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
                                                     WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END AS kind
                                 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                                  AND pg_get_userbyid(c.relowner) <> '%1$s'
                                  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                                                  AND d.objid = c.oid AND d.deptype IN ('a', 'i'))
                      LOOP
                        EXECUTE format('ALTER %%s %%s OWNER TO %1$s', r.kind, r.name);
                      END LOOP;
                      FOR r IN SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                                WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> '%1$s'
                      LOOP
                        EXECUTE format('ALTER ROUTINE %%s OWNER TO %1$s', r.name);
                      END LOOP;
                      FOR r IN SELECT t.oid::regtype AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                                WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd') AND pg_get_userbyid(t.typowner) <> '%1$s'
                      LOOP
                        EXECUTE format('ALTER TYPE %%s OWNER TO %1$s', r.name);
                      END LOOP;
                    END $$""".formatted(role));
        }
    }

    private static void role(Statement s, String role, String password) throws SQLException {
        String attributes = " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD " + literal(password);
        if (exists(s, "SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
            s.execute("ALTER ROLE " + role + attributes);
        } else {
            s.execute("CREATE ROLE " + role + attributes);
        }
    }

    private static boolean exists(Statement s, String query) throws SQLException {
        try (ResultSet r = s.executeQuery(query)) {
            return r.next();
        }
    }

    private Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, secrets.superuser());
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** Where commands that attach to the running service find its socket (the passwords are in secrets/). */
    private void publishAddress() throws IOException {
        OwnerOnly.write(data.resolve(ADDRESS_FILE), "socket-folder=" + socketDir + "\n");
    }

    /** The socket folder a running service published in {@code data}; empty when none runs there. */
    static Optional<Path> publishedSocketDir(Path data) {
        try {
            for (String line : Files.readAllLines(data.resolve(ADDRESS_FILE))) {
                if (line.startsWith("socket-folder=")) {
                    return Optional.of(Path.of(line.substring("socket-folder=".length())));
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private void pgCtl(String... action) throws IOException {
        List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", pgdata.toString()));
        command.addAll(List.of(action));
        run(command, Duration.ofMinutes(3));
    }

    private static List<String> commandLine(List<String> command) {
        List<String> line = new ArrayList<>();
        if (io.zonky.test.db.postgres.util.LinuxUtils.isUnshareAvailable()) {
            // PostgreSQL refuses to run as root; in a user namespace of its own it runs as an unprivileged user
            // (unshare execs the program: the server stays this process's child)
            line.addAll(List.of("unshare", "-U"));
        }
        line.addAll(command);
        return line;
    }

    private void run(List<String> command, Duration limit) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(commandLine(command)).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("PG")); // PGPASSWORD, PGDATA, ... of the caller's shell
        Path output = Files.createTempFile(data.resolve("logs"), ".pg-command-", ".out", OwnerOnly.fileAttribute());
        builder.redirectOutput(output.toFile());
        Process p = builder.start();
        try {
            if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(Path.of(command.getFirst()).getFileName() + " did not finish within " + limit);
            }
            if (p.exitValue() != 0) {
                String said = Files.readString(output).strip();
                throw new IOException(Path.of(command.getFirst()).getFileName() + " " + String.join(" ",
                        command.subList(3, command.size()).stream().filter(a -> !a.startsWith("--pwfile")).toList())
                        + " failed (exit " + p.exitValue() + "): " + said.lines().reduce((a, b) -> b).orElse("")
                        + "; PostgreSQL's log is in " + data.resolve("logs"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while running " + command.getFirst(), e);
        } finally {
            try {
                Files.deleteIfExists(output);
            } catch (IOException ignored) {
                // a temporary file in the owner-only log folder
            }
        }
    }

    /** For tests and operators: which settings the running server has, by name. */
    public Map<String, String> settings(String... names) {
        try (Connection c = superuser("postgres"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT name, setting FROM pg_settings WHERE name = ANY ('{"
                     + String.join(",", names) + "}')")) {
            Map<String, String> found = new java.util.TreeMap<>();
            while (r.next()) {
                found.put(r.getString(1), r.getString(2));
            }
            return found;
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("cannot read the settings: " + e.getMessage(), e));
        }
    }
}
