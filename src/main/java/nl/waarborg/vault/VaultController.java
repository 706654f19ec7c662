package nl.waarborg.vault;

import nl.waarborg.access.SubjectNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.waarborg.access.Caller;
import nl.waarborg.input.InputLimits;
import nl.waarborg.input.InvalidInputException;
import nl.waarborg.input.TooLargeException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The vault over HTTP. Personal values travel only in request and response bodies, never in paths or query
 * strings (those end up in access logs); a lookup by e-mail address is therefore a POST.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Vault", description = "Subjects and their personal data, every use decided against the policy")
class VaultController {

    private final Vault vault;
    private final long maxValueBytes;

    VaultController(Vault vault, InputLimits limits) {
        this.vault = vault;
        this.maxValueBytes = limits.maxValue().toBytes();
    }

    private static boolean isEmpty(List<?> list) {
        return list == null || list.isEmpty();
    }

    /** The UTF-8 length of a value, without encoding it (a value may be large). */
    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isHighSurrogate(c) ? 2 : Character.isLowSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    // ---- bodies ----

    record ReferenceBody(String scheme, String reference) {
        Reference toReference() {
            return new Reference(scheme, reference);
        }
    }

    record IdentifierBody(String kind, String value) {
        Identifier toIdentifier() {
            if (kind == null) {
                throw new InvalidInputException("kind", "an identifier needs a kind: email or phone");
            }
            Identifier.Kind k = switch (kind) {
                case "email" -> Identifier.Kind.EMAIL;
                case "phone" -> Identifier.Kind.PHONE;
                default -> throw new InvalidInputException("kind", "identifier kind must be email or phone");
            };
            return new Identifier(k, value);
        }
    }

    record NewSubjectBody(List<ReferenceBody> references, List<IdentifierBody> identifiers, List<String> categories) {
        Vault.NewSubject toNewSubject() {
            if (isEmpty(references) && isEmpty(identifiers) && isEmpty(categories)) {
                // a subject nobody can find or place in a category is an empty row, not a subject
                throw new InvalidInputException("a subject needs at least one reference, identifier or category");
            }
            return new Vault.NewSubject(
                    references == null ? List.of() : references.stream().map(ReferenceBody::toReference).toList(),
                    identifiers == null ? List.of() : identifiers.stream().map(IdentifierBody::toIdentifier).toList(),
                    categories);
        }
    }

    record SubjectBatchBody(List<NewSubjectBody> subjects) {
    }

    record CreatedSubject(UUID id) {
    }

    record CreatedSubjects(List<UUID> ids) {
    }

    /** Exactly one of: scheme + reference, or kind + value. */
    record LookupBody(String scheme, String reference, String kind, String value) {
    }

    record FoundSubjects(List<UUID> subjects) {
    }

    record CategoryBody(String category, Instant at) {
    }

    record Joined(String category, boolean joined) {
    }

    record EventBody(String event, Instant occurredAt) {
    }

    record ItemBody(UUID subject, String category, String value, List<String> purposes, String source, String system,
                    Instant collectedAt, java.util.Map<String, java.time.LocalDate> dates) {
        NewItem toNewItem(UUID subjectOfPath, long maxValueBytes) {
            if (subjectOfPath != null && subject != null && !subject.equals(subjectOfPath)) {
                throw new InvalidInputException("subject", "the item's subject differs from the subject in the path");
            }
            UUID s = subjectOfPath != null ? subjectOfPath : subject;
            if (s == null) {
                throw new InvalidInputException("subject", "each item names its subject");
            }
            if (value != null && utf8Length(value) > maxValueBytes) {
                throw new TooLargeException("value", "an item's value is at most " + maxValueBytes
                        + " bytes (waarborg.input.max-value)", maxValueBytes);
            }
            if (dates != null) {
                for (java.util.Map.Entry<String, java.time.LocalDate> d : dates.entrySet()) {
                    if (d.getValue() == null) {
                        throw new InvalidInputException("dates." + d.getKey(), "'dates." + d.getKey()
                                + "' is empty; give a date such as 2024-03-01 or leave it out");
                    }
                }
            }
            return new NewItem(s, category, value, purposes, source, system, collectedAt, dates);
        }
    }

