package nl.waarborg.requests.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.waarborg.access.Caller;
import nl.waarborg.staff.ConsoleUser;
import nl.waarborg.input.ApiException;
import nl.waarborg.input.InvalidInputException;
import nl.waarborg.pages.Page;
import nl.waarborg.pages.PageContext;
import nl.waarborg.policy.IdentityMethod;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.requests.RefusalGround;
import nl.waarborg.requests.Request;
import nl.waarborg.requests.service.Fulfilment;
import nl.waarborg.requests.service.RequestDesk;
import nl.waarborg.requests.service.Requests;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The console's request pages (docs/console.md "Requests"). Reading needs REQUESTS_VIEW, logging a request and the
 * identity step REQUESTS_HANDLE, everything else REQUESTS_DECIDE (web/SecurityConfiguration). A POST that works
 * answers 303 to the request's page (so a reload repeats nothing); one the service refuses shows the page again with
 * what is wrong, with the service's status.
 */
@Controller
class RequestPagesController {

    private static final int PAGE_SIZE = 50;

    private final RequestDesk desk;
    private final PageContext pages;
    private final ActivePolicy policy;

    RequestPagesController(RequestDesk desk, PageContext pages, ActivePolicy policy) {
        this.desk = desk;
        this.pages = pages;
        this.policy = policy;
    }

    // ---- the list ----

    @GetMapping("/console/requests")
    String list(HttpServletRequest request, Model model, @RequestParam(defaultValue = "open") String status,
                @RequestParam(required = false) String kind, @RequestParam(defaultValue = "false") boolean overdue,
                @RequestParam(defaultValue = "false") boolean mine, @RequestParam(defaultValue = "false") boolean unverified,
                @RequestParam(required = false) String after, @RequestParam(required = false) Integer assigned) {
        ConsoleUser user = PageContext.signedIn();
        String k = kind == null || kind.isBlank() ? null : kind;
        RequestDesk.Rows rows;
        String problem = null;
        try {
            rows = desk.list(new RequestDesk.Filter(status, k, overdue, mine, unverified, user.accountId()), after,
                    PAGE_SIZE);
        } catch (InvalidInputException e) {
            rows = new RequestDesk.Rows(List.of(), null);
            problem = "requests.problem.filter";
        }
        String next = rows.next() == null ? null : "/console/requests?" + query(Map.of("status", status,
                "kind", k == null ? "" : k, "overdue", String.valueOf(overdue), "mine", String.valueOf(mine),
                "unverified", String.valueOf(unverified), "after", rows.next()));
        model.addAttribute("page", pages.page(request, "requests.list.title").inSection("requests"));
        model.addAttribute("view", new RequestListView(status, k, overdue, mine, unverified, rows.rows(), next,
                user.may(nl.waarborg.staff.ConsolePermission.REQUESTS_DECIDE) ? desk.assignees() : List.of(),
                assigned, problem));
        return "requests/list";
    }

    @PostMapping("/console/requests/assign")
    String assignMany(@RequestParam(name = "reference", required = false) List<String> references,
                      @RequestParam(defaultValue = "me") String assignee) {
        ConsoleUser user = PageContext.signedIn();
        if (references == null || references.isEmpty()) {
            return "redirect:/console/requests?assigned=0";
        }
        int n = desk.assign(user.caller(), references == null ? List.of() : references, assignee(user, assignee));
        return "redirect:/console/requests?assigned=" + n;
    }

    // ---- logging a request ----

    @GetMapping("/console/requests/new")
    String newRequest(HttpServletRequest request, Model model) {
        return newPage(request, model, NewRequestForm.empty());
    }

    @PostMapping("/console/requests/new")
    String receive(HttpServletRequest request, HttpServletResponse response, Model model,
                   @RequestParam(name = "kinds", required = false) List<String> kinds,
                   @RequestParam(defaultValue = "phone") String channel, @RequestParam(defaultValue = "nl") String language,
                   @RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String receivedOn,
                   @RequestParam(name = "purposes", required = false) List<String> purposes,
                   @RequestParam(defaultValue = "") String restrictionGround) {
        NewRequestForm form = new NewRequestForm(kinds, channel, language, subject, receivedOn, purposes,
                restrictionGround, null, null);
        try {
            UUID who = subject.isBlank() ? null : uuid(subject.strip());
            Instant received = received(receivedOn);
            Request r = desk.receive(deskCaller(PageContext.signedIn()), new Requests.NewRequest(form.kinds(),
                    form.purposes(), channel, language, who, received,
                    restrictionGround.isBlank() ? null : restrictionGround));
            return "redirect:/console/requests/" + r.reference() + "?done=received";
        } catch (InvalidInputException e) {
            String field = field(e);
            response.setStatus(400);
            return newPage(request, model, new NewRequestForm(kinds, channel, language, subject, receivedOn, purposes,
                    restrictionGround, "requests.new.problem." + field, field));
        }
    }

