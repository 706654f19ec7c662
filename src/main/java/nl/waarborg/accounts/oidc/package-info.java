/**
 * Signing in to the console through an OpenID Connect provider (issue 18, docs/accounts.md "OpenID Connect"): present
 * only when {@code waarborg.accounts.oidc.issuer-uri} is set; a provider's user signs in as the existing, enabled
 * staff account with the same username, with that account's roles, and nobody else.
 */
package nl.waarborg.accounts.oidc;
