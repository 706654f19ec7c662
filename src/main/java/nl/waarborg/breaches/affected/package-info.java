/**
 * Who a breach affects (issue 17): the subjects of the vault holding the breached data categories, those whose items
 * in them an account read in the breach's window (the audit log), and the subjects of each jdbc system, as a count
 * and as pages of ids for notification. Nothing here is stored: the list is personal data itself (docs/breaches.md,
 * "Who is affected").
 */
package nl.waarborg.breaches.affected;
