/**
 * The console's retention page (docs/console.md, "Retention"): the forecast, attestation tasks with their confirmation,
 * a sweep started from the page and run in the background with its progress, and the released statistics.
 */
package nl.waarborg.retention.web;
