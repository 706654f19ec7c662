-- The audit log (design principle 2): an append-only, hash-chained list of events. No personal values:
-- the subject is an internal id, data is named by category, every other text is a term. docs/audit.md
-- defines the canonical content and the hash; nl.waarborg.audit computes and checks them.
CREATE TABLE audit_event (
    seq            bigint      PRIMARY KEY,   -- 1, 2, 3, … without gaps; assigned by the appender under the head lock
    occurred_at    timestamptz NOT NULL,
    actor          text        NOT NULL,
    role           text        NOT NULL,
    action         text        NOT NULL,
    purpose        text,
    subject_id     uuid,
    categories     text[]      NOT NULL DEFAULT '{}',
    outcome        text        NOT NULL CHECK (outcome IN ('allowed', 'denied', 'failed')),
    reasons        text[]      NOT NULL DEFAULT '{}',
    policy_version bigint,                    -- policy_version.id; no foreign key, so the log never blocks a cleanup
    prev_hash      bytea       NOT NULL CHECK (octet_length(prev_hash) = 32),
    hash           bytea       NOT NULL CHECK (octet_length(hash) = 32)
);
CREATE INDEX audit_event_subject ON audit_event (subject_id, seq) WHERE subject_id IS NOT NULL;

-- The end of the chain: one row, locked FOR UPDATE by every append, so appends from any number of
-- connections and nodes form one chain. It only moves forward, one event at a time (the triggers below).
CREATE TABLE audit_head (
    id        smallint PRIMARY KEY CHECK (id = 1),
    last_seq  bigint   NOT NULL,
    last_hash bytea    NOT NULL CHECK (octet_length(last_hash) = 32)
);
INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, decode(repeat('00', 32), 'hex'));

-- An event may only be appended right after the head, naming the head's hash as its previous hash;
-- appending it advances the head. The appender already does this; the database makes it a rule for
-- every writer. (The hash itself is checked by verification, which knows the canonical content.)
CREATE FUNCTION audit_event_append() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    head audit_head%ROWTYPE;
BEGIN
    SELECT * INTO head FROM audit_head WHERE id = 1 FOR UPDATE;
    IF NEW.seq <> head.last_seq + 1 THEN
        RAISE EXCEPTION 'audit_event is append-only: the next event is %, not %', head.last_seq + 1, NEW.seq
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.prev_hash <> head.last_hash THEN
        RAISE EXCEPTION 'audit event % must name the hash of event % as its previous hash', NEW.seq, head.last_seq
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    UPDATE audit_head SET last_seq = NEW.seq, last_hash = NEW.hash WHERE id = 1;
    RETURN NEW;
END $$;
CREATE TRIGGER audit_event_append BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_append();

-- Append-only: no event is ever changed or removed, not even by the application's own database user.
CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

-- The head moves one event forward at a time, never back: no reset that would let a second chain begin.
CREATE FUNCTION audit_head_forward() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id <> OLD.id OR NEW.last_seq <> OLD.last_seq + 1 THEN
        RAISE EXCEPTION 'audit_head only moves forward with an appended event (from % to %)', OLD.last_seq, NEW.last_seq
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER audit_head_forward BEFORE UPDATE ON audit_head FOR EACH ROW EXECUTE FUNCTION audit_head_forward();
