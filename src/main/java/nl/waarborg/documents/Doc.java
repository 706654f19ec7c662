package nl.waarborg.documents;

import java.util.ArrayList;
import java.util.List;

/**
 * The intermediate document tree every human-readable output is written from: headings, paragraphs,
 * bullet lists and tables of plain, strong and linked text. Built once from a policy, then written to
 * Markdown, HTML or (through HTML) PDF, so the formats cannot drift apart.
 *
 * @param lang   the BCP 47 language code of the text ({@code nl}, {@code en})
 * @param title  the document title (the level-1 heading)
 * @param blocks the body in reading order
 */
public record Doc(String lang, String title, List<Block> blocks) {

    public Doc {
        blocks = List.copyOf(blocks);
    }

    /** A block-level element. */
    public sealed interface Block permits Heading, Para, Bullets, Table {}

    /** A section heading; {@code level} 2 for sections, 3 for subsections. {@code id} is a stable anchor. */
    public record Heading(int level, String id, String text) implements Block {}

    /** A paragraph; {@code note} paragraphs are secondary information (rendered smaller). */
    public record Para(Line line, boolean note) implements Block {
        public Para(Line line) {
            this(line, false);
        }
    }

    /** A bullet list, one line per item. */
    public record Bullets(List<Line> items) implements Block {
        public Bullets {
            items = List.copyOf(items);
        }
    }

    /** A table with a header row; each row has as many cells as the header. */
    public record Table(List<String> header, List<List<Cell>> rows) implements Block {
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<Cell> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("row has " + row.size() + " cells, header " + header.size());
                }
            }
        }
    }

    /** A table cell: one or more lines (several lines are shown one below the other). */
    public record Cell(List<Line> lines) {
        public Cell {
            lines = List.copyOf(lines);
        }

        public static Cell of(String text) {
            return new Cell(List.of(Line.of(text)));
        }

        public static Cell of(Line line) {
            return new Cell(List.of(line));
        }

        public static Cell ofLines(List<String> lines) {
            return new Cell(lines.stream().map(Line::of).toList());
        }
    }

    /** A run of inline text. */
    public record Line(List<Span> spans) {
        public Line {
            spans = List.copyOf(spans);
        }

        public static Line of(String text) {
            return new Line(List.of(new Plain(text == null ? "" : text)));
        }

        /** Strings become plain text; spans are kept as they are. */
        public static Line of(Object... parts) {
            List<Span> spans = new ArrayList<>();
            for (Object p : parts) {
                if (p instanceof Span s) {
                    spans.add(s);
                } else if (p instanceof Line l) {
                    spans.addAll(l.spans());
                } else if (p != null) {
                    spans.add(new Plain(p.toString()));
                }
            }
            return new Line(spans);
        }

        /** The line as plain text, without markup. */
        public String text() {
            StringBuilder b = new StringBuilder();
            for (Span s : spans) {
                b.append(s.text());
            }
            return b.toString();
        }

        public boolean isBlank() {
            return text().isBlank();
        }
    }

    /** Inline text. */
    public sealed interface Span permits Plain, Strong, Link {
        String text();
    }

    public record Plain(String text) implements Span {}

    /** Emphasised text: labels and "extra protected" marks. */
    public record Strong(String text) implements Span {}

    /** A hyperlink; {@code href} is an absolute URL or a {@code mailto:}/{@code tel:} link. */
    public record Link(String text, String href) implements Span {}
}
