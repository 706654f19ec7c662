/**
 * The console's request pages (docs/console.md "Requests"): the list with its filters and bulk assignment, logging a
 * request that came by phone or letter, and one request with its identity step, steps, letters and actions. Every
 * action goes through {@link nl.waarborg.requests.service.RequestDesk} to the services the API uses.
 */
package nl.waarborg.requests.web;
