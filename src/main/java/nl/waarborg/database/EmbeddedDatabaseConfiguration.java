package nl.waarborg.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
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
 * PostgreSQL in {@code <data>/postgres}. Production points {@code spring.datasource.url} at a real server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /** Holds the folder lock first, so a second instance never touches PostgreSQL's files. */
    @Bean(destroyMethod = "close")
    DataFolder dataFolder(@Value("${waarborg.data-dir:data}") Path dir) {
        return DataFolder.open(dir);
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DataFolder folder) throws IOException {
        log.info("Starting embedded PostgreSQL in {}", folder.resolve("postgres").toAbsolutePath());
        return EmbeddedPostgres.builder()
                .setDataDirectory(folder.resolve("postgres"))
                .setCleanDataDirectory(false)
                .start();
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres, DataFolder folder) throws IOException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        // one-shot commands (keys, audit) reach this database while the service holds the folder
        folder.publishDatabaseUrl(config.getJdbcUrl());
        config.setPoolName("waarborg-embedded");
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }
}
