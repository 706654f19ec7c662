-- The breach register (issue 17, docs/breaches.md; Art. 33(5) GDPR): append-only. A breach is one row in `breach`;
-- everything recorded about it is a version in `breach_version` holding the whole breach as it then stood (jsonb, as
-- nl.waarborg.breaches.Breach), who changed it, when and why. A correction is a new version, never an edit: the AP
-- may ask what the register said at any moment. Staff's words (title, summary, reasons) are in `data` and `reason`;
-- they go to the AP, never into a log or the audit log.
CREATE TABLE breach (
    id          uuid        PRIMARY KEY,
    reference   text        NOT NULL UNIQUE,   -- BR-XXXX-XXXX
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL
);

CREATE TABLE breach_version (
    breach_id   uuid        NOT NULL REFERENCES breach (id),
    version     integer     NOT NULL CHECK (version > 0),
    change      text        NOT NULL CHECK (change IN ('registered', 'corrected', 'assessed', 'decided', 'notified', 'closed')),
    data        jsonb       NOT NULL,
    changed_by  text        NOT NULL,
    changed_at  timestamptz NOT NULL,
    reason      text,                          -- a correction's reason, in staff's words
    open        boolean     NOT NULL,          -- whether the breach was open in this version (the list of open ones)
    PRIMARY KEY (breach_id, version)
);

-- Neither table may be changed or emptied, by the service or by anyone with a database connection short of the
-- owner dropping the trigger: the register keeps every entry (BreachesApiTest).
CREATE FUNCTION breach_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END
$$;
CREATE TRIGGER breach_no_update_delete BEFORE UPDATE OR DELETE ON breach
    FOR EACH ROW EXECUTE FUNCTION breach_refuse_change();
CREATE TRIGGER breach_no_truncate BEFORE TRUNCATE ON breach
    FOR EACH STATEMENT EXECUTE FUNCTION breach_refuse_change();
CREATE TRIGGER breach_version_no_update_delete BEFORE UPDATE OR DELETE ON breach_version
    FOR EACH ROW EXECUTE FUNCTION breach_refuse_change();
CREATE TRIGGER breach_version_no_truncate BEFORE TRUNCATE ON breach_version
    FOR EACH STATEMENT EXECUTE FUNCTION breach_refuse_change();
