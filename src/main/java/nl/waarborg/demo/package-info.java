/**
 * {@code waarborg serve --demo} (issue 15): the self-storage example's CRM in a second embedded PostgreSQL under the
 * data folder ({@link nl.waarborg.demo.DemoCrm}), filled once with fictional customers
 * ({@link nl.waarborg.demo.DemoCustomers}), who become vault subjects with their {@code crm} references
 * ({@link nl.waarborg.demo.DemoSubjects}). docs/systems.md, section "The demo".
 */
package nl.waarborg.demo;
