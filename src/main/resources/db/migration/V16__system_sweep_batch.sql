-- Systems (issue 15, docs/systems.md "A batch's proof survives kill -9"): a sweep batch of an organisation's table is
-- written here, committed, before the batch commits in that database; its proof goes to the audit log and the row
-- goes, in one transaction, after. A row left behind (the service was killed between the two commits) is settled at the
-- system's next sweep: the batch's rows are looked up, and its proof is written when they show the batch committed.
-- The keys are the organisation's primary keys of the rows (as text): kept only until the proof is written, never in the
-- audit log (which gets their digest). No column value is kept.
CREATE TABLE system_sweep_batch (
    id         uuid        PRIMARY KEY,
    system     text        NOT NULL,
    table_name text        NOT NULL,
    action     text        NOT NULL CHECK (action IN ('delete', 'nullify', 'anonymise')),
    keys       jsonb       NOT NULL,     -- [[key column values as text, …], …], one list per row
    columns    jsonb       NOT NULL,     -- nullify and anonymise: per row, the columns the batch changes; delete: []
    categories text[]      NOT NULL,     -- the proof's data categories
    reasons    text[]      NOT NULL,     -- the proof's reasons (counts, rows, the keys' digest)
    created_at timestamptz NOT NULL
);
CREATE INDEX system_sweep_batch_by_system ON system_sweep_batch (system, created_at);
