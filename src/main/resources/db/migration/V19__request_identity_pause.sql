-- Requests (issue 16, docs/requests.md "Pausing while identity is outstanding"): with the pause setting on, the
-- deadline moves by the days identity was outstanding once it is decided; the date the law gives without the pause
-- stays on record beside it (null: no pause was counted).
ALTER TABLE request ADD COLUMN legal_deadline date;
