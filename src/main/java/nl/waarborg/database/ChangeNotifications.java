package nl.waarborg.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells every Waarborg node sharing the database that something changed (a subject's state, a key revoked),
 * through PostgreSQL LISTEN/NOTIFY, so caches stay correct across nodes. A notice published inside a
 * transaction is delivered only if and when that transaction commits.
 */
@Component
public class ChangeNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeNotifications.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Map<String, List<Consumer<String>>> handlers = new ConcurrentHashMap<>();
    private final List<Runnable> reconnectActions = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.CountDownLatch listened = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean running;
    private boolean startedBefore; // start and stop come from one thread (the context's lifecycle)
    private volatile Thread listener;

    public ChangeNotifications(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** Sends {@code payload} (an id, never a personal value) to every node listening on {@code channel}. */
    public void publish(String channel, String payload) {
        jdbc.sql("SELECT pg_notify(:channel, :payload)").param("channel", checked(channel)).param("payload", payload)
                .query(Object.class).single();
    }

    /**
     * Runs {@code action} each time the listener is back after losing its connection: announcements made
     * meanwhile were missed, so caches fed by them must drop everything.
     */
    public void onReconnect(Runnable action) {
        reconnectActions.add(action);
    }

    /**
     * Waits until the listener has issued LISTEN for the channels subscribed before {@link #start()}: from then
     * on their announcements reach this node. False when that did not happen in time.
     */
    public boolean awaitListening(java.time.Duration timeout) throws InterruptedException {
        return listened.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Calls {@code handler} with each payload published on {@code channel}, on the listener thread. */
    public void subscribe(String channel, Consumer<String> handler) {
        handlers.computeIfAbsent(checked(channel), c -> new CopyOnWriteArrayList<>()).add(handler);
    }

    @Override
    public void start() {
        running = true;
        boolean restarted = startedBefore; // stopped and started again: what was announced meanwhile is unknown
        startedBefore = true;
        listener = Thread.ofPlatform().daemon().name("waarborg-change-listener").start(() -> listen(restarted));
    }

    @Override
    public void stop() {
        running = false;
        Thread t = listener;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Holds one connection for LISTEN; reconnects after a failure, so a database restart loses no subscriber. */
    private void listen(boolean missedSome) {
        boolean lost = missedSome;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                PGConnection pg = connection.unwrap(PGConnection.class);
                java.util.Set<String> listening = new java.util.HashSet<>();
                while (running) {
                    for (String channel : handlers.keySet()) {
                        if (listening.add(channel)) {
                            try (Statement s = connection.createStatement()) {
                                s.execute("LISTEN " + channel); // checked against CHANNEL: no injection
                            }
                        }
                    }
                    listened.countDown();
                    if (lost) { // listening again: what was announced while we were away is unknown
                        lost = false;
                        reconnectActions.forEach(ChangeNotifications::runQuietly);
                    }
                    PGNotification[] notices = pg.getNotifications(250);
                    if (notices != null) {
                        for (PGNotification n : notices) {
                            dispatch(n.getName(), n.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    lost = true;
                    log.warn("Change listener lost its connection ({}); reconnecting", e.getMessage());
                    pause();
                }
            }
        }
    }

    private void dispatch(String channel, String payload) {
        for (Consumer<String> handler : handlers.getOrDefault(channel, List.of())) {
            try {
                handler.accept(payload);
            } catch (RuntimeException e) {
                log.error("A change handler on channel {} failed", channel, e);
            }
        }
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.error("A reconnect action failed", e);
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String checked(String channel) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("channel names are lower-case letters, digits and _: " + channel);
        }
        return channel;
    }
}
