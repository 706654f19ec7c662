package nl.waarborg.requests.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import nl.waarborg.access.Caller;
import nl.waarborg.access.service.Restraints;
import nl.waarborg.requests.Request;
import nl.waarborg.vault.Vault;
import nl.waarborg.web.MutableClockConfiguration;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * What takes effect when a request is entered, before the identity check: an objection to direct marketing, which is
 * absolute (Art. 21(3) GDPR), and a consent withdrawal, as easy as the consent was given (Art. 7(3)); on the
 * self-storage example, whose `marketing` purpose is direct marketing on legitimate interest and `talent-pool` is based
 * on consent. (The same service as the retention tests of that example.)
 */
@TestPropertySource(properties = {
        "waarborg.policy=examples/self-storage.yaml",
        "waarborg.data-dir=${waarborg.test.data-root}/retention",
        "waarborg.retention.sweep-interval=PT0S"})
@Import(MutableClockConfiguration.class)
class EffectAtIntakeTest extends ServiceTestBase {

    private static final Caller STAFF = new Caller("test", "management", List.of(), true);

    @Autowired
    Requests requests;
    @Autowired
    Vault vault;
    @Autowired
    Restraints restraints;

    @Test
    void anObjectionToDirectMarketingIsUpheldAtIntakeBeforeTheIdentityCheck() {
        UUID customer = vault.createSubjects(STAFF, List.of(new Vault.NewSubject(List.of(), List.of(),
                List.of("customer")))).getFirst();

        Request r = requests.receive(STAFF, new Requests.NewRequest(List.of("objection"), List.of("marketing"), "phone",
                "nl", customer, null));

        assertThat(r.identity()).isEqualTo(Request.Identity.PENDING);
        assertThat(restraints.of(STAFF, customer).objections()).singleElement().satisfies(o -> {
            assertThat(o.purpose()).isEqualTo("marketing");
            assertThat(o.status().name()).isEqualTo("UPHELD");
        });
    }

    @Autowired
    nl.waarborg.consent.Consents consents;

    @Test
    void aConsentWithdrawalTakesEffectAtIntakeAsEasilyAsTheConsentWasGiven() {
        Caller hr = new Caller("hr", "hr", List.of("recruitment", "talent-pool"), false);
        UUID applicant = vault.createSubjects(STAFF, List.of(new Vault.NewSubject(List.of(), List.of(),
                List.of("applicant")))).getFirst();
        consents.give(hr, applicant, new nl.waarborg.consent.Consents.NewConsent("talent-pool", "2026-03", "nl", "web-form",
                null));

        requests.receive(STAFF, new Requests.NewRequest(List.of("consent-withdrawal"), List.of("talent-pool"), "email",
                "nl", applicant, null));

        assertThat(consents.of(STAFF, applicant).current()).filteredOn(c -> c.purpose().equals("talent-pool"))
                .singleElement().satisfies(c -> assertThat(c.state()).isEqualTo("withdrawn"));
        // again: nothing left to withdraw, and the request is still taken
        assertThat(requests.receive(STAFF, new Requests.NewRequest(List.of("consent-withdrawal"), List.of("talent-pool"),
                "email", "nl", applicant, null)).reference()).startsWith("WB-");
    }
}
