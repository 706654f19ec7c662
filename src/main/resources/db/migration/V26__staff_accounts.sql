-- Staff accounts (issue 18, docs/accounts.md): people who sign in to the console, as opposed to applications (api_key)
-- and the machine token (data/staff-token). Nothing here is kept in clear that would let someone who reads the table
-- sign in: the password is an Argon2id hash (PHC string, its parameters inside it), the TOTP secret is encrypted with
-- the master key (Tink AEAD, the account id as associated data, so a secret copied to another row does not open).
CREATE TABLE staff_account (
    id                    uuid        PRIMARY KEY,
    username              text        NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
    display_name          text        NOT NULL,
    password_hash         text        NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    must_change_password  boolean     NOT NULL DEFAULT false,
    -- built-in roles (administrator, privacy-officer, support, auditor) and roles of the policy
    roles                 text[]      NOT NULL DEFAULT '{}',
    totp_secret           bytea,                 -- encrypted; set at enrolment, before it is confirmed
    totp_enabled          boolean     NOT NULL DEFAULT false,
    totp_last_step        bigint      NOT NULL DEFAULT 0,  -- the last 30-second step a code was accepted for (no replay)
    failed_attempts       integer     NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until          timestamptz,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    disabled              boolean     NOT NULL DEFAULT false,
    CHECK (NOT totp_enabled OR totp_secret IS NOT NULL)
);
