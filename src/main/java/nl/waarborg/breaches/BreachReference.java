package nl.waarborg.breaches;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * A breach's reference: {@code BR-} and eight characters of Crockford's base 32 in two groups ({@code BR-7K2M-9QXD}),
 * random as a request's reference is, so it tells nothing of how many breaches the organisation had.
 */
public final class BreachReference {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    public static final Pattern FORMAT = Pattern.compile("BR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private BreachReference() {
    }

    public static String next() {
        StringBuilder s = new StringBuilder("BR-");
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                s.append('-');
            }
            s.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return s.toString();
    }
}
