package nl.waarborg.breaches.service;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import nl.waarborg.access.Caller;
import nl.waarborg.input.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The breach register over HTTP, for staff only (docs/breaches.md). There is deliberately no DELETE and no PUT: the
 * register is append-only, a correction is a new version.
 */
@RestController
@RequestMapping("/api/v1/breaches")
@Tag(name = "Breaches", description = "The breach register and the 72-hour clock (Art. 33, 34 GDPR)")
class BreachesController {

    private final Breaches breaches;

    BreachesController(Breaches breaches) {
        this.breaches = breaches;
    }

    private BreachView view(BreachVersion v) {
        return BreachView.of(v, breaches.clock(v.breach()), breaches.now());
    }

    private static <T> T body(T body) {
        if (body == null) {
            throw new InvalidInputException("the request's body is required");
        }
        return body;
    }

    @PostMapping
    @Operation(summary = "Register a breach; 201 with its reference and the clock", description = "title, summary, "
            + "occurredAt, occurredUntil, detectedAt, awareAt (the clock starts here), processorToldAt, "
            + "awarenessDelayReason (required when awareness came more than 24 hours after detection), nature "
            + "(confidentiality, integrity, availability), actions (reading, copying, altering, deleting, loss, theft), "
            + "systems and dataCategories (policy ids), approximatePeople, approximateRecords (null: unknown), processor, "
            + "otherOrganisations, countries, crossBorder, measuresTaken, measuresPlanned, ongoing, role (controller, "
            + "processor; default waarborg.breaches.role).")
    ResponseEntity<BreachView> register(@AuthenticationPrincipal Caller caller, @RequestBody Breaches.Facts facts) {
        BreachVersion v = breaches.register(caller, body(facts));
        return ResponseEntity.created(URI.create("/api/v1/breaches/" + v.breach().reference())).body(view(v));
    }

    @GetMapping
    @Operation(summary = "The register: every breach's current version, the earliest awareness first (open=true: open ones)")
    List<BreachView> list(@RequestParam(defaultValue = "false") boolean open,
                          @RequestParam(defaultValue = "1000") int limit) {
        return breaches.list(open, limit).stream().map(this::view).toList();
    }

    @GetMapping("/export")
    @Operation(summary = "The register for the AP (Art. 33(5) GDPR): format csv, xlsx or json")
    ResponseEntity<byte[]> export(@RequestParam(defaultValue = "csv") String format) {
        List<BreachView> views = breaches.list(false, 100_000).stream().map(this::view).toList();
        String stamp = breaches.now().toString().substring(0, 10);
        return switch (format) {
            case "csv" -> file(BreachExport.csv(views), "text/csv;charset=UTF-8", "breaches-" + stamp + ".csv");
            case "xlsx" -> file(BreachExport.xlsx(views),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "breaches-" + stamp + ".xlsx");
            case "json" -> file(BreachExport.json(views), "application/json", "breaches-" + stamp + ".json");
            default -> throw new InvalidInputException("format", "csv, xlsx or json");
        };
    }

    private static ResponseEntity<byte[]> file(byte[] body, String type, String name) {
        return ResponseEntity.ok().header("Content-Type", type)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store").body(body);
    }

    @GetMapping("/{reference}")
    @Operation(summary = "One breach: its current version, the clock's state and the deadline in UTC and in the "
            + "organisation's zone")
    BreachView show(@PathVariable String reference) {
        return view(breaches.find(reference));
    }

    /** One version as the history shows it. */
    record VersionView(int version, String change, Instant changedAt, String changedBy, String reason,
                       BreachView breach) {}

    @GetMapping("/{reference}/versions")
    @Operation(summary = "Every version of the breach, oldest first: what changed, who, when, and why for a correction")
    List<VersionView> versions(@PathVariable String reference) {
        return breaches.versions(reference).stream().map(v -> new VersionView(v.version(), v.change(), v.changedAt(),
                v.changedBy(), v.reason(), view(v))).toList();
    }

    @PostMapping("/{reference}/correct")
    @Operation(summary = "Correct the facts: a new version with the fields given (others stay) and the reason why")
    BreachView correct(@AuthenticationPrincipal Caller caller, @PathVariable String reference,
                       @RequestBody Breaches.Facts facts) {
        return view(breaches.correct(caller, reference, body(facts)));
    }

    @PostMapping("/{reference}/assess")
    @Operation(summary = "Assess the risk: level (none, risk, high) with its reasoning, the ENISA severity inputs, "
            + "encryptedAtRest and keysCompromised (for the Art. 34(3)(a) exemption)")
    BreachView assess(@AuthenticationPrincipal Caller caller, @PathVariable String reference,
                      @RequestBody Breaches.Assessment body) {
        return view(breaches.assess(caller, reference, body(body)));
    }

    @PostMapping("/{reference}/decide")
    @Operation(summary = "Decide whether to notify the AP (notifyAuthority) and the people affected (notifySubjects: "
            + "yes, no, public-notice), each with its reason")
    BreachView decide(@AuthenticationPrincipal Caller caller, @PathVariable String reference,
                      @RequestBody Breaches.Decision body) {
        return view(breaches.decide(caller, reference, body(body)));
    }

    @PostMapping("/{reference}/notifications")
    @Operation(summary = "Record a notification sent: phase (initial, supplement, amendment, withdrawal), sentAt "
            + "(default now), number (the AP's), delayReason (required for an initial one after the clock ran out)")
    BreachView notification(@AuthenticationPrincipal Caller caller, @PathVariable String reference,
                            @RequestBody Breaches.Sent body) {
        return view(breaches.notify(caller, reference, body(body)));
    }

    @PostMapping("/{reference}/close")
    @Operation(summary = "Close the breach; 409 while a notification decision or its reason is missing")
    BreachView close(@AuthenticationPrincipal Caller caller, @PathVariable String reference) {
        return view(breaches.close(caller, reference));
    }
}
