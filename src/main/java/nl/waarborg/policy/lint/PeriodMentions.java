package nl.waarborg.policy.lint;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The periods a free text names, in Dutch or English: "7 jaar", "zeven dagen", "één jaar en zes maanden",
 * "een half jaar", "seven-year", "160 weeks", and ranges "7 tot 28 dagen", "tussen 7 en 28 dagen",
 * "between 7 and 28 days", "7-28 days". A number counts only with a unit of days, weeks, months or years right
 * after it, so dates ("1 januari"), article numbers ("art. 52 AWR") and amounts are not periods.
 * Hours, working days and compound number words ("achtentwintig") are not read: what is not read is not reported.
 */
final class PeriodMentions {

    /** A length of time as months and days (years count 12 months, weeks 7 days), so P1Y = 12 maanden, P4W = 28 dagen. */
    record Span(long months, long days) {

        static Span of(Period p) {
            return new Span(p.toTotalMonths(), p.getDays());
        }

        Span plus(Span o) {
            return new Span(months + o.months, days + o.days);
        }

        /** ISO-8601 in the largest whole unit: P7Y, P18M, P4W, P10D (one week as P7D). */
        String iso() {
            if (days == 0) {
                return months % 12 == 0 && months != 0 ? "P" + months / 12 + "Y" : "P" + months + "M";
            }
            String d = days % 7 == 0 && days >= 14 ? days / 7 + "W" : days + "D"; // a week reads better as P7D
            return months == 0 ? "P" + d : "P" + months + "M" + d;
        }
    }

