-- The dates an item carries of its own (the policy's item-dates, such as an invoice's date), from which a retention
-- period may start: {"invoice-date": "2024-03-01"}, ids the policy declares, calendar dates of the years 1900-9999;
-- null when the item carries none. A column of the item row (which carries subject_id, the distribution column), not
-- a table of its own: the insert stays one statement and the schedule reads them with the item, without a join.
-- Stored as plain dates, not encrypted, like collected_at: the retention engine reads them without the subject's key
-- (a sweep and a recomputation open no keys), and the row goes with the item; docs/vault.md, "Reference dates".
ALTER TABLE item ADD COLUMN reference_dates jsonb;
