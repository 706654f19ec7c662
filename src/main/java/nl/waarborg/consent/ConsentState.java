package nl.waarborg.consent;

import java.util.Locale;

/** Where a consent stands (ISO/IEC TS 27560 consent state: given, withdrawn, expired). */
public enum ConsentState {
    /** Given and in force. */
    GIVEN,
    /** Withdrawn by the subject (R3.7): from then on, not before. */
    WITHDRAWN,
    /** Its expiry time has passed. */
    EXPIRED;

    private final String term = name().toLowerCase(Locale.ROOT);

    public String term() {
        return term;
    }

    static ConsentState parse(String term) {
        return valueOf(term.toUpperCase(Locale.ROOT));
    }
}
