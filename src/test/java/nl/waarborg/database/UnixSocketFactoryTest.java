package nl.waarborg.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import nl.waarborg.WaarborgApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The driver's way to the private socket under load on virtual threads, as the service's requests run. With the
 * junixsocket library first used here, concurrent large writes from virtual threads hung for good (a virtual
 * thread parked waiting to write, PostgreSQL waiting to read: found by the vault benchmark, ingestion stopped).
 */
class UnixSocketFactoryTest {

    private static ConfigurableApplicationContext service;

    @BeforeAll
    static void start() throws IOException {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "socket");
        service = new SpringApplicationBuilder(WaarborgApplication.class).web(WebApplicationType.NONE)
                .run("--waarborg.data-dir=" + data, "--waarborg.policy=src/test/resources/policies/clean.yaml");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void concurrentLargeWritesAndReadsOnVirtualThreadsAllFinish() throws Exception {
        DataSource db = service.getBean(DataSource.class);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE socket_load (id serial PRIMARY KEY, payload bytea NOT NULL)");
        }
        byte[] payload = new byte[2 * 1024 * 1024]; // far beyond the socket buffers: writes must wait for the server
        new java.util.Random(7).nextBytes(payload);
        List<Future<Long>> done = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 8; t++) {
                done.add(threads.submit(() -> {
                    long read = 0;
                    for (int i = 0; i < 10; i++) {
                        try (Connection c = db.getConnection();
                             PreparedStatement insert = c.prepareStatement("INSERT INTO socket_load (payload) VALUES (?)");
                             Statement select = c.createStatement()) {
                            insert.setBytes(1, payload);
                            insert.executeUpdate();
                            try (var r = select.executeQuery("SELECT payload FROM socket_load ORDER BY id DESC LIMIT 2")) {
                                while (r.next()) {
                                    read += r.getBytes(1).length;
                                }
                            }
                        }
                    }
                    return read;
                }));
            }
            for (Future<Long> f : done) {
                // a hang guard, not a timing assertion: a lost wake-up never finishes
                assertThat(f.get(5, TimeUnit.MINUTES)).isPositive();
            }
        }
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE socket_load");
        }
    }

    @Test
    void aReadWithATimeoutEndsEmptyAndANotificationArrives() throws Exception {
        DataSource db = service.getBean(DataSource.class);
        try (Connection listener = db.getConnection(); Connection sender = db.getConnection();
             Statement listen = listener.createStatement(); Statement notify = sender.createStatement()) {
            listen.execute("LISTEN socket_test");
            PGConnection pg = listener.unwrap(PGConnection.class);
            PGNotification[] none = pg.getNotifications(200);
            assertThat(none == null || none.length == 0).as("nothing announced: the timed wait ends empty").isTrue();
            notify.execute("NOTIFY socket_test, 'hello'");
            PGNotification[] got = pg.getNotifications(10_000);
            assertThat(got).isNotNull().hasSize(1);
            assertThat(got[0].getParameter()).isEqualTo("hello");
            try (var r = listen.executeQuery("SELECT 1")) {
                assertThat(r.next()).as("the connection still works after timed reads").isTrue();
            }
        }
    }
}
