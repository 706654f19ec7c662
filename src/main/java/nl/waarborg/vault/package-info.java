/**
 * The vault: subjects, their items encrypted under a key per subject, blind indexes for lookup, storage with each
 * item's schedule, and erasure by destroying the subject's key (docs/vault.md).
 */
package nl.waarborg.vault;
