package nl.waarborg.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.waarborg.BundleAgreement;
import nl.waarborg.staff.Roles;
import nl.waarborg.accounts.service.Accounts;
import nl.waarborg.policy.service.PolicyVersions;
import nl.waarborg.web.ConsoleClient;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The policy pages of the console over real HTTP: access, the documents inside the console, downloads, versions. */
class ConsolePolicyPagesTest extends ServiceTestBase {

    static final List<String> PAGES = List.of("/console/policy", "/console/policy/statement", "/console/policy/register",
            "/console/policy/versions", "/console/policy/diff?from=1&to=1", "/console/policy/downloads/register.csv");

    @Autowired
    Accounts accounts;

    @Autowired
    PolicyVersions versions;

    @Test
    void theWordsAgreeInDutchAndEnglish() {
        BundleAgreement.assertNlAndEnAgreeIcu(ConsolePolicyPagesTest.class, "/nl/waarborg/pages/policy");
    }

    @Test
    void aSignedOutVisitorIsSentToTheSignInPage() {
        for (String path : PAGES) {
            HttpResponse<String> r = new ConsoleClient(port).get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow()).as(path).endsWith("/console/signin");
        }
    }

    /** Every role may read the policy; an account that has not yet chosen its own password may read nothing. */
    @Test
    void anAccountWithItsTemporaryPasswordIsSentToChangeIt() {
        String password = ConsoleClient.account(accounts, "cpol-policy-temp", List.of(Roles.SUPPORT));
        ConsoleClient c = new ConsoleClient(port);
        c.signIn("cpol-policy-temp", password);
        for (String path : PAGES) {
            HttpResponse<String> r = c.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow()).as(path).endsWith("/console/password");
        }
    }

    @Test
    void theOverviewShowsTheVersionTheFindingsAndTheDownloads() {
        ConsoleClient c = ConsoleClient.signedIn(port, accounts, "cpol-policy-support", Roles.SUPPORT);
        HttpResponse<String> r = c.get("/console/policy");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<h1>Beleid</h1>").contains("Controle van het beleid")
                .contains("/console/policy/downloads/statement.pdf").contains("/console/policy/downloads/register.xlsx")
                .containsPattern("(Geen fouten|\\d+ fouten?) en (geen waarschuwingen|\\d+ waarschuwing)")
                .doesNotContain("style=").doesNotContain("<script");
        HttpResponse<String> en = c.get("/console/policy?lang=en");
        assertThat(en.body()).contains("<h1>Policy</h1>").contains("Policy check").contains("lang=\"en\"");
    }

    @Test
    void theStatementAndTheRegisterAreShownInsideTheConsoleWithoutInlineStyle() {
        ConsoleClient c = ConsoleClient.signedIn(port, accounts, "cpol-policy-auditor", Roles.AUDITOR);
        HttpResponse<String> statement = c.get("/console/policy/statement");
        assertThat(statement.statusCode()).isEqualTo(200);
        assertThat(statement.body()).doesNotContain("<style").doesNotContain("style=").contains("<h2")
                .contains("href=\"/console/policy/statement\" aria-current=\"page\"");
        assertThat(statement.body().split("<h1>", -1)).hasSize(2); // one h1: the layout's
        HttpResponse<String> register = c.get("/console/policy/register?lang=en");
        assertThat(register.statusCode()).isEqualTo(200);
        assertThat(register.body()).doesNotContain("<style").contains("<th scope=\"col\">")
                .contains("<div class=\"table-wrap\" tabindex=\"0\">");
    }

    @Test
    void theDownloadsComeFromTheRenderersTheApiUses() {
        ConsoleClient c = ConsoleClient.signedIn(port, accounts, "cpol-policy-po", Roles.PRIVACY_OFFICER);
        HttpResponse<byte[]> pdf = c.getBytes("/console/policy/downloads/statement.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
        HttpResponse<byte[]> csv = c.getBytes("/console/policy/downloads/register.csv");
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        HttpResponse<byte[]> xlsx = c.getBytes("/console/policy/downloads/register.xlsx");
        assertThat(new String(xlsx.body(), 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
        HttpResponse<byte[]> jsonld = c.getBytes("/console/policy/downloads/register.jsonld");
        assertThat(new String(jsonld.body(), StandardCharsets.UTF_8)).contains("@context");
        assertThat(c.getBytes("/console/policy/downloads/secret.txt").statusCode()).isEqualTo(404);
    }

    @Test
    void theVersionsAndTheirDifference() {
        ConsoleClient c = ConsoleClient.signedIn(port, accounts, "cpol-policy-versions", Roles.AUDITOR);
        long id = versions.history().get(0).id();
        HttpResponse<String> list = c.get("/console/policy/versions");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Alle versies, de nieuwste eerst").contains("<th scope=\"col\"");
        HttpResponse<String> same = c.get("/console/policy/diff?from=" + id + "&to=" + id);
        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(same.body()).contains("Tekst van de privacyverklaring").contains("Beleidsbestand")
                .contains("Geen verschil.");
        HttpResponse<String> missing = c.get("/console/policy/diff?from=" + id + "&to=999999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Die versie bestaat niet.");
    }
}
