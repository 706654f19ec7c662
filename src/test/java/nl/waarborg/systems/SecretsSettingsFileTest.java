package nl.waarborg.systems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import nl.waarborg.policy.Policy.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `waarborg.systems.settings-file` (the demo's CRM settings): read over the environment, refused when others may read it. */
class SecretsSettingsFileTest {

    @TempDir
    Path dir;

    @Test
    void theFilesVariablesAreReadOverTheEnvironment() throws Exception {
        Path file = dir.resolve("crm-settings.properties");
        Files.writeString(file, "CRM_DB_USER=waarborg\nCRM_DB_PASSWORD=s3cr3t-demo\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        Map<String, String> env = Secrets.overlay(Map.of("CRM_DB_USER", "someone-else", "HOME", "/root"), file);

        assertThat(env).containsEntry("CRM_DB_USER", "waarborg").containsEntry("CRM_DB_PASSWORD", "s3cr3t-demo")
                .containsEntry("HOME", "/root");
        assertThat(new Secrets(dir, env).read("crm", "password", new Setting(null, "CRM_DB_PASSWORD", null)))
                .isEqualTo("s3cr3t-demo");
    }

    @Test
    void aFileOthersMayReadIsRefusedWithoutItsContent() throws Exception {
        Path file = dir.resolve("crm-settings.properties");
        Files.writeString(file, "CRM_DB_PASSWORD=s3cr3t-demo\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> Secrets.environment(file.toString()))
                .hasMessageContaining("waarborg.systems.settings-file").hasMessageContaining("chmod 600")
                .hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> Secrets.environment(dir.resolve("missing").toString())).hasMessageContaining("does not exist");
        assertThat(Secrets.environment("")).isSameAs(System.getenv());
    }
}
