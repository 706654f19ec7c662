package nl.waarborg.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Checks a PDF people receive the way issue 18 asks: veraPDF (the reference validator of the PDF Association)
 * against PDF/UA-1 and PDF/A-2u with zero failures, and a few facts read with PDFBox that say what the
 * validator's pass means here (tagged, title and language set, every font embedded, no standard-14 font).
 */
public final class PdfConformance {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfConformance() {
    }

    /** The failed rules of one veraPDF profile, each as "clause-test: description (context)"; empty when compliant. */
    public static List<String> failures(byte[] pdf, PDFAFlavour flavour) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
            ValidationResult result = validator.validate(parser);
            Set<String> failed = new LinkedHashSet<>();
            for (TestAssertion a : result.getTestAssertions()) {
                if (a.getStatus() == TestAssertion.Status.FAILED) {
                    failed.add(a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage()
                            + " (" + a.getLocation().getContext() + ")");
                }
            }
            if (failed.isEmpty() && !result.isCompliant()) {
                failed.add("not compliant, no assertion given: " + result.getJobEndStatus());
            }
            return List.copyOf(failed);
        } catch (Exception e) {
            throw new AssertionError("veraPDF could not validate the PDF as " + flavour, e);
        }
    }

    /** The structure element types in the tag tree, in reading order (H1, P, L, LI, Table, TH, ...). */
    public static List<String> structureTypes(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> types = new ArrayList<>();
            collect(doc.getDocumentCatalog().getStructureTreeRoot(), types);
            return types;
        }
    }

    private static void collect(PDStructureNode node, List<String> types) {
        if (node == null) {
            return;
        }
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement e) {
                types.add(e.getStandardStructureType());
                collect(e, types);
            }
        }
    }

    /**
     * Asserts everything issue 18 asks of a PDF: veraPDF finds no failure in PDF/UA-1 nor PDF/A-2u; the catalog
     * is marked and has a structure tree with a level-1 heading, the language and "display the title"; the XMP
     * says PDF/UA part 1 and carries the title; every font on every page is embedded, none a standard-14 font.
     */
    public static void assertAccessible(byte[] pdf, String lang, String title) throws IOException {
        assertThat(failures(pdf, PDFAFlavour.PDFUA_1)).as("veraPDF PDF/UA-1 failures").isEmpty();
        assertThat(failures(pdf, PDFAFlavour.PDFA_2_U)).as("veraPDF PDF/A-2u failures").isEmpty();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDDocumentCatalog catalog = doc.getDocumentCatalog();
            assertThat(catalog.getMarkInfo()).isNotNull();
            assertThat(catalog.getMarkInfo().isMarked()).isTrue();
            assertThat(catalog.getStructureTreeRoot()).isNotNull();
            assertThat(catalog.getLanguage()).isEqualTo(lang);
            assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo(title);
            String xmp = new String(catalog.getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(xmp).containsPattern("pdfuaid:part(>|=\")1").contains(HtmlWriter.escape(title));
            for (PDPage page : doc.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
                    assertThat(font.isStandard14()).as("font %s is a standard-14 font", font.getName()).isFalse();
                    PDFontDescriptor d = font instanceof PDType0Font t0
                            ? t0.getDescendantFont().getFontDescriptor() : font.getFontDescriptor();
                    assertThat(d.getFontFile2() != null || d.getFontFile3() != null || d.getFontFile() != null)
                            .as("font %s carries its font program", font.getName()).isTrue();
                }
            }
        }
        assertThat(structureTypes(pdf)).contains("H1");
    }
}
