/**
 * What every endpoint shares: security (staff token, API keys, an explicit access rule per path), problem+json errors
 * rendered once, input limits, rate limits for anonymous callers and the OpenAPI document (docs/api.md).
 */
package nl.waarborg.web;
