-- The identity check of a request (issue 16, docs/requests.md "Identity"): the confirmation links sent by e-mail and
-- the masked ID copies uploaded for the check. Neither outlives the identity decision: a link is retired or used, and
-- a copy's row (with its key) is deleted in the decision's transaction, its file right after the commit.

-- A one-time link to an address the vault holds. Only the SHA-256 hash of the token is kept: a copy of this table
-- cannot confirm anything. No address is kept either: the category it was read from says where it came from.
CREATE TABLE request_confirmation (
    token_hash  bytea       PRIMARY KEY CHECK (octet_length(token_hash) = 32),
    request_id  uuid        NOT NULL REFERENCES request (id) ON DELETE CASCADE,
    category    text        NOT NULL,          -- the data category the address was read from
    language    text        NOT NULL CHECK (language IN ('nl', 'en')),
    sent_at     timestamptz NOT NULL,
    sent_by     text        NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,                   -- the person confirmed: once
    retired_at  timestamptz                    -- a newer link was sent, or the identity was decided otherwise
);
CREATE INDEX request_confirmation_by_request ON request_confirmation (request_id);

-- A masked ID copy, at most one per request. The copy itself is a file under the data folder (id-copies/ID), encrypted
-- with AES-256-GCM under the key in this row: neither the file nor the row alone reveals it. No file name or
-- anything else the uploader wrote is kept.
CREATE TABLE request_id_copy (
    id           uuid        PRIMARY KEY,
    request_id   uuid        NOT NULL UNIQUE REFERENCES request (id) ON DELETE CASCADE,
    media_type   text        NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png', 'application/pdf')),
    size         bigint      NOT NULL CHECK (size > 0),
    key          bytea       NOT NULL CHECK (octet_length(key) = 32),
    received_at  timestamptz NOT NULL,
    received_by  text        NOT NULL
);
