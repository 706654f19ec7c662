/**
 * Mail to people outside the organisation: data subjects (the identity confirmation link; later letters) and, later,
 * task notices. One sender ({@link nl.waarborg.mail.Mailer}) that sends a text and an HTML part, settings
 * {@code waarborg.mail.*} ({@link nl.waarborg.mail.MailProperties}) and SMTP through Spring's {@code spring.mail.*}.
 * The words of each mail belong to the capability that sends it, in its message bundles.
 */
package nl.waarborg.mail;
