/**
 * The staff console's pages that belong to no single capability: the dashboard, which gathers what is due from
 * requests, retention, breaches, systems and the policy. Each capability's own console pages live with it.
 */
package nl.waarborg.console;
