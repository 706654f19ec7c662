package nl.waarborg.documents;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Level;

/** Turns the XHTML page of {@link HtmlWriter} into a PDF with openhtmltopdf. */
final class PdfWriter {

    static {
        // openhtmltopdf reports timings and progress at INFO; keep only its warnings (they would clutter stderr)
        for (String name : XRLog.listRegisteredLoggers()) {
            XRLog.setLevel(name, Level.WARNING);
        }
    }

    private PdfWriter() {
    }

    static byte[] write(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withProducer("Waarborg");
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the PDF", e);
        }
        return out.toByteArray();
    }
}
