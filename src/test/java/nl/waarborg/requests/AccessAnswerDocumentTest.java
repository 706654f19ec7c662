package nl.waarborg.requests;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.waarborg.documents.Doc;
import nl.waarborg.documents.DocRenderer;
import nl.waarborg.documents.PdfConformance;
import nl.waarborg.documents.StatementFormat;
import nl.waarborg.policy.Lang;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The access answer for people: every section in both languages, the items capped, and a PDF that renders. */
class AccessAnswerDocumentTest {

    private static String html(Lang lang, int maxItems) {
        AccessContext c = AnswerFixture.customerContext(lang).withKept(List.of(
                new KeptData("crm", "payment-details", 3, "legal-obligation", "legal-obligations", LocalDate.of(2033, 3, 1))));
        Doc doc = AccessAnswerDocument.doc(AnswerFixture.header(lang), c, AnswerFixture.customerItems().iterator(), maxItems);
        return new String(DocRenderer.render(doc, lang, StatementFormat.HTML), UTF_8);
    }

    @Test
    void theDutchAnswerHasEverySectionWithItsArticle() {
        String nl = html(Lang.NL, 100);

        assertThat(nl).contains("Uw gegevens: ons antwoord op uw verzoek (WB-7K2M-9QXD)", "3 maart 2026",
                "artikel 15, lid 1, onder a AVG", "artikel 15, lid 1, onder b AVG", "artikel 15, lid 1, onder c AVG",
                "artikel 15, lid 1, onder d AVG", "artikel 15, lid 1, onder e AVG", "artikel 15, lid 1, onder f",
                "artikel 15, lid 1, onder g AVG", "artikel 15, lid 1, onder h", "artikel 15, lid 2",
                "artikel 17, lid 3, onder b AVG", "Autoriteit Persoonsgegevens", "Klantbeheersysteem", "E-mailadres",
                "customers.email", "Aanbieder van het elektronische toegangs- en slotsysteem", "160 weken",
                "Van de organisatie die u vertegenwoordigt", "artikel 16 AVG", "artikel 21 AVG", "1 maart 2033");
        // the value is escaped in the page: its quote and the apostrophe do not break the markup
        assertThat(nl).contains("Ann &quot;de Vries&quot;, Jr.").doesNotContain("Ann \"de Vries\"");
    }

    @Test
    void theEnglishAnswerHasEverySectionWithItsArticle() {
        String en = html(Lang.EN, 100);

        assertThat(en).contains("Your data: our answer to your request (WB-7K2M-9QXD)", "Article 15(1)(a) GDPR",
                "Article 15(1)(b) GDPR", "Article 15(1)(c) GDPR", "Article 15(1)(d) GDPR", "Article 15(1)(e) GDPR",
                "Article 15(1)(f)", "Article 15(1)(g) GDPR", "Article 15(1)(h)", "Article 15(2)", "Article 17(3)(b) GDPR",
                "Customer management system", "E-mail address", "160 weeks", "Article 16 GDPR", "Article 21 GDPR",
                "standard contractual clauses of the European Commission", "Our interest in promoting our products");
    }

    @Test
    void theListIsCappedAndSaysHowManyMoreTheJsonHolds() {
        String en = html(Lang.EN, 2);

        assertThat(en).contains("This list shows the first 2 items. There are 3 more; the file (JSON) with this answer holds all 5.");
        assertThat(en).contains("customers.email", "customers.first_name").doesNotContain("unit 12");
    }

    @Test
    void theAnswerRendersAsAPdf() throws Exception {
        Doc doc = AccessAnswerDocument.doc(AnswerFixture.header(Lang.NL), AnswerFixture.customerContext(Lang.NL),
                AnswerFixture.customerItems().iterator(), 100);
        byte[] pdf = DocRenderer.render(doc, Lang.NL, StatementFormat.PDF);

        assertThat(new String(pdf, 0, 5, UTF_8)).isEqualTo("%PDF-");
        try (PDDocument d = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
            assertThat(text).contains("Uw gegevens", "Waarvoor wij uw gegevens gebruiken", "Autoriteit Persoonsgegevens");
        }
    }

    @Test
    void theAnswerPdfIsTaggedPdfUaWithEmbeddedFontsInBothLanguages() throws Exception {
        for (Lang lang : Lang.values()) {
            Doc doc = AccessAnswerDocument.doc(AnswerFixture.header(lang), AnswerFixture.customerContext(lang),
                    AnswerFixture.customerItems().iterator(), 100);
            byte[] pdf = DocRenderer.render(doc, lang, StatementFormat.PDF);

            PdfConformance.assertAccessible(pdf, lang.code(), doc.title());
            // the items are a table whose header cells are tagged as such
            assertThat(PdfConformance.structureTypes(pdf)).contains("H1", "H2", "P", "Table", "TH", "TD");
        }
    }
}
