/**
 * Systems reached over HTTP (connector {@code webhook}): operations posted as signed JSON (Standard Webhooks:
 * webhook-id, webhook-timestamp, webhook-signature, HMAC-SHA256 with the system's secret), answered at once or later
 * on the signed callback endpoint, which refuses stale, unknown and wrongly signed answers and audits them.
 */
package nl.waarborg.systems.webhook;
