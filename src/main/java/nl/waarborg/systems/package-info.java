/**
 * Systems: retention and rights reach the organisation's own databases and services (issue 15). One
 * {@link nl.waarborg.systems.SystemConnector} per declared system that Waarborg reaches ({@code jdbc}, {@code webhook},
 * {@code manual}); retention's sweep and (next) requests call it, and every call gives a
 * {@link nl.waarborg.systems.SystemResult} that is stored, retried and audited. Connection secrets are named by the
 * policy and read by {@link nl.waarborg.systems.Secrets}; they never appear in a log, an error or the audit log.
 */
package nl.waarborg.systems;
