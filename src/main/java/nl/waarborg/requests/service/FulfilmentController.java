package nl.waarborg.requests.service;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.waarborg.access.Caller;
import nl.waarborg.documents.StatementFormat;
import nl.waarborg.documents.web.DocumentParams;
import nl.waarborg.policy.Lang;
import org.springframework.http.ResponseEntity;
import nl.waarborg.input.ApiException;
import nl.waarborg.input.InvalidInputException;
import nl.waarborg.requests.KeptData;
import nl.waarborg.requests.service.FulfilmentStore.StoredStep;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fulfilling a request over HTTP (docs/requests.md "Fulfilment"): start or resume it, follow its steps, mark a task
 * done, complete it, and download the answer (staff by reference; the person by the link's token, which expires after
 * 14 days). Every download is audited.
 */
@RestController
@RequestMapping("/api/v1/requests")
@Tag(name = "Requests")
class FulfilmentController {

    private final Fulfilment fulfilment;
    private final Requests requests;
    private final AnswerLinks links;

    FulfilmentController(Fulfilment fulfilment, Requests requests, AnswerLinks links) {
        this.fulfilment = fulfilment;
        this.requests = requests;
        this.links = links;
    }

    record FulfilBody(List<Fulfilment.Rectification> rectifications) {}

    /** One step: what it does where, where it stands, why (a cause), and what an erasure kept. */
    record StepView(int seq, int phase, String action, String target, String category, String status, String cause,
                    Map<String, Long> counts, List<KeptData> kept, int attempts, Instant updatedAt, String doneBy,
                    boolean needsStaff, Instant nextAttemptAt, String operation) {

        static StepView of(StoredStep s) {
            return new StepView(s.seq(), s.action().phase(), s.action().term(), s.target(), s.category(), s.status(),
                    s.cause(), s.counts(), s.kept(), s.attempts(), s.updatedAt(), s.doneBy(),
                    s.givenUp() || s.status().equals("failed") && s.nextAttemptAt() == null
                            || s.status().equals("pending") && s.action() == nl.waarborg.requests.FulfilmentPlan.Action.NOTIFY,
                    s.nextAttemptAt(), s.operationId());
        }
    }

    /** The answer: its formats, whether a place could not be read, until when its link works, and (once) the link. */
    record AnswerView(List<String> formats, boolean partial, Instant createdAt, Instant expiresAt, int downloads,
                      String link) {}

    record FulfilmentView(String reference, String status, boolean finished, List<StepView> steps, AnswerView answer) {

        static FulfilmentView of(Fulfilment.Progress p, AnswerLinks links) {
            AnswerStore.Stored a = p.answer();
            AnswerView answer = a == null ? null : new AnswerView(a.formats(), a.partial(), a.createdAt(), a.expiresAt(),
                    a.downloads(), p.answerToken() == null ? null : links.link(Fulfilment.ANSWERS + p.answerToken()));
            List<StepView> steps = p.steps().stream().map(StepView::of).toList();
            return new FulfilmentView(p.request().reference(), p.request().status().term(),
                    p.steps().stream().allMatch(StoredStep::finished), steps, answer);
        }
    }

    @PostMapping("/{reference}/fulfil")
    @Operation(summary = "Fulfil a verified request, or resume it: every step not done is tried (again), phase by phase "
            + "(read into the answer, rectify, erase, tell recipients)", description = "rectifications: [{category, value}] "
            + "for a request for rectification (again when resumed after a restart: no personal value is kept between "
            + "attempts). The answer's download link is shown once, in the answer to the call that made it.")
    FulfilmentView fulfil(@AuthenticationPrincipal Caller caller, @PathVariable String reference,
                          @RequestBody(required = false) FulfilBody body) {
        return FulfilmentView.of(fulfilment.fulfil(caller, reference, body == null ? null : body.rectifications()),
                links);
    }

