/**
 * The audit log in the service: appending events in the same transaction as the change they record, group commits for
 * events without a change, checkpoints of the head, export and the verify endpoint.
 */
package nl.waarborg.audit.service;
