package nl.waarborg.accounts.passkeys;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Repository;

/**
 * The WebAuthn user entity of a staff account: a random user handle (table {@code passkey_user}) linked to
 * {@code staff_account.id}; the name is the account's username, the display name its display name, both read from the
 * account so a rename needs no second copy. An entity is saved only for an existing account.
 */
@Repository
public class PasskeyUsers implements PublicKeyCredentialUserEntityRepository {

    private static final String SELECT = "SELECT p.user_handle, a.username, a.display_name FROM passkey_user p "
            + "JOIN staff_account a ON a.id = p.staff_account_id ";

    private final JdbcClient jdbc;

    PasskeyUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public @Nullable PublicKeyCredentialUserEntity findById(Bytes id) {
        return jdbc.sql(SELECT + "WHERE p.user_handle = ?").param(id.getBytes()).query(PasskeyUsers::entity)
                .optional().orElse(null);
    }

    @Override
    public @Nullable PublicKeyCredentialUserEntity findByUsername(String username) {
        return jdbc.sql(SELECT + "WHERE a.username = ?").param(username).query(PasskeyUsers::entity)
                .optional().orElse(null);
    }

    /** Links {@code userEntity}'s handle to the account named {@code userEntity.getName()}; no account, no row. */
    @Override
    public void save(PublicKeyCredentialUserEntity userEntity) {
        int rows = jdbc.sql("INSERT INTO passkey_user (user_handle, staff_account_id) "
                        + "SELECT ?, id FROM staff_account WHERE username = ? ON CONFLICT DO NOTHING")
                .param(userEntity.getId().getBytes()).param(userEntity.getName()).update();
        if (rows == 0 && findById(userEntity.getId()) == null) {
            throw new IllegalArgumentException("no staff account for this passkey user entity");
        }
    }

    @Override
    public void delete(Bytes id) {
        jdbc.sql("DELETE FROM passkey_user WHERE user_handle = ?").param(id.getBytes()).update();
    }

    /** The account a user handle belongs to. */
    public Optional<UUID> accountOf(Bytes userHandle) {
        return jdbc.sql("SELECT staff_account_id FROM passkey_user WHERE user_handle = ?").param(userHandle.getBytes())
                .query(UUID.class).optional();
    }

    /** The user handle of an account, if it has registered a passkey before. */
    public Optional<Bytes> handleOf(UUID accountId) {
        return jdbc.sql("SELECT user_handle FROM passkey_user WHERE staff_account_id = ?").param(accountId)
                .query((rs, n) -> new Bytes(rs.getBytes(1))).optional();
    }

    private static PublicKeyCredentialUserEntity entity(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String display = rs.getString("display_name");
        return ImmutablePublicKeyCredentialUserEntity.builder().id(new Bytes(rs.getBytes("user_handle")))
                .name(rs.getString("username"))
                .displayName(display == null || display.isBlank() ? rs.getString("username") : display).build();
    }
}
