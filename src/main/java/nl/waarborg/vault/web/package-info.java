/**
 * The console's subject pages (issue 18): search by reference or identifier for a purpose, and one subject's items
 * (only for a purpose the signed-in person may use), consents, objections, restrictions and holds. Every read and
 * change goes through the vault, consent and restraints services, so the same decisions and audit events apply as
 * over the API.
 */
package nl.waarborg.vault.web;
