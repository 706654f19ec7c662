package nl.waarborg.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.waarborg.WaarborgApplication;
import nl.waarborg.database.DataFolder;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service's beans without its web server, for one-shot commands that work on the stored state (keys,
 * audit). Beside a running service it uses that service's database and the policy it enforces; otherwise it
 * opens the data folder itself.
 */
final class ServiceContext {

    private ServiceContext() {
    }

    static ConfigurableApplicationContext open(Path data, String databaseUrl) {
        Path folder = data == null ? Path.of("data") : data;
        List<String> args = new ArrayList<>(List.of("--waarborg.data-dir=" + folder, "--waarborg.policy-from-database=true",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN"));
        String url = databaseUrl != null ? databaseUrl : DataFolder.runningDatabaseUrl(folder).orElse(null);
        if (url != null) {
            args.add("--spring.datasource.url=" + url);
        }
        return new SpringApplicationBuilder(WaarborgApplication.class).web(WebApplicationType.NONE)
                .logStartupInfo(false).run(args.toArray(String[]::new));
    }
}
