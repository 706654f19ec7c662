-- The chain is checked and the head moved once per INSERT statement instead of once per row (V2 did it per
-- row: two statements on the head row for every event, and a dead head version each). The rules are the
-- same: the inserted events continue the chain right after the head, without gaps, each naming the hash of
-- the one before; the head then names the last of them. Appenders insert a batch with one statement.

DROP TRIGGER audit_event_append ON audit_event;
DROP FUNCTION audit_event_append();

CREATE FUNCTION audit_event_append() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    head     audit_head%ROWTYPE;
    v_first  bigint;
    v_last   bigint;
    v_count  bigint;
    v_prev   bytea;
    v_hash   bytea;
    v_broken bigint;
BEGIN
    SELECT * INTO head FROM audit_head WHERE id = 1 FOR UPDATE;
    SELECT min(seq), max(seq), count(*) INTO v_first, v_last, v_count FROM appended;
    IF v_count = 0 THEN
        RETURN NULL;
    END IF;
    IF v_first <> head.last_seq + 1 OR v_last - v_first + 1 <> v_count THEN
        RAISE EXCEPTION 'audit_event is append-only: the next event is %, not %', head.last_seq + 1,
            CASE WHEN v_first <> head.last_seq + 1 THEN v_first ELSE v_last END
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    SELECT prev_hash INTO v_prev FROM appended WHERE seq = v_first;
    IF v_prev <> head.last_hash THEN
        RAISE EXCEPTION 'audit event % must name the hash of event % as its previous hash', v_first, head.last_seq
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    SELECT b.seq INTO v_broken FROM appended a JOIN appended b ON b.seq = a.seq + 1
        WHERE b.prev_hash <> a.hash ORDER BY b.seq LIMIT 1;
    IF v_broken IS NOT NULL THEN
        RAISE EXCEPTION 'audit event % must name the hash of event % as its previous hash', v_broken, v_broken - 1
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    SELECT hash INTO v_hash FROM appended WHERE seq = v_last;
    UPDATE audit_head SET last_seq = v_last, last_hash = v_hash WHERE id = 1;
    RETURN NULL;
END $$;
CREATE TRIGGER audit_event_append AFTER INSERT ON audit_event REFERENCING NEW TABLE AS appended
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append();

-- the head moves forward by as many events as a statement appends
CREATE OR REPLACE FUNCTION audit_head_forward() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id <> OLD.id OR NEW.last_seq <= OLD.last_seq THEN
        RAISE EXCEPTION 'audit_head only moves forward with appended events (from % to %)', OLD.last_seq, NEW.last_seq
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END $$;
