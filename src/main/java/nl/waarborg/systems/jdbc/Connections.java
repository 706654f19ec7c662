package nl.waarborg.systems.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The connections of one jdbc system (a small pool). Opening one may fail with a {@link SQLException} (down, refused,
 * wrong password) or a {@link nl.waarborg.systems.Secrets.SecretUnavailableException} (a setting cannot be read); the
 * connector turns both into a failed result.
 */
@FunctionalInterface
public interface Connections {

    Connection open() throws SQLException;
}
