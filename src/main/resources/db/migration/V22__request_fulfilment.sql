-- Fulfilling data-subject requests (issue 16, docs/requests.md "Fulfilment"): one row per step of a request's plan
-- (read, rectify, erase in the vault or a declared system; tell a recipient, Art. 19), with its status, cause and
-- counts, so that a request survives a restart and only what failed is tried again. No personal value: targets are
-- the policy's ids, counts are per data category, `kept` lists what an erasure kept with its ground and date.
CREATE TABLE request_step (
    request_id    uuid        NOT NULL REFERENCES request (id) ON DELETE CASCADE,
    seq           int         NOT NULL,
    action        text        NOT NULL CHECK (action IN ('export', 'rectify', 'erase', 'notify')),
    target        text        NOT NULL,           -- 'vault', a system's id or a recipient's id
    category      text,                           -- the data category a rectification changes
    status        text        NOT NULL DEFAULT 'waiting'
                  CHECK (status IN ('waiting', 'running', 'done', 'partial', 'failed', 'pending', 'skipped')),
    operation_id  text,                           -- the system operation of a system's step (system_operation.id)
    cause         text,
    counts        jsonb       NOT NULL DEFAULT '{}',
    kept          jsonb       NOT NULL DEFAULT '[]',
    attempts      int         NOT NULL DEFAULT 0,
    updated_at    timestamptz NOT NULL,
    done_by       text,
    PRIMARY KEY (request_id, seq)
);
CREATE INDEX request_step_operation ON request_step (operation_id) WHERE operation_id IS NOT NULL;

ALTER TABLE request ADD COLUMN fulfilment_started_at timestamptz;
ALTER TABLE request ADD COLUMN fulfilment_started_by text;

-- The answer to an access or portability request, encrypted (a Tink streaming AEAD keyset per answer, stored only
-- wrapped by the master key) in chunks, so that an answer of any size is written and read with bounded memory.
-- The download link's token is stored as its SHA-256 hash (to find the answer) and wrapped (so that the completion
-- letter can carry the link again). Deleted, with its chunks, 14 days after it was made.
CREATE TABLE request_answer (
    id            uuid        PRIMARY KEY,
    request_id    uuid        NOT NULL REFERENCES request (id) ON DELETE CASCADE,
    token_hash    bytea       NOT NULL UNIQUE,
    wrapped_token bytea       NOT NULL,
    wrapped_key   bytea       NOT NULL,
    formats       text[]      NOT NULL,
    complete      boolean     NOT NULL DEFAULT false, -- false while written: a half-written answer is never served
    partial       boolean     NOT NULL DEFAULT false, -- a place could not be read; the answer says which
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    downloads     int         NOT NULL DEFAULT 0
);
CREATE INDEX request_answer_request ON request_answer (request_id);
CREATE INDEX request_answer_expiry ON request_answer (expires_at);
CREATE TABLE request_answer_chunk (
    answer_id     uuid        NOT NULL REFERENCES request_answer (id) ON DELETE CASCADE,
    format        text        NOT NULL,
    seq           int         NOT NULL,
    bytes         bytea       NOT NULL,
    PRIMARY KEY (answer_id, format, seq)
);
