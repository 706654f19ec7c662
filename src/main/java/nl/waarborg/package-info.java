/**
 * Waarborg: an executable privacy statement. One package per capability (design.md); {@link
 * nl.waarborg.WaarborgApplication} starts the service.
 */
package nl.waarborg;
