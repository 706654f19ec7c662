package nl.waarborg.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.Verification;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.web.ConsentPolicyTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Consent over HTTP against the running service: decisions see it at once (the cached subject state is dropped
 * by every change), withdrawal is not retroactive, expiry follows the clock, receipts carry the TS 27560 fields,
 * and every change is in the audit log without a personal value.
 */
class ConsentEndpointTest extends ConsentPolicyTestBase {

    private static final String EMAIL = "ann.jansen@example.nl";

    @Autowired
    AuditLog audit;

    @Autowired
    ConsentExpiry expiry;

    private HttpResponse<String> give(String key, UUID subject, String purpose) {
        return give(key, subject, purpose, null);
    }

    private HttpResponse<String> give(String key, UUID subject, String purpose, Instant expiresAt) {
        return http.post("/api/v1/subjects/" + subject + "/consents", key, """
                {"purpose": "%s", "statementVersion": "2026.2", "language": "nl", "method": "web-form"%s}
                """.formatted(purpose, expiresAt == null ? "" : ", \"expiresAt\": \"" + expiresAt + "\""));
    }

    private HttpResponse<String> withdraw(String key, UUID subject, String purpose, String method) {
        return http.post("/api/v1/subjects/" + subject + "/consents/" + purpose + "/withdraw", key,
                "{\"method\": \"" + method + "\"}");
    }

    @Test
    void givenConsentAllowsAndWithdrawalDeniesFromThenOnWithoutTouchingWhatWasCollected() {
        String key = appKey("newsletter", "rental");
        UUID subject = newSubject("customer");

        // nothing given yet; this decision also puts the subject's state in the cache
        assertThat(codes(decide(key, subject, "newsletter", "read", "email"))).containsExactly("no-consent");

        HttpResponse<String> given = give(key, subject, "newsletter");
        assertThat(given.statusCode()).as(given.body()).isEqualTo(201);
        JsonNode record = body(given);
        assertThat(record.path("state").asString()).isEqualTo("given");
        assertThat(record.path("statementVersion").asString()).isEqualTo("2026.2");
        assertThat(record.path("method").asString()).isEqualTo("web-form");
        assertThat(record.path("recordedBy").asString()).startsWith("key:");
        assertThat(given.headers().firstValue("Location")).hasValue(
                "/api/v1/consents/" + record.path("receiptId").asString() + "/receipt");

        // the decision right after the change sees it: the cached state was dropped
        assertThat(decide(key, subject, "newsletter", "read", "email").path("allowed").asBoolean()).isTrue();

        HttpResponse<String> item = http.post("/api/v1/subjects/" + subject + "/items", key, """
                {"category": "email", "value": "%s", "purposes": ["newsletter", "rental"], "source": "subject", "system": "vault"}
                """.formatted(EMAIL));
        assertThat(item.statusCode()).as(item.body()).isEqualTo(201);

        HttpResponse<String> withdrawn = withdraw(key, subject, "newsletter", "unsubscribe-link");
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(201);
        assertThat(body(withdrawn).path("state").asString()).isEqualTo("withdrawn");
        assertThat(body(withdrawn).path("follows").asString()).isEqualTo(record.path("receiptId").asString());
        assertThat(body(withdrawn).path("withdrawalMethod").asString()).isEqualTo("unsubscribe-link");

        assertThat(codes(decide(key, subject, "newsletter", "read", "email"))).containsExactly("consent-withdrawn");
        assertThat(codes(decide(key, subject, "newsletter", "write", "email"))).containsExactly("consent-withdrawn");
        assertThat(decide(key, subject, "newsletter", "store", "email").path("allowed").asBoolean())
                .as("withdrawal stops use, not keeping: that is retention's business").isTrue();

        // not retroactive: the item collected under the consent is still there, and usable for its other purpose
        JsonNode forNewsletter = body(http.get("/api/v1/subjects/" + subject + "/items?purpose=newsletter", key));
        assertThat(forNewsletter.path("items").size()).isZero();
        assertThat(forNewsletter.at("/withheld/0/reasons/0/code").asString()).isEqualTo("consent-withdrawn");
        JsonNode forRental = body(http.get("/api/v1/subjects/" + subject + "/items?purpose=rental", key));
        assertThat(forRental.at("/items/0/value").asString()).isEqualTo(EMAIL);

        // and the record of the consent is kept as it was
        JsonNode consents = body(http.get("/api/v1/subjects/" + subject + "/consents", key));
        assertThat(consents.at("/current/0/purpose").asString()).isEqualTo("newsletter");
        assertThat(consents.at("/current/0/state").asString()).isEqualTo("withdrawn");
        assertThat(consents.path("history").size()).isEqualTo(2);
        assertThat(consents.at("/history/1/state").asString()).isEqualTo("given");
        assertThat(consents.at("/history/1/receiptId").asString()).isEqualTo(record.path("receiptId").asString());

        HttpResponse<String> again = withdraw(key, subject, "newsletter", "email");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(body(again).path("state").asString()).isEqualTo("withdrawn");

        // given again: allowed again, at once
        assertThat(give(key, subject, "newsletter").statusCode()).isEqualTo(201);
        assertThat(decide(key, subject, "newsletter", "read", "email").path("allowed").asBoolean()).isTrue();
    }

