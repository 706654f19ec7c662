package nl.waarborg.vault;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.waarborg.access.Caller;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.service.AuditRecorder;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.vault.crypto.ValueCipher;
import org.springframework.stereotype.Service;

/**
 * An address the vault already holds for a subject, to reach the person about their own request (the identity
 * confirmation link, Art. 12(6) GDPR): never an address a requester typed. This is a use for the request, not for a
 * purpose of the policy, so it is not decided per purpose; it is on record before the value is handed out
 * ({@code request-contact-read}, with the request and the category, never the value). Kept apart from {@link Vault}
 * (which is large enough) as a capability of its own.
 */
@Service
public class ContactAddresses {

    private final Items items;
    private final SubjectCiphers ciphers;
    private final AuditRecorder recorder;
    private final ActivePolicy policy;
    private final Clock clock;

    ContactAddresses(Items items, SubjectCiphers ciphers, AuditRecorder recorder, ActivePolicy policy, Clock clock) {
        this.items = items;
        this.ciphers = ciphers;
        this.recorder = recorder;
        this.policy = policy;
        this.clock = clock;
    }

    /** A value read for the request, with the category it came from. {@code toString} hides the value. */
    public record Contact(String category, String value) {
        @Override
        public String toString() {
            return "Contact[" + category + "]";
        }
    }

    /**
     * The newest value the subject has in one of {@code categories} that {@code usable} accepts (items past their
     * retention are not handed out, as in every read); empty when there is none or the subject does not exist.
     */
    public Optional<Contact> newest(Caller caller, UUID subject, List<String> categories,
                                    java.util.function.Predicate<String> usable, String requestReference) {
        if (categories.isEmpty()) {
            return Optional.empty();
        }
        ValueCipher cipher = ciphers.open(subject);
        if (cipher == null) {
            return Optional.empty();
        }
        List<Items.ReadRow> rows = items.ofSubject(subject, categories, clock.instant()); // oldest first
        for (int i = rows.size() - 1; i >= 0; i--) {
            Items.Row r = rows.get(i).row();
            String value = cipher.decrypt(r.id(), r.category(), r.value());
            if (usable.test(value)) {
                recorder.record(AuditEvent.draft(caller.actor(), caller.role(), "request-contact-read").subject(subject)
                        .categories(r.category()).outcome(Outcome.ALLOWED, "request:" + requestReference)
                        .policyVersion(policy.version().id()));
                return Optional.of(new Contact(r.category(), value));
            }
        }
        return Optional.empty();
    }
}
