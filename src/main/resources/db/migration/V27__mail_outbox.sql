-- Mail that must go out after a change is committed (docs/mail.md): a letter to the person about their request, a
-- notice to staff of a task. The row is written in the same transaction as the change it follows, so a letter is never
-- lost to a crash or an SMTP server that is down, and it names only what the mail is about (the request, the letter's
-- kind, the language, the task): never an address or a text. The mail is written from the request when it is sent.
CREATE TABLE mail_outbox (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            text        NOT NULL CHECK (kind ~ '^[a-z][a-z0-9:-]{0,40}$'), -- letter:receipt, task:system, …
    request_id      uuid        REFERENCES request (id) ON DELETE CASCADE,      -- gone with the request's record
    item            text        CHECK (item ~ '^[a-z][a-z0-9:.-]{0,60}$'),      -- step:3, task:17: what else it is about
    language        text        CHECK (language IN ('nl', 'en')),
    status          text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'given-up')),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz,                       -- pending: when it is tried (again); sending: when the claim lapses
    cause           text,                              -- why the last attempt failed, as a code (smtp, no-address)
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz,
    CONSTRAINT mail_outbox_sent CHECK ((status = 'sent') = (sent_at IS NOT NULL))
);
-- One letter of each kind per request; one notice per task (a step run again after a restart queues nothing new).
CREATE UNIQUE INDEX mail_outbox_once ON mail_outbox (kind, coalesce(request_id::text, ''), coalesce(item, ''));
-- The sender takes what is due.
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE status IN ('pending', 'sending');
