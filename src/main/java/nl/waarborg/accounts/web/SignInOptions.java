package nl.waarborg.accounts.web;

/**
 * The other ways to sign in the sign-in page offers beside password and code: a passkey (shown by /js/passkeys.js
 * when the browser can) and, when configured, the OpenID Connect provider.
 *
 * @param oidcProvider the provider's name for "Sign in with …", or null when OIDC is not configured
 * @param oidcHref     where that button goes
 * @param oidcRefused  the provider's sign-in was just refused
 */
public record SignInOptions(String oidcProvider, String oidcHref, boolean oidcRefused) {

    public static final SignInOptions NONE = new SignInOptions(null, null, false);
}
