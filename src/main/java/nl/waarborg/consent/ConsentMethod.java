package nl.waarborg.consent;

import nl.waarborg.input.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a consent was given or withdrawn (ISO/IEC TS 27560: the method of the consent event). A closed list, so
 * records can be compared and the audit log can name the method as a term. {@link #UNSUBSCRIBE_LINK} only
 * withdraws (R5.3: the link in every newsletter).
 */
public enum ConsentMethod {
    /** A form on the organisation's website (a ticked box, a button). */
    WEB_FORM(true),
    /** The organisation's mobile or desktop application. */
    APP(true),
    /** The cookie banner of a website (R5.5). */
    COOKIE_BANNER(true),
    /** An e-mail from the subject. */
    EMAIL(true),
    /** A telephone call, noted by the organisation. */
    PHONE(true),
    /** A signed paper form or a letter. */
    PAPER(true),
    /** In person, at a desk or a facility. */
    IN_PERSON(true),
    /** The unsubscribe link in a message (withdrawal only). */
    UNSUBSCRIBE_LINK(false);

    private final boolean gives;
    private final String term = name().toLowerCase(Locale.ROOT).replace('_', '-');

    ConsentMethod(boolean gives) {
        this.gives = gives;
    }

    public String term() {
        return term;
    }

    /** Whether consent can be given this way (every method withdraws). */
    public boolean gives() {
        return gives;
    }

    public static ConsentMethod parse(String term) {
        for (ConsentMethod m : values()) {
            if (m.term.equals(term)) {
                return m;
            }
        }
        throw new InvalidInputException("method", "unknown method" + (term == null ? "" : " '" + term + "'") + "; known: "
                + Arrays.stream(values()).map(ConsentMethod::term).collect(Collectors.joining(", ")));
    }

    /** A method consent can be given by. */
    public static ConsentMethod parseGiving(String term) {
        ConsentMethod m = parse(term);
        if (!m.gives) {
            throw new InvalidInputException("method", "consent is not given by " + m.term + "; it only withdraws");
        }
        return m;
    }
}
