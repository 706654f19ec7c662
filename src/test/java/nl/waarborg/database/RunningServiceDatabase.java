package nl.waarborg.database;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * For tests that watch a service running in another process: a connection to its embedded database as the service's
 * own role, through the socket the service published in its data folder.
 */
public final class RunningServiceDatabase {

    private RunningServiceDatabase() {
    }

    /** A connection to the values database of the service running on {@code data}. */
    public static Connection connect(Path data) throws IOException, SQLException {
        Path socket = EmbeddedCluster.publishedSocketDir(data).orElseThrow(() -> new IOException(
                "no service runs on " + data));
        return DriverManager.getConnection(EmbeddedCluster.jdbcUrl(socket, EmbeddedCluster.VALUES),
                EmbeddedCluster.SERVICE_ROLE, ClusterSecrets.read(data).service());
    }
}
