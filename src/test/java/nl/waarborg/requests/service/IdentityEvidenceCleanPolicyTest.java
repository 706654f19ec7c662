package nl.waarborg.requests.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.Test;

/**
 * On the clean test policy (identity by e-mail link or in person, no ID copies) in a service without mail: an ID copy
 * is refused, and so is a confirmation link, saying mail is off.
 */
class IdentityEvidenceCleanPolicyTest extends ServiceTestBase {

    @Test
    void aCopyForAPolicyWithoutIdCopiesIsRefused() throws Exception {
        String reference = reference();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + port + "/api/v1/requests/" + reference + "/identity/copy"))
                .header("Authorization", "Bearer " + staffToken()).header("Content-Type", "image/jpeg")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1}))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("id-copy-masked");
    }

    @Test
    void aLinkIsRefusedWhileMailIsOff() {
        HttpResponse<String> r = http.post("/api/v1/requests/" + reference() + "/identity/email-link", staffToken(), "{}");
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body()).contains("\"reason\":\"mail-disabled\"");
    }

    private String reference() {
        HttpResponse<String> r = http.post("/api/v1/requests", staffToken(), "{\"kinds\":[\"access\"],\"channel\":\"email\"}");
        assertThat(r.statusCode()).isEqualTo(201);
        return r.body().replaceAll(".*\"reference\":\"([^\"]+)\".*", "$1");
    }
}
