package nl.waarborg.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The zero-setup database: when no {@code spring.datasource.url} is given, Waarborg starts its own
 * PostgreSQL in {@code <data>/postgres}, with a second database in it for the subjects' data keys
 * ({@link KeyDatabase}). Production points {@code spring.datasource.url} and {@code waarborg.keys.url} at real
 * servers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    static final String KEY_DATABASE = "waarborg_keys";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /** Holds the folder lock first, so a second instance never touches PostgreSQL's files. */
    @Bean(destroyMethod = "close")
    DataFolder dataFolder(@Value("${waarborg.data-dir:data}") Path dir) {
        return DataFolder.open(dir);
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DataFolder folder,
                                      @Value("${waarborg.database.shared-buffers:256MB}") String sharedBuffers)
            throws IOException {
        log.info("Starting embedded PostgreSQL in {}", folder.resolve("postgres").toAbsolutePath());
        return EmbeddedPostgres.builder()
                .setDataDirectory(folder.resolve("postgres"))
                .setCleanDataDirectory(false)
                // the library's default is off (fast tests); this is where an organisation's data lives: a
                // commit must survive a crash
                .setServerConfig("synchronous_commit", "on")
                // PostgreSQL's own cache; its default (128MB) is sized for small machines
                .setServerConfig("shared_buffers", sharedBuffers)
                .start();
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres, DataFolder folder,
                          @Value("${waarborg.database.pool-size:10}") int poolSize) throws IOException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        // one-shot commands (keys, audit) reach this database while the service holds the folder
        folder.publishDatabaseUrl(config.getJdbcUrl());
        config.setPoolName("waarborg-embedded");
        config.setMaximumPoolSize(poolSize);
        return new HikariDataSource(config);
    }

    /** The key store's own database in the same cluster; created on first start. */
    @Bean
    KeyDatabase keyDatabase(EmbeddedPostgres postgres) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            ResultSet exists = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + KEY_DATABASE + "'");
            if (!exists.next()) {
                s.execute("CREATE DATABASE " + KEY_DATABASE);
            }
        }
        return new KeyDatabase(postgres.getJdbcUrl("postgres", KEY_DATABASE), "postgres", null);
    }
}
