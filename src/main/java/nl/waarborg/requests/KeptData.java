package nl.waarborg.requests;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * What was kept after an erasure, why, and until when (Art. 17(3) GDPR): shown in the access answer and the completion
 * letter, so that the person knows what is left and why (Art. 12(4)). Counts, never values.
 *
 * @param source   {@code vault} or the system id
 * @param category the data category
 * @param count    how many items were kept
 * @param ground   {@code legal-obligation} (Art. 17(3)(b)), {@code contract} (still needed for it, Art. 17(1)(a)),
 *                 {@code legal-claim} (Art. 17(3)(e)) or {@code hold} (a hold placed on the data)
 * @param purpose  the purpose it is kept for; null when not one purpose
 * @param until    the last day it is kept; null when it ends with something else (the hold, the contract)
 */
public record KeptData(String source, String category, long count, String ground, String purpose, LocalDate until) {

    /** The grounds, as terms. */
    public static final Set<String> GROUNDS = Set.of("legal-obligation", "contract", "legal-claim", "hold");

    public KeptData {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(category, "category");
        if (!GROUNDS.contains(ground)) {
            throw new IllegalArgumentException("unknown ground '" + ground + "', expected one of " + GROUNDS);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count " + count);
        }
    }
}
