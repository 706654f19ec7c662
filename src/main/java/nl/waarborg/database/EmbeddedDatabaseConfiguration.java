package nl.waarborg.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The zero-setup database: when no {@code spring.datasource.url} is given, Waarborg runs its own PostgreSQL in
 * {@code <data>/postgres} ({@link EmbeddedCluster}), with a second database in it for the subjects' data keys
 * ({@link KeyDatabase}), each reached as its own role. Production points {@code spring.datasource.url} and
 * {@code waarborg.keys.url} at real servers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(EmbeddedDatabaseConfiguration.NO_EXTERNAL_DATABASE)
class EmbeddedDatabaseConfiguration {

    static final String NO_EXTERNAL_DATABASE = "'${spring.datasource.url:}'.isEmpty()";

    /** The service (or a one-shot command while no service runs): holds the folder and runs the cluster. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression(NO_EXTERNAL_DATABASE) // component scanning finds nested classes on their own
    @ConditionalOnProperty(name = "waarborg.database.attach", havingValue = "false", matchIfMissing = true)
    static class Owned {

        /** Holds the folder lock first, so a second instance never touches PostgreSQL's files. */
        @Bean(destroyMethod = "close")
        DataFolder dataFolder(@Value("${waarborg.data-dir:data}") Path dir) {
            return DataFolder.open(dir);
        }

        @Bean(destroyMethod = "close")
        EmbeddedCluster embeddedCluster(DataFolder folder, DatabaseProperties properties) throws IOException {
            return EmbeddedCluster.start(folder, properties.binaries(), properties.sharedBuffers());
        }

        @Bean
        DatabaseAvailability databaseAvailability() {
            return new DatabaseAvailability();
        }

        @Bean(destroyMethod = "close")
        HikariDataSource dataSource(EmbeddedCluster cluster, DatabaseProperties properties) {
            return pool(cluster.jdbcUrl(EmbeddedCluster.VALUES), cluster.secrets().service(), properties.poolSize());
        }

        @Bean
        KeyDatabase keyDatabase(EmbeddedCluster cluster) {
            return new KeyDatabase(cluster.jdbcUrl(EmbeddedCluster.KEYS), EmbeddedCluster.KEYS_ROLE, cluster.secrets().keys());
        }

        @Bean(destroyMethod = "close")
        ClusterWatchdog clusterWatchdog(EmbeddedCluster cluster, DatabaseAvailability availability,
                                        HikariDataSource dataSource, DatabaseProperties properties,
                                        ApplicationContext context) {
            ClusterWatchdog watchdog = new ClusterWatchdog(cluster, availability, dataSource, context,
                    properties.restartAttempts(), properties.restartBackoff(), () -> {
                        // exit code 75 (EX_TEMPFAIL): a supervisor should start the service again
                        int code = SpringApplication.exit(context, () -> 75);
                        System.exit(code);
                    });
            watchdog.watch();
            return watchdog;
        }

        @Bean
        HealthIndicator embeddedDatabaseHealthIndicator(DatabaseAvailability availability) {
            return new EmbeddedDatabaseHealth(availability);
        }
    }

    /** A one-shot command beside a running service: the server that service runs, through its socket. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression(NO_EXTERNAL_DATABASE)
    @ConditionalOnProperty(name = "waarborg.database.attach", havingValue = "true")
    static class Attached {

        @Bean(destroyMethod = "close")
        HikariDataSource dataSource(@Value("${waarborg.data-dir:data}") Path dir) throws IOException {
            Path socket = EmbeddedCluster.publishedSocketDir(dir).orElseThrow(() -> new IOException(
                    "no Waarborg service runs on " + dir.toAbsolutePath() + " (it published no database address)"));
            return pool(EmbeddedCluster.jdbcUrl(socket, EmbeddedCluster.VALUES), ClusterSecrets.read(dir).service(), 2);
        }

        @Bean
        KeyDatabase keyDatabase(@Value("${waarborg.data-dir:data}") Path dir) throws IOException {
            Path socket = EmbeddedCluster.publishedSocketDir(dir).orElseThrow(() -> new IOException(
                    "no Waarborg service runs on " + dir.toAbsolutePath()));
            return new KeyDatabase(EmbeddedCluster.jdbcUrl(socket, EmbeddedCluster.KEYS), EmbeddedCluster.KEYS_ROLE,
                    ClusterSecrets.read(dir).keys());
        }
    }

    private static HikariDataSource pool(String url, String password, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(EmbeddedCluster.SERVICE_ROLE);
        config.setPassword(password);
        config.setPoolName("waarborg-embedded");
        config.setMaximumPoolSize(size);
        // the server is on this machine: a connection that does not come within seconds will not come
        config.setConnectionTimeout(3_000);
        return new HikariDataSource(config);
    }
}
