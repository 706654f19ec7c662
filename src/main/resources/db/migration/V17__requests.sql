-- Data-subject requests (issue 16, docs/requests.md): one row per request. It holds no personal value: the subject is
-- Waarborg's id (null until the person is found in the vault), kinds and purposes are the policy's terms and ids,
-- dates are the request's own. What staff write to the person (the reasons of an extension or a refusal) is kept as
-- written: it goes into the letter, never into a log or the audit log.
CREATE TABLE request (
    id                uuid        PRIMARY KEY,
    reference         text        NOT NULL UNIQUE,   -- what the person quotes: WB-XXXX-XXXX
    kinds             text[]      NOT NULL CHECK (cardinality(kinds) > 0),
    purposes          text[]      NOT NULL DEFAULT '{}', -- objection, consent withdrawal: the purposes concerned
    channel           text        NOT NULL CHECK (channel IN ('api', 'email', 'post', 'phone', 'desk', 'portal')),
    language          text        NOT NULL CHECK (language IN ('nl', 'en')),
    subject_id        uuid,
    received_at       timestamptz NOT NULL,
    received_by       text        NOT NULL,
    deadline          date        NOT NULL,          -- the last day (the whole day counts, in the organisation's zone)
    deadline_ends_at  timestamptz NOT NULL,          -- the first moment after it
    extended_to       date,
    extended_ends_at  timestamptz,
    extended_at       timestamptz,
    extended_by       text,
    extension_reason  text,
    identity          text        NOT NULL DEFAULT 'pending' CHECK (identity IN ('pending', 'verified', 'failed')),
    identity_method   text,
    identity_by       text,
    identity_at       timestamptz,
    status            text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'refused', 'completed')),
    refusal_ground    text,
    refusal_reason    text,
    closed_at         timestamptz,
    closed_by         text,
    policy_version    bigint      NOT NULL REFERENCES policy_version (id),
    CONSTRAINT request_extension CHECK ((extended_to IS NULL) = (extended_at IS NULL)
        AND (extended_to IS NULL) = (extension_reason IS NULL)),
    CONSTRAINT request_refusal CHECK ((status = 'refused') = (refusal_ground IS NOT NULL)),
    CONSTRAINT request_closed CHECK ((status = 'open') = (closed_at IS NULL))
);
-- The list staff work from: open requests by the day they are due.
CREATE INDEX request_open_due ON request ((coalesce(extended_ends_at, deadline_ends_at))) WHERE status = 'open';
CREATE INDEX request_by_subject ON request (subject_id) WHERE subject_id IS NOT NULL;
