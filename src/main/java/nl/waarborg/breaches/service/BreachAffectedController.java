package nl.waarborg.breaches.service;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.waarborg.access.Caller;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.service.AuditRecorder;
import nl.waarborg.breaches.Breach;
import nl.waarborg.breaches.affected.Affected;
import nl.waarborg.breaches.affected.AffectedSubjects;
import nl.waarborg.breaches.affected.Scope;
import nl.waarborg.documents.StatementFormat;
import nl.waarborg.documents.web.DocumentParams;
import nl.waarborg.input.InvalidInputException;
import nl.waarborg.policy.Lang;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A breach's people and documents over HTTP, for staff (docs/breaches.md): how many people it affects and who (from
 * the vault, the audit log and the systems, within the breach's categories and systems unless narrowed), and the AP
 * notification draft and the letter to the people affected. The list of people is personal data: it is handed out in
 * pages and never stored by Waarborg; every page handed out is audited (who, which breach, how many).
 */
@RestController
@RequestMapping("/api/v1/breaches")
@Tag(name = "Breaches")
class BreachAffectedController {

    private final Breaches breaches;
    private final AffectedSubjects affected;
    private final BreachDocuments documents;
    private final AuditRecorder recorder;

    BreachAffectedController(Breaches breaches, AffectedSubjects affected, BreachDocuments documents,
                             AuditRecorder recorder) {
        this.breaches = breaches;
        this.affected = affected;
        this.documents = documents;
        this.recorder = recorder;
    }

    /** How many people, per source; {@code causes}: systems that could not be counted, with why. */
    record AffectedView(String reference, Set<String> dataCategories, Set<String> systems, Instant from, Instant until,
                        Set<String> accounts, long count, java.util.Map<String, Long> bySource, List<String> causes) {}

    record SubjectsPage(String reference, List<UUID> subjects, UUID next) {}

    @GetMapping("/{reference}/affected")
    @Operation(summary = "How many people the breach affects: the vault's holders of its data categories, the people "
            + "whose data the given accounts read in the window (audit log), each jdbc system's rows; systems that cannot "
            + "be counted are named", description = "categories, systems: default the breach's; from, until: the window "
            + "(default from the moment it occurred, or was detected, until it was detected or ended); accounts: the "
            + "actors whose reads count (comma-separated; none: the audit log is not asked)")
    AffectedView count(@PathVariable String reference, @RequestParam(required = false) List<String> categories,
                       @RequestParam(required = false) List<String> systems,
                       @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant until,
                       @RequestParam(required = false) List<String> accounts) {
        Scope s = scope(breaches.find(reference).breach(), categories, systems, from, until, accounts);
        Affected a = affected.count(s);
        return new AffectedView(reference, s.dataCategories(), s.systems(), s.from(), s.until(), s.accounts(), a.count(),
                a.bySource(), a.causes());
    }

    @GetMapping("/{reference}/affected/subjects")
    @Operation(summary = "Who the breach affects in Waarborg (the vault and the audit log), a page at a time, for "
            + "telling them (Art. 34); the same parameters as the count, then after (the last id of the page before) "
            + "and limit (1-10000); every page handed out is audited")
    SubjectsPage subjects(@AuthenticationPrincipal Caller caller, @PathVariable String reference,
                          @RequestParam(required = false) List<String> categories,
                          @RequestParam(required = false) List<String> systems,
                          @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant until,
                          @RequestParam(required = false) List<String> accounts,
                          @RequestParam(required = false) UUID after, @RequestParam(defaultValue = "1000") int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new InvalidInputException("limit", "1 to 10000");
        }
        Scope s = scope(breaches.find(reference).breach(), categories, systems, from, until, accounts);
        List<UUID> page = affected.vaultSubjects(s, limit, after);
        recorder.record(AuditEvent.draft(caller.actor(), caller.role(), "breach-affected-listed")
                .outcome(Outcome.ALLOWED, "breach:" + reference, "subjects:" + page.size()));
        return new SubjectsPage(reference, page, page.size() < limit ? null : page.getLast());
    }

    @GetMapping("/{reference}/documents/{document}")
    @Operation(summary = "A document about the breach: notification-draft (the AP's form's sections, to enter there), "
            + "letter (to the people affected, Art. 34(2)) or controller-notice (when the organisation is the processor, "
            + "to the controller, Art. 33(2); processing: the policy's as-processor id when it declares several); format "
            + "md, html or pdf; lang nl or en")
    ResponseEntity<byte[]> document(@PathVariable String reference, @PathVariable String document,
                                    @RequestParam(defaultValue = "html") String format,
                                    @RequestParam(required = false) String lang,
                                    @RequestParam(required = false) String processing) {
        BreachDocuments.Kind kind = switch (document) {
            case "notification-draft" -> BreachDocuments.Kind.NOTIFICATION_DRAFT;
            case "letter" -> BreachDocuments.Kind.LETTER;
            case "controller-notice" -> BreachDocuments.Kind.CONTROLLER_NOTICE;
            default -> throw new InvalidInputException("document", "notification-draft, letter or controller-notice");
        };
        StatementFormat f = DocumentParams.format(format);
        Lang l = DocumentParams.lang(lang);
        return ResponseEntity.ok().header("Content-Type", f.mediaType()).header("Cache-Control", "no-store")
                .body(documents.render(reference, kind, l, f, processing));
    }

    /** The breach's categories and systems unless narrowed; its window unless given. */
    private static Scope scope(Breach b, List<String> categories, List<String> systems, Instant from, Instant until,
                               List<String> accounts) {
        Set<String> c = new LinkedHashSet<>(categories == null || categories.isEmpty() ? b.dataCategories() : categories);
        if (c.isEmpty()) {
            throw new InvalidInputException("categories", "the breach names no data category: name the categories");
        }
        Set<String> s = new LinkedHashSet<>(systems == null || systems.isEmpty() ? b.systems() : systems);
        Instant start = from != null ? from : b.occurredAt() != null ? b.occurredAt() : b.detectedAt();
        Instant end = until != null ? until : b.occurredUntil() != null ? b.occurredUntil() : b.detectedAt();
        if (end.isBefore(start)) {
            throw new InvalidInputException("until", "the window ends after it starts");
        }
        return new Scope(c, s, start, end, accounts == null ? Set.of() : new LinkedHashSet<>(accounts));
    }
}
