-- A request's timeline is read from the audit log (issue 16, docs/requests.md): the events of the requests capability
-- (`request-…`) that name it among their reasons (`request:WB-…`). Partial: only those events are indexed, so that no
-- other append maintains it (docs/benchmarks.md, "Audit: appends with the request index").
CREATE INDEX audit_event_request_reasons ON audit_event USING gin (reasons) WHERE action LIKE 'request-%';
