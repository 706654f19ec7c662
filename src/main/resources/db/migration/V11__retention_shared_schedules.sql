-- A schedule whose dates follow from the subject alone (every rule governing the items starts at a lifecycle event,
-- none at collection) is the same for all of the subject's items of one category and purposes: it is stored once,
-- here, and those items point to it (item.shared_schedule; their own schedule columns stay empty). A lifecycle
-- event then rewrites one row per category and purposes instead of every item it moves: a contract end that moved
-- 750 of a subject's 1,000 items cost 36-43 ms as 750 row updates (docs/benchmarks.md, docs/retention.md).
CREATE TABLE shared_schedule (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_id      uuid        NOT NULL REFERENCES subject (id) ON DELETE CASCADE,
    category        text        NOT NULL,
    purposes        text[]      NOT NULL,
    due_at          timestamptz,
    end_action      text        NOT NULL DEFAULT 'delete' CHECK (end_action IN ('delete', 'anonymise')),
    retention_rule  text,
    narrowed_at     timestamptz,
    retained_for    text[],
    renarrow_at     timestamptz,
    scheduled_under bigint      NOT NULL REFERENCES policy_version (id),
    UNIQUE (subject_id, category, purposes)
);
CREATE INDEX shared_schedule_due ON shared_schedule (due_at) WHERE due_at IS NOT NULL;
CREATE INDEX shared_schedule_narrowed ON shared_schedule (narrowed_at) WHERE narrowed_at IS NOT NULL;
CREATE INDEX shared_schedule_renarrow ON shared_schedule (renarrow_at) WHERE renarrow_at IS NOT NULL;

-- An item's own schedule columns hold its schedule only where shared_schedule is null.
ALTER TABLE item ADD COLUMN shared_schedule bigint REFERENCES shared_schedule (id);
CREATE INDEX item_shared_schedule ON item (shared_schedule) WHERE shared_schedule IS NOT NULL;
