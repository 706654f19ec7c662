-- Every distinct policy text the service has enforced, immutable once stored (design principle 1).
CREATE TABLE policy_version (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    content_hash      char(64)    NOT NULL UNIQUE,
    statement_version text        NOT NULL,
    effective_date    date        NOT NULL,
    content           text        NOT NULL,
    first_loaded_at   timestamptz NOT NULL
);

-- Each time a policy was loaded: when and from where. The latest load is the version in force.
CREATE TABLE policy_load (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    version_id bigint      NOT NULL REFERENCES policy_version (id),
    source     text        NOT NULL,
    loaded_at  timestamptz NOT NULL
);
CREATE INDEX policy_load_latest ON policy_load (loaded_at DESC, id DESC);
