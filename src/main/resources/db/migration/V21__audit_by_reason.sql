-- The events that name one thing among their reasons (a request's `request:WB-…`), without reading the whole log:
-- a request's timeline is read from the audit log (issue 16, docs/requests.md).
CREATE INDEX audit_event_reasons ON audit_event USING gin (reasons);
