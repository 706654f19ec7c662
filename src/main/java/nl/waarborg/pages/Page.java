package nl.waarborg.pages;

import java.util.Objects;
import nl.waarborg.staff.ConsolePermission;
import nl.waarborg.staff.ConsoleUser;

/**
 * What every page's layout needs besides its own content: the words in the visitor's language, the page's title, the
 * form token against cross-site requests, the path (for the language switch) and, in the console, who is signed in.
 *
 * @param csrfParameter the form field's name for {@code csrfToken}; every form that POSTs carries it
 * @param user          the signed-in person, or null on the portal and the sign-in page
 * @param section       the console's section this page belongs to (for the navigation), or null
 */
public record Page(Texts t, String title, String path, String csrfParameter, String csrfToken, ConsoleUser user,
                   String section) {

    public Page {
        Objects.requireNonNull(t, "t");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(path, "path");
    }

    /** The same page in the other language: a plain link, so the switch needs no script. */
    public String otherLanguageHref() {
        return path + (path.contains("?") ? "&" : "?") + "lang=" + (t.code().equals("en") ? "nl" : "en");
    }

    public String otherLanguageCode() {
        return t.code().equals("en") ? "nl" : "en";
    }

    public boolean may(ConsolePermission permission) {
        return user != null && user.may(permission);
    }

    public boolean signedIn() {
        return user != null;
    }

    /** This page with another section marked in the navigation. */
    public Page inSection(String other) {
        return new Page(t, title, path, csrfParameter, csrfToken, user, other);
    }
}
