/**
 * Retention in the service: sweeps (batches claimed with {@code FOR UPDATE SKIP LOCKED}), recomputation after events
 * and new policy versions, forecasts, attestation tasks and anonymised statistics, with their endpoints
 * (docs/retention.md).
 */
package nl.waarborg.retention.service;
