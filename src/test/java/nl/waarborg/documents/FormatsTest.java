package nl.waarborg.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void statementFormatsParseTheirLowerCaseNames() {
        assertThat(StatementFormat.parse("md")).isEqualTo(StatementFormat.MD);
        assertThat(StatementFormat.parse("html")).isEqualTo(StatementFormat.HTML);
        assertThat(StatementFormat.parse("PDF")).isEqualTo(StatementFormat.PDF);
        assertThatThrownBy(() -> StatementFormat.parse("docx"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("docx").hasMessageContaining("md, html, pdf");
        assertThatThrownBy(() -> StatementFormat.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statementFormatsKnowTheirMediaTypeAndExtension() {
        assertThat(StatementFormat.MD.mediaType()).isEqualTo("text/markdown; charset=UTF-8");
        assertThat(StatementFormat.HTML.mediaType()).isEqualTo("text/html; charset=UTF-8");
        assertThat(StatementFormat.PDF.mediaType()).isEqualTo("application/pdf");
        assertThat(StatementFormat.MD.extension()).isEqualTo("md");
        assertThat(StatementFormat.PDF.extension()).isEqualTo("pdf");
    }

    @Test
    void registerFormatsParseTheirLowerCaseNames() {
        assertThat(RegisterFormat.parse("csv")).isEqualTo(RegisterFormat.CSV);
        assertThat(RegisterFormat.parse("xlsx")).isEqualTo(RegisterFormat.XLSX);
        assertThat(RegisterFormat.parse("html")).isEqualTo(RegisterFormat.HTML);
        assertThat(RegisterFormat.parse("jsonld")).isEqualTo(RegisterFormat.JSONLD);
        assertThatThrownBy(() -> RegisterFormat.parse("json-ld"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("csv, xlsx, html, jsonld");
    }

    @Test
    void registerFormatsKnowTheirMediaTypeAndExtension() {
        assertThat(RegisterFormat.CSV.mediaType()).isEqualTo("text/csv; charset=UTF-8");
        assertThat(RegisterFormat.XLSX.mediaType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(RegisterFormat.HTML.mediaType()).isEqualTo("text/html; charset=UTF-8");
        assertThat(RegisterFormat.JSONLD.mediaType()).isEqualTo("application/ld+json");
        assertThat(RegisterFormat.JSONLD.extension()).isEqualTo("jsonld");
        assertThat(RegisterFormat.XLSX.extension()).isEqualTo("xlsx");
    }
}
