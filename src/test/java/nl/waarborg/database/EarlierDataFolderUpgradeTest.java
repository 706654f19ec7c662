package nl.waarborg.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import nl.waarborg.WaarborgApplication;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A data folder made by an earlier Waarborg (the library's cluster: every local user trusted, values in the
 * maintenance database `postgres`, everything owned by the superuser) is brought to the private form at its first
 * start, with nothing lost.
 */
class EarlierDataFolderUpgradeTest {

    @Test
    void anEarlierFolderGetsPasswordsRolesAndItsValuesKeepingEverything() throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "earlier");
        UUID subject = UUID.randomUUID();
        int migrations;
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(data.resolve("postgres"))
                .setCleanDataDirectory(false).start()) {
            Flyway.configure().dataSource(earlier.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
            try (Connection c = earlier.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE waarborg_keys");
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM flyway_schema_history")) {
                    r.next();
                    migrations = r.getInt(1);
                }
            }
            try (Connection c = earlier.getDatabase("postgres", "waarborg_keys").getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE subject_key (subject_id uuid PRIMARY KEY, wrapped_key bytea NOT NULL,"
                        + " created_at timestamptz NOT NULL DEFAULT now())");
                s.execute("INSERT INTO subject_key (subject_id, wrapped_key) VALUES ('" + subject + "', '\\x01')");
            }
        }
        assertThat(Files.readString(data.resolve("postgres/pg_hba.conf"))).contains("trust");

        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(WaarborgApplication.class)
                .web(WebApplicationType.NONE)
                .run("--waarborg.data-dir=" + data, "--waarborg.policy=src/test/resources/policies/clean.yaml")) {
            JdbcClient db = service.getBean(JdbcClient.class);
            assertThat(db.sql("SELECT current_database() || ' ' || current_user").query(String.class).single())
                    .isEqualTo("waarborg waarborg");
            assertThat(db.sql("SELECT count(*) FROM flyway_schema_history").query(Integer.class).single())
                    .as("the earlier values, moved").isGreaterThanOrEqualTo(migrations);
            assertThat(db.sql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner <> 'waarborg'")
                    .query(Integer.class).single()).isZero();
            KeyDatabase keys = service.getBean(KeyDatabase.class);
            try (Connection c = DriverManager.getConnection(keys.jdbcUrl(), keys.username(), keys.password());
                 Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT count(*) FROM subject_key WHERE subject_id = '" + subject + "'")) {
                r.next();
                assertThat(r.getInt(1)).as("the earlier key survives").isEqualTo(1);
            }
            assertThat(Files.readString(data.resolve("postgres/pg_hba.conf")).lines()
                    .filter(l -> !l.startsWith("#")).noneMatch(l -> l.contains("trust"))).isTrue();
        }
    }
}
