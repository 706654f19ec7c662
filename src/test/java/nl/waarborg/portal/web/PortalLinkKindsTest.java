package nl.waarborg.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.waarborg.access.Caller;
import nl.waarborg.consent.Consents;
import nl.waarborg.policy.Lang;
import nl.waarborg.portal.PortalLinks;
import nl.waarborg.requests.Request;
import nl.waarborg.requests.service.Requests;
import nl.waarborg.requests.service.LinkTokens;
import nl.waarborg.vault.Vault;
import nl.waarborg.web.ConsentPolicyTestBase;
import nl.waarborg.web.ConsoleClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The portal's link tokens used on the path of another kind (docs/console.md "Security of the pages"): each token
 * opens only its own page. A per-mailing unsubscribe link travels in a mail header that mail servers and clients
 * read; it withdraws one consent and must not open the preferences page, where consent to every purpose can be given.
 */
class PortalLinkKindsTest extends ConsentPolicyTestBase {

    private static final Caller STAFF = new Caller("test", "dpo", List.of(), true);

    @Autowired
    java.time.Clock clock;
    @Autowired
    PortalLinks links;
    @Autowired
    Vault vault;
    @Autowired
    Consents consents;
    @Autowired
    Requests requests;
    @Autowired
    JdbcClient jdbc;

    private String state(UUID subject) {
        return consents.of(STAFF, subject).current().stream().filter(p -> p.purpose().equals("newsletter"))
                .findFirst().map(Consents.PurposeConsent::state).orElse("none");
    }

    @Test
    void anUnsubscribeLinkDoesNotOpenThePreferences() {
        UUID subject = vault.createSubjects(STAFF, List.of(new Vault.NewSubject(List.of(), List.of(),
                List.of("customer")))).getFirst();
        String unsubscribe = links.issue(subject, "newsletter");
        ConsoleClient c = new ConsoleClient(port);
        c.get("/request"); // the portal's form token, so a refusal is the link's and not the token's
        assertThat(c.get("/preferences/" + unsubscribe).statusCode()).isEqualTo(404);
        assertThat(c.post("/preferences/" + unsubscribe, Map.of("purpose", "newsletter", "choice", "give"))
                .statusCode()).isEqualTo(404);
        assertThat(state(subject)).isEqualTo("none");
    }

    @Test
    void aRequestsStatusAndConfirmationLinksOpenNothingElse() {
        // a request as the portal records it (this context sends no mail, so the portal's own submit is not used),
        // with two known tokens: the database holds only their hashes
        Request request = requests.receive(STAFF, new Requests.NewRequest(List.of("access"), List.of(), "portal", "nl",
                null, null, null));
        String status = LinkTokens.next();
        String confirm = LinkTokens.next();
        // valid for a day of the service's clock (other tests of this context move it on, never back)
        jdbc.sql("INSERT INTO portal_request (request_id, confirm_hash, confirm_expires_at, status_hash) "
                + "VALUES (?, ?, ?, ?)").params(request.id(), LinkTokens.hash(confirm),
                java.sql.Timestamp.from(clock.instant().plus(java.time.Duration.ofDays(1))), LinkTokens.hash(status))
                .update();
        ConsoleClient c = new ConsoleClient(port);
        assertThat(c.get("/request/status/" + status).statusCode()).isEqualTo(200);
        for (String path : List.of("/unsubscribe/", "/preferences/", "/request/confirm/")) {
            assertThat(c.get(path + status).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(c.postRaw("/unsubscribe/" + status, Map.of("List-Unsubscribe", "One-Click")).statusCode())
                .isEqualTo(404);
        for (String path : List.of("/unsubscribe/", "/preferences/", "/request/status/")) {
            assertThat(c.get(path + confirm).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(c.get("/request/confirm/" + confirm).statusCode()).isEqualTo(200);
    }

    @Test
    void aPreferencesLinkDoesNotUnsubscribeAndNeitherOpensARequest() {
        UUID subject = vault.createSubjects(STAFF, List.of(new Vault.NewSubject(List.of(), List.of(),
                List.of("customer")))).getFirst();
        links.give(subject, "newsletter", Lang.NL);
        String preferences = links.issue(subject, null);
        String unsubscribe = links.issue(subject, "newsletter");
        ConsoleClient c = new ConsoleClient(port);
        assertThat(c.get("/unsubscribe/" + preferences).statusCode()).isEqualTo(404);
        assertThat(c.postRaw("/unsubscribe/" + preferences, Map.of("List-Unsubscribe", "One-Click")).statusCode())
                .isEqualTo(404);
        assertThat(state(subject)).isEqualTo("given");
        for (String token : List.of(preferences, unsubscribe)) {
            assertThat(c.get("/request/status/" + token).statusCode()).isEqualTo(404);
            assertThat(c.get("/request/confirm/" + token).statusCode()).isEqualTo(404);
        }
        assertThat(c.get("/preferences/" + preferences).statusCode()).isEqualTo(200);
        // a purpose that is not direct marketing on consent, or none at all: refused, not given, not a failure
        for (String purpose : List.of("rental", "nonsense", "<script>")) {
            HttpResponse<String> r = c.post("/preferences/" + preferences, Map.of("purpose", purpose, "choice", "give"));
            assertThat(r.statusCode()).as(purpose).isIn(400, 422);
            assertThat(r.body()).doesNotContain("<script>");
        }
    }
}
