-- Passkeys (WebAuthn) of staff accounts (issue 18, docs/accounts.md "Passkeys"). Only public material is kept: a
-- passkey's private key never leaves the person's authenticator, so nothing here lets a reader sign in.

-- The WebAuthn "user entity" of an account: the user handle is random (no personal value, WebAuthn 5.4.3) and is what
-- an authenticator returns at sign-in; the account it belongs to is found through this row.
CREATE TABLE passkey_user (
    user_handle       bytea PRIMARY KEY CHECK (octet_length(user_handle) BETWEEN 1 AND 64),
    staff_account_id  uuid  NOT NULL UNIQUE REFERENCES staff_account (id)
);

CREATE TABLE passkey_credential (
    credential_id                bytea       PRIMARY KEY CHECK (octet_length(credential_id) BETWEEN 1 AND 1023),
    user_handle                  bytea       NOT NULL REFERENCES passkey_user (user_handle) ON DELETE CASCADE,
    credential_type              text        NOT NULL,
    public_key                   bytea       NOT NULL,  -- COSE key: public, checks the signatures the passkey makes
    signature_count              bigint      NOT NULL CHECK (signature_count >= 0), -- a cloned authenticator shows up
    uv_initialized               boolean     NOT NULL,
    backup_eligible              boolean     NOT NULL,
    backup_state                 boolean     NOT NULL,
    transports                   text        NOT NULL DEFAULT '',  -- comma-separated: usb, nfc, ble, internal, hybrid
    attestation_object           bytea,
    attestation_client_data_json bytea,
    label                        text        NOT NULL CHECK (char_length(label) BETWEEN 1 AND 64),
    created_at                   timestamptz NOT NULL,
    last_used_at                 timestamptz NOT NULL
);

CREATE INDEX passkey_credential_by_user ON passkey_credential (user_handle);
