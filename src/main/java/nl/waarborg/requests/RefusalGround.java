package nl.waarborg.requests;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a request may be refused, each with the provision that allows it (R4.3). A refusal always gives its reason and
 * the routes to the Autoriteit Persoonsgegevens and the court (Art. 12(4) GDPR).
 */
public enum RefusalGround {
    /** Manifestly unfounded (Art. 12(5)(b)). */
    MANIFESTLY_UNFOUNDED("manifestly-unfounded", "Art. 12(5)(b) AVG/GDPR"),
    /** Excessive, in particular because repetitive (Art. 12(5)(b)). */
    EXCESSIVE("excessive", "Art. 12(5)(b) AVG/GDPR"),
    /** The requester's identity could not be established (Art. 11(2), 12(2) and 12(6)). */
    IDENTITY_NOT_ESTABLISHED("identity-not-established", "Art. 11(2), 12(2), 12(6) AVG/GDPR"),
    /** A restriction by law of the right asked for (Art. 23 GDPR, art. 41 UAVG). */
    RESTRICTED_BY_LAW("restricted-by-law", "Art. 23 AVG/GDPR; art. 41 UAVG"),
    /** An exception in the right's own article (Art. 17(3), 18(2), 20(4), 21(1): compelling legitimate grounds). */
    EXCEPTION_IN_THE_RIGHT("exception-in-the-right", "Art. 17(3), 18(2), 20(4), 21(1) AVG/GDPR");

    private final String term;
    private final String provision;

    RefusalGround(String term, String provision) {
        this.term = term;
        this.provision = provision;
    }

    public String term() {
        return term;
    }

    public String provision() {
        return provision;
    }

    public static Optional<RefusalGround> of(String term) {
        return Arrays.stream(values()).filter(g -> g.term.equals(term)).findFirst();
    }
}
