package nl.waarborg.retention.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.waarborg.BundleAgreement;
import nl.waarborg.access.Caller;
import nl.waarborg.accounts.service.Accounts;
import nl.waarborg.retention.service.AttestationTasks;
import nl.waarborg.retention.service.Sweeper;
import nl.waarborg.staff.Roles;
import nl.waarborg.vault.NewItem;
import nl.waarborg.vault.Vault;
import nl.waarborg.web.ConsoleClient;
import nl.waarborg.web.MutableClock;
import nl.waarborg.web.MutableClockConfiguration;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The retention page over real HTTP (docs/console.md, "Retention"): who may read and act, the forecast, a sweep
 * started from the page that runs to its end with its progress, and an attestation confirmed from the page. The clock
 * only moves forward; the scheduled sweeps are off, so only what a test starts sweeps.
 */
@TestPropertySource(properties = {
        "waarborg.data-dir=${waarborg.test.data-root}/cret",
        "waarborg.retention.sweep-interval=PT0S",
        "waarborg.retention.batch=2"}) // several batches per sweep: progress moves in steps
@Import(MutableClockConfiguration.class)
class RetentionPagesTest extends ServiceTestBase {

    private static final Caller STAFF = new Caller("test", "management", List.of(), true);
    private static final Caller SALES = new Caller("sales", "staff", List.of("quote"), false);

    @Autowired
    Accounts accounts;
    @Autowired
    MutableClock clock;
    @Autowired
    Vault vault;
    @Autowired
    Sweeper sweeper;
    @Autowired
    AttestationTasks attestations;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theWordsAgreeInDutchAndEnglish() {
        BundleAgreement.assertNlAndEnAgreeIcu(RetentionPagesTest.class, "/nl/waarborg/pages/retention");
        BundleAgreement.assertNlAndEnAgreeIcu(RetentionPagesTest.class, "/nl/waarborg/pages/layout");
    }

    @Test
    void aSignedOutVisitorIsSentToTheSignInPage() {
        ConsoleClient c = new ConsoleClient(port);
        for (String path : List.of("/console/retention", "/console/retention/sweeps/" + UUID.randomUUID())) {
            HttpResponse<String> r = c.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/console/signin");
        }
        c.get("/console/signin"); // a form token of the sign-in page's session
        for (String path : List.of("/console/retention/sweep", "/console/retention/attestations/1/confirm")) {
            HttpResponse<String> post = c.post(path, Map.of());
            assertThat(post.statusCode()).as(path).isEqualTo(302);
            assertThat(post.headers().firstValue("Location").orElseThrow()).endsWith("/console/signin");
        }
    }

