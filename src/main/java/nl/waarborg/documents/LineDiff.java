package nl.waarborg.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The difference between two texts, line by line, as a reader wants it: which lines were removed, which added, and
 * which stayed, in order (a longest common subsequence of lines). Used to show what changed between two policy
 * versions. Pure: no I/O.
 *
 * <p>The common head and tail are taken off first, so two versions that differ in a few places cost little; the
 * middle is compared with a table of {@code removed × added} cells, and when that table would be larger than
 * {@link #MAX_CELLS} the middle is shown as removed, then added, instead of spending the memory.
 */
public final class LineDiff {

    /** The largest comparison table built (about 100 MB of shorts would be too much for a page view). */
    static final long MAX_CELLS = 16_000_000L;

    private LineDiff() {
    }

    public enum Kind { SAME, REMOVED, ADDED }

    /**
     * One line of the difference.
     *
     * @param oldNumber the line's 1-based number in the old text, 0 for an added line
     * @param newNumber the line's 1-based number in the new text, 0 for a removed line
     */
    public record Line(Kind kind, int oldNumber, int newNumber, String text) {
        public Line {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
        }

        public boolean changed() {
            return kind != Kind.SAME;
        }
    }

    /** Every line of both texts, in order, each marked same, removed or added. */
    public static List<Line> of(String oldText, String newText) {
        return of(lines(oldText), lines(newText));
    }

    public static List<Line> of(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int head = 0;
        while (head < n && head < m && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < n - head && tail < m - head && a.get(n - 1 - tail).equals(b.get(m - 1 - tail))) {
            tail++;
        }
        List<Line> out = new ArrayList<>(n + m - head - tail);
        for (int i = 0; i < head; i++) {
            out.add(new Line(Kind.SAME, i + 1, i + 1, a.get(i)));
        }
        middle(a.subList(head, n - tail), b.subList(head, m - tail), head, head, out);
        for (int k = tail; k > 0; k--) {
            out.add(new Line(Kind.SAME, n - k + 1, m - k + 1, a.get(n - k)));
        }
        return out;
    }

    private static void middle(List<String> a, List<String> b, int aBase, int bBase, List<Line> out) {
        int n = a.size();
        int m = b.size();
        if ((long) (n + 1) * (m + 1) > MAX_CELLS) {
            for (int i = 0; i < n; i++) {
                out.add(new Line(Kind.REMOVED, aBase + i + 1, 0, a.get(i)));
            }
            for (int j = 0; j < m; j++) {
                out.add(new Line(Kind.ADDED, 0, bBase + j + 1, b.get(j)));
            }
            return;
        }
        // lcs[i][j]: the longest common subsequence of a[i..] and b[j..]
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                out.add(new Line(Kind.SAME, aBase + i + 1, bBase + j + 1, a.get(i)));
                i++;
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] > lcs[i + 1][j])) {
                out.add(new Line(Kind.ADDED, 0, bBase + j + 1, b.get(j)));
                j++;
            } else {
                // removals first when both are as good: the old line, then what replaced it
                out.add(new Line(Kind.REMOVED, aBase + i + 1, 0, a.get(i)));
                i++;
            }
        }
    }

    /**
     * The changed lines with up to {@code context} unchanged lines around each, in groups: lines between two groups
     * are left out (a page shows "…" there). Empty when nothing changed.
     */
    public static List<List<Line>> hunks(List<Line> diff, int context) {
        List<List<Line>> out = new ArrayList<>();
        int size = diff.size();
        boolean[] keep = new boolean[size];
        for (int k = 0; k < size; k++) {
            if (diff.get(k).changed()) {
                for (int x = Math.max(0, k - context); x <= Math.min(size - 1, k + context); x++) {
                    keep[x] = true;
                }
            }
        }
        List<Line> current = null;
        for (int k = 0; k < size; k++) {
            if (keep[k]) {
                if (current == null) {
                    current = new ArrayList<>();
                    out.add(current);
                }
                current.add(diff.get(k));
            } else {
                current = null;
            }
        }
        return out.stream().map(List::copyOf).toList();
    }

    /** Counts of added and removed lines. */
    public static int count(List<Line> diff, Kind kind) {
        return (int) diff.stream().filter(l -> l.kind() == kind).count();
    }

    /** The text's lines without their line ends (\n, \r\n or \r); an empty text has none. */
    public static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(List.of(text.split("\r\n|\r|\n", -1)));
        if (out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1); // a final line end ends the last line, it does not start another
        }
        return out;
    }
}
