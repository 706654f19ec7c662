-- Holds (issue 13; docs/consent.md, docs/retention.md): a third kind, complaint, and holds on some data categories
-- only. A hold with categories extends only the subject's items of those categories; an empty list (every hold placed
-- before this migration) holds all of the subject's data, as before. Which kinds exist and how long each may keep
-- data is the policy's (top-level `holds:`); the check below only keeps the column to the vocabulary.
ALTER TABLE subject_hold DROP CONSTRAINT subject_hold_kind;
ALTER TABLE subject_hold ADD CONSTRAINT subject_hold_kind CHECK (kind IN ('incident', 'legal-claim', 'complaint'));
ALTER TABLE subject_hold ADD COLUMN categories text[] NOT NULL DEFAULT '{}'; -- data category ids; empty: all

-- A hold is released once; nothing else of it changes, its categories included.
CREATE OR REPLACE FUNCTION subject_hold_release_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.released_at IS NOT NULL OR NEW.released_at IS NULL
       OR (NEW.id, NEW.subject_id, NEW.kind, NEW.reason, NEW.categories, NEW.placed_at, NEW.placed_by,
           NEW.policy_version_id)
          IS DISTINCT FROM (OLD.id, OLD.subject_id, OLD.kind, OLD.reason, OLD.categories, OLD.placed_at, OLD.placed_by,
                            OLD.policy_version_id) THEN
        RAISE EXCEPTION 'a hold is released once; nothing else of it changes' USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END $$;

-- The forecast counts what is kept without a due date (a start event that has not happened, an open-ended hold),
-- per category and the rule that keeps it (item.retention_rule names that rule while due_at is null). Those items
-- get partial indexes of their own, so the count is an index-only scan of them alone, not of the whole table.
CREATE INDEX item_undated ON item (category, retention_rule) WHERE due_at IS NULL AND shared_schedule IS NULL;
CREATE INDEX shared_schedule_undated ON shared_schedule (id) INCLUDE (category, retention_rule) WHERE due_at IS NULL;
