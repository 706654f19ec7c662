package nl.waarborg.requests.service;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import nl.waarborg.access.Caller;
import nl.waarborg.input.InvalidInputException;
import nl.waarborg.requests.Request;
import nl.waarborg.requests.RequestKind;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Data-subject requests over HTTP, for staff (docs/requests.md): intake, the list by deadline, identity, extension, refusal. */
@RestController
@RequestMapping("/api/v1/requests")
@Tag(name = "Requests", description = "Data-subject requests (Art. 15-21, 7(3) GDPR) with their legal deadlines")
class RequestsController {

    private final Requests requests;
    private final java.time.Clock clock;
    private final IdCopies copies;

    RequestsController(Requests requests, java.time.Clock clock, IdCopies copies) {
        this.requests = requests;
        this.clock = clock;
        this.copies = copies;
    }

    /**
     * A request as the API shows it. {@code dueOn}: the day the answer is due (the extended one when extended);
     * {@code daysLeft}: calendar days from today to it in the organisation's zone (negative: overdue by so many).
     */
    record RequestView(String reference, List<String> kinds, List<String> purposes, String channel, String language,
                       UUID subject, Instant receivedAt, String receivedBy, LocalDate deadline, Instant deadlineEndsAt,
                       LocalDate extendedTo, Instant extendedAt, String extendedBy, String extensionReason,
                       LocalDate dueOn, long daysLeft, boolean overdue, String identity, String identityMethod,
                       String identityBy, Instant identityAt, String status, String refusalGround,
                       String refusalProvision, String refusalReason, Instant closedAt, String closedBy,
                       long policyVersion, LocalDate legalDeadline, String restrictionGround) {

        static RequestView of(Request r, Instant now, ZoneId zone) {
            long daysLeft = ChronoUnit.DAYS.between(LocalDate.ofInstant(now, zone), r.dueOn());
            return new RequestView(r.reference(), r.kinds().stream().map(RequestKind::term).toList(), r.purposes(),
                    r.channel().term(), r.language(), r.subject(), r.receivedAt(), r.receivedBy(), r.deadline(),
                    r.deadlineEndsAt(), r.extendedTo(), r.extendedAt(), r.extendedBy(), r.extensionReason(), r.dueOn(),
                    daysLeft, r.overdue(now), r.identity().term(), r.identityMethod(), r.identityBy(), r.identityAt(),
                    r.status().term(), r.refusalGround() == null ? null : r.refusalGround().term(),
                    r.refusalGround() == null ? null : r.refusalGround().provision(), r.refusalReason(), r.closedAt(),
                    r.closedBy(), r.policyVersion(), r.legalDeadline(), r.restrictionGround());
        }
    }

    record ExtendBody(String reason) {}

    record RefuseBody(String ground, String reason) {}

    /** {@code masked}: with id-copy-masked, staff confirm the copy's BSN and photo were masked (IdCopies). */
    record IdentityBody(String method, String outcome, Boolean masked) {}

    private RequestView view(Request r) {
        return RequestView.of(r, clock.instant(), requests.zone());
    }

    @PostMapping
    @Operation(summary = "Enter a request as it was received (by API, e-mail, post, phone or at the desk); 201 with its "
            + "reference and deadline", description = "Staff, or an application handing in a person's request (channel "
            + "api; a subject it may see; an objection only to purposes its key carries). Body: kinds (access, rectification, erasure, restriction, "
            + "portability, objection, consent-withdrawal), purposes (for an objection or a withdrawal), channel, "
            + "language (nl, en), subject (Waarborg's id, when known), receivedAt (default now; not in the future, "
            + "not before waarborg.requests.max-backdating).")
    ResponseEntity<RequestView> receive(@AuthenticationPrincipal Caller caller, @RequestBody Requests.NewRequest body) {
        if (body == null) {
            throw new InvalidInputException("the request's body is required");
        }
        Request r = requests.receive(caller, body);
        return ResponseEntity.created(URI.create("/api/v1/requests/" + r.reference())).body(view(r));
    }

    @GetMapping
    @Operation(summary = "Open requests by their deadline, soonest first", description = "dueWithin: an ISO-8601 "
            + "period in days or weeks (P7D, P2W); overdue=true: only those past their deadline; unverified=true: those whose "
            + "identity is still pending too (left out by default); all=true: closed ones too.")
    List<RequestView> list(@RequestParam(required = false) String dueWithin,
                           @RequestParam(defaultValue = "false") boolean overdue,
                           @RequestParam(defaultValue = "false") boolean unverified,
                           @RequestParam(defaultValue = "false") boolean all,
                           @RequestParam(defaultValue = "100") int limit) {
        return requests.list(all, within(dueWithin), overdue, unverified, limit).stream().map(this::view).toList();
    }

