package nl.waarborg.consent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.waarborg.policy.Art9Condition;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.LegalBasis;
import nl.waarborg.policy.Policy;

/**
 * A consent receipt (JSON): what a consent record holds, in the information elements of ISO/IEC TS 27560 that
 * apply and in the spirit of the Kantara Consent Receipt Specification 1.1 — who the controller is and how to
 * reach it, whose consent, for which purpose on which legal basis, which statement version was shown in which
 * language, how and when it was given, and whether it was withdrawn or has expired. docs/consent.md maps each
 * field.
 *
 * @param receiptId    the consent record's id
 * @param version      the receipt format ({@link #VERSION})
 * @param issuedAt     when this receipt was produced
 * @param jurisdiction the controller's country (ISO 3166-1 alpha-2)
 * @param state        the state of the record at {@code issuedAt} (a given consent past its expiry: expired)
 * @param currentState the state of the subject's consent for the purpose now, by its latest record; differs from
 *                     {@code state} once the consent was withdrawn or given again later
 * @param latestReceiptId the receipt id of that latest record
 */
public record ConsentReceipt(UUID receiptId, String version, List<String> conformsTo, Instant issuedAt,
                             String jurisdiction, Controller controller, Subject subject, Purpose purpose, Notice notice,
                             String state, String currentState, UUID latestReceiptId, String collectionMethod,
                             Instant givenAt, Instant expiresAt, Instant withdrawnAt, String withdrawalMethod,
                             Instant recordedAt, String recordedBy, long policyVersion) {

    public static final String VERSION = "waarborg-consent-receipt/1";

    static final List<String> CONFORMS_TO = List.of("ISO/IEC TS 27560:2023 (fields that apply)",
            "Kantara Consent Receipt Specification 1.1 (in spirit)");

    /**
     * The controller (PII controller): name and how to reach it, from the policy. {@code kvk} is kept for Dutch
     * controllers (receipt version 1 had it); {@code registration} names the register for any country.
     */
    public record Controller(String name, String kvk, String street, String postcode, String city, String country,
                             String email, String phone, String web, Dpo dpo, Registration registration) {
    }

    /** The controller's entry in its country's public register ({@code kvk}, {@code kbo}, …). */
    public record Registration(String kind, String number) {
    }

    public record Dpo(String name, String email, String phone) {
    }

    /** The data subject (PII principal), by Waarborg's internal id only. */
    public record Subject(String id) {
    }

    /**
     * The purpose consented to, with its text from the policy in force ({@code textFromPolicyVersion}) in the
     * language of the consent.
     */
    public record Purpose(String id, String name, String description, String legalBasis, String legalBasisArticle,
                          List<String> dataCategories, boolean directMarketing, long textFromPolicyVersion) {
    }

    /** The privacy notice shown: the statement version and its language (R5.1). */
    public record Notice(String statementVersion, String language) {
    }

    static ConsentReceipt of(ConsentRecord r, ConsentRecord latest, Policy policy, long policyVersionInForce,
                             Instant now) {
        Lang lang = r.language().equals("en") ? Lang.EN : Lang.NL;
        Policy.Controller c = policy.controller();
        Policy.Address a = c.address();
        Policy.Contact contact = c.contact();
        Dpo dpo = c.dpo() == null ? null : new Dpo(c.dpo().name(), c.dpo().email(), c.dpo().phone());
        String country = c.country();
        Policy.Registration reg = c.registration();
        Controller controller = new Controller(c.name(),
                reg != null && reg.kind() == nl.waarborg.policy.RegistrationKind.KVK ? reg.number() : null, a == null ? null : a.street(),
                a == null ? null : a.postcode(), a == null ? null : a.city(), country,
                contact == null ? null : contact.email(), contact == null ? null : contact.phone(),
                contact == null ? null : contact.web(), dpo,
                reg == null ? null : new Registration(reg.kind().term(), reg.number()));
        Purpose purpose = policy.purpose(r.purpose())
                .map(p -> new Purpose(p.id(), text(p.name(), lang), text(p.description(), lang),
                        p.basis() == null ? null : p.basis().term(), article(p), p.data(), p.directMarketing(),
                        policyVersionInForce))
                .orElse(new Purpose(r.purpose(), null, null, null, null, List.of(), false, policyVersionInForce));
        return new ConsentReceipt(r.id(), VERSION, CONFORMS_TO, now, country, controller,
                new Subject(r.subject().toString()), purpose, new Notice(r.statementVersion(), r.language()),
                r.stateAt(now).term(), latest.stateAt(now).term(), latest.id(), r.method().term(), r.givenAt(),
                r.expiresAt(), r.withdrawnAt(), r.withdrawalMethod() == null ? null : r.withdrawalMethod().term(),
                r.recordedAt(), r.recordedBy(), r.policyVersion());
    }

    private static String article(Policy.Purpose p) {
        if (p.art9() == Art9Condition.EXPLICIT_CONSENT) {
            return p.basis() == LegalBasis.CONSENT ? "GDPR Art. 6(1)(a) and Art. 9(2)(a)" : "GDPR Art. 9(2)(a)";
        }
        return p.basis() == LegalBasis.CONSENT ? "GDPR Art. 6(1)(a)" : null;
    }

    private static String text(nl.waarborg.policy.Text t, Lang lang) {
        if (t == null || t.absent()) {
            return null;
        }
        return t.in(lang);
    }
}
