package nl.waarborg.documents;

import java.util.List;
import java.util.regex.Pattern;
import nl.waarborg.documents.Doc.Block;
import nl.waarborg.documents.Doc.Bullets;
import nl.waarborg.documents.Doc.Cell;
import nl.waarborg.documents.Doc.Heading;
import nl.waarborg.documents.Doc.Line;
import nl.waarborg.documents.Doc.Link;
import nl.waarborg.documents.Doc.Para;
import nl.waarborg.documents.Doc.Plain;
import nl.waarborg.documents.Doc.Span;
import nl.waarborg.documents.Doc.Strong;
import nl.waarborg.documents.Doc.Table;

/** Writes a {@link Doc} as CommonMark with GitHub-style tables; every text from the policy is escaped. */
final class MarkdownWriter {

    private static final Pattern ENTITY = Pattern.compile("&(#?[A-Za-z0-9]+;)");
    private static final Pattern LIST_START = Pattern.compile("^(\\s*)([-+*]|\\d+[.)])(\\s|$)");

    private MarkdownWriter() {
    }

    static String write(Doc doc) {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(escape(doc.title())).append("\n");
        for (Block block : doc.blocks()) {
            b.append("\n");
            switch (block) {
                case Heading h -> b.append("#".repeat(Math.max(2, Math.min(6, h.level())))).append(' ')
                        .append(escape(h.text())).append("\n");
                case Para p -> b.append(p.note() ? "_" + line(p.line(), false).strip() + "_" : lineStart(p.line()))
                        .append("\n");
                case Bullets l -> {
                    for (Line item : l.items()) {
                        b.append("- ").append(line(item, false)).append("\n");
                    }
                }
                case Table t -> table(b, t);
            }
        }
        return b.toString();
    }

    private static void table(StringBuilder b, Table t) {
        b.append('|');
        for (String h : t.header()) {
            b.append(' ').append(cellText(escape(h))).append(" |");
        }
        b.append("\n|");
        for (int i = 0; i < t.header().size(); i++) {
            b.append(" --- |");
        }
        b.append('\n');
        for (List<Cell> row : t.rows()) {
            b.append('|');
            for (Cell c : row) {
                StringBuilder cell = new StringBuilder();
                for (int i = 0; i < c.lines().size(); i++) {
                    if (i > 0) {
                        cell.append("<br>");
                    }
                    cell.append(line(c.lines().get(i), true));
                }
                b.append(' ').append(cell).append(" |");
            }
            b.append('\n');
        }
    }

    private static String cellText(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    /** A paragraph: a line that would start a list or a heading is escaped at its start. */
    private static String lineStart(Line l) {
        String s = line(l, false);
        var m = LIST_START.matcher(s);
        if (m.find()) {
            String marker = m.group(2);
            s = m.group(1) + (marker.length() == 1 ? "\\" + marker : marker.substring(0, marker.length() - 1) + "\\"
                    + marker.charAt(marker.length() - 1)) + s.substring(m.end(2));
        }
        return s;
    }

    private static String line(Line l, boolean inTable) {
        StringBuilder b = new StringBuilder();
        for (Span s : l.spans()) {
            String text = switch (s) {
                case Plain x -> escape(x.text());
                case Strong x -> x.text().isBlank() ? escape(x.text()) : "**" + escape(x.text().strip()) + "**"
                        + (x.text().endsWith(" ") ? " " : "");
                case Link x -> link(x);
            };
            b.append(inTable ? cellText(text) : text.replace("\n", " "));
        }
        return b.toString();
    }

    private static String link(Link l) {
        String href = HtmlWriter.safeHref(l.href());
        if (href == null) {
            return escape(l.text());
        }
        String target = href.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C")
                .replace(">", "%3E");
        String label = escape(l.text());
        if (l.text().equals(l.href()) && !label.equals(l.text())) {
            // a bare address that escaping would change (an answer link's token holds '_' about every other time):
            // an autolink, whose characters CommonMark takes as they are, so the text read as plain text (a mail's
            // text part) shows a link that works when copied; other links are written as they always were
            return "<" + target + ">";
        }
        return "[" + label + "](" + target + ")";
    }

    /** Backslash-escapes every character CommonMark could read as markup. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~' -> b.append('\\').append(c);
                case '\r' -> { }
                default -> b.append(c);
            }
        }
        return ENTITY.matcher(b).replaceAll("\\\\&$1");
    }
}
