-- The public portal (issue 18, docs/portal.md): the links it mails. Each token is 256 random bits; only its SHA-256
-- hash is kept (as request_confirmation does), so a copy of the database opens no link.

-- A request made on the portal: the address the person typed is NOT kept (it was used once, to send the mail); only
-- the subject the vault found by that address's blind index, linked to the request when the person confirms.
CREATE TABLE portal_request (
    request_id         uuid        PRIMARY KEY REFERENCES request (id) ON DELETE CASCADE,
    candidate_subject  uuid        REFERENCES subject (id) ON DELETE SET NULL,
    confirm_hash       bytea       NOT NULL UNIQUE,
    confirm_expires_at timestamptz NOT NULL,
    confirmed_at       timestamptz,
    status_hash        bytea       NOT NULL UNIQUE, -- the status page's link: shows no personal data, so no expiry
    details            text        CHECK (length(details) <= 2000) -- what the person added in their own words, if anything
);

-- Links to the consent and communication preferences (purpose null) or to unsubscribe from one purpose (RFC 8058),
-- put in marketing mail by the sender; they go with the subject.
CREATE TABLE portal_link (
    token_hash bytea       PRIMARY KEY,
    subject_id uuid        NOT NULL REFERENCES subject (id) ON DELETE CASCADE,
    purpose    text,
    created_at timestamptz NOT NULL
);
CREATE INDEX portal_link_by_subject ON portal_link (subject_id);
