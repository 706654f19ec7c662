-- Systems (issue 15, docs/systems.md): every operation on a declared system (a sweep of its due data, a subject's
-- export, erasure or rectification) is one row, stored before the system is asked, retried while it failed and
-- listed for staff once it stays failed. The row holds what the operation came to, never a personal value: the
-- subject is Waarborg's id (null for a sweep), counts are per data category or table, the digest is the SHA-256 of
-- the keys erased, the cause names what failed (a refused connection, an HTTP status), never a row or a password.
CREATE TABLE system_operation (
    id              text        PRIMARY KEY,         -- the operation id: repeating an operation with it does it once
    kind            text        NOT NULL CHECK (kind IN ('sweep', 'export', 'erase', 'rectify')),
    system          text        NOT NULL,            -- the system's id in the policy
    subject_id      uuid,                            -- Waarborg's subject; null for a sweep or a person it does not hold
    status          text        NOT NULL CHECK (status IN ('done', 'partial', 'failed', 'pending')),
    cause           text,
    counts          jsonb       NOT NULL DEFAULT '{}',
    digest          text,
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    next_attempt_at timestamptz,                     -- when it is tried again (or, pending, given up); null: no more
    awaiting_answer boolean     NOT NULL DEFAULT false, -- a webhook's answer may still come on the callback endpoint
    policy_version  bigint      NOT NULL REFERENCES policy_version (id),
    CONSTRAINT system_operation_id CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$'),
    CONSTRAINT system_operation_sweep CHECK (kind <> 'sweep' OR subject_id IS NULL)
);
-- The retry loop takes what is due; the next sweep of a system finds its open sweep operation.
CREATE INDEX system_operation_due ON system_operation (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
CREATE INDEX system_operation_by_system ON system_operation (system, kind, created_at DESC);
-- Staff see what stays failed: no attempt is left.
CREATE INDEX system_operation_given_up ON system_operation (updated_at)
    WHERE status IN ('failed', 'partial') AND next_attempt_at IS NULL;
CREATE INDEX system_operation_by_subject ON system_operation (subject_id) WHERE subject_id IS NOT NULL;

-- Subject operations on a system Waarborg cannot reach (connector manual, or a jdbc system not mapped yet): a task
-- for the system's owner, "erase this subject's data in <system> by <date>". The task holds no personal value; the
-- owner finds the subject through Waarborg's subject id. One task per operation.
CREATE TABLE system_task (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    operation_id text        NOT NULL UNIQUE REFERENCES system_operation (id),
    system       text        NOT NULL,
    owner        text        NOT NULL,
    kind         text        NOT NULL CHECK (kind IN ('export', 'erase', 'rectify')),
    subject_id   uuid,
    category     text,                               -- rectify: the data category to correct (the new value is not kept)
    due_at       timestamptz NOT NULL,
    created_at   timestamptz NOT NULL,
    done_at      timestamptz,
    done_by      text,
    CONSTRAINT system_task_done CHECK ((done_at IS NULL) = (done_by IS NULL))
);
CREATE INDEX system_task_open ON system_task (due_at) WHERE done_at IS NULL;
