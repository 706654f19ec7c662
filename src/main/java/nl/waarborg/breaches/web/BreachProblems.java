package nl.waarborg.breaches.web;

import nl.waarborg.breaches.BreachInputException;
import nl.waarborg.pages.Texts;
import org.springframework.web.ErrorResponseException;

/**
 * A refused breach form in the page's words: the service's refusals carry a field (400) or a reason code (409), never
 * a sentence meant for the people filling in the form; each maps to a {@code breaches.error.*} text in nl and en. A
 * field or code without its own text falls back to a general one, so a new refusal never shows English on a Dutch
 * page.
 */
final class BreachProblems {

    private BreachProblems() {
    }

    /**
     * The text for a refusal.
     *
     * @param fieldless the key when the refusal names no field (a correction that changes nothing)
     */
    static String text(ErrorResponseException e, String fieldless, Texts t) {
        var props = e.getBody().getProperties();
        Object reason = props == null ? null : props.get("reason");
        Object field = props == null ? null : props.get("field");
        if (e.getStatusCode().value() == 409) {
            return t.tOr(key("breaches.error.conflict.", reason), t.t("breaches.error.conflict"));
        }
        if (field == null) {
            return t.t(fieldless != null ? fieldless : "breaches.error.invalid");
        }
        return t.tOr(key("breaches.error.field.", field), t.t("breaches.error.invalid"));
    }

    /** A refusal of the pure core that reached the page without the service's wrapping. */
    static String text(IllegalArgumentException e, Texts t) {
        return e instanceof BreachInputException b && b.field() != null
                ? t.tOr(key("breaches.error.field.", b.field()), t.t("breaches.error.invalid"))
                : t.t("breaches.error.invalid");
    }

    // "severity/easeOfIdentification" -> breaches.error.field.severity.easeOfIdentification; "systems/2" -> ….systems
    private static String key(String prefix, Object code) {
        String c = String.valueOf(code).replaceAll("/\\d+$", "").replace('/', '.');
        return c.matches("[A-Za-z0-9.-]{1,80}") ? prefix + c : prefix + "unknown";
    }
}