    @Test
    void consentPastItsExpiryCountsAsExpiredAndTheSweepRecordsIt() {
        String key = appKey("newsletter", "research");
        UUID subject = newSubject("customer");
        UUID other = newSubject("customer");
        Instant expires = clock.instant().plus(Duration.ofDays(30));
        assertThat(give(key, subject, "research", expires).statusCode()).isEqualTo(201);
        assertThat(give(key, other, "research").statusCode()).isEqualTo(201);
        assertThat(decide(key, subject, "research", "read", "email").path("allowed").asBoolean()).isTrue();

        clock.advance(Duration.ofDays(31));
        // the stored record says given, but it counts as expired from its expiry on
        JsonNode before = body(http.get("/api/v1/subjects/" + subject + "/consents", key));
        assertThat(before.at("/current/0/state").asString()).isEqualTo("expired");
        assertThat(before.at("/history/0/recordedState").asString()).isEqualTo("given");

        assertThat(expiry.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(codes(decide(key, subject, "research", "read", "email"))).containsExactly("no-consent");
        assertThat(decide(key, other, "research", "read", "email").path("allowed").asBoolean())
                .as("a consent without expiry does not lapse").isTrue();

        JsonNode after = body(http.get("/api/v1/subjects/" + subject + "/consents", key));
        assertThat(after.path("history").size()).isEqualTo(2);
        assertThat(after.at("/history/0/recordedState").asString()).isEqualTo("expired");
        assertThat(after.at("/history/0/recordedBy").asString()).isEqualTo("system:consent-expiry");
        assertThat(expiry.sweep()).as("recorded once").isZero();

        HttpResponse<String> late = withdraw(key, subject, "research", "email");
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(body(late).path("state").asString()).isEqualTo("expired");

        assertThat(audit.events(0, 10_000)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("consent-expired");
            assertThat(e.subjectId()).isEqualTo(subject);
            assertThat(e.purpose()).isEqualTo("research");
            assertThat(e.actor()).isEqualTo("system:consent-expiry");
        });
    }

    @Test
    void anExpiryAlreadyPastIsRefusedAndANewConsentSupersedesAnExpiringOne() {
        String key = appKey("research");
        UUID subject = newSubject("customer");
        assertThat(give(key, subject, "research", clock.instant().minusSeconds(1)).statusCode()).isEqualTo(400);

        assertThat(give(key, subject, "research", clock.instant().plus(Duration.ofDays(1))).statusCode()).isEqualTo(201);
        assertThat(give(key, subject, "research").statusCode()).isEqualTo(201); // renewed without expiry
        clock.advance(Duration.ofDays(2));
        expiry.sweep();
        assertThat(decide(key, subject, "research", "read", "email").path("allowed").asBoolean())
                .as("the superseded consent's expiry does not end the newer one").isTrue();
    }