    private String newPage(HttpServletRequest request, Model model, NewRequestForm form) {
        Page page = pages.page(request, "requests.new.title").inSection("requests");
        Policy p = policy.policy();
        List<PurposeChoice> purposes = p.purposes().stream()
                .filter(x -> x.objectable() || x.directMarketing() || x.withdrawable())
                .map(x -> new PurposeChoice(x.id(), x.name() == null ? x.id() : x.name().in(page.t().lang()))).toList();
        model.addAttribute("page", page);
        model.addAttribute("form", form);
        model.addAttribute("purposes", purposes);
        return "requests/new";
    }

    // ---- one request ----

    @GetMapping("/console/requests/{reference}")
    String show(HttpServletRequest request, Model model, @PathVariable String reference,
                @RequestParam(required = false) String done) {
        String d = done != null && done.matches("[a-z-]{1,40}") ? "requests.done." + done : null;
        return showPage(request, model, reference, d, null);
    }

    private String showPage(HttpServletRequest request, Model model, String reference, String done, String problem) {
        return showPage(request, model, reference, done, problem, null);
    }

    private String showPage(HttpServletRequest request, Model model, String reference, String done, String problem,
                            LetterPreviewView preview) {
        RequestDesk.Row row = desk.find(reference).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Request r = row.request();
        ConsoleUser user = PageContext.signedIn();
        List<String> letters = new ArrayList<>(List.of("receipt"));
        if (r.extendedTo() != null) {
            letters.add("extension");
        }
        if (r.refusalGround() != null) {
            letters.add("refusal");
        }
        if (r.status() == Request.Status.COMPLETED) {
            letters.add("completion");
        }
        Policy p = policy.policy();
        List<String> methods = p.rights() == null ? List.of()
                : p.rights().identityVerification().stream().map(IdentityMethod::term).toList();
        Page page = pages.page(request, "requests.show.title", "reference", r.reference()).inSection("requests");
        model.addAttribute("page", page);
        RequestDesk.Progress progress = desk.progress(r);
        model.addAttribute("view", new RequestPageView(row, r.receivedDay(desk.zone()), progress, desk.timeline(r), letters, methods,
                Arrays.stream(RefusalGround.values()).map(RefusalGround::term).toList(),
                user.may(nl.waarborg.staff.ConsolePermission.REQUESTS_DECIDE) ? desk.assignees() : List.of(),
                r.extensionRefusal(desk.now()).isEmpty(), done, problem, preview, rectification(r, progress,
                        page.t().lang())));
        return "requests/show";
    }

    @PostMapping("/console/requests/{reference}/identity")
    String identity(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable String reference,
                    @RequestParam(defaultValue = "") String method, @RequestParam(defaultValue = "") String outcome,
                    @RequestParam(defaultValue = "false") boolean masked) {
        return act(request, response, model, reference, "identity",
                () -> desk.identity(deskCaller(PageContext.signedIn()), reference, method, outcome, masked));
    }

    @PostMapping("/console/requests/{reference}/identity/email-link")
    String emailLink(HttpServletRequest request, HttpServletResponse response, Model model,
                     @PathVariable String reference) {
        return act(request, response, model, reference, "link-sent",
                () -> desk.sendLink(deskCaller(PageContext.signedIn()), reference));
    }

    @PostMapping("/console/requests/{reference}/assign")
    String assign(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable String reference,
                  @RequestParam(defaultValue = "me") String assignee) {
        ConsoleUser user = PageContext.signedIn();
        return act(request, response, model, reference, "assigned",
                () -> desk.assign(user.caller(), List.of(reference), assignee(user, assignee)));
    }

    @PostMapping("/console/requests/{reference}/extend")
    String extend(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable String reference,
                  @RequestParam(defaultValue = "") String reason) {
        return act(request, response, model, reference, "extended",
                () -> desk.extend(PageContext.signedIn().caller(), reference, reason));
    }

    @PostMapping("/console/requests/{reference}/refuse")
    String refuse(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable String reference,
                  @RequestParam(defaultValue = "") String ground, @RequestParam(defaultValue = "") String reason) {
        return act(request, response, model, reference, "refused",
                () -> desk.refuse(PageContext.signedIn().caller(), reference, ground.isBlank() ? null : ground, reason));
    }

