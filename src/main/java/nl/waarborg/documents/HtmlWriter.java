package nl.waarborg.documents;

import java.util.List;
import java.util.Locale;
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

/**
 * Writes a {@link Doc} as one complete, self-contained HTML5 page (inline style, no scripts, no external
 * resources). The output is also well-formed XHTML, so the PDF renderer can read the same page.
 */
final class HtmlWriter {

    /** How the page is laid out. */
    enum Style {
        /** A readable page for the screen (the public statement). */
        PAGE,
        /** The same page prepared for A4 paper (the PDF). */
        PRINT,
        /** A full-width page for wide tables (the register). */
        WIDE
    }

    private HtmlWriter() {
    }

    static String write(Doc doc, Style style, String contentsLabel) {
        StringBuilder b = new StringBuilder(16_384);
        b.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"").append(escape(doc.lang()))
                .append("\" xml:lang=\"").append(escape(doc.lang())).append("\">\n<head>\n")
                .append("<meta charset=\"UTF-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<meta name=\"generator\" content=\"Waarborg\"/>\n")
                .append("<title>").append(escape(doc.title())).append("</title>\n")
                .append("<style>\n").append(css(style)).append("</style>\n</head>\n<body>\n<main>\n")
                .append("<h1>").append(escape(doc.title())).append("</h1>\n");
        // PDF/UA wants every link annotation to carry a description; openhtmltopdf takes it from the title attribute
        blocks(b, doc, style == Style.WIDE, contentsLabel, style == Style.PRINT, "table");
        b.append("</main>\n</body>\n</html>\n");
        return b.toString();
    }

    private static void blocks(StringBuilder b, Doc doc, boolean noToc, String contentsLabel, boolean titled,
                               String tableClass) {
        boolean tocWritten = noToc || contentsLabel == null;
        for (Block block : doc.blocks()) {
            if (!tocWritten && block instanceof Heading) {
                toc(b, doc, contentsLabel, titled);
                tocWritten = true;
            }
            block(b, block, titled, tableClass);
        }
    }

    /**
     * The document's blocks alone, to stand inside a page that has its own layout, heading and style sheet (the
     * console, the portal): no {@code <html>}, {@code <style>} or level-1 heading, so a content security policy that
     * forbids inline style holds; the contents list only when {@code contentsLabel} is given; tables are wrapped in
     * {@code <div class="table-wrap">}, the pages' scrolling box.
     */
    static String fragment(Doc doc, String contentsLabel) {
        StringBuilder b = new StringBuilder(16_384);
        blocks(b, doc, false, contentsLabel, false, "table-wrap");
        return b.toString();
    }

    private static void block(StringBuilder b, Block block, boolean titled, String tableClass) {
        switch (block) {
            case Heading h -> {
                int level = Math.max(2, Math.min(6, h.level()));
                b.append("<h").append(level);
                if (h.id() != null && !h.id().isBlank()) {
                    b.append(" id=\"").append(escape(h.id())).append('"');
                }
                b.append('>').append(escape(h.text())).append("</h").append(level).append(">\n");
            }
            case Para p -> b.append(p.note() ? "<p class=\"note\">" : "<p>").append(line(p.line(), titled)).append("</p>\n");
            case Bullets l -> {
                b.append("<ul>\n");
                for (Line item : l.items()) {
                    b.append("<li>").append(line(item, titled)).append("</li>\n");
                }
                b.append("</ul>\n");
            }
            case Table t -> table(b, t, titled, tableClass);
        }
    }

    private static void toc(StringBuilder b, Doc doc, String label, boolean titled) {
        List<Heading> sections = doc.blocks().stream().filter(x -> x instanceof Heading h && h.level() == 2
                && h.id() != null && !h.id().isBlank()).map(Heading.class::cast).toList();
        if (sections.size() < 4) {
            return;
        }
        b.append("<nav class=\"toc\">\n<p class=\"toc-title\">").append(escape(label)).append("</p>\n<ol>\n");
        for (Heading h : sections) {
            b.append("<li><a href=\"#").append(escape(h.id())).append('"').append(title(h.text(), titled)).append('>').append(escape(h.text())).append("</a></li>\n");
        }
        b.append("</ol>\n</nav>\n");
    }

    private static void table(StringBuilder b, Table t, boolean titled, String divClass) {
        // the console's scrolling box takes keyboard focus, so a wide table can be scrolled without a mouse (WCAG 2.1.1)
        b.append("<div class=\"").append(divClass).append('"').append(divClass.equals("table-wrap") ? " tabindex=\"0\"" : "")
                .append(">\n<table>\n<thead>\n<tr>");
        for (String h : t.header()) {
            b.append("<th scope=\"col\">").append(escape(h)).append("</th>");
        }
        b.append("</tr>\n</thead>\n<tbody>\n");
        for (List<Cell> row : t.rows()) {
            b.append("<tr>");
            for (Cell c : row) {
                b.append("<td>");
                if (c.lines().size() == 1) {
                    b.append(line(c.lines().get(0), titled));
                } else {
                    for (Line l : c.lines()) {
                        b.append("<div>").append(line(l, titled)).append("</div>");
                    }
                }
                b.append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table>\n</div>\n");
    }

    private static String line(Line l, boolean titled) {
        StringBuilder b = new StringBuilder();
        for (Span s : l.spans()) {
            switch (s) {
                case Plain x -> b.append(escape(x.text()));
                case Strong x -> b.append("<strong>").append(escape(x.text())).append("</strong>");
                case Link x -> {
                    String href = safeHref(x.href());
                    if (href == null) {
                        b.append(escape(x.text()));
                    } else {
                        b.append("<a href=\"").append(escape(href)).append('"').append(title(x.text(), titled)).append('>').append(escape(x.text())).append("</a>");
                    }
                }
            }
        }
        return b.toString();
    }

    private static String title(String text, boolean titled) {
        return titled ? " title=\"" + escape(text) + '"' : "";
    }

    /** The link target when it is a web, mail, phone or in-page link; null for anything else (javascript:, data:, ...). */
    static String safeHref(String href) {
        if (href == null) {
            return null;
        }
        String h = href.strip();
        String lower = h.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:")
                || lower.startsWith("tel:") || (h.startsWith("#") && h.length() > 1)) {
            return h;
        }
        return null;
    }

    /**
     * Escapes text for HTML and XHTML content and attribute values: the five markup characters become
     * references, and characters XML forbids (controls other than tab and newline, lone surrogates,
     * U+FFFE/U+FFFF) are dropped.
     */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        b.append(c).append(s.charAt(++i));
                    } else if (allowed(c)) {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    private static boolean allowed(char c) {
        if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
            return false;
        }
        return c >= 0x20 ? !(c >= 0x7F && c <= 0x9F) : c == '\t' || c == '\n';
    }

    private static String css(Style style) {
        String base = """
                body { margin: 0; color: #1c2430; font-family: "Segoe UI", Roboto, "Helvetica Neue", Helvetica, Arial, sans-serif; line-height: 1.55; }
                h1 { color: #0f3557; line-height: 1.2; }
                h2 { color: #0f3557; border-bottom: 2px solid #dde4ec; padding-bottom: 0.25em; }
                h3 { color: #1c2430; }
                a { color: #0b5cad; }
                table { border-collapse: collapse; width: 100%; }
                th, td { border: 1px solid #cfd8e3; padding: 0.4em 0.55em; text-align: left; vertical-align: top; }
                th { background: #eef3f8; font-weight: bold; }
                td div + div { margin-top: 0.3em; }
                ul { padding-left: 1.4em; }
                li { margin: 0.2em 0; }
                .note { color: #4d5968; font-size: 0.92em; }
                .toc { background: #f4f7fa; border: 1px solid #dde4ec; padding: 0.6em 1.2em; }
                .toc-title { font-weight: bold; margin: 0.3em 0; }
                .toc ol { margin: 0.3em 0; padding-left: 1.4em; }
                """;
        return base + switch (style) {
            case PAGE -> """
                    body { background: #f3f5f8; }
                    main { max-width: 48em; margin: 2em auto; padding: 2em 2.5em 3em; background: #ffffff; border: 1px solid #e1e6ec; border-radius: 8px; }
                    h1 { font-size: 1.9em; margin: 0 0 0.4em; }
                    h2 { font-size: 1.35em; margin: 2em 0 0.6em; }
                    h3 { font-size: 1.1em; margin: 1.4em 0 0.4em; }
                    .table { overflow-x: auto; margin: 0.8em 0 1.2em; }
                    table { font-size: 0.95em; }
                    @media (max-width: 40em) { main { margin: 0; padding: 1em; border: 0; border-radius: 0; } }
                    @media print { body { background: #ffffff; } main { max-width: none; margin: 0; padding: 0; border: 0; } .toc { display: none; } }
                    """;
            case PRINT -> """
                    @page { size: A4; margin: 20mm 17mm 22mm 17mm;
                      @bottom-center { content: counter(page) " / " counter(pages); font-family: "Liberation Sans", sans-serif; font-size: 8pt; color: #6b7685; } }
                    body { font-family: "Liberation Sans", sans-serif; font-size: 10pt; }
                    h1 { font-size: 19pt; margin: 0 0 8pt 0; }
                    h2 { font-size: 13.5pt; margin: 18pt 0 6pt 0; page-break-after: avoid; }
                    h3 { font-size: 11pt; margin: 12pt 0 4pt 0; page-break-after: avoid; }
                    p { margin: 0 0 6pt 0; }
                    .table { margin: 6pt 0 10pt 0; }
                    table { font-size: 8.5pt; -fs-table-paginate: paginate; }
                    tr { page-break-inside: avoid; }
                    .toc { margin: 8pt 0 4pt 0; }
                    """;
            case WIDE -> """
                    body { background: #ffffff; }
                    main { margin: 1.5em; }
                    h1 { font-size: 1.6em; margin: 0 0 0.4em; }
                    .table { overflow-x: auto; margin: 1em 0; }
                    table { font-size: 0.85em; }
                    th { position: sticky; top: 0; }
                    td { min-width: 9em; }
                    """;
        };
    }
}
