package nl.waarborg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import nl.waarborg.database.EmbeddedCluster;
import org.springframework.context.ApplicationContext;

/**
 * For benchmarks only: a CHECKPOINT needs more than the service's own role may do (it is no superuser), so the
 * benchmark asks as the embedded cluster's superuser, whose password the data folder keeps (docs/database.md).
 */
final class EmbeddedSuperuser {

    private EmbeddedSuperuser() {
    }

    static void checkpoint(ApplicationContext service, Path dataDir) throws SQLException, IOException {
        String password = Files.readString(dataDir.resolve("secrets").resolve("postgres-superuser")).strip();
        try (Connection c = DriverManager.getConnection(service.getBean(EmbeddedCluster.class).jdbcUrl("waarborg"),
                "postgres", password); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        }
    }
}
