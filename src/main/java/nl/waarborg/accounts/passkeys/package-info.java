/**
 * Passkeys (WebAuthn) for the console's sign-in (issue 18, docs/accounts.md "Passkeys"): where Spring Security's
 * WebAuthn support keeps its user entities and credentials (PostgreSQL, linked to {@code staff_account}), the relying
 * party's settings, and the filters that register a passkey and sign in with one, ending as the same console session
 * as a password sign-in.
 */
package nl.waarborg.accounts.passkeys;