    record ItemBatchBody(List<ItemBody> items) {
    }

    record CreatedItem(UUID id) {
    }

    record CreatedItems(List<UUID> ids) {
    }

    // ---- subjects ----

    @PostMapping("/subjects")
    @Operation(summary = "Create a subject", description = "With the application's references, lookup identifiers "
            + "(kept only as blind indexes) and subject categories (those the key's purposes may join; 403 otherwise). 409 when "
            + "a reference is taken. Role: application.")
    ResponseEntity<CreatedSubject> createSubject(@AuthenticationPrincipal Caller caller, @RequestBody NewSubjectBody body) {
        UUID id = vault.createSubjects(caller, List.of(body.toNewSubject())).getFirst();
        return ResponseEntity.created(URI.create("/api/v1/subjects/" + id)).body(new CreatedSubject(id));
    }

    @PostMapping("/subjects/batch")
    @Operation(summary = "Create many subjects, all or none", description = "Up to 10,000 per call. Role: application.")
    ResponseEntity<CreatedSubjects> createSubjects(@AuthenticationPrincipal Caller caller, @RequestBody SubjectBatchBody body) {
        if (body.subjects() == null) {
            throw new InvalidInputException("subjects", "the body needs a list 'subjects'");
        }
        List<UUID> ids = vault.createSubjects(caller, body.subjects().stream().map(NewSubjectBody::toNewSubject).toList());
        return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedSubjects(ids));
    }

    @PostMapping("/subjects/lookup")
    @Operation(summary = "Find subjects by reference or identifier", description = "Give scheme and reference, or "
            + "kind (email, phone) and value. A POST so the value stays out of URLs and logs. An application finds only "
            + "subjects within its key's purposes. Roles: application, staff.")
    FoundSubjects lookup(@AuthenticationPrincipal Caller caller, @RequestBody LookupBody body) {
        boolean byReference = body.scheme() != null || body.reference() != null;
        boolean byIdentifier = body.kind() != null || body.value() != null;
        if (byReference == byIdentifier) {
            throw new InvalidInputException("give either scheme and reference, or kind and value");
        }
        if (byReference) {
            return new FoundSubjects(vault.find(caller, new Reference(body.scheme(), body.reference())).stream().toList());
        }
        return new FoundSubjects(vault.find(caller, new IdentifierBody(body.kind(), body.value()).toIdentifier()));
    }

    @GetMapping("/subjects/{id}")
    @Operation(summary = "What the vault knows about a subject, without values", description = "References, subject "
            + "categories with when they were joined, lifecycle events and item counts per data category. Roles: "
            + "application, staff.")
    SubjectRecord subject(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return vault.subject(caller, id).orElseThrow(() -> new SubjectNotFoundException(id));
    }

    @DeleteMapping("/subjects/{id}")
    @Operation(summary = "Erase a subject", description = "Destroys the subject's data key (no copy of its values can "
            + "be decrypted afterwards, backups included), then deletes its rows. Role: staff.")
    ResponseEntity<Void> erase(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        if (!vault.erase(caller, id)) {
            throw new SubjectNotFoundException(id);
        }
        return ResponseEntity.noContent().build();
    }

    record IdentifiersBody(List<IdentifierBody> identifiers) {
    }

    @PostMapping("/subjects/{id}/identifiers")
    @Operation(summary = "Add lookup identifiers to a subject", description = "E-mail addresses or phone numbers to find "
            + "the subject by, kept only as blind indexes; ones it has already change nothing. 204. Role: application.")
    ResponseEntity<Void> addIdentifiers(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                                        @RequestBody IdentifiersBody body) {
        if (body.identifiers() == null) {
            throw new InvalidInputException("identifiers", "the body needs a list 'identifiers'");
        }
        vault.addIdentifiers(caller, id, body.identifiers().stream().map(IdentifierBody::toIdentifier).toList());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/subjects/{id}/categories")
    @Operation(summary = "Record that the subject joined a subject category", description = "A lead becomes a "
            + "customer. 'at' defaults to now; the first joining time stays. An application only for categories its "
            + "key's purposes may join (joins-subject-categories), for subjects within them, at most "
            + "recording.back-dating-limit back; 403 with a reason otherwise. Roles: application, staff.")
    Joined join(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @RequestBody CategoryBody body) {
        if (body.category() == null) {
            throw new InvalidInputException("category", "the body needs 'category'");
        }
        return new Joined(body.category(), vault.join(caller, id, body.category(), body.at()));
    }

    @PostMapping("/subjects/{id}/events")
    @Operation(summary = "Record a lifecycle event", description = "An event the policy names (contract-ended, "
            + "complaint-closed) and when it happened (default now). An application only for events its key's "
            + "purposes may record (records-events), for subjects within them, at most recording.back-dating-limit "
            + "back; 403 with a reason otherwise. Roles: application, staff.")
    ResponseEntity<Void> event(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @RequestBody EventBody body) {
        if (body.event() == null) {
            throw new InvalidInputException("event", "the body needs 'event'");
        }
        vault.recordEvent(caller, id, body.event(), body.occurredAt());
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @PostMapping("/subjects/{id}/anonymised-remainder-refusal")
    @Operation(summary = "The subject refuses an anonymised remainder (R2.6)", description = "From now on the "
            + "subject's items are deleted at expiry even where the rule says anonymise. Only where the policy offers "
            + "it (rights.refuse-anonymised-remainder). Repeating it changes nothing. Role: application or staff.")
    ResponseEntity<Void> refuseAnonymisedRemainder(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        vault.refuseAnonymisedRemainder(caller, id);
        return ResponseEntity.noContent().build();
    }

    // ---- items ----

    @PostMapping("/subjects/{id}/items")
    @Operation(summary = "Add one item", description = "Collection is decided: 422 with the reasons when the category "
            + "is not declared for a purpose and the subject's categories, consent is missing, or the key does not "
            + "carry the purpose. Reference dates the policy declares for the category (item-dates) go in 'dates', "
            + "e.g. {\"invoice-date\": \"2024-03-01\"}: 400 naming the date when one is undeclared, missing, or "
            + "outside 1900-9999. Role: application.")
    ResponseEntity<CreatedItem> addItem(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                                        @RequestBody ItemBody body) {
        UUID item = vault.addItems(caller, List.of(body.toNewItem(id, maxValueBytes))).getFirst();
        return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedItem(item));
    }

    @PostMapping("/items/batch")
    @Operation(summary = "Add many items, all or none", description = "Up to 10,000 per call, each naming its "
            + "subject. When any item is refused nothing is stored and the 422 problem lists every refused item by "
            + "position with its reasons. Role: application.")
    ResponseEntity<CreatedItems> addItems(@AuthenticationPrincipal Caller caller, @RequestBody ItemBatchBody body) {
        if (body.items() == null) {
            throw new InvalidInputException("items", "the body needs a list 'items'");
        }
        List<UUID> ids = vault.addItems(caller, body.items().stream().map(i -> i.toNewItem(null, maxValueBytes)).toList());
        return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedItems(ids));
    }

    @GetMapping("/subjects/{id}/items")
    @Operation(summary = "Read a subject's items for a purpose", description = "Only the items the caller may use for "
            + "the purpose come back, only those collected for it or a purpose it is declared compatible with; the "
            + "others are listed as withheld, per category, with the reasons. Optionally "
            + "only some categories (repeat 'category'). Every read is in the audit log. Role: application.")
    Vault.ItemsForPurpose read(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                               @RequestParam String purpose,
                               @RequestParam(name = "category", required = false) List<String> categories) {
        return vault.read(caller, id, purpose, categories == null || categories.isEmpty() ? null : categories);
    }
}
