package nl.waarborg.portal.web;

import java.util.List;

/**
 * The request form as typed so far, with the one problem to show (its field and the text's key), and the choices:
 * the kinds of request, the purposes an objection or withdrawal may name, the Art. 18(1) grounds.
 */
public record RequestFormView(String email, List<String> kinds, List<String> purposes, String restrictionGround,
                              String details, String language, String errorField, String errorKey,
                              List<String> kindOptions, List<Option> purposeOptions, List<String> groundOptions) {

    /** A choice with its value and its words. */
    public record Option(String value, String label) {}

    public boolean kind(String k) {
        return kinds.contains(k);
    }

    public boolean purpose(String p) {
        return purposes.contains(p);
    }
}
