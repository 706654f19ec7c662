-- The brakes on processing (issue 3; R3.3, R3.6, R4.4, R2.4; docs/consent.md): objections, restrictions and
-- holds, per subject. Each row keeps its history: when it was received or placed and by whom, and once, when it
-- was decided, lifted or released and by whom. The triggers below allow nothing else to change.

-- An objection (Art. 21) to a purpose. To direct marketing it is upheld at once (Art. 21(3)); to a
-- legitimate-interest or public-task purpose it is pending until staff decide it upheld or rejected.
CREATE TABLE objection (
    id                uuid        PRIMARY KEY,
    subject_id        uuid        NOT NULL,
    purpose           text        NOT NULL,
    status            text        NOT NULL,
    direct_marketing  boolean     NOT NULL,
    received_at       timestamptz NOT NULL,             -- when the objection reached the organisation (R4.4 counts from here)
    recorded_at       timestamptz NOT NULL,
    recorded_by       text        NOT NULL,
    decided_at        timestamptz,
    decided_by        text,                             -- staff, or system:art-21-3 for direct marketing
    policy_version_id bigint      NOT NULL REFERENCES policy_version (id),
    CONSTRAINT objection_subject FOREIGN KEY (subject_id) REFERENCES subject (id) ON DELETE CASCADE,
    CONSTRAINT objection_status CHECK (status IN ('pending', 'upheld', 'rejected')),
    CONSTRAINT objection_decided CHECK ((status = 'pending') = (decided_at IS NULL)
                                        AND (decided_at IS NULL) = (decided_by IS NULL))
);
-- One open (pending or upheld) objection per subject and purpose; after a rejection the subject may object again.
CREATE UNIQUE INDEX objection_open ON objection (subject_id, purpose) WHERE status IN ('pending', 'upheld');
CREATE INDEX objection_by_subject ON objection (subject_id);
CREATE INDEX objection_pending ON objection (received_at) WHERE status = 'pending';

CREATE FUNCTION objection_decide_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status <> 'pending' OR NEW.status = 'pending'
       OR (NEW.id, NEW.subject_id, NEW.purpose, NEW.direct_marketing, NEW.received_at, NEW.recorded_at,
           NEW.recorded_by, NEW.policy_version_id)
          IS DISTINCT FROM (OLD.id, OLD.subject_id, OLD.purpose, OLD.direct_marketing, OLD.received_at,
                            OLD.recorded_at, OLD.recorded_by, OLD.policy_version_id) THEN
        RAISE EXCEPTION 'an objection is decided once, from pending; nothing else of it changes'
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER objection_decide_once BEFORE UPDATE ON objection FOR EACH ROW EXECUTE FUNCTION objection_decide_once();

-- A restriction of processing (Art. 18(1)) on one of the four grounds, of some data categories or (none listed)
-- of all. While it is not lifted, decisions allow only storing the data, unless an Art. 18(2) circumstance is
-- asserted (docs/decisions.md).
CREATE TABLE restriction (
    id                uuid        PRIMARY KEY,
    subject_id        uuid        NOT NULL,
    ground            text        NOT NULL,
    categories        text[]      NOT NULL DEFAULT '{}',  -- data category ids; empty: all of the subject's data
    placed_at         timestamptz NOT NULL,
    placed_by         text        NOT NULL,
    lifted_at         timestamptz,
    lifted_by         text,
    policy_version_id bigint      NOT NULL REFERENCES policy_version (id),
    CONSTRAINT restriction_subject FOREIGN KEY (subject_id) REFERENCES subject (id) ON DELETE CASCADE,
    CONSTRAINT restriction_ground CHECK (ground IN
        ('accuracy-contested', 'unlawful', 'needed-for-subjects-claim', 'objection-pending')),
    CONSTRAINT restriction_lifted CHECK ((lifted_at IS NULL) = (lifted_by IS NULL))
);
CREATE INDEX restriction_by_subject ON restriction (subject_id);

-- A hold (R2.4) on the subject's data: an incident or a legal claim. Retention (issue 4) extends periods while a
-- hold of a kind its rule names is active. The reason is a code (a case or ticket number), never a name.
CREATE TABLE subject_hold (
    id                uuid        PRIMARY KEY,
    subject_id        uuid        NOT NULL,
    kind              text        NOT NULL,
    reason            text        NOT NULL,
    placed_at         timestamptz NOT NULL,
    placed_by         text        NOT NULL,
    released_at       timestamptz,
    released_by       text,
    policy_version_id bigint      NOT NULL REFERENCES policy_version (id),
    CONSTRAINT subject_hold_subject FOREIGN KEY (subject_id) REFERENCES subject (id) ON DELETE CASCADE,
    CONSTRAINT subject_hold_kind CHECK (kind IN ('incident', 'legal-claim')),
    CONSTRAINT subject_hold_reason CHECK (reason ~ '^[A-Za-z0-9][A-Za-z0-9._:/+-]{0,99}$'),
    CONSTRAINT subject_hold_released CHECK ((released_at IS NULL) = (released_by IS NULL))
);
CREATE INDEX subject_hold_by_subject ON subject_hold (subject_id);

-- Restrictions and holds end once; nothing else of them changes.
CREATE FUNCTION restriction_lift_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.lifted_at IS NOT NULL OR NEW.lifted_at IS NULL
       OR (NEW.id, NEW.subject_id, NEW.ground, NEW.categories, NEW.placed_at, NEW.placed_by, NEW.policy_version_id)
          IS DISTINCT FROM (OLD.id, OLD.subject_id, OLD.ground, OLD.categories, OLD.placed_at, OLD.placed_by,
                            OLD.policy_version_id) THEN
        RAISE EXCEPTION 'a restriction is lifted once; nothing else of it changes' USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER restriction_lift_once BEFORE UPDATE ON restriction FOR EACH ROW EXECUTE FUNCTION restriction_lift_once();

CREATE FUNCTION subject_hold_release_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.released_at IS NOT NULL OR NEW.released_at IS NULL
       OR (NEW.id, NEW.subject_id, NEW.kind, NEW.reason, NEW.placed_at, NEW.placed_by, NEW.policy_version_id)
          IS DISTINCT FROM (OLD.id, OLD.subject_id, OLD.kind, OLD.reason, OLD.placed_at, OLD.placed_by,
                            OLD.policy_version_id) THEN
        RAISE EXCEPTION 'a hold is released once; nothing else of it changes' USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER subject_hold_release_once BEFORE UPDATE ON subject_hold
    FOR EACH ROW EXECUTE FUNCTION subject_hold_release_once();
