/**
 * Decisions and restraints in the service: the decision endpoint, objections, restrictions and holds
 * ({@code /api/v1/subjects/{id}/restraints}) and the subject states the decision engine reads (docs/decisions.md,
 * docs/consent.md).
 */
package nl.waarborg.access.service;
