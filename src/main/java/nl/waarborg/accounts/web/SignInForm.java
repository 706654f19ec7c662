package nl.waarborg.accounts.web;

/** What the sign-in form shows besides its fields: a message key (or none) and whether to ask for the code. */
public record SignInForm(String username, String message, String messageArg, boolean askCode, boolean signedOut) {
}
