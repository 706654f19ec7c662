package nl.waarborg.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.util.XRLog;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;

/**
 * Turns the XHTML page of {@link HtmlWriter} into a PDF with openhtmltopdf: tagged PDF/UA-1 (headings, lists,
 * tables and links in a structure tree; title shown instead of the file name; the page's language as /Lang)
 * and PDF/A-2u, in Liberation Sans embedded as subsets, so the PDF reads the same everywhere and a screen
 * reader can follow it. No standard-14 font is used: openhtmltopdf offers none in PDF/UA and PDF/A mode.
 */
final class PdfWriter {

    /** The family name {@link HtmlWriter}'s print style asks for; registered below for each weight used. */
    static final String FONT_FAMILY = "Liberation Sans";

    // read once: the files are small (400 KB each) and every PDF needs them; openhtmltopdf parses a copy per document
    private static final byte[] REGULAR = resource("/fonts/LiberationSans-Regular.ttf");
    private static final byte[] BOLD = resource("/fonts/LiberationSans-Bold.ttf");
    // PDF/A asks for an output intent; the JDK's own sRGB profile is the colour space the CSS colours are meant in
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

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
            builder.usePdfUaAccessibility(true);
            builder.usePdfAConformance(PdfAConformance.PDFA_2_U);
            builder.useColorProfile(SRGB);
            builder.useFont(() -> new ByteArrayInputStream(REGULAR), FONT_FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(BOLD), FONT_FAMILY, 700, FontStyle.NORMAL, true);
            builder.withProducer("Waarborg");
            builder.withHtmlContent(xhtml, null);
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.layout();
                PDDocument doc = renderer.createPDFKeepOpen();
                describeLinks(doc.getDocumentCatalog().getStructureTreeRoot());
                doc.save(out, doc.getVersion() >= 1.5f ? CompressParameters.DEFAULT_COMPRESSION : CompressParameters.NO_COMPRESSION);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the PDF", e);
        }
        return out.toByteArray();
    }

    /**
     * Copies each Link element's description (openhtmltopdf puts the anchor's title there) to the Contents of its
     * link annotations, where PDF/UA-1 (7.18.5) also asks for it and where openhtmltopdf 1.1.28 leaves it out.
     */
    private static void describeLinks(PDStructureNode node) {
        if (node == null) {
            return;
        }
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement e) {
                if ("Link".equals(e.getStructureType()) && e.getAlternateDescription() != null) {
                    for (Object part : e.getKids()) {
                        if (part instanceof PDObjectReference ref && ref.getReferencedObject() instanceof PDAnnotation a
                                && a.getContents() == null) {
                            a.setContents(e.getAlternateDescription());
                        }
                    }
                }
                describeLinks(e);
            }
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = PdfWriter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the class path: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + name, e);
        }
    }
}
