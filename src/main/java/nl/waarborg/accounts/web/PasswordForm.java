package nl.waarborg.accounts.web;

/** What the password form shows: a message key for the problem (or none), and whether the change is forced. */
public record PasswordForm(String message, boolean mustChange) {
}