    @Test
    void receiptCarriesTheFieldsOfTheRecord() {
        String key = appKey("newsletter");
        UUID subject = newSubject("lead");
        Instant expires = clock.instant().plus(Duration.ofDays(365));
        JsonNode record = body(give(key, subject, "newsletter", expires));
        String receiptId = record.path("receiptId").asString();

        HttpResponse<String> response = http.get("/api/v1/consents/" + receiptId + "/receipt", key);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode receipt = body(response);
        assertThat(receipt.path("receiptId").asString()).isEqualTo(receiptId);
        assertThat(receipt.path("version").asString()).isEqualTo(ConsentReceipt.VERSION);
        assertThat(receipt.path("jurisdiction").asString()).isEqualTo("NL");
        assertThat(receipt.at("/controller/name").asString()).isEqualTo("Testopslag B.V.");
        assertThat(receipt.at("/controller/email").asString()).isEqualTo("privacy@testopslag.example");
        assertThat(receipt.at("/controller/phone").asString()).isEqualTo("+31 30 000 0000");
        assertThat(receipt.at("/controller/kvk").asString()).isEqualTo("12345678");
        assertThat(receipt.at("/controller/registration/kind").asString()).isEqualTo("kvk");
        assertThat(receipt.at("/controller/registration/number").asString()).isEqualTo("12345678");
        assertThat(receipt.at("/subject/id").asString()).isEqualTo(subject.toString());
        assertThat(receipt.at("/purpose/id").asString()).isEqualTo("newsletter");
        assertThat(receipt.at("/purpose/name").asString()).isEqualTo("Nieuwsbrief");
        assertThat(receipt.at("/purpose/description").asString()).startsWith("Wij sturen u onze nieuwsbrief");
        assertThat(receipt.at("/purpose/legalBasis").asString()).isEqualTo("consent");
        assertThat(receipt.at("/purpose/legalBasisArticle").asString()).isEqualTo("GDPR Art. 6(1)(a)");
        assertThat(receipt.at("/purpose/dataCategories/0").asString()).isEqualTo("name");
        assertThat(receipt.at("/purpose/directMarketing").asBoolean()).isTrue();
        assertThat(receipt.at("/notice/statementVersion").asString()).isEqualTo("2026.2");
        assertThat(receipt.at("/notice/language").asString()).isEqualTo("nl");
        assertThat(receipt.path("collectionMethod").asString()).isEqualTo("web-form");
        assertThat(receipt.path("state").asString()).isEqualTo("given");
        assertThat(receipt.path("currentState").asString()).isEqualTo("given");
        assertThat(Instant.parse(receipt.path("givenAt").asString())).isEqualTo(Instant.parse(record.path("givenAt").asString()));
        assertThat(Instant.parse(receipt.path("expiresAt").asString())).isEqualTo(expires);
        assertThat(receipt.path("withdrawnAt").isNull()).isTrue();
        assertThat(receipt.path("policyVersion").asLong()).isPositive();

        // the given record's receipt tells that the consent was withdrawn since; the withdrawal has its own
        String withdrawalId = body(withdraw(key, subject, "newsletter", "email")).path("receiptId").asString();
        JsonNode old = body(http.get("/api/v1/consents/" + receiptId + "/receipt", key));
        assertThat(old.path("state").asString()).isEqualTo("given");
        assertThat(old.path("currentState").asString()).isEqualTo("withdrawn");
        assertThat(old.path("latestReceiptId").asString()).isEqualTo(withdrawalId);
        JsonNode withdrawal = body(http.get("/api/v1/consents/" + withdrawalId + "/receipt", staffToken()));
        assertThat(withdrawal.path("state").asString()).isEqualTo("withdrawn");
        assertThat(withdrawal.path("withdrawalMethod").asString()).isEqualTo("email");
        assertThat(withdrawal.path("withdrawnAt").isNull()).isFalse();

        assertThat(http.get("/api/v1/consents/" + UUID.randomUUID() + "/receipt", key).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/consents/" + receiptId + "/receipt", appKey("rental")).statusCode())
                .as("a key without the purpose").isEqualTo(403);
    }

    @Test
    void onlyPurposesOnConsentGetConsentRecords() {
        String key = appKey("newsletter", "rental", "improvement");
        UUID subject = newSubject("customer");

        HttpResponse<String> contract = give(key, subject, "rental");
        assertThat(contract.statusCode()).isEqualTo(422);
        assertThat(contract.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(body(contract).path("reason").asString()).isEqualTo("purpose-not-consent-based");
        assertThat(body(contract).path("legalBasis").asString()).isEqualTo("contract");
        HttpResponse<String> interest = give(key, subject, "improvement");
        assertThat(interest.statusCode()).isEqualTo(422);
        assertThat(body(interest).path("detail").asString()).contains("legitimate-interest", "object");
        assertThat(withdraw(key, subject, "rental", "email").statusCode()).isEqualTo(422);

        assertThat(give(key, subject, "no-such-purpose").statusCode()).isEqualTo(403); // not on the key either
        assertThat(withdraw(staffToken(), subject, "no-such-purpose", "email").statusCode()).isEqualTo(400);
        assertThat(give(key, subject, "newsletter").statusCode()).isEqualTo(201);
        assertThat(give(key, UUID.randomUUID(), "newsletter").statusCode()).isEqualTo(404);
        assertThat(withdraw(key, subject, "newsletter", "pigeon").statusCode()).isEqualTo(400);

        HttpResponse<String> version = http.post("/api/v1/subjects/" + subject + "/consents", key, """
                {"purpose": "newsletter", "statementVersion": "1999.1", "language": "nl", "method": "web-form"}""");
        assertThat(version.statusCode()).isEqualTo(400);
        assertThat(body(version).path("detail").asString()).contains("2026.2");
        assertThat(http.post("/api/v1/subjects/" + subject + "/consents", key, """
                {"purpose": "newsletter", "statementVersion": "2026.1", "language": "en", "method": "paper"}""")
                .statusCode()).as("a previous version the policy lists").isEqualTo(201);
        assertThat(http.post("/api/v1/subjects/" + subject + "/consents", key, """
                {"purpose": "newsletter", "statementVersion": "2026.2", "language": "de", "method": "web-form"}""")
                .statusCode()).isEqualTo(400);
        assertThat(http.post("/api/v1/subjects/" + subject + "/consents", key, """
                {"purpose": "newsletter", "statementVersion": "2026.2", "language": "nl", "method": "unsubscribe-link"}""")
                .statusCode()).as("an unsubscribe link withdraws only").isEqualTo(400);
    }

    @Test
    void aKeyWorksOnlyWithItsPurposesAndStaffMayWithdrawAndRead() {
        String newsletterKey = appKey("newsletter");
        String researchKey = appKey("research");
        UUID subject = newSubject("customer");
        assertThat(give(newsletterKey, subject, "newsletter").statusCode()).isEqualTo(201);
        assertThat(give(researchKey, subject, "research").statusCode()).isEqualTo(201);

        long before = audit.head().lastSeq();
        HttpResponse<String> refused = give(newsletterKey, subject, "research");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(withdraw(newsletterKey, subject, "research", "email").statusCode()).isEqualTo(403);
        assertThat(audit.events(before, 100)).anySatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.DENIED);
            assertThat(e.reasons()).containsExactly("purpose-not-allowed-for-key");
        });

