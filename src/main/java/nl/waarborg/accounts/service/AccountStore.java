package nl.waarborg.accounts.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.waarborg.accounts.StaffAccount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code staff_account} table (V26__staff_accounts.sql). Callers hold the transaction. */
@Repository
class AccountStore {

    /** A stored account with what only this capability reads: the hash, the sealed secret, the counts. */
    record Row(StaffAccount account, String passwordHash, byte[] sealedTotpSecret, long totpLastStep,
               int failedAttempts, Instant lockedUntil) {

        UUID id() {
            return account.id();
        }

        @Override
        public String toString() { // never the hash or the secret, should a row end up in a message
            return "Row[" + account.id() + "]";
        }
    }

    private static final String COLUMNS = "id, username, display_name, roles, totp_enabled, must_change_password, "
            + "disabled, created_at, updated_at, password_hash, totp_secret, totp_last_step, failed_attempts, locked_until";

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> byUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM staff_account WHERE username = ?").param(username)
                .query(AccountStore::row).optional();
    }

    Optional<Row> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM staff_account WHERE id = ?").param(id)
                .query(AccountStore::row).optional();
    }

    /**
     * What a console session was signed in against (SessionStamps): a digest of the password hash, empty when the
     * account is disabled or gone. The primary key's index, one row.
     */
    Optional<String> sessionStamp(UUID id) {
        return jdbc.sql("SELECT password_hash FROM staff_account WHERE id = ? AND NOT disabled").param(id)
                .query(String.class).optional().map(AccountStore::digest);
    }

    // a digest, so the session never holds the hash itself (a session dump gives nothing to crack)
    private static String digest(String hash) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(hash.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Up to {@code limit} accounts after {@code afterUsername} (empty: from the first), in username order (its unique index). */
    List<StaffAccount> page(String afterUsername, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM staff_account WHERE username > ? ORDER BY username LIMIT ?")
                .param(afterUsername).param(limit).query(AccountStore::row).list().stream().map(Row::account).toList();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM staff_account").query(Long.class).single();
    }

    /** Enabled accounts with the role, other than {@code except}. */
    long countWithRole(String role, UUID except) {
        return jdbc.sql("SELECT count(*) FROM staff_account WHERE NOT disabled AND ? = ANY (roles) AND id <> ?")
                .param(role).param(except).query(Long.class).single();
    }

    /** Inserts the account; with {@code onlyIfNone}, only when the table is empty (the first administrator). */
    boolean insert(StaffAccount a, String passwordHash, boolean onlyIfNone) {
        String sql = "INSERT INTO staff_account (id, username, display_name, password_hash, must_change_password, roles, "
                + "created_at, updated_at) SELECT ?, ?, ?, ?, ?, ?::text[], ?, ?"
                + (onlyIfNone ? " WHERE NOT EXISTS (SELECT 1 FROM staff_account) ON CONFLICT (username) DO NOTHING" : "");
        return jdbc.sql(sql).param(a.id()).param(a.username()).param(a.displayName()).param(passwordHash)
                .param(a.mustChangePassword()).param(array(a.roles())).param(ts(a.createdAt())).param(ts(a.updatedAt()))
                .update() == 1;
    }

    void recordFailure(UUID id, int failures, Instant lockedUntil) {
        jdbc.sql("UPDATE staff_account SET failed_attempts = ?, locked_until = ? WHERE id = ?")
                .param(failures).param(lockedUntil == null ? null : ts(lockedUntil)).param(id).update();
    }

    /** Clears the count; replaces the hash when it was re-made under the current parameters. */
    void recordSuccess(UUID id, String upgradedHash, Instant now) {
        if (upgradedHash == null) {
            jdbc.sql("UPDATE staff_account SET failed_attempts = 0, locked_until = NULL WHERE id = ?").param(id).update();
        } else {
            jdbc.sql("UPDATE staff_account SET failed_attempts = 0, locked_until = NULL, password_hash = ?, updated_at = ? "
                    + "WHERE id = ?").param(upgradedHash).param(ts(now)).param(id).update();
        }
    }

    /** Takes the TOTP step for this sign-in; false when it (or a later one) was taken already: a replay. */
    boolean takeTotpStep(UUID id, long step) {
        return jdbc.sql("UPDATE staff_account SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?")
                .param(step).param(id).param(step).update() == 1;
    }

    void setPassword(UUID id, String hash, Instant now) {
        jdbc.sql("UPDATE staff_account SET password_hash = ?, must_change_password = false, failed_attempts = 0, "
                + "locked_until = NULL, updated_at = ? WHERE id = ?").param(hash).param(ts(now)).param(id).update();
    }

    void setPendingTotp(UUID id, byte[] sealed, Instant now) {
        jdbc.sql("UPDATE staff_account SET totp_secret = ?, totp_enabled = false, updated_at = ? WHERE id = ?")
                .param(sealed).param(ts(now)).param(id).update();
    }

    void enableTotp(UUID id, long step, Instant now) {
        jdbc.sql("UPDATE staff_account SET totp_enabled = true, totp_last_step = ?, updated_at = ? WHERE id = ?")
                .param(step).param(ts(now)).param(id).update();
    }

    void disable(UUID id, Instant now) {
        jdbc.sql("UPDATE staff_account SET disabled = true, updated_at = ? WHERE id = ?").param(ts(now)).param(id).update();
    }

    // roles are terms (checked by Accounts): no commas, quotes or braces, so the array literal needs no escaping
    private static String array(List<String> roles) {
        return "{" + String.join(",", roles) + "}";
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        StaffAccount a = new StaffAccount(rs.getObject("id", UUID.class), rs.getString("username"),
                rs.getString("display_name"), List.of((String[]) rs.getArray("roles").getArray()),
                rs.getBoolean("totp_enabled"), rs.getBoolean("must_change_password"), rs.getBoolean("disabled"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
        Timestamp locked = rs.getTimestamp("locked_until");
        return new Row(a, rs.getString("password_hash"), rs.getBytes("totp_secret"), rs.getLong("totp_last_step"),
                rs.getInt("failed_attempts"), locked == null ? null : locked.toInstant());
    }
}
