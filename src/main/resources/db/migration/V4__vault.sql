-- The vault: subjects and their personal values (issue 3). Values are stored encrypted with the subject's own
-- data key; that key is NOT in this database but in the key store (a database of its own, see docs/vault.md),
-- so a copy of this database cannot be read once the subject's key is destroyed (crypto-shredding).

CREATE TABLE subject (
    id         uuid        PRIMARY KEY,
    created_at timestamptz NOT NULL
);

-- An application's own key for the subject (a customer number), unique per scheme. Pseudonymous, kept in clear
-- so staff and applications can map back; never written to the audit log.
CREATE TABLE subject_reference (
    scheme     text NOT NULL,
    reference  text NOT NULL,
    subject_id uuid NOT NULL REFERENCES subject (id) ON DELETE CASCADE,
    PRIMARY KEY (scheme, reference)
);
CREATE INDEX subject_reference_subject ON subject_reference (subject_id);

-- Lookup identifiers (e-mail, phone) only as keyed blind indexes (HMAC-SHA256): found by value, never stored.
-- Several subjects may share one (a household's e-mail address).
CREATE TABLE subject_identifier (
    kind        text  NOT NULL CHECK (kind IN ('email', 'phone')),
    blind_index bytea NOT NULL,
    subject_id  uuid  NOT NULL REFERENCES subject (id) ON DELETE CASCADE,
    PRIMARY KEY (kind, blind_index, subject_id)
);
CREATE INDEX subject_identifier_subject ON subject_identifier (subject_id);

-- Membership of subject categories over time (visitor -> lead -> customer): when the subject first joined each.
CREATE TABLE subject_membership (
    subject_id       uuid        NOT NULL REFERENCES subject (id) ON DELETE CASCADE,
    subject_category text        NOT NULL,
    joined_at        timestamptz NOT NULL,
    PRIMARY KEY (subject_id, subject_category)
);

-- Lifecycle events (contract-ended, complaint-closed, ...) as the policy names them; every occurrence is kept.
CREATE TABLE subject_event (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_id  uuid        NOT NULL REFERENCES subject (id) ON DELETE CASCADE,
    event       text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL
);
CREATE INDEX subject_event_subject ON subject_event (subject_id, event, occurred_at);

-- One personal value of one data category. value = Tink AEAD ciphertext bound to subject and category.
CREATE TABLE item (
    id             uuid        PRIMARY KEY,
    subject_id     uuid        NOT NULL REFERENCES subject (id) ON DELETE CASCADE,
    category       text        NOT NULL,
    purposes       text[]      NOT NULL CHECK (cardinality(purposes) > 0),
    source         text        NOT NULL,
    system         text        NOT NULL,
    collected_at   timestamptz NOT NULL,
    policy_version bigint      NOT NULL REFERENCES policy_version (id),
    value          bytea       NOT NULL
);
CREATE INDEX item_subject ON item (subject_id, category);
