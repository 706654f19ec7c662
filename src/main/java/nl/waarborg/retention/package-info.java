/**
 * Retention: when each item must go and how (delete or anonymise), what is kept of anonymised items, the proof
 * of what a sweep erased, and the attestation tasks for systems Waarborg cannot reach (docs/retention.md).
 *
 * <p>This package is plain Java: {@link nl.waarborg.retention.RetentionSchedule} turns the policy's rules
 * (through {@link nl.waarborg.policy.RetentionCalculator}) into an item's schedule. The service (database,
 * sweeps, endpoints) is in {@code nl.waarborg.retention.service}.
 */
package nl.waarborg.retention;
