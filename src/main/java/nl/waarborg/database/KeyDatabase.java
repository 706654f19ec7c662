package nl.waarborg.database;

import java.util.Objects;

/**
 * Where subjects' data keys are kept: a database other than the one holding their encrypted values, so that a
 * copy or backup of the value database alone cannot be decrypted once a subject's key is destroyed
 * (crypto-shredding; docs/vault.md explains the trade-off and what to back up).
 *
 * @param password null when the server needs none (the embedded cluster)
 */
public record KeyDatabase(String jdbcUrl, String username, String password) {

    public KeyDatabase {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(username, "username");
    }

    @Override
    public String toString() { // never the password
        return "KeyDatabase[" + jdbcUrl + ", user " + username + "]";
    }
}
