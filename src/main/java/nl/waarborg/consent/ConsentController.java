package nl.waarborg.consent;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.waarborg.access.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Consent over HTTP. Applications record consent where the privacy statement is shown (a web form, an app, a
 * cookie banner, a processed paper form); staff (the privacy officer) withdraw it when a withdrawal reaches them
 * by e-mail or post (R3.9), and read. An application works only with the purposes its key carries.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Consent", description = "Record and withdraw consent per purpose (ISO/IEC TS 27560 fields); consent receipts")
class ConsentController {

    private final Consents consents;

    ConsentController(Consents consents) {
        this.consents = consents;
    }

    record GiveBody(String purpose, String statementVersion, String language, String method, Instant expiresAt) {
    }

    record WithdrawBody(String method) {
    }

    /** One consent record as the API shows it: states and methods as their terms. */
    record RecordView(UUID receiptId, String purpose, String state, String recordedState, UUID follows,
                      String statementVersion, String language, String method, Instant givenAt, Instant expiresAt,
                      Instant withdrawnAt, String withdrawalMethod, Instant recordedAt, String recordedBy,
                      long policyVersion) {
        static RecordView of(ConsentRecord r, Instant now) {
            return new RecordView(r.id(), r.purpose(), r.stateAt(now).term(), r.state().term(), r.follows(),
                    r.statementVersion(), r.language(), r.method().term(), r.givenAt(), r.expiresAt(), r.withdrawnAt(),
                    r.withdrawalMethod() == null ? null : r.withdrawalMethod().term(), r.recordedAt(), r.recordedBy(),
                    r.policyVersion());
        }
    }

    record ConsentsView(UUID subject, List<Consents.PurposeConsent> current, List<RecordView> history) {
    }

    @PostMapping("/subjects/{id}/consents")
    @Operation(summary = "Record that the subject gives consent for a purpose", description = "Only for a purpose whose "
            + "legal basis is consent (or Art. 9(2)(a) explicit consent); any other is refused 422. Body: purpose, "
            + "statementVersion (the privacy statement version shown: the current or a previous one), language (nl|en), "
            + "method (web-form, app, cookie-banner, email, phone, paper, in-person), optional expiresAt. Giving it "
            + "again records a new consent that supersedes the previous one. Returns the record; its receiptId fetches "
            + "the receipt. Role: application (its key must carry the purpose).")
    ResponseEntity<RecordView> give(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @RequestBody GiveBody body) {
        ConsentRecord r = consents.give(caller, id, new Consents.NewConsent(body.purpose(), body.statementVersion(),
                body.language(), body.method(), body.expiresAt()));
        return ResponseEntity.created(URI.create("/api/v1/consents/" + r.id() + "/receipt"))
                .body(RecordView.of(r, r.recordedAt()));
    }

    @PostMapping("/subjects/{id}/consents/{purpose}/withdraw")
    @Operation(summary = "Record that the subject withdraws consent for a purpose", description = "Not retroactive: a "
            + "new record is added, the given one stays, data collected before stays; from now on every use for the "
            + "purpose is denied 'consent-withdrawn'. Body: method (as for giving, or unsubscribe-link). 409 when no "
            + "consent is in force. Roles: application (its key must carry the purpose), staff.")
    ResponseEntity<RecordView> withdraw(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                                        @PathVariable String purpose, @RequestBody WithdrawBody body) {
        ConsentRecord r = consents.withdraw(caller, id, purpose, body == null ? null : body.method());
        return ResponseEntity.status(HttpStatus.CREATED).body(RecordView.of(r, r.recordedAt()));
    }

    @GetMapping("/subjects/{id}/consents")
    @Operation(summary = "The subject's consents: where each purpose stands, and the history", description = "Per "
            + "purpose the state by its latest record (given, withdrawn, expired), and every record newest first. An "
            + "application sees the purposes its key carries. Roles: application, staff.")
    ConsentsView list(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        Consents.SubjectConsents c = consents.of(caller, id);
        return new ConsentsView(c.subject(), c.current(), c.history().stream().map(r -> RecordView.of(r, c.at())).toList());
    }

    @GetMapping("/consents/{receiptId}/receipt")
    @Operation(summary = "The consent receipt of a record", description = "JSON with the ISO/IEC TS 27560 fields that "
            + "apply: controller and its contact, subject id, purpose with its policy text and legal basis, statement "
            + "version and language shown, method, times, state (given, withdrawn, expired) and withdrawal method "
            + "(docs/consent.md). Roles: application (its key must carry the purpose), staff.")
    ConsentReceipt receipt(@AuthenticationPrincipal Caller caller, @PathVariable UUID receiptId) {
        return consents.receipt(caller, receiptId);
    }
}
