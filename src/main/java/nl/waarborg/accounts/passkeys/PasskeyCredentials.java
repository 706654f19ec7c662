package nl.waarborg.accounts.passkeys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Repository;

/**
 * The passkeys registered for staff accounts (table {@code passkey_credential}): public keys, signature counters and
 * the label the person gave each. Spring Security's WebAuthn support saves a credential at registration and again
 * after each sign-in (new counter, last used).
 */
@Repository
public class PasskeyCredentials implements UserCredentialRepository {

    /** The longest label kept; a longer one is cut (the label is the person's own name for the device). */
    public static final int MAX_LABEL = 64;

    private static final String COLUMNS = "credential_id, user_handle, credential_type, public_key, signature_count, "
            + "uv_initialized, backup_eligible, backup_state, transports, attestation_object, "
            + "attestation_client_data_json, label, created_at, last_used_at";

    private final JdbcClient jdbc;

    PasskeyCredentials(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A passkey as the account page lists it. */
    public record Passkey(String id, String label, Instant created, Instant lastUsed) {
    }

    @Override
    public void delete(Bytes credentialId) {
        jdbc.sql("DELETE FROM passkey_credential WHERE credential_id = ?").param(credentialId.getBytes()).update();
    }

    @Override
    public void save(CredentialRecord r) {
        String transports = r.getTransports() == null ? "" : r.getTransports().stream()
                .map(AuthenticatorTransport::getValue).sorted().collect(Collectors.joining(","));
        jdbc.sql("INSERT INTO passkey_credential (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
                        + "ON CONFLICT (credential_id) DO UPDATE SET signature_count = EXCLUDED.signature_count, "
                        + "uv_initialized = EXCLUDED.uv_initialized, backup_state = EXCLUDED.backup_state, "
                        + "last_used_at = EXCLUDED.last_used_at, label = EXCLUDED.label "
                        // a credential never moves to another account
                        + "WHERE passkey_credential.user_handle = EXCLUDED.user_handle")
                .param(r.getCredentialId().getBytes())
                .param(r.getUserEntityUserId().getBytes())
                .param(r.getCredentialType() == null ? PublicKeyCredentialType.PUBLIC_KEY.getValue()
                        : r.getCredentialType().getValue())
                .param(r.getPublicKey().getBytes())
                .param(r.getSignatureCount())
                .param(r.isUvInitialized())
                .param(r.isBackupEligible())
                .param(r.isBackupState())
                .param(transports)
                .param(r.getAttestationObject() == null ? null : r.getAttestationObject().getBytes())
                .param(r.getAttestationClientDataJSON() == null ? null : r.getAttestationClientDataJSON().getBytes())
                .param(label(r.getLabel()))
                .param(Timestamp.from(r.getCreated() == null ? Instant.now() : r.getCreated()))
                .param(Timestamp.from(r.getLastUsed() == null ? Instant.now() : r.getLastUsed()))
                .update();
    }

    @Override
    public @Nullable CredentialRecord findByCredentialId(Bytes credentialId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM passkey_credential WHERE credential_id = ?")
                .param(credentialId.getBytes()).query(PasskeyCredentials::record).optional().orElse(null);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM passkey_credential WHERE user_handle = ? ORDER BY created_at")
                .param(userId.getBytes()).query(PasskeyCredentials::record).list();
    }

    /** The passkeys of an account, oldest first. */
    public List<Passkey> of(UUID accountId) {
        return jdbc.sql("SELECT c.credential_id, c.label, c.created_at, c.last_used_at FROM passkey_credential c "
                        + "JOIN passkey_user u ON u.user_handle = c.user_handle WHERE u.staff_account_id = ? "
                        + "ORDER BY c.created_at, c.credential_id")
                .param(accountId)
                .query((rs, n) -> new Passkey(new Bytes(rs.getBytes(1)).toBase64UrlString(), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** Removes one passkey of the account; false when the account has no passkey with that id. */
    public boolean remove(UUID accountId, Bytes credentialId) {
        return jdbc.sql("DELETE FROM passkey_credential c USING passkey_user u WHERE c.credential_id = ? "
                        + "AND u.user_handle = c.user_handle AND u.staff_account_id = ?")
                .param(credentialId.getBytes()).param(accountId).update() == 1;
    }

    static String label(@Nullable String label) {
        String l = label == null ? "" : label.strip().replaceAll("\\p{Cntrl}", "");
        if (l.isEmpty()) {
            return "passkey";
        }
        return l.length() > MAX_LABEL ? l.substring(0, MAX_LABEL) : l;
    }

    private static CredentialRecord record(ResultSet rs, int n) throws SQLException {
        Set<AuthenticatorTransport> transports = new LinkedHashSet<>();
        String t = rs.getString("transports");
        if (t != null && !t.isBlank()) {
            Arrays.stream(t.split(",")).map(AuthenticatorTransport::valueOf).forEach(transports::add);
        }
        byte[] attestation = rs.getBytes("attestation_object");
        byte[] clientData = rs.getBytes("attestation_client_data_json");
        return ImmutableCredentialRecord.builder()
                .credentialId(new Bytes(rs.getBytes("credential_id")))
                .userEntityUserId(new Bytes(rs.getBytes("user_handle")))
                .credentialType(PublicKeyCredentialType.valueOf(rs.getString("credential_type")))
                .publicKey(new ImmutablePublicKeyCose(rs.getBytes("public_key")))
                .signatureCount(rs.getLong("signature_count"))
                .uvInitialized(rs.getBoolean("uv_initialized"))
                .backupEligible(rs.getBoolean("backup_eligible"))
                .backupState(rs.getBoolean("backup_state"))
                .transports(transports)
                .attestationObject(attestation == null ? null : new Bytes(attestation))
                .attestationClientDataJSON(clientData == null ? null : new Bytes(clientData))
                .label(rs.getString("label"))
                .created(rs.getTimestamp("created_at").toInstant())
                .lastUsed(rs.getTimestamp("last_used_at").toInstant())
                .build();
    }
}
