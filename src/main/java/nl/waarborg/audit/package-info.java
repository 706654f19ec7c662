/**
 * The audit log's core: events without personal values, their canonical encoding, the hash chain, checkpoints and the
 * verifier that names the first broken event (docs/audit.md). Plain Java.
 */
package nl.waarborg.audit;
