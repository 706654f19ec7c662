package nl.waarborg.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.PolicyLoader;
import java.io.ByteArrayOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/** The privacy statement as PDF is tagged PDF/UA-1 and PDF/A-2u, in embedded fonts, checked by veraPDF (issue 18). */
class StatementPdfAccessibilityTest {

    @Test
    void theStatementPdfPassesPdfUaAndPdfAInBothLanguages() throws Exception {
        Policy policy = PolicyLoader.load(Path.of("examples/self-storage.yaml")).orThrow().policy();
        for (Lang lang : Lang.values()) {
            byte[] pdf = StatementRenderer.render(policy, lang, StatementFormat.PDF);
            String title = StatementRenderer.document(policy, lang).title();

            PdfConformance.assertAccessible(pdf, lang.code(), title);
            // the statement's headings, lists and tables are tagged as such, tables with header cells
            assertThat(PdfConformance.structureTypes(pdf)).contains("H1", "H2", "P", "L", "LI", "Table", "TR", "TH", "TD", "Link");
        }
    }

    @Test
    void theValidatorRefusesAnUntaggedPdfInAStandardFont() throws Exception {
        // what the statement PDF was before issue 18: no tags, no language, Helvetica not embedded
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 700);
                cs.showText("Privacyverklaring");
                cs.endText();
            }
            doc.save(out);
        }

        assertThat(PdfConformance.failures(out.toByteArray(), PDFAFlavour.PDFUA_1))
                .anyMatch(f -> f.startsWith("7.1-"))      // content not tagged
                .anyMatch(f -> f.startsWith("7.21.4.1-")); // font program not embedded
    }
}
