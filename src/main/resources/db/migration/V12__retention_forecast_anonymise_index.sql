-- The forecast reads items to anonymise with their subject (R2.6: a subject who refused an anonymised remainder is
-- deleted instead), which the due-date index (V9) does not cover: PostgreSQL scanned the whole item table for them,
-- 1.4 s over 10 million items even when none was to be anonymised (docs/benchmarks.md). This index holds only those
-- items, with what the forecast groups by.
CREATE INDEX item_due_anonymise ON item (due_at) INCLUDE (subject_id, category, retention_rule, system)
    WHERE end_action = 'anonymise';
