package nl.waarborg.documents;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import nl.waarborg.policy.Lang;

/** Writes a document tree other capabilities build (a letter) in one of the statement's formats. */
public final class DocRenderer {

    private DocRenderer() {
    }

    /** UTF-8 text for MD and HTML, a PDF document for PDF; {@code lang} names the table of contents. */
    public static byte[] render(Doc doc, Lang lang, StatementFormat format) {
        Objects.requireNonNull(format, "format");
        return switch (format) {
            case MD -> MarkdownWriter.write(doc).getBytes(StandardCharsets.UTF_8);
            case HTML -> HtmlWriter.write(doc, HtmlWriter.Style.PAGE, Phrases.of(lang).contents())
                    .getBytes(StandardCharsets.UTF_8);
            case PDF -> PdfWriter.write(printPage(doc, lang));
        };
    }

    /**
     * The page a PDF is printed from, as text: kept by a caller that makes the PDF later ({@link #pdf}), when it is
     * asked for, instead of printing one nobody may read (printing is the slow part: docs/benchmarks.md, PDF/UA).
     */
    public static String printPage(Doc doc, Lang lang) {
        return HtmlWriter.write(doc, HtmlWriter.Style.PRINT, Phrases.of(lang).contents());
    }

    /**
     * The document's body as HTML for a page with its own layout (the console): no page head, inline style or title;
     * the page prints the title as its heading.
     */
    public static String htmlFragment(Doc doc) {
        return HtmlWriter.fragment(doc, null);
    }

    /** The PDF of a page {@link #printPage} made. */
    public static byte[] pdf(String printPage) {
        return PdfWriter.write(printPage);
    }
}