    @GetMapping("/{reference}")
    @Operation(summary = "One request, with its deadline and where it stands (an application: only one it handed in)")
    RequestView show(@AuthenticationPrincipal Caller caller, @PathVariable String reference) {
        return view(requests.find(caller, reference).orElseThrow(() -> new Requests.NoSuchRequestException(reference)));
    }

    /** One step of a request as the audit log holds it. */
    record Step(long seq, Instant at, String actor, String role, String action, List<String> reasons) {}

    @GetMapping("/{reference}/timeline")
    @Operation(summary = "The request's steps, read from the audit log alone: who did what when (an application: only "
            + "for a request it handed in)")
    List<Step> timeline(@AuthenticationPrincipal Caller caller, @PathVariable String reference) {
        return requests.timeline(caller, reference).stream().map(e -> new Step(e.seq(), e.occurredAt(), e.actor(),
                e.role(), e.action(), e.reasons())).toList();
    }

    @PostMapping("/{reference}/identity")
    @Operation(summary = "Record the identity check as decided: method (one the policy allows) and outcome "
            + "(verified, failed); only these and who decided are kept", description = "With id-copy-masked, "
            + "masked: true confirms the copy's BSN and photo were masked. The request's ID copy, if any, is deleted "
            + "with the decision.")
    RequestView identity(@AuthenticationPrincipal Caller caller, @PathVariable String reference,
                         @RequestBody IdentityBody body) {
        copies.requireMasked(body == null ? null : body.method(), body == null ? null : body.masked());
        return view(requests.identity(caller, reference, body == null ? null : body.method(),
                body == null ? null : body.outcome()));
    }

    @PostMapping("/{reference}/extend")
    @Operation(summary = "Extend the deadline to three months from receipt (once, before the first deadline; 409 after "
            + "it), with the reason the person is told (Art. 12(3) GDPR)")
    RequestView extend(@AuthenticationPrincipal Caller caller, @PathVariable String reference,
                       @RequestBody ExtendBody body) {
        return view(requests.extend(caller, reference, body == null ? null : body.reason()));
    }

    @PostMapping("/{reference}/refuse")
    @Operation(summary = "Refuse the request on a ground (manifestly-unfounded, excessive, identity-not-established, "
            + "restricted-by-law, exception-in-the-right) with the reason the person is told (Art. 12(4), 12(5) GDPR)")
    RequestView refuse(@AuthenticationPrincipal Caller caller, @PathVariable String reference,
                       @RequestBody RefuseBody body) {
        return view(requests.refuse(caller, reference, body == null ? null : body.ground(),
                body == null ? null : body.reason()));
    }

    @GetMapping("/{reference}/letters/{letter}")
    @Operation(summary = "A letter to the person: receipt, extension (once extended) or refusal (once refused); "
            + "format md, html or pdf; lang nl or en (default: the request's language)")
    ResponseEntity<byte[]> letter(@PathVariable String reference, @PathVariable String letter,
                                  @RequestParam(defaultValue = "html") String format,
                                  @RequestParam(required = false) String lang) {
        Requests.Letter which = java.util.Arrays.stream(Requests.Letter.values())
                .filter(l -> l.name().equalsIgnoreCase(letter)).findFirst()
                .orElseThrow(() -> new InvalidInputException("letter", "receipt, extension or refusal"));
        nl.waarborg.documents.StatementFormat f = nl.waarborg.documents.web.DocumentParams.format(format);
        nl.waarborg.policy.Lang l = nl.waarborg.documents.web.DocumentParams.lang(lang);
        byte[] body = requests.letter(reference, which, l, f);
        return ResponseEntity.ok().header("Content-Type", f.mediaType()).body(body);
    }

    private static Duration within(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Period p = Period.parse(text);
            if (p.getYears() != 0 || p.getMonths() != 0) {
                throw new InvalidInputException("dueWithin", "days or weeks, such as P7D or P2W");
            }
            Duration d = Duration.ofDays(p.getDays());
            if (d.isNegative() || d.compareTo(Duration.ofDays(3660)) > 0) {
                throw new InvalidInputException("dueWithin", "0 to 3660 days");
            }
            return d;
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException("dueWithin", "an ISO-8601 duration such as P7D");
        }
    }
}