    /** A period found in a text: one length, or a range from {@code low} to {@code high}. */
    record Mention(String text, Span low, Span high) {
        boolean range() {
            return !low.equals(high);
        }
    }

    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("een", 1), Map.entry("twee", 2), Map.entry("drie", 3), Map.entry("vier", 4), Map.entry("vijf", 5),
            Map.entry("zes", 6), Map.entry("zeven", 7), Map.entry("acht", 8), Map.entry("negen", 9), Map.entry("tien", 10),
            Map.entry("elf", 11), Map.entry("twaalf", 12), Map.entry("dertien", 13), Map.entry("veertien", 14),
            Map.entry("vijftien", 15), Map.entry("zestien", 16), Map.entry("zeventien", 17), Map.entry("achttien", 18),
            Map.entry("negentien", 19), Map.entry("twintig", 20), Map.entry("dertig", 30), Map.entry("veertig", 40),
            Map.entry("vijftig", 50), Map.entry("zestig", 60), Map.entry("honderd", 100),
            Map.entry("one", 1), Map.entry("a", 1), Map.entry("an", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
            Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20),
            Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60),
            Map.entry("hundred", 100));

    /** Unit words, each with the span of one. */
    private static final Map<String, Span> UNITS = Map.ofEntries(
            Map.entry("dag", new Span(0, 1)), Map.entry("dagen", new Span(0, 1)),
            Map.entry("day", new Span(0, 1)), Map.entry("days", new Span(0, 1)),
            Map.entry("week", new Span(0, 7)), Map.entry("weken", new Span(0, 7)), Map.entry("weeks", new Span(0, 7)),
            Map.entry("maand", new Span(1, 0)), Map.entry("maanden", new Span(1, 0)),
            Map.entry("month", new Span(1, 0)), Map.entry("months", new Span(1, 0)),
            Map.entry("jaar", new Span(12, 0)), Map.entry("jaren", new Span(12, 0)),
            Map.entry("year", new Span(12, 0)), Map.entry("years", new Span(12, 0)),
            Map.entry("kalenderjaar", new Span(12, 0)), Map.entry("kalenderjaren", new Span(12, 0)));

    private static final java.util.Set<String> FREQUENCY = java.util.Set.of("once", "twice", "times", "keer", "maal", "per");

    private static final Pattern TOKEN = Pattern.compile("\\d+|\\p{L}+|[-–—]|[,;.:()!?]");

    private record Token(String word, int start, int end) {}

    /** A quantity with a unit that starts at a token: its span and the index of the token after it. */
    private record Quantity(Span span, int next) {}

    private PeriodMentions() {
    }

    /** Every period the text names, in order. */
    static List<Mention> in(String text) {
        List<Mention> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        String lower = text.toLowerCase(Locale.ROOT).replace('é', 'e').replace('ë', 'e');
        String source = lower.length() == text.length() ? text : lower; // offsets of the lower-case text quote the original
        List<Token> t = new ArrayList<>();
        Matcher m = TOKEN.matcher(lower);
        while (m.find()) {
            t.add(new Token(m.group(), m.start(), m.end()));
        }
        int i = 0;
        while (i < t.size()) {
            // a range: NUM [unit] (tot [en met] | to | - | à) NUM unit, or (tussen | between) NUM [unit] (en | and) NUM unit
            boolean between = i > 0 && (is(t, i - 1, "tussen") || is(t, i - 1, "between"));
            Integer low = number(t, i);
            if (low != null) {
                Quantity lowQ = quantity(t, i);
                int afterLow = lowQ == null ? i + 1 : lowQ.next;
                int sep = separator(t, afterLow, between);
                if (sep > afterLow) {
                    Quantity high = quantity(t, sep);
                    if (high != null) {
                        Span lowSpan = lowQ != null ? lowQ.span : scale(unitOf(t, high), low);
                        out.add(new Mention(source.substring(t.get(i).start, t.get(high.next - 1).end), lowSpan, high.span));
                        i = high.next;
                        continue;
                    }
                }
            }
            Quantity q = quantity(t, i);
            if (q == null) {
                i++;
                continue;
            }
            // a sum of falling units: "1 jaar en 6 maanden", "one year, six months"
            Span span = q.span;
            int next = q.next;
            while (true) {
                int j = next < t.size() && (is(t, next, "en") || is(t, next, "and") || is(t, next, ",")) ? next + 1 : next;
                Quantity more = quantity(t, j);
                if (more == null || !smaller(more.span, q.span)) {
                    break;
                }
                span = span.plus(more.span);
                next = more.next;
            }
            out.add(new Mention(source.substring(t.get(i).start, t.get(next - 1).end), span, span));
            i = next;
        }
        return out;
    }

    /** The quantity starting at token i: NUM unit, "NUM-unit" ("seven-year"), "(een) half jaar", "half a year", "anderhalf jaar". */
    private static Quantity quantity(List<Token> t, int i) {
        if (i >= t.size()) {
            return null;
        }
        int at = i;
        if (is(t, at, "een") && is(t, at + 1, "half")) {
            at++;
        }
        if (is(t, at, "half") || is(t, at, "anderhalf") || is(t, at, "anderhalve")) {
            boolean andAHalf = !is(t, at, "half");
            int u = is(t, at + 1, "a") || is(t, at + 1, "an") ? at + 2 : at + 1;
            Span unit = u < t.size() ? UNITS.get(t.get(u).word) : null;
            if (unit == null || unit.days != 0 && unit.days % 2 != 0) {
                return null; // half a day is not a date period
            }
            Span half = new Span(unit.months / 2, unit.days / 2);
            return new Quantity(andAHalf ? half.plus(unit) : half, u + 1);
        }
        Integer n = number(t, i);
        if (n == null) {
            return null;
        }
        int u = is(t, i + 1, "-") ? i + 2 : i + 1;
        Span unit = u < t.size() ? UNITS.get(t.get(u).word) : null;
        if (unit == null) {
            return null;
        }
        // "one and a half years" / "anderhalf" is read above; "een jaar" is one year, "een" before anything else is not a number
        return new Quantity(scale(unit, n), u + 1);
    }

    private static Integer number(List<Token> t, int i) {
        if (i >= t.size()) {
            return null;
        }
        String w = t.get(i).word;
        if ((w.equals("a") || w.equals("an") || w.equals("een")) && i > 0 && FREQUENCY.contains(t.get(i - 1).word)) {
            return null; // "once a year", "twee keer per jaar": how often, not how long
        }
        if (Character.isDigit(w.charAt(0))) {
            return w.length() > 6 ? null : Integer.valueOf(w);
        }
        return NUMBERS.get(w);
    }

    /** Where the upper number of a range starts, or {@code at} when there is no range separator at {@code at}. */
    private static int separator(List<Token> t, int at, boolean between) {
        if (is(t, at, "tot") && is(t, at + 1, "en") && is(t, at + 2, "met")) {
            return at + 3;
        }
        if (is(t, at, "tot") || is(t, at, "to") || is(t, at, "-") || is(t, at, "–") || is(t, at, "—") || is(t, at, "à")
                || between && (is(t, at, "en") || is(t, at, "and"))) {
            return at + 1;
        }
        return at;
    }

    private static Span unitOf(List<Token> t, Quantity high) {
        return UNITS.get(t.get(high.next - 1).word);
    }

    private static Span scale(Span unit, long n) {
        return new Span(unit.months * n, unit.days * n);
    }

    /** Whether every part of {@code a} is in a smaller unit than {@code b}'s largest (months after years, days after months). */
    private static boolean smaller(Span a, Span b) {
        if (b.days == 0 && b.months % 12 == 0) {
            return a.months % 12 != 0 || a.days != 0; // after years: months or days
        }
        if (b.days == 0) {
            return a.months == 0; // after months: weeks or days
        }
        return a.months == 0 && b.days % 7 == 0 && a.days < 7; // after weeks: days
    }

    private static boolean is(List<Token> t, int i, String word) {
        return i >= 0 && i < t.size() && t.get(i).word.equals(word);
    }
}
