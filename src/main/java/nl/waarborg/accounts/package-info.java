/**
 * Staff accounts' core (issue 18, docs/accounts.md): the account as the rest of Waarborg sees it (never its hash or
 * secret), the built-in roles, TOTP (RFC 6238), the password rules, sign-in throttling and the outcome of a sign-in.
 * Plain Java: no Spring, no SQL (ArchitectureTest); hashing, storage and the {@code Accounts} service are in
 * {@code service}.
 */
package nl.waarborg.accounts;
