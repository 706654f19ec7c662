package nl.waarborg.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nl.waarborg.documents.LineDiff.Kind;
import nl.waarborg.documents.LineDiff.Line;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    private static String render(List<Line> diff) {
        StringBuilder b = new StringBuilder();
        for (Line l : diff) {
            b.append(switch (l.kind()) {
                case SAME -> " ";
                case REMOVED -> "-";
                case ADDED -> "+";
            }).append(l.text()).append('\n');
        }
        return b.toString();
    }

    @Test
    void equalTextsHaveNoChange() {
        List<Line> d = LineDiff.of("a\nb\nc\n", "a\nb\nc");
        assertThat(d).allMatch(l -> l.kind() == Kind.SAME).hasSize(3);
        assertThat(LineDiff.hunks(d, 3)).isEmpty();
    }

    @Test
    void aChangedLineIsRemovedThenAdded() {
        List<Line> d = LineDiff.of("a\nb\nc", "a\nB\nc");
        assertThat(render(d)).isEqualTo(" a\n-b\n+B\n c\n");
        assertThat(d.get(1)).isEqualTo(new Line(Kind.REMOVED, 2, 0, "b"));
        assertThat(d.get(2)).isEqualTo(new Line(Kind.ADDED, 0, 2, "B"));
    }

    @Test
    void insertionsAndDeletionsKeepTheCommonLines() {
        List<Line> d = LineDiff.of("x\na\nb\nc\nd", "a\nb\nnew\nc\nd\ne");
        assertThat(render(d)).isEqualTo("-x\n a\n b\n+new\n c\n d\n+e\n");
        assertThat(LineDiff.count(d, Kind.ADDED)).isEqualTo(2);
        assertThat(LineDiff.count(d, Kind.REMOVED)).isEqualTo(1);
    }

    @Test
    void emptyTextsOnEitherSide() {
        assertThat(render(LineDiff.of("", "a\nb"))).isEqualTo("+a\n+b\n");
        assertThat(render(LineDiff.of("a\nb", ""))).isEqualTo("-a\n-b\n");
        assertThat(LineDiff.of("", "")).isEmpty();
        assertThat(LineDiff.lines("a\r\nb\rc\n")).containsExactly("a", "b", "c");
    }

    @Test
    void lineNumbersFollowEachText() {
        List<Line> d = LineDiff.of("a\nb\nc\nd", "a\nc\nd\ne");
        assertThat(d).containsExactly(new Line(Kind.SAME, 1, 1, "a"), new Line(Kind.REMOVED, 2, 0, "b"),
                new Line(Kind.SAME, 3, 2, "c"), new Line(Kind.SAME, 4, 3, "d"), new Line(Kind.ADDED, 0, 4, "e"));
    }

    @Test
    void hunksKeepContextAroundChangesAndLeaveTheRestOut() {
        List<String> a = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            a.add("line " + i);
        }
        List<String> b = new ArrayList<>(a);
        b.set(2, "changed 2");
        b.set(25, "changed 25");
        List<List<Line>> hunks = LineDiff.hunks(LineDiff.of(a, b), 2);
        assertThat(hunks).hasSize(2);
        assertThat(hunks.get(0)).extracting(Line::text)
                .containsExactly("line 0", "line 1", "line 2", "changed 2", "line 3", "line 4");
        assertThat(hunks.get(1)).hasSize(6);
    }

    /** Random edits: dropping the added lines gives the old text, dropping the removed ones the new, and the common part is as long as can be. */
    @Test
    void theDiffAlwaysRebuildsBothTextsWithALongestCommonPart() {
        Random random = new Random(18);
        for (int round = 0; round < 300; round++) {
            List<String> a = randomLines(random);
            List<String> b = randomLines(random);
            List<Line> d = LineDiff.of(a, b);
            assertThat(d.stream().filter(l -> l.kind() != Kind.ADDED).map(Line::text).toList()).isEqualTo(a);
            assertThat(d.stream().filter(l -> l.kind() != Kind.REMOVED).map(Line::text).toList()).isEqualTo(b);
            assertThat(LineDiff.count(d, Kind.SAME)).isEqualTo(lcs(a, b));
        }
    }

    @Test
    void aMiddleTooLargeToCompareIsShownAsRemovedThenAdded() {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            a.add("old " + i);
            b.add("new " + i);
        }
        List<Line> d = LineDiff.of(a, b);
        assertThat(d).hasSize(10_000);
        assertThat(d.subList(0, 5_000)).allMatch(l -> l.kind() == Kind.REMOVED);
        assertThat(d.subList(5_000, 10_000)).allMatch(l -> l.kind() == Kind.ADDED);
    }

    private static List<String> randomLines(Random random) {
        List<String> out = new ArrayList<>();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            out.add(String.valueOf((char) ('a' + random.nextInt(4))));
        }
        return out;
    }

    private static int lcs(List<String> a, List<String> b) {
        int[][] t = new int[a.size() + 1][b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                t[i][j] = a.get(i - 1).equals(b.get(j - 1)) ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
            }
        }
        return t[a.size()][b.size()];
    }
}
