-- API keys of the applications that call Waarborg: bound to one policy role and the purposes it may use.
-- Only a SHA-256 of the secret part is stored; the key is shown once, at creation.
CREATE TABLE api_key (
    id          uuid        PRIMARY KEY,
    prefix      text        NOT NULL UNIQUE,
    secret_hash bytea       NOT NULL,
    role        text        NOT NULL,
    purposes    text[]      NOT NULL,
    label       text,
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);
