-- Consent records (issue 3; R5.1, R3.7; docs/consent.md). One row per event in a consent's life: given, then at
-- most one of withdrawn or expired. A row is never changed afterwards: withdrawal and expiry add a row that
-- follows the given one, so the history stays as it was; per subject and purpose the latest row (by seq) counts.
-- The fields are those of ISO/IEC TS 27560 that apply; the mapping is in docs/consent.md.
CREATE TABLE consent_record (
    id                uuid        PRIMARY KEY,                       -- also the receipt id
    seq               bigint      GENERATED ALWAYS AS IDENTITY UNIQUE, -- order of recording
    subject_id        uuid        NOT NULL,
    purpose           text        NOT NULL,                          -- a policy purpose id whose basis needs consent
    state             text        NOT NULL,
    follows           uuid        UNIQUE,                            -- withdrawn/expired: the 'given' row it ends (once)
    statement_version text        NOT NULL,                          -- the privacy statement version shown (R5.1)
    language          text        NOT NULL,                          -- the language it was shown in
    collection_method text        NOT NULL,
    given_at          timestamptz NOT NULL,
    expires_at        timestamptz,
    withdrawn_at      timestamptz,
    withdrawal_method text,
    recorded_at       timestamptz NOT NULL,
    recorded_by       text        NOT NULL,                          -- the actor: key:<prefix>, staff, system:consent-expiry
    policy_version_id bigint      NOT NULL REFERENCES policy_version (id),
    CONSTRAINT consent_record_subject FOREIGN KEY (subject_id) REFERENCES subject (id) ON DELETE CASCADE,
    CONSTRAINT consent_record_follows FOREIGN KEY (follows) REFERENCES consent_record (id) ON DELETE CASCADE,
    CONSTRAINT consent_record_state CHECK (state IN ('given', 'withdrawn', 'expired')),
    CONSTRAINT consent_record_language CHECK (language ~ '^[a-z]{2}$'),
    CONSTRAINT consent_record_method CHECK (collection_method IN
        ('web-form', 'app', 'cookie-banner', 'email', 'phone', 'paper', 'in-person')),
    CONSTRAINT consent_record_withdrawal_method CHECK (withdrawal_method IS NULL OR withdrawal_method IN
        ('web-form', 'app', 'cookie-banner', 'email', 'phone', 'paper', 'in-person', 'unsubscribe-link')),
    CONSTRAINT consent_record_expiry CHECK (expires_at IS NULL OR expires_at > given_at),
    CONSTRAINT consent_record_shape CHECK (
        (state = 'given' AND follows IS NULL AND withdrawn_at IS NULL AND withdrawal_method IS NULL)
        OR (state = 'withdrawn' AND follows IS NOT NULL AND withdrawn_at IS NOT NULL AND withdrawal_method IS NOT NULL)
        OR (state = 'expired' AND follows IS NOT NULL AND expires_at IS NOT NULL AND withdrawn_at IS NULL
            AND withdrawal_method IS NULL))
);
CREATE INDEX consent_record_latest ON consent_record (subject_id, purpose, seq DESC);

-- History is not rewritten: no row is ever updated. Deleting stays possible (erasure cascades from subject).
CREATE FUNCTION consent_record_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'consent_record keeps history: a consent is withdrawn or expires by a new row, never by an update'
        USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER consent_record_no_update BEFORE UPDATE ON consent_record
    FOR EACH ROW EXECUTE FUNCTION consent_record_refuse_update();

-- Work queue of given consents with an expiry that has not been recorded yet. The sweep claims due rows with
-- FOR UPDATE SKIP LOCKED (several nodes may sweep), records the expiry and announces the subject's change.
-- A withdrawal, or a newer consent for the same purpose, takes the row out first.
CREATE TABLE consent_expiry_due (
    record_id  uuid        PRIMARY KEY REFERENCES consent_record (id) ON DELETE CASCADE,
    expires_at timestamptz NOT NULL
);
CREATE INDEX consent_expiry_due_at ON consent_expiry_due (expires_at);
