package nl.waarborg.policy.internal;

import java.util.Collection;
import java.util.Optional;

/** Finds the nearest known word to a misspelt one, for "did you mean …?" hints. */
public final class Suggestion {

    private Suggestion() {
    }

    public static Optional<String> closest(String word, Collection<String> known) {
        if (word.length() > 100) {
            return Optional.empty(); // no misspelling is that long, and the distance costs length x length
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(word.toLowerCase(), candidate.toLowerCase());
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        int allowed = Math.max(2, word.length() / 3);
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** " Did you mean `x`?" or nothing. */
    public static String hint(String word, Collection<String> known) {
        return closest(word, known).map(s -> " Did you mean `" + s + "`?").orElse("");
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
