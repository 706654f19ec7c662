-- Requests (issue 16): a request for restriction names its Art. 18(1) ground; the restriction takes effect in the
-- decision core when the requester's identity is verified (docs/requests.md).
ALTER TABLE request ADD COLUMN restriction_ground text
    CHECK (restriction_ground IN ('accuracy-contested', 'unlawful', 'needed-for-subjects-claim', 'objection-pending'));
