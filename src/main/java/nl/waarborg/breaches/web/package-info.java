/**
 * The console's breach pages (issue 18): the register, a new breach, and one breach with its 72-hour clock, risk
 * assessment, decisions, notifications, versions and documents. Every form calls {@code Breaches}, so each makes a
 * new version (the register is append-only) with the same checks and audit events as the API.
 */
package nl.waarborg.breaches.web;