    @Test
    void supportMayNotSeeRetentionAndTheAuditorMayOnlyRead() {
        ConsoleClient support = ConsoleClient.signedIn(port, accounts, "cret-support", Roles.SUPPORT);
        assertThat(support.get("/console").body()).doesNotContain("href=\"/console/retention\"");
        assertThat(support.get("/console/retention").statusCode()).isEqualTo(403);
        support.get("/console");
        assertThat(support.post("/console/retention/sweep", Map.of("dryRun", "true")).statusCode()).isEqualTo(403);
        assertThat(support.post("/console/retention/attestations/1/confirm", Map.of()).statusCode()).isEqualTo(403);

        ConsoleClient auditor = ConsoleClient.signedIn(port, accounts, "cret-auditor", Roles.AUDITOR);
        HttpResponse<String> page = auditor.get("/console/retention");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Bewaren</h1>").contains("href=\"/console/retention\" aria-current=\"page\"")
                .doesNotContain("action=\"/console/retention/sweep\"").doesNotContain("/confirm\"");
        assertThat(auditor.post("/console/retention/sweep", Map.of("dryRun", "true")).statusCode()).isEqualTo(403);
        assertThat(auditor.post("/console/retention/attestations/1/confirm", Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void aFormPostedWithoutItsTokenIsRefused() {
        ConsoleClient c = ConsoleClient.signedIn(port, accounts, "cret-csrf", Roles.PRIVACY_OFFICER);
        c.get("/console/retention");
        assertThat(c.postRaw("/console/retention/sweep", Map.of("dryRun", "false")).statusCode()).isEqualTo(403);
        assertThat(c.postRaw("/console/retention/attestations/1/confirm", Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void theForecastTakesUpTo365DaysAndSaysWhatIsWrongOtherwise() {
        ConsoleClient c = ConsoleClient.signedIn(port, accounts, "cret-forecast", Roles.PRIVACY_OFFICER);
        HttpResponse<String> page = c.get("/console/retention?days=365");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<label for=\"days\">").contains("value=\"365\"")
                .contains("Bevestigingen van systemen").contains("Anonieme statistiek").doesNotContain("style=");
        for (String wrong : List.of("366", "0", "morgen")) {
            HttpResponse<String> r = c.get("/console/retention?days=" + wrong);
            assertThat(r.statusCode()).as(wrong).isEqualTo(400);
            assertThat(r.body()).contains("role=\"alert\"").contains("href=\"#days\"").contains("van 1 tot en met 365");
        }
        HttpResponse<String> en = c.get("/console/retention?lang=en");
        assertThat(en.body()).contains("<h1>Retention</h1>").contains("What must go soon")
                .contains("Dry run: show what would go");
    }

    @Test
    void aSweepStartedFromThePageRunsToItsEndShowingHowFarItIs() throws Exception {
        List<UUID> leads = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            leads.add(lead(i));
        }
        ConsoleClient c = ConsoleClient.signedIn(port, accounts, "cret-sweeper", Roles.PRIVACY_OFFICER);
        assertThat(c.get("/console/retention?days=200").body()).contains("<code>leads</code>");
        clock.advance(Duration.ofDays(190)); // the leads rule keeps them six months

        // a dry run shows what would go and changes nothing
        String dry = finished(c, c.post("/console/retention/sweep", Map.of("dryRun", "true")));
        assertThat(dry).contains("Proefronde").contains("Er is niets veranderd").contains("<code>leads</code>");
        assertThat(items(leads)).isEqualTo(5);

        c.get("/console/retention");
        String done = finished(c, c.post("/console/retention/sweep", Map.of("dryRun", "false")));
        assertThat(done).contains("Klaar").contains("5 gegevens zijn gewist").contains("Wat in de kluis is gewist")
                .contains("<td>Verwijderen</td>").contains("<code>leads</code>").contains("Per systeem");
        assertThat(items(leads)).isZero();
        // who started each sweep is in the audit log under their own name
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE actor = 'cret-sweeper' "
                + "AND action = 'retention-sweep-started'", Long.class)).isEqualTo(2);

        // the progress the page shows is the sweep's own: step by step, batch by batch (two items a batch here)
        for (int i = 0; i < 5; i++) {
            leads.add(lead(i));
        }
        clock.advance(Duration.ofDays(190));
        List<String> seen = new ArrayList<>();
        sweeper.sweep(false, (step, n, total) -> seen.add(step + ":" + n + "/" + total));
        assertThat(seen).containsSubsequence("schedules:0/0", "items:0/5", "items:2/5", "items:4/5", "items:5/5",
                "narrowing:0/1", "attestations:0/1");
        assertThat(seen.stream().map(s -> s.substring(0, s.indexOf(':'))).distinct().toList())
                .isEqualTo(Sweeper.STEPS);
        assertThat(items(leads)).isZero();
    }

    @Test
    void anAttestationIsConfirmedFromThePageOnceAndSaysWhatItMeans() {
        sweeper.sweep(false); // plans the tasks around now
        AttestationTasks.Task task = attestations.list(true).getFirst();
        ConsoleClient c = ConsoleClient.signedIn(port, accounts, "cret-attester", Roles.PRIVACY_OFFICER);
        HttpResponse<String> page = c.get("/console/retention");
        assertThat(page.body()).contains("Met de knop legt u vast dat de eigenaar dat aan u heeft bevestigd").contains("Uw naam")
                .contains("Facility manager bevestigt dat video-footage ouder dan 7 dagen uit cctv is verwijderd")
                .contains("action=\"/console/retention/attestations/" + task.id() + "/confirm\"")
                .contains("Bevestigen namens Facility manager voor cctv");

        HttpResponse<String> confirmed = c.post("/console/retention/attestations/" + task.id() + "/confirm", Map.of());
        assertThat(confirmed.statusCode()).isEqualTo(302);
        String location = confirmed.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/console/retention?confirmed=" + task.id());
        HttpResponse<String> after = c.get(location.substring(location.indexOf("/console/")));
        assertThat(after.body()).contains("De bevestiging voor cctv namens Facility manager is vastgelegd door cret-attester")
                .doesNotContain("action=\"/console/retention/attestations/" + task.id() + "/confirm\"");
        assertThat(attestations.find(task.id())).hasValueSatisfying(t -> assertThat(t.confirmedBy()).isEqualTo("cret-attester"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'attestation-confirmed' "
                + "AND actor = 'cret-attester'", Integer.class)).isEqualTo(1);

        // the first confirmation stands
        assertThat(c.post("/console/retention/attestations/" + task.id() + "/confirm", Map.of()).statusCode()).isEqualTo(409);
        assertThat(c.post("/console/retention/attestations/999999/confirm", Map.of()).statusCode()).isEqualTo(404);
    }

    private UUID lead(int i) {
        UUID lead = vault.createSubjects(STAFF, List.of(new Vault.NewSubject(List.of(), List.of(), List.of("lead")))).getFirst();
        vault.addItems(SALES, List.of(new NewItem(lead, "name", "Lead " + i, List.of("quote"), "subject", "vault", null)));
        return lead;
    }

    private int items(List<UUID> subjects) {
        return jdbc.queryForObject("SELECT count(*) FROM item WHERE subject_id = ANY (?)", Integer.class,
                (Object) subjects.toArray(UUID[]::new));
    }

    /** Follows the redirect to the sweep's page and reloads it, as the browser does on its Refresh header, until done. */
    private static String finished(ConsoleClient c, HttpResponse<String> started) throws InterruptedException {
        assertThat(started.statusCode()).isEqualTo(302);
        String location = started.headers().firstValue("Location").orElseThrow();
        String path = location.substring(location.indexOf("/console/"));
        assertThat(path).startsWith("/console/retention/sweeps/");
        for (int i = 0; i < 300; i++) {
            HttpResponse<String> r = c.get(path);
            assertThat(r.statusCode()).isEqualTo(200);
            if (r.headers().firstValue("Refresh").isEmpty()) {
                assertThat(r.body()).doesNotContain("<progress");
                return r.body();
            }
            assertThat(r.body()).contains("<progress").contains("Deze pagina ververst zichzelf");
            Thread.sleep(100);
        }
        throw new AssertionError("the sweep did not finish");
    }
}
