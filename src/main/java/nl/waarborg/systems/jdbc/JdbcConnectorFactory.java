package nl.waarborg.systems.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.waarborg.policy.Connector;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.Policy.DataSystem;
import nl.waarborg.systems.Secrets;
import nl.waarborg.systems.SystemConnector;
import nl.waarborg.systems.SystemConnectorFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes the connector of every {@code jdbc} system with a mapping. Each system gets a small pool of its own
 * (HikariCP; {@code waarborg.systems.jdbc.pool-size}, default 2), opened when first used, with a connect timeout
 * ({@code connect-timeout}, default 5 s) and a query timeout ({@code query-timeout}, default 60 s), so that a system
 * that is down fails fast and holds nothing else up. URL, user and password are read through {@link Secrets} (the
 * environment, or an owner-only file in the service's data folder) each time a pool is made; a pool whose settings
 * changed (a new password) is replaced. The proof of each sweep batch goes to the audit log through the
 * {@link BatchJournal}.
 */
@Component
public class JdbcConnectorFactory implements SystemConnectorFactory, DisposableBean {

    private final Secrets secrets;
    private final BatchJournal journal;
    private final ZoneId zone;
    private final Settings settings;
    private final Map<String, Pool> pools = new ConcurrentHashMap<>();

    /** The pool and timeout settings ({@code waarborg.systems.jdbc.*}). */
    public record Settings(int poolSize, Duration connectTimeout, Duration queryTimeout, int batch) {

        public Settings {
            if (poolSize < 1 || batch < 1) {
                throw new IllegalArgumentException("waarborg.systems.jdbc.pool-size and .batch must be positive");
            }
            if (connectTimeout.toMillis() < 250) {
                throw new IllegalArgumentException("waarborg.systems.jdbc.connect-timeout must be at least 250ms");
            }
        }
    }

    @Autowired
    public JdbcConnectorFactory(@Value("${waarborg.data-dir:data}") Path dataDir, BatchJournal journal,
                                @Value("${waarborg.zone:Europe/Amsterdam}") ZoneId zone,
                                @Value("${waarborg.systems.jdbc.pool-size:2}") int poolSize,
                                @Value("${waarborg.systems.jdbc.connect-timeout:5s}") Duration connectTimeout,
                                @Value("${waarborg.systems.jdbc.query-timeout:60s}") Duration queryTimeout,
                                @Value("${waarborg.systems.jdbc.batch:1000}") int batch,
                                @Value("${waarborg.systems.settings-file:}") String settingsFile) {
        this(new Secrets(dataDir, Secrets.environment(settingsFile)), journal, zone, new Settings(poolSize, connectTimeout, queryTimeout, batch));
    }

    /** With the secrets read from a given environment (tests; a command that passes settings on). */
    public JdbcConnectorFactory(Secrets secrets, BatchJournal journal, ZoneId zone, Settings settings) {
        this.secrets = secrets;
        this.journal = journal;
        this.zone = zone;
        this.settings = settings;
    }

    @Override
    public boolean handles(DataSystem system) {
        return system.connector() == Connector.JDBC && system.jdbc() != null;
    }

    @Override
    public SystemConnector create(Policy policy, DataSystem system) {
        if (!handles(system)) {
            throw new IllegalArgumentException("system `" + system.id() + "` is not a mapped jdbc system");
        }
        return new JdbcConnector(policy, system, () -> connection(system), journal, zone, settings.batch(),
                settings.queryTimeout());
    }

    private Connection connection(DataSystem system) throws SQLException {
        String url = secrets.read(system.id(), "url", system.jdbc().url());
        String user = secrets.read(system.id(), "user", system.jdbc().user());
        String password = secrets.read(system.id(), "password", system.jdbc().password());
        SqlDialect dialect;
        try {
            dialect = SqlDialect.of(url);
        } catch (IllegalArgumentException e) {
            throw new Secrets.SecretUnavailableException(system.id(), "url: " + system.jdbc().url().describe()
                    + " holds no jdbc:postgresql:, jdbc:mariadb: or jdbc:mysql: URL");
        }
        String fingerprint = fingerprint(url, user, password);
        Pool pool = pools.compute(system.id(), (id, known) -> {
            if (known != null && known.fingerprint.equals(fingerprint)) {
                return known;
            }
            if (known != null) {
                known.dataSource.close();
            }
            return new Pool(fingerprint, dataSource(system.id(), dialect, url, user, password));
        });
        return pool.dataSource.getConnection();
    }

    private HikariDataSource dataSource(String systemId, SqlDialect dialect, String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("waarborg-system-" + systemId);
        config.setJdbcUrl(dialect.driverUrl(url));
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(0);
        config.setConnectionTimeout(settings.connectTimeout().toMillis());
        config.setValidationTimeout(Math.min(settings.connectTimeout().toMillis(), 5_000));
        config.setInitializationFailTimeout(-1); // made lazily: a system that is down fails its operations, not the start
        Duration socket = settings.queryTimeout().plus(settings.queryTimeout().dividedBy(2)).plusSeconds(5);
        dialect.timeouts(settings.connectTimeout(), socket).forEach(config::addDataSourceProperty);
        return new HikariDataSource(config);
    }

    private static String fingerprint(String url, String user, String password) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (String s : new String[] {url, user, password}) {
                d.update(s.getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Pool(String fingerprint, HikariDataSource dataSource) {}

    @Override
    public void destroy() {
        pools.values().forEach(p -> p.dataSource.close());
        pools.clear();
    }
}
