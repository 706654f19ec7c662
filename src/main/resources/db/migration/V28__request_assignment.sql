-- Console (issue 18, docs/console.md "Requests"): a request can be assigned to a person, a staff account, so that the
-- list can show "assigned to me". Who assigned and when stay on the row (and in the audit log, request-assigned).
ALTER TABLE request
    ADD COLUMN assigned_to uuid REFERENCES staff_account (id),
    ADD COLUMN assigned_at timestamptz,
    ADD COLUMN assigned_by text;
-- The console's list pages by deadline (keyset on due moment and reference) for any status, and per assignee.
CREATE INDEX request_status_due ON request (status, (coalesce(extended_ends_at, deadline_ends_at)), reference);
CREATE INDEX request_due ON request ((coalesce(extended_ends_at, deadline_ends_at)), reference);
CREATE INDEX request_open_assigned ON request (assigned_to, (coalesce(extended_ends_at, deadline_ends_at)), reference)
    WHERE status = 'open' AND assigned_to IS NOT NULL;
