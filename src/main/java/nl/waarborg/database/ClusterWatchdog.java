package nl.waarborg.database;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Watches the embedded server's process. When it dies under the running service: health and readiness go down at
 * once, requests get a 503 instead of waiting, and the server is started again (a few attempts, each after a
 * longer wait). When every attempt fails the service stops itself with a clear message, so that a supervisor
 * (systemd, a container runtime) restarts it whole.
 */
final class ClusterWatchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClusterWatchdog.class);

    private final EmbeddedCluster cluster;
    private final DatabaseAvailability availability;
    private final HikariDataSource pool;
    private final ApplicationEventPublisher events;
    private final int attempts;
    private final Duration backoff;
    private final Runnable giveUp;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "waarborg-database-watchdog");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    ClusterWatchdog(EmbeddedCluster cluster, DatabaseAvailability availability, HikariDataSource pool,
                    ApplicationEventPublisher events, int attempts, Duration backoff, Runnable giveUp) {
        this.cluster = cluster;
        this.availability = availability;
        this.pool = pool;
        this.events = events;
        this.attempts = attempts;
        this.backoff = backoff;
        this.giveUp = giveUp;
    }

    void watch() {
        cluster.postmaster().onExit().thenRun(this::died);
    }

    private void died() {
        if (closed) {
            return;
        }
        availability.down();
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        log.error("The embedded PostgreSQL stopped under the running service; requests are answered 503 while it is"
                + " started again (PostgreSQL's log: {})", cluster.logDir());
        if (attempts == 0) {
            giveUp.run();
            return;
        }
        executor.schedule(() -> restart(1), backoff.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restart(int attempt) {
        if (closed) {
            return;
        }
        try {
            cluster.restart();
            pool.getHikariPoolMXBean().softEvictConnections(); // the old connections died with the server
            availability.up();
            AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
            log.warn("The embedded PostgreSQL runs again (attempt {})", attempt);
            watch();
        } catch (Exception e) {
            if (attempt >= attempts) {
                log.error("The embedded PostgreSQL did not start again after {} attempt(s) ({}); stopping the service so"
                        + " that its supervisor restarts it", attempt, e.getMessage());
                giveUp.run();
                return;
            }
            log.warn("Starting the embedded PostgreSQL again failed (attempt {} of {}): {}", attempt, attempts, e.getMessage());
            executor.schedule(() -> restart(attempt + 1), backoff.toMillis() << attempt, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
    }
}
