/**
 * Consent (issue 3; R5.1, R5.2, R3.7): consent records per subject and purpose with the fields of ISO/IEC TS 27560
 * that apply, withdrawal (a new record, never a rewrite: not retroactive), expiry, and consent receipts. Gives
 * decisions the subject's consent as {@link nl.waarborg.access.SubjectFact.Consent} facts. docs/consent.md.
 */
package nl.waarborg.consent;
