package nl.waarborg.documents.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The statement and the register served from the policy in force. */
class DocumentEndpointTest extends ServiceTestBase {

    @Test
    void homePageIsThePublicStatementInTheFirstLanguage() {
        HttpResponse<String> home = http.get("/", null);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(home.headers().firstValue("Content-Language")).contains("nl");
        assertThat(home.body()).contains("<html").contains("Testopslag B.V.");
    }

    @Test
    void statementInEnglishMarkdownIsPublic() {
        HttpResponse<String> md = http.get("/api/v1/policy/statement?lang=en&format=md", null);
        assertThat(md.statusCode()).isEqualTo(200);
        assertThat(md.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/markdown");
        assertThat(md.body()).contains("# ").contains("Testopslag B.V.").contains("7 days");
        assertThat(md.headers().firstValue("ETag")).isPresent();
    }

    @Test
    void statementAsPdf() {
        HttpResponse<byte[]> pdf = http.getBytes("/api/v1/policy/statement?lang=nl&format=pdf", null);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF");
    }

    @Test
    void unknownLanguageIsAProblemNamingTheValidOnes() {
        HttpResponse<String> bad = http.get("/api/v1/policy/statement?lang=de", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(bad.body()).contains("nl or en");
        HttpResponse<String> badFormat = http.get("/api/v1/policy/statement?format=docx", null);
        assertThat(badFormat.statusCode()).isEqualTo(400);
        assertThat(badFormat.body()).contains("md");
    }

    @Test
    void registerAsCsvHasOneRowPerPurpose() {
        HttpResponse<String> csv = http.get("/api/v1/policy/register?format=csv", staffToken());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("register-2026.1.csv");
        assertThat(csv.body()).contains("Offerte").contains("Beveiliging");
    }

    @Test
    void registerAsJsonLdUsesDpv() {
        HttpResponse<String> jsonld = http.get("/api/v1/policy/register?format=jsonld", staffToken());
        assertThat(jsonld.statusCode()).isEqualTo(200);
        JsonNode doc = JsonMapper.builder().build().readTree(jsonld.body());
        assertThat(doc.toString()).contains("https://w3id.org/dpv#").contains("dpv:LegitimateInterest");
    }

    @Test
    void aPolicyWithoutAsProcessorHasNoProcessorsRegister() {
        HttpResponse<String> none = http.get("/api/v1/policy/register/processor?format=csv", staffToken());
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(none.body()).contains("\"title\":\"No processor's register\"",
                "the policy in force declares no as-processor activities, so there is no processor's register (Art. 30(2) GDPR)");
        assertThat(http.get("/api/v1/policy/register/processor?format=docx", staffToken()).statusCode()).isEqualTo(400);
    }

    @Test
    void openApiDocumentIsPublished() {
        HttpResponse<String> api = http.get("/api/v1/openapi.json", null);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"/api/v1/policy/statement\"").contains("\"/api/v1/policy/register\"")
                .contains("\"/api/v1/policy/register/processor\"");
    }
}
