package nl.waarborg.requests.web;

/**
 * A letter shown before the action that sends it, with the form's values to fill the form again: {@code action}
 * (extend, refuse, complete), {@code ground} and {@code reason} as typed, and the letter's {@code title} and body
 * ({@code html}, an escaped fragment from DocRenderer; null when the preview was refused, the page then says why).
 * Held only for the one answer: a reason may be personal.
 */
public record LetterPreviewView(String action, String ground, String reason, String title, String html) {

    /** The reason typed for {@code form} (extend or refuse), or empty when this preview is of another form. */
    public String reasonFor(String form) {
        return action.equals(form) && reason != null ? reason : "";
    }
}
