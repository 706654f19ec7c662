/**
 * Who works in Waarborg and what they may do: the built-in roles, the console's permissions per role and the person
 * signed in to the console. Plain Java, shared by the accounts (which hold the roles) and the pages (which show or
 * hide what a person may use), so that neither depends on the other.
 */
package nl.waarborg.staff;