    /**
     * Starts or resumes the fulfilment; for a request for rectification with the new values typed (pairs of
     * {@code category} and {@code value}, a pair left empty is passed over). The values go to the fulfilment only, never
     * to a log, the audit log or the page again (Fulfilment.Rectification hides its value).
     */
    @PostMapping("/console/requests/{reference}/fulfil")
    String fulfil(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable String reference,
                  @RequestParam(name = "category", required = false) List<String> categories,
                  @RequestParam(name = "value", required = false) List<String> values) {
        return act(request, response, model, reference, "fulfilled", () -> {
            desk.fulfil(PageContext.signedIn().caller(), reference, rectifications(categories, values));
            return null;
        });
    }

    /** The pairs typed, in order; null when none (a request that is not a rectification has none). */
    static List<Fulfilment.Rectification> rectifications(List<String> categories, List<String> values) {
        List<String> cs = categories == null ? List.of() : categories;
        List<String> vs = values == null ? List.of() : values;
        List<Fulfilment.Rectification> out = new ArrayList<>();
        for (int i = 0; i < Math.max(cs.size(), vs.size()); i++) {
            String c = i < cs.size() ? cs.get(i).strip() : "";
            String v = i < vs.size() ? vs.get(i) : "";
            if (c.isEmpty() && v.isBlank()) {
                continue;
            }
            if (c.isEmpty()) {
                throw new InvalidInputException("rectifications/" + out.size() + "/category", "the data category of "
                        + "the new value");
            }
            out.add(new Fulfilment.Rectification(c, v));
        }
        return out.isEmpty() ? null : out;
    }

    /** The rectification part of the fulfil form, for a request for rectification that can be fulfilled. */
    private RectificationForm rectification(Request r, RequestDesk.Progress progress, nl.waarborg.policy.Lang lang) {
        if (!r.kinds().contains(nl.waarborg.requests.RequestKind.RECTIFICATION) || r.status() != Request.Status.OPEN) {
            return null;
        }
        Policy p = policy.policy();
        java.util.function.Function<String, PurposeChoice> choice = id -> new PurposeChoice(id, p.dataCategories()
                .stream().filter(c -> c.id().equals(id)).findFirst()
                .map(c -> c.name() == null ? id : c.name().in(lang)).orElse(id));
        if (progress.steps().isEmpty()) {
            return new RectificationForm(p.dataCategories().stream().map(c -> choice.apply(c.id())).toList(), List.of(),
                    RectificationForm.ROWS);
        }
        // a step tried again needs its value again: Waarborg keeps none between attempts
        List<PurposeChoice> needed = progress.steps().stream()
                .filter(s -> s.action().equals("rectify") && s.category() != null
                        && List.of("waiting", "running", "failed", "partial").contains(s.status()))
                .map(RequestDesk.StepRow::category).distinct().map(choice).toList();
        return new RectificationForm(List.of(), needed, needed.size());
    }

    @PostMapping("/console/requests/{reference}/steps/{seq}/done")
    String stepDone(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable String reference,
                    @PathVariable int seq) {
        return act(request, response, model, reference, "step-done", () -> {
            desk.stepDone(PageContext.signedIn().caller(), reference, seq);
            return null;
        });
    }

    @PostMapping("/console/requests/{reference}/complete")
    String complete(HttpServletRequest request, HttpServletResponse response, Model model,
                    @PathVariable String reference) {
        return act(request, response, model, reference, "completed",
                () -> desk.complete(PageContext.signedIn().caller(), reference));
    }

    // ---- a letter before its action: nothing is stored, sent or audited; the reason is only in this answer ----

    @PostMapping("/console/requests/{reference}/extend/preview")
    String previewExtension(HttpServletRequest request, HttpServletResponse response, Model model,
                            @PathVariable String reference, @RequestParam(defaultValue = "") String reason) {
        return preview(request, response, model, reference, "extend", "extension", null, reason);
    }

    @PostMapping("/console/requests/{reference}/refuse/preview")
    String previewRefusal(HttpServletRequest request, HttpServletResponse response, Model model,
                          @PathVariable String reference, @RequestParam(defaultValue = "") String ground,
                          @RequestParam(defaultValue = "") String reason) {
        return preview(request, response, model, reference, "refuse", "refusal", ground.isBlank() ? null : ground,
                reason);
    }

    @PostMapping("/console/requests/{reference}/complete/preview")
    String previewCompletion(HttpServletRequest request, HttpServletResponse response, Model model,
                             @PathVariable String reference) {
        return preview(request, response, model, reference, "complete", "completion", null, null);
    }

