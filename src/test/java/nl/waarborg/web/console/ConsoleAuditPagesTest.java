package nl.waarborg.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import nl.waarborg.BundleAgreement;
import nl.waarborg.staff.Roles;
import nl.waarborg.accounts.service.Accounts;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.web.ConsoleClient;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit pages of the console over real HTTP: access, filters, verify (also of a tampered log) and export. */
class ConsoleAuditPagesTest extends ServiceTestBase {

    @Autowired
    Accounts accounts;

    @Autowired
    AuditLog log;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void theWordsAgreeInDutchAndEnglish() {
        BundleAgreement.assertNlAndEnAgreeIcu(ConsoleAuditPagesTest.class, "/nl/waarborg/pages/audit");
    }

    @Test
    void aSignedOutVisitorIsSentToTheSignInPage() {
        ConsoleClient c = new ConsoleClient(port);
        for (String path : List.of("/console/audit", "/console/audit/jobs/" + java.util.UUID.randomUUID())) {
            HttpResponse<String> r = c.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/console/signin");
        }
        c.get("/console/signin"); // a form token of the sign-in page's session
        HttpResponse<String> post = c.post("/console/audit/verify", Map.of());
        assertThat(post.statusCode()).isEqualTo(302);
        assertThat(post.headers().firstValue("Location").orElseThrow()).endsWith("/console/signin");
    }

    @Test
    void supportMayNotSeeTheAuditLog() {
        ConsoleClient c = ConsoleClient.signedIn(port, accounts, "cpol-audit-support", Roles.SUPPORT);
        assertThat(c.get("/console/audit").statusCode()).isEqualTo(403);
        c.get("/console");
        assertThat(c.post("/console/audit/verify", Map.of()).statusCode()).isEqualTo(403);
        assertThat(c.post("/console/audit/export", Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void aFormPostedWithoutItsTokenIsRefused() {
        ConsoleClient c = ConsoleClient.signedIn(port, accounts, "cpol-audit-csrf", Roles.AUDITOR);
        c.get("/console/audit");
        assertThat(c.postRaw("/console/audit/verify", Map.of()).statusCode()).isEqualTo(403);
        assertThat(c.postRaw("/console/audit/export", Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void browsingFiltersByActorOutcomeAndDateNewestFirst() {
        ConsoleClient c = ConsoleClient.signedIn(port, accounts, "cpol-audit-browse", Roles.AUDITOR);
        HttpResponse<String> all = c.get("/console/audit");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).contains("<h1>Auditlog</h1>").contains("<label for=\"actor\">")
                .contains("<th scope=\"col\" class=\"num\">Nummer</th>").doesNotContain("style=");
        HttpResponse<String> mine = c.get("/console/audit?actor=cpol-audit-browse&outcome=allowed");
        assertThat(mine.body()).contains("account-signed-in").contains("account-password-changed")
                .doesNotContain("account-created") // made by the test's administrator, another actor
                .contains("Toegestaan");
        // newest first: the password was changed after the first sign-in
        assertThat(mine.body().indexOf("account-password-changed")).isLessThan(mine.body().indexOf("account-signed-in"));
        HttpResponse<String> denied = c.get("/console/audit?actor=cpol-audit-browse&outcome=denied");
        assertThat(denied.body()).contains("Geen gebeurtenissen gevonden");
        HttpResponse<String> future = c.get("/console/audit?actor=cpol-audit-browse&from=2999-01-01");
        assertThat(future.body()).contains("Geen gebeurtenissen gevonden");
        HttpResponse<String> wrong = c.get("/console/audit?from=gisteren");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("role=\"alert\"").contains("href=\"#from\"").contains("jjjj-mm-dd");
        assertThat(c.get("/console/audit?lang=en").body()).contains("<h1>Audit log</h1>").contains("Verify the chain");
    }

    @Test
    void verifyingShowsWhatWasCheckedAndABrokenChainWhereItBreaks() throws Exception {
        ConsoleClient c = ConsoleClient.signedIn(port, accounts, "cpol-audit-verify", Roles.AUDITOR);
        String intact = finishedJob(c, "/console/audit/verify");
        assertThat(intact).contains("De keten is heel").contains("Wat er gecontroleerd is").contains("Laatste hash");

        long seq = log.head().lastSeq();
        String actor = jdbc.sql("SELECT actor FROM audit_event WHERE seq = ?").param(seq).query(String.class).single();
        asOwnerWithoutGuards("UPDATE audit_event SET actor = 'someone-else' WHERE seq = ?", seq);
        try {
            String broken = finishedJob(c, "/console/audit/verify");
            assertThat(broken).contains("De keten is gebroken bij gebeurtenis " + seq)
                    .contains("De inhoud van de gebeurtenis is veranderd").contains("role=\"alert\"");
        } finally {
            asOwnerWithoutGuards("UPDATE audit_event SET actor = ? WHERE seq = ?", actor, seq);
        }
        assertThat(log.verify().ok()).isTrue();
    }

    @Test
    void theExportIsTheLogAsJsonLinesForWhoStartedIt() throws Exception {
        ConsoleClient c = ConsoleClient.signedIn(port, accounts, "cpol-audit-export", Roles.PRIVACY_OFFICER);
        long head = log.head().lastSeq();
        c.get("/console/audit");
        HttpResponse<String> started = c.post("/console/audit/export", Map.of());
        assertThat(started.statusCode()).isEqualTo(302);
        String job = started.headers().firstValue("Location").orElseThrow();
        String done = waitFor(c, job);
        assertThat(done).contains("Export downloaden");
        String path = job.substring(job.indexOf("/console/"));
        HttpResponse<byte[]> file = c.getBytes(path + "/download");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/x-ndjson");
        String[] lines = new String(file.body(), StandardCharsets.UTF_8).split("\n");
        assertThat((long) lines.length).isGreaterThanOrEqualTo(head);
        assertThat(lines[0]).startsWith("{").contains("\"seq\":1");

        ConsoleClient other = ConsoleClient.signedIn(port, accounts, "cpol-audit-other", Roles.AUDITOR);
        assertThat(other.get(path).statusCode()).isEqualTo(404);
        assertThat(other.getBytes(path + "/download").statusCode()).isEqualTo(404);
    }

    private String finishedJob(ConsoleClient c, String action) throws InterruptedException {
        c.get("/console/audit");
        HttpResponse<String> started = c.post(action, Map.of());
        assertThat(started.statusCode()).isEqualTo(302);
        return waitFor(c, started.headers().firstValue("Location").orElseThrow());
    }

    /** Reloads the job's page, as the browser does on its Refresh header, until the job is done. */
    private static String waitFor(ConsoleClient c, String location) throws InterruptedException {
        String path = location.substring(location.indexOf("/console/"));
        for (int i = 0; i < 300; i++) {
            HttpResponse<String> r = c.get(path);
            assertThat(r.statusCode()).isEqualTo(200);
            if (r.headers().firstValue("Refresh").isEmpty()) {
                return r.body();
            }
            assertThat(r.body()).contains("<progress");
            Thread.sleep(100);
        }
        throw new AssertionError("the job did not finish");
    }

    private void asOwnerWithoutGuards(String sql, Object... params) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("ALTER TABLE audit_event DISABLE TRIGGER USER").update();
            jdbc.sql(sql).params(params).update();
            jdbc.sql("ALTER TABLE audit_event ENABLE TRIGGER USER").update();
        });
    }
}
