package nl.waarborg.documents.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The pages' content security policy (console and portal): scripts, styles, images and fonts only from this service,
 * none inline; no framing; forms post only here. It lives with the statement's page, the one page that needs it
 * widened (web's security chains use it as it is; the pages' own package may not depend on documents' web side).
 */
public final class ContentSecurityPolicy {

    public static final String PAGES = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private ContentSecurityPolicy() {
    }

    /**
     * The pages' policy that also allows the one inline style block of {@code html}, named by its SHA-256: for the
     * statement, a self-contained page (its own style inside, so that the same file reads well when downloaded),
     * whose style the policy would otherwise block. Scripts stay refused; a page without a style block gets the
     * policy unchanged.
     */
    public static String allowingStyleOf(String html) {
        int open = html.indexOf("<style>");
        int close = html.indexOf("</style>", open + 1);
        if (open < 0 || close < 0) {
            return PAGES;
        }
        String css = html.substring(open + "<style>".length(), close);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(css.getBytes(StandardCharsets.UTF_8));
            return PAGES.replace("style-src 'self'", "style-src 'self' 'sha256-" + Base64.getEncoder().encodeToString(hash) + "'");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
