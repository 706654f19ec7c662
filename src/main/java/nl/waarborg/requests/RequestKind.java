package nl.waarborg.requests;

import java.util.Arrays;
import java.util.Optional;

/** What a person asks for (Art. 15–21 and 7(3) GDPR); one request may combine several. */
public enum RequestKind {
    ACCESS("access", "Art. 15"),
    RECTIFICATION("rectification", "Art. 16"),
    ERASURE("erasure", "Art. 17"),
    RESTRICTION("restriction", "Art. 18"),
    PORTABILITY("portability", "Art. 20"),
    OBJECTION("objection", "Art. 21"),
    CONSENT_WITHDRAWAL("consent-withdrawal", "Art. 7(3)");

    private final String term;
    private final String article;

    RequestKind(String term, String article) {
        this.term = term;
        this.article = article;
    }

    public String term() {
        return term;
    }

    /** The article of the GDPR that gives the right. */
    public String article() {
        return article;
    }

    /** Whether the kind concerns named purposes (an objection to them, or the withdrawal of consent for them). */
    public boolean namesPurposes() {
        return this == OBJECTION || this == CONSENT_WITHDRAWAL;
    }

    public static Optional<RequestKind> of(String term) {
        return Arrays.stream(values()).filter(k -> k.term.equals(term)).findFirst();
    }
}
