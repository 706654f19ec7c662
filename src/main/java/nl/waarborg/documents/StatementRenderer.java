package nl.waarborg.documents;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.Policy;

/**
 * Renders the public privacy statement of a policy (R1–R4, R6.7): who we are, what we collect and why,
 * on which basis, for how long, with whom, and how to use every right. Everything is derived from the
 * policy; the fixed wording comes from {@link Phrases}. Pure function: no I/O, no clock.
 */
public final class StatementRenderer {

    private StatementRenderer() {
    }

    /** The statement in one language and format: UTF-8 text for MD and HTML, a PDF document for PDF. */
    public static byte[] render(Policy policy, Lang lang, StatementFormat format) {
        Objects.requireNonNull(format, "format");
        return DocRenderer.render(document(policy, lang), lang, format);
    }

    /**
     * The statement's body as HTML for a page with its own layout: no page around it, no style, no level-1 heading
     * (the page prints the title, {@link Doc#title()} of {@link #document}).
     */
    public static String bodyHtml(Doc statement, Lang lang) {
        return HtmlWriter.fragment(statement, Phrases.of(lang).contents());
    }

    /** The statement as a document tree, for callers that lay it out themselves (e.g. a web page). */
    public static Doc document(Policy policy, Lang lang) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(lang, "lang");
        return new StatementBuilder(policy, Phrases.of(lang)).build();
    }
}
