/** Signing in to the console, changing one's password, and the console user a session carries. */
package nl.waarborg.accounts.web;
