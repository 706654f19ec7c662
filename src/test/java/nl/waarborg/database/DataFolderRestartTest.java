package nl.waarborg.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import nl.waarborg.WaarborgApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The data folder: state survives a restart, and a second instance on the same folder is refused. */
class DataFolderRestartTest {

    @TempDir
    Path data;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(WaarborgApplication.class)
                .run("--waarborg.data-dir=" + data, "--server.port=0",
                        "--waarborg.policy=src/test/resources/policies/clean.yaml");
    }

    private String readToken() {
        try {
            return java.nio.file.Files.readString(data.resolve("staff-token"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int count(ConfigurableApplicationContext ctx, String table) {
        return ctx.getBean(JdbcClient.class).sql("SELECT count(*) FROM " + table).query(Integer.class).single();
    }

    @Test
    void restartWithTheSameFolderKeepsEverything() {
        String token;
        try (ConfigurableApplicationContext first = start()) {
            assertThat(count(first, "policy_load")).isEqualTo(1);
            token = readToken();
        }
        try (ConfigurableApplicationContext second = start()) {
            assertThat(count(second, "policy_version")).as("same content, one version").isEqualTo(1);
            assertThat(count(second, "policy_load")).as("both loads recorded").isEqualTo(2);
            assertThat(readToken()).as("the staff token survives a restart").isEqualTo(token);
        }
    }

    @Test
    void secondInstanceOnTheSameFolderGetsAClearError() {
        try (ConfigurableApplicationContext first = start()) {
            assertThatThrownBy(this::start)
                    .hasRootCauseInstanceOf(DataFolder.DataFolderInUseException.class)
                    .rootCause().hasMessageContaining("is in use by another running Waarborg")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
            assertThat(count(first, "policy_load")).as("the running instance is untouched").isEqualTo(1);
        }
    }

    @Test
    void lockIsReleasedWhenTheInstanceStops() throws Exception {
        start().close();
        try (DataFolder again = DataFolder.open(data)) {
            assertThat(again.root()).isEqualTo(data);
        }
    }
}
