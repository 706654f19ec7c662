-- An item may narrow more than once: a contract rule ends (only claims and the tax duty may use it), later a claims
-- rule ends (only the tax duty). The item stores the step in force and, in renarrow_at, when the next one begins;
-- the sweep recomputes the schedules of items whose renarrow_at has passed (docs/retention.md).
ALTER TABLE item ADD COLUMN renarrow_at timestamptz;
CREATE INDEX item_renarrow ON item (renarrow_at) WHERE renarrow_at IS NOT NULL;
