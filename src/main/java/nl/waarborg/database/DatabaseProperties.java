package nl.waarborg.database;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the embedded database ({@code waarborg.database.*}); unused with an external one.
 *
 * @param sharedBuffers   PostgreSQL's own cache ({@code shared_buffers}); its default, 128MB, is sized for small machines
 * @param poolSize        connections the service keeps to it
 * @param binaries        where PostgreSQL's programs are unpacked: a folder of the service's user only
 * @param restartAttempts how often the service starts the server again when it dies, before it stops itself so
 *                        that a supervisor restarts the whole service
 * @param restartBackoff  the wait before the first attempt; doubled for each next one
 * @param attach          for one-shot commands beside a running service: use the server it runs instead of starting one
 */
@Validated
@ConfigurationProperties("waarborg.database")
public record DatabaseProperties(
        @DefaultValue("256MB") @Pattern(regexp = "[0-9]+(kB|MB|GB)") String sharedBuffers,
        @DefaultValue("10") @Min(1) @Max(200) int poolSize,
        @NotNull Path binaries,
        @DefaultValue("3") @Min(0) @Max(100) int restartAttempts,
        @DefaultValue("1s") @NotNull Duration restartBackoff,
        @DefaultValue("false") boolean attach) {

    public DatabaseProperties {
        if (binaries == null) {
            String cache = System.getenv("XDG_CACHE_HOME");
            binaries = (cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache"))
                    .resolve("waarborg");
        }
    }
}
