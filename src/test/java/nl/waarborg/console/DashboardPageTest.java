package nl.waarborg.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import nl.waarborg.access.Caller;
import nl.waarborg.staff.Roles;
import nl.waarborg.accounts.service.Accounts;
import nl.waarborg.requests.service.RequestDesk;
import nl.waarborg.requests.service.Requests;
import nl.waarborg.web.ConsoleClient;
import nl.waarborg.web.MutableClock;
import nl.waarborg.web.MutableClockConfiguration;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The dashboard over real HTTP, in a database of its own (its first rows are the soonest requests): the days-left tags
 * as the test clock moves forward, and each card only for whom may see its subject.
 */
@TestPropertySource(properties = "waarborg.data-dir=${waarborg.test.data-root}/dashboard")
@Import(MutableClockConfiguration.class)
class DashboardPageTest extends ServiceTestBase {

    private static final Caller STAFF = new Caller("dash-test", "dpo", List.of(), true);

    @Autowired
    Accounts accounts;
    @Autowired
    RequestDesk desk;
    @Autowired
    MutableClock clock;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    nl.waarborg.systems.manual.ManualTasks tasks;

    @Test
    void aSignedOutVisitorIsSentToSignIn() {
        HttpResponse<String> r = new ConsoleClient(port).get("/console");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/console/signin");
    }

    @Test
    void openRequestsTurnAmberUnderTenDaysRedUnderFiveAndOverdueAfterTheDeadline() {
        String ref = desk.receive(STAFF, new Requests.NewRequest(List.of("access"), List.of(), "email", "nl", null,
                null)).reference();
        desk.identity(STAFF, ref, "in-person-id", "verified", false);
        String unverified = desk.receive(STAFF, new Requests.NewRequest(List.of("erasure"), List.of(), "post", "nl",
                null, null)).reference();
        ConsoleClient c = ConsoleClient.signedIn(port, accounts, "dash-po", Roles.PRIVACY_OFFICER);
        long left = desk.find(ref).orElseThrow().daysLeft();
        assertThat(left).isGreaterThan(10);
        String page = c.get("/console").body();
        assertThat(page).contains(ref).contains("<span class=\"tag green\">nog " + left + " dagen</span>")
                .contains("1 verzoek met identiteit nog niet vastgesteld").contains(unverified);

        clock.advance(Duration.ofDays(left - 9));
        assertThat(desk.find(ref).orElseThrow().daysLeft()).isEqualTo(9);
        assertThat(c.get("/console").body()).contains("<span class=\"tag amber\">nog 9 dagen</span>")
                .contains("0 te laat, 0 binnen 5 dagen, 1 binnen 10 dagen");

        clock.advance(Duration.ofDays(5));
        assertThat(c.get("/console").body()).contains("<span class=\"tag red\">nog 4 dagen</span>")
                .contains("0 te laat, 1 binnen 5 dagen, 0 binnen 10 dagen");

        clock.advance(Duration.ofDays(5));
        assertThat(c.get("/console").body()).contains("<span class=\"tag red\">te laat, 1 dag</span>")
                .contains("1 te laat, 0 binnen 5 dagen, 0 binnen 10 dagen");
        assertThat(c.get("/console?lang=en").body()).contains("<span class=\"tag red\">overdue, 1 day</span>")
                .contains("Open requests");
    }

    private void operation(String id, String kind, String status, String cause, java.time.Instant at) {
        jdbc.sql("INSERT INTO system_operation (id, kind, system, status, cause, attempts, created_at, updated_at, "
                        + "policy_version) VALUES (?, ?, 'cctv', ?, ?, 1, ?, ?, (SELECT max(id) FROM policy_version))")
                .params(id, kind, status, cause, java.sql.Timestamp.from(at), java.sql.Timestamp.from(at)).update();
    }

    @Test
    void aSystemWhoseLastSweepFailedIsShownUntilASweepWorksAgain() {
        ConsoleClient c = ConsoleClient.signedIn(port, accounts, "dash-po-sweep", Roles.PRIVACY_OFFICER);
        java.time.Instant now = clock.instant();
        operation("sweep-dash-1", "sweep", "done", null, now.minusSeconds(7200));
        operation("sweep-dash-2", "sweep", "failed", "connection-refused: the recorder did not answer",
                now.minusSeconds(3600));
        String page = c.get("/console").body();
        assertThat(page).contains("Systemen waarvan de laatste opschoonronde mislukte")
                .contains("<span class=\"tag red\">mislukt</span> cctv: connection-refused, op")
                .doesNotContain("the recorder did not answer");
        assertThat(c.get("/console?lang=en").body()).contains("Systems whose last retention sweep failed")
                .contains("<span class=\"tag red\">failed</span> cctv: connection-refused, at");

        operation("sweep-dash-3", "sweep", "done", null, now.minusSeconds(60));
        assertThat(c.get("/console").body()).doesNotContain("cctv: connection-refused");
    }

    @Test
    void theWorkCardCountsOpenTasksAndShowsOnlyTheFirstFive() {
        java.time.Instant now = clock.instant();
        for (int i = 0; i < 7; i++) {
            operation("erase-dash-" + i, "erase", "pending", null, now);
            jdbc.sql("INSERT INTO system_task (operation_id, system, owner, kind, due_at, created_at) "
                    + "VALUES (?, 'cctv', 'Facility manager', 'erase', ?, ?)")
                    .params("erase-dash-" + i, java.sql.Timestamp.from(now.minusSeconds(86_400L * (10 - i))),
                            java.sql.Timestamp.from(now)).update();
        }
        long open = tasks.openCount();
        assertThat(open).isGreaterThanOrEqualTo(7);
        String page = ConsoleClient.signedIn(port, accounts, "dash-po-tasks", Roles.PRIVACY_OFFICER).get("/console")
                .body();
        assertThat(page).contains(open + " open taken voor systeemeigenaren");
        int rows = page.split("<td>Taak: ", -1).length - 1 + page.split("<td>Bevestiging: ", -1).length - 1;
        assertThat(rows).isEqualTo(5);
        assertThat(tasks.firstOpen(5)).hasSize(5).isSortedAccordingTo(
                java.util.Comparator.comparing(nl.waarborg.systems.manual.ManualTasks.Task::dueAt));
    }

    @Test
    void eachCardShowsOnlyForWhomMaySeeItsSubject() {
        String po = ConsoleClient.signedIn(port, accounts, "dash-po2", Roles.PRIVACY_OFFICER).get("/console").body();
        assertThat(po).contains("Open verzoeken").contains("Taken en bewaartermijnen").contains("De komende 30 dagen")
                .contains("Open datalekken").contains("Controle van het beleid").doesNotContain("style=");
        String auditor = ConsoleClient.signedIn(port, accounts, "dash-auditor", Roles.AUDITOR).get("/console").body();
        assertThat(auditor).contains("Open verzoeken").contains("Open datalekken")
                .doesNotContain("Taken en bewaartermijnen");
        String support = ConsoleClient.signedIn(port, accounts, "dash-support", Roles.SUPPORT).get("/console").body();
        assertThat(support).contains("Open verzoeken").doesNotContain("Open datalekken")
                .doesNotContain("Taken en bewaartermijnen");
        String admin = ConsoleClient.signedIn(port, accounts, "dash-admin", Roles.ADMINISTRATOR).get("/console").body();
        assertThat(admin).doesNotContain("Open verzoeken").contains("Controle van het beleid");
    }
}
