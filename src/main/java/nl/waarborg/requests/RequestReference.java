package nl.waarborg.requests;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The reference a person quotes: {@code WB-} and eight characters of Crockford's base 32 in two groups
 * ({@code WB-7K2M-9QXD}): random, so that it tells nothing of how many requests there are, and without I, L, O or U,
 * so that it survives being read out on the phone.
 */
public final class RequestReference {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    static final Pattern FORMAT = Pattern.compile("WB-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestReference() {
    }

    public static String next() {
        StringBuilder s = new StringBuilder("WB-");
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                s.append('-');
            }
            s.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return s.toString();
    }
}