        JsonNode seen = body(http.get("/api/v1/subjects/" + subject + "/consents", newsletterKey));
        assertThat(seen.path("current").size()).as("only the key's purposes").isEqualTo(1);
        assertThat(seen.at("/current/0/purpose").asString()).isEqualTo("newsletter");
        assertThat(body(http.get("/api/v1/subjects/" + subject + "/consents", staffToken())).path("current").size())
                .isEqualTo(2);

        // staff withdraw for a subject who wrote to them; giving is the applications' part
        assertThat(withdraw(staffToken(), subject, "research", "email").statusCode()).isEqualTo(201);
        assertThat(give(staffToken(), subject, "research").statusCode()).isEqualTo(403);
        assertThat(codes(decide(researchKey, subject, "research", "read", "email"))).containsExactly("consent-withdrawn");
    }

    @Test
    void subjectsDoNotSeeEachOthersConsent() {
        String key = appKey("newsletter");
        UUID ann = newSubject("customer");
        UUID bob = newSubject("customer");
        assertThat(give(key, ann, "newsletter").statusCode()).isEqualTo(201);

        assertThat(decide(key, ann, "newsletter", "read", "email").path("allowed").asBoolean()).isTrue();
        assertThat(codes(decide(key, bob, "newsletter", "read", "email"))).containsExactly("no-consent");
        JsonNode bobs = body(http.get("/api/v1/subjects/" + bob + "/consents", key));
        assertThat(bobs.path("current").size()).isZero();
        assertThat(bobs.path("history").size()).isZero();
        assertThat(withdraw(key, bob, "newsletter", "email").statusCode()).isEqualTo(409);
        assertThat(decide(key, ann, "newsletter", "read", "email").path("allowed").asBoolean()).isTrue();
    }

    @Test
    void everyChangeIsAuditedWithoutAPersonalValue() {
        String key = appKey("newsletter");
        UUID subject = newSubject("customer");
        long before = audit.head().lastSeq();
        String receipt = body(give(key, subject, "newsletter")).path("receiptId").asString();
        withdraw(key, subject, "newsletter", "phone");
        http.get("/api/v1/consents/" + receipt + "/receipt", key);
        http.get("/api/v1/subjects/" + subject + "/consents", key);

        List<AuditEvent> events = audit.events(before, 100);
        assertThat(events).extracting(AuditEvent::action)
                .containsSubsequence("consent-given", "consent-withdrawn", "read-consent-receipt", "read-consents");
        AuditEvent givenEvent = events.stream().filter(e -> e.action().equals("consent-given")).findFirst().orElseThrow();
        assertThat(givenEvent.subjectId()).isEqualTo(subject);
        assertThat(givenEvent.purpose()).isEqualTo("newsletter");
        assertThat(givenEvent.reasons()).contains("consent:" + receipt, "method:web-form");
        AuditEvent withdrawnEvent = events.stream().filter(e -> e.action().equals("consent-withdrawn")).findFirst().orElseThrow();
        assertThat(withdrawnEvent.reasons()).contains("withdraws:" + receipt, "method:phone");
        assertThat(events.toString()).doesNotContain(EMAIL, "Testopslag", "Nieuwsbrief");
        assertThat(audit.verify()).isInstanceOf(Verification.Ok.class);
    }

    @Test
    void openApiDocumentsTheConsentEndpoints() {
        String doc = http.get("/api/v1/openapi.json", null).body();
        assertThat(doc).contains("/api/v1/subjects/{id}/consents", "/api/v1/subjects/{id}/consents/{purpose}/withdraw",
                "/api/v1/consents/{receiptId}/receipt");
    }
}
