/**
 * The vault's cryptography: a master key ({@link nl.waarborg.vault.crypto.MasterKey}), per-subject data keys
 * wrapped by it for crypto-shredding ({@link nl.waarborg.vault.crypto.SubjectKeys}), value encryption bound
 * to subject and category ({@link nl.waarborg.vault.crypto.ValueCipher}) and keyed blind indexes for lookups
 * ({@link nl.waarborg.vault.crypto.BlindIndex}). Plain Java over Google Tink; no Spring, no SQL.
 */
package nl.waarborg.vault.crypto;
