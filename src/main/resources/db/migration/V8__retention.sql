-- Retention (issue 4, docs/retention.md). The vault's items carry their schedule, computed by the retention
-- capability from the policy's rules: when the item must go (due_at; null while a start event has not happened
-- or an open-ended hold runs), how (end_action), which rule decides (retention_rule), from when only some purposes
-- may still use it (narrowed_at, retained_for: "retained for legal obligation only"), and under which policy
-- version the schedule was computed (a schedule of an older version is recomputed before anything is swept).
ALTER TABLE item
    ADD COLUMN due_at          timestamptz,
    ADD COLUMN end_action      text NOT NULL DEFAULT 'delete' CHECK (end_action IN ('delete', 'anonymise')),
    ADD COLUMN retention_rule  text,
    ADD COLUMN narrowed_at     timestamptz,
    ADD COLUMN retained_for    text[],
    ADD COLUMN scheduled_under bigint REFERENCES policy_version (id);

-- The sweep takes the earliest due items; the forecast sums over a due-date range.
CREATE INDEX item_due ON item (due_at) WHERE due_at IS NOT NULL;
-- Narrowing moments still ahead of the last sweep: the sweep announces them so cached decisions change on time.
CREATE INDEX item_narrowed ON item (narrowed_at) WHERE narrowed_at IS NOT NULL;

-- R2.6: the subject said in advance that no anonymised remainder of them may be kept; at expiry their items are
-- deleted even where the rule says anonymise.
ALTER TABLE subject ADD COLUMN no_anonymised_remainder boolean NOT NULL DEFAULT false;

-- What anonymisation keeps: generalised, non-identifying attributes, counted, with no link to any subject or item.
-- Released only for groups of at least k members (waarborg.retention.k-anonymity, default 5).
CREATE TABLE retention_statistic (
    rule      text   NOT NULL,
    category  text   NOT NULL,
    month     date   NOT NULL, -- first day of the month the item was collected
    attribute text   NOT NULL, -- 'item', 'birth-year', 'postcode-area', ...
    value     text   NOT NULL,
    members   bigint NOT NULL CHECK (members > 0),
    PRIMARY KEY (rule, category, month, attribute, value)
);

-- Systems Waarborg cannot reach (connector manual): the owner confirms, per rule and period, that data older than
-- the period has been deleted there. One task per rule, system and due date.
CREATE TABLE attestation_task (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    rule         text        NOT NULL,
    system       text        NOT NULL,
    owner        text        NOT NULL,
    categories   text[]      NOT NULL,
    period       text        NOT NULL,
    due_at       timestamptz NOT NULL,
    created_at   timestamptz NOT NULL,
    confirmed_at timestamptz,
    confirmed_by text,
    policy_version bigint    NOT NULL REFERENCES policy_version (id),
    UNIQUE (rule, system, due_at),
    CONSTRAINT attestation_confirmed CHECK ((confirmed_at IS NULL) = (confirmed_by IS NULL))
);
CREATE INDEX attestation_open ON attestation_task (due_at) WHERE confirmed_at IS NULL;