    /**
     * The request's page with the letter {@code action} would send, in its form, the form filled again. Never cached:
     * the reason may be personal. A preview the action would refuse shows why, as the action would.
     */
    private String preview(HttpServletRequest request, HttpServletResponse response, Model model, String reference,
                           String action, String letter, String ground, String reason) {
        desk.find(reference).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        response.setHeader("Cache-Control", "no-store");
        try {
            RequestDesk.LetterPreview p = desk.preview(PageContext.signedIn().caller(), reference, letter, ground,
                    reason, 3);
            return showPage(request, model, reference, null, null,
                    new LetterPreviewView(action, ground, reason, p.title(), p.html()));
        } catch (ApiException e) {
            response.setStatus(e.getStatusCode().value());
            return showPage(request, model, reference, null, problemKey(e),
                    new LetterPreviewView(action, ground, reason, null, null));
        }
    }

    /** A letter to the person, as HTML in the request's language, to read before or after it is sent. */
    @GetMapping("/console/requests/{reference}/letters/{letter}")
    void letter(@PathVariable String reference, @PathVariable String letter, HttpServletResponse response)
            throws IOException {
        desk.find(reference).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        byte[] html = desk.letterHtml(reference, letter);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(html);
    }

    /** The answer as staff download it; audited with the person's username as actor. */
    @GetMapping("/console/requests/{reference}/answer")
    void answer(@PathVariable String reference, @RequestParam(defaultValue = "html") String format,
                HttpServletResponse response) throws IOException {
        desk.find(reference).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Caller caller = PageContext.signedIn().caller();
        List<String> formats = desk.answerFormats(caller, reference);
        if (!formats.contains(format)) {
            throw new InvalidInputException("format", "one of the answer's formats: " + String.join(", ", formats));
        }
        response.setContentType(switch (format) {
            case "json" -> "application/json";
            case "html" -> "text/html;charset=UTF-8";
            case "pdf" -> "application/pdf";
            default -> "application/zip";
        });
        response.setHeader("Content-Disposition", "attachment; filename=\"" + reference + "." + format + "\"");
        response.setHeader("Cache-Control", "no-store");
        desk.downloadAnswer(caller, reference, format, response.getOutputStream());
    }

    // ---- helpers ----

    /** Runs an action; on success 303 to the request's page with what was done, else the page with the problem. */
    private String act(HttpServletRequest request, HttpServletResponse response, Model model, String reference,
                       String done, java.util.function.Supplier<?> action) {
        desk.find(reference).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            action.get();
            return "redirect:/console/requests/" + reference + "?done=" + done;
        } catch (ApiException e) {
            response.setStatus(e.getStatusCode().value());
            return showPage(request, model, reference, null, problemKey(e));
        }
    }

    /** The bundle key of a refusal: the conflict's reason code, or the field of a bad input. */
    private static String problemKey(ApiException e) {
        Map<String, Object> props = e.getBody().getProperties();
        Object code = props == null ? null : props.get("reason");
        if (code != null) {
            return "requests.problem." + code;
        }
        Object field = props == null ? null : props.get("field");
        return field != null ? "requests.problem.field." + field.toString().replaceAll("/.*", "") : "requests.problem.other";
    }

    private static String field(InvalidInputException e) {
        Map<String, Object> props = e.getBody().getProperties();
        Object f = props == null ? null : props.get("field");
        return f == null ? "other" : f.toString().replaceAll("/.*", "");
    }

    /**
     * The caller for logging a request and the identity step. Requests.receive takes a request from another channel
     * than the API only from staff, so a support employee acts as staff for these two steps, under their own
     * username (the audit events name them); a privacy officer is staff already (docs/console.md).
     */
    static Caller deskCaller(ConsoleUser user) {
        Caller c = user.caller();
        return c.staff() ? c : new Caller(user.username(), c.role(), List.of(), true);
    }

    private UUID assignee(ConsoleUser user, String value) {
        if (value == null || value.isBlank() || value.equals("me")) {
            return user.accountId();
        }
        if (value.equals("none")) {
            return null;
        }
        return uuid(value);
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("subject", "a subject's id (a UUID)");
        }
    }

    /** The day of receipt as typed; today (or empty) is now, an earlier day counts from noon in the zone. */
    private Instant received(String day) {
        if (day == null || day.isBlank()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(day.strip());
            if (d.equals(LocalDate.ofInstant(desk.now(), desk.zone()))) {
                return null;
            }
            return d.atTime(LocalTime.NOON).atZone(desk.zone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("receivedAt", "a date such as 2026-03-03");
        }
    }

    private static String query(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        new java.util.TreeMap<>(params).forEach((k, v) -> {
            if (v != null && !v.isEmpty() && !v.equals("false")) {
                out.append(out.isEmpty() ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return out.toString();
    }
}