    @GetMapping("/{reference}/fulfilment")
    @Operation(summary = "The request's steps with their status, cause, counts and what an erasure kept")
    FulfilmentView progress(@AuthenticationPrincipal Caller caller, @PathVariable String reference) {
        return FulfilmentView.of(fulfilment.progress(requests.find(caller, reference)
                .orElseThrow(() -> new Requests.NoSuchRequestException(reference))), links);
    }

    @PostMapping("/{reference}/steps/{seq}/done")
    @Operation(summary = "Mark a task done: a recipient was told of the rectification, erasure or restriction (Art. 19)")
    FulfilmentView stepDone(@AuthenticationPrincipal Caller caller, @PathVariable String reference, @PathVariable int seq) {
        return FulfilmentView.of(fulfilment.stepDone(caller, reference, seq), links);
    }

    @PostMapping("/{reference}/complete")
    @Operation(summary = "Complete the request once every step is done (409 steps-open naming those that are not)")
    RequestsController.RequestView complete(@AuthenticationPrincipal Caller caller, @PathVariable String reference) {
        return RequestsController.RequestView.of(fulfilment.complete(caller, reference), fulfilment.now(), requests.zone());
    }

    @GetMapping("/{reference}/letters/completion")
    @Operation(summary = "The completion letter (once completed): what was done, the answer's link, what an erasure "
            + "kept, why and until when, the recipients told; format md, html or pdf; lang nl or en")
    ResponseEntity<byte[]> completionLetter(@PathVariable String reference, @RequestParam(defaultValue = "html") String format,
                                            @RequestParam(required = false) String lang) {
        StatementFormat f = DocumentParams.format(format);
        Lang l = DocumentParams.lang(lang);
        return ResponseEntity.ok().header("Content-Type", f.mediaType()).body(fulfilment.completionLetter(reference, l, f));
    }

    @GetMapping("/{reference}/answer")
    @Operation(summary = "Download the answer (staff): format json, html or pdf (access), zip (portability); audited")
    void answer(@AuthenticationPrincipal Caller caller, @PathVariable String reference,
                @RequestParam(defaultValue = "json") String format, HttpServletResponse response) throws IOException {
        requests.find(caller, reference).orElseThrow(() -> new Requests.NoSuchRequestException(reference));
        send(caller, fulfilment.answerFor(caller, reference), format, response);
    }

    @GetMapping("/answers/{token}")
    @Operation(summary = "Download the answer by the link the person was given (no account: the token is the key; "
            + "14 days); format json, html, pdf or zip; audited")
    void download(@PathVariable String token, @RequestParam(defaultValue = "json") String format,
                  HttpServletResponse response) throws IOException {
        AnswerStore.Stored a = fulfilment.byToken(token).orElseThrow(LinkNotValidException::new);
        send(LINK, a, format, response);
    }

    /** Who downloads by a link: whoever holds it, the person as far as Waarborg can tell. */
    static final Caller LINK = new Caller("link:answer", "subject", List.of(), false);

    private void send(Caller caller, AnswerStore.Stored a, String format, HttpServletResponse response) throws IOException {
        if (!a.formats().contains(format)) {
            throw new InvalidInputException("format", "one of the answer's formats: " + String.join(", ", a.formats()));
        }
        response.setContentType(switch (format) {
            case "json" -> "application/json";
            case "html" -> "text/html;charset=UTF-8";
            case "pdf" -> "application/pdf";
            default -> "application/zip";
        });
        response.setHeader("Content-Disposition", "attachment; filename=\"answer." + format + "\"");
        response.setHeader("Cache-Control", "no-store");
        fulfilment.download(caller, a, format, response.getOutputStream());
    }

    /** A link that is unknown, expired or not yet ready: one answer for all, so tokens cannot be tried out. */
    static final class LinkNotValidException extends ApiException {
        LinkNotValidException() {
            super(HttpStatus.NOT_FOUND, "No such answer", "this download link is not valid: unknown, or expired (a link "
                    + "works for 14 days); ask the organisation for a new one");
        }
    }
}
