package nl.waarborg.vault;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import nl.waarborg.database.KeyDatabase;

/**
 * The key store in a PostgreSQL database of its own (table {@code subject_key}, created on first use). Plain
 * JDBC on its own small pool: it is not the application's DataSource and takes no part in its transactions.
 * Callers order their writes so that a failure between the two databases leaves nothing readable that should
 * not be: a key is stored before the subject that uses it, and destroyed before the subject's rows.
 */
final class PostgresSubjectKeyStore implements SubjectKeyStore, AutoCloseable {

    private final HikariDataSource pool;
    private final String description;

    PostgresSubjectKeyStore(KeyDatabase database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.username());
        if (database.password() != null) {
            config.setPassword(database.password());
        }
        config.setPoolName("waarborg-keys");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        this.pool = new HikariDataSource(config);
        this.description = "database " + database.jdbcUrl();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE IF NOT EXISTS subject_key (
                        subject_id  uuid        PRIMARY KEY,
                        wrapped_key bytea       NOT NULL,
                        created_at  timestamptz NOT NULL DEFAULT now()
                    )""");
        } catch (SQLException e) {
            pool.close();
            throw new IllegalStateException("cannot prepare the key store in " + description, e);
        }
    }

    @Override
    public void putAll(Map<UUID, byte[]> wrappedKeys) {
        if (wrappedKeys.isEmpty()) {
            return;
        }
        // one statement for the whole batch: unnest two arrays
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO subject_key (subject_id, wrapped_key) "
                     + "SELECT * FROM unnest(?::uuid[], ?::bytea[]) ON CONFLICT (subject_id) DO NOTHING")) {
            UUID[] ids = new UUID[wrappedKeys.size()];
            byte[][] keys = new byte[wrappedKeys.size()][];
            int i = 0;
            for (Map.Entry<UUID, byte[]> e : wrappedKeys.entrySet()) {
                ids[i] = e.getKey();
                keys[i++] = e.getValue();
            }
            ps.setArray(1, c.createArrayOf("uuid", ids));
            ps.setObject(2, keys);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new KeyStoreUnavailableException("storing " + wrappedKeys.size() + " data keys failed", e);
        }
    }

    @Override
    public Map<UUID, byte[]> getAll(Collection<UUID> subjects) {
        Map<UUID, byte[]> found = new HashMap<>(subjects.size() * 2);
        if (subjects.isEmpty()) {
            return found;
        }
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT subject_id, wrapped_key FROM subject_key WHERE subject_id = ANY (?)")) {
            Array ids = c.createArrayOf("uuid", subjects.toArray());
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getObject(1, UUID.class), rs.getBytes(2));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new KeyStoreUnavailableException("reading data keys failed", e);
        }
    }

    @Override
    public boolean destroy(UUID subject) {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM subject_key WHERE subject_id = ?")) {
            ps.setObject(1, subject);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new KeyStoreUnavailableException("destroying a data key failed", e);
        }
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        pool.close();
    }

    /** The key store cannot be reached or refused the statement; nothing personal in the message. */
    static final class KeyStoreUnavailableException extends IllegalStateException {
        KeyStoreUnavailableException(String message, Throwable cause) {
            super(message + " (" + cause.getClass().getSimpleName() + ")", cause);
        }
    }
}
