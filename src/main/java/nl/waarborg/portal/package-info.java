/**
 * The public portal's work (issue 18, docs/portal.md): requests made without an account and confirmed by a mailed
 * link, their status by a link, consent and communication preferences, one-click unsubscribe (RFC 8058), and the
 * rate limits on every form. Its links' tokens are {@link nl.waarborg.requests.service.LinkTokens}; tables in V29.
 */
package nl.waarborg.portal;
