package nl.waarborg.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How an audited action ended. Stored and hashed as its lower-case word. */
public enum Outcome {
    /** The action was allowed and done. */
    ALLOWED,
    /** The action was refused; the event's reasons say why. */
    DENIED,
    /** The action was allowed but did not complete (a system was unreachable, …); the reasons say why. */
    FAILED;

    private final String word = name().toLowerCase(Locale.ROOT);

    public String word() {
        return word;
    }

    public static Outcome parse(String word) {
        for (Outcome o : values()) {
            if (o.word.equals(word)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown outcome '" + word + "'; expected one of "
                + Arrays.stream(values()).map(Outcome::word).collect(Collectors.joining(", ")));
    }
}
