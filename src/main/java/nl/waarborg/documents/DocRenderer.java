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
            case PDF -> PdfWriter.write(HtmlWriter.write(doc, HtmlWriter.Style.PRINT, Phrases.of(lang).contents()));
        };
    }
}
