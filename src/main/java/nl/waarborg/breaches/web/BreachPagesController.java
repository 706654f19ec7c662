package nl.waarborg.breaches.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.staff.ConsoleUser;
import nl.waarborg.breaches.affected.AffectedSubjects;
import nl.waarborg.breaches.affected.Scope;
import nl.waarborg.breaches.service.BreachDocuments;
import nl.waarborg.breaches.service.BreachVersion;
import nl.waarborg.breaches.service.BreachView;
import nl.waarborg.breaches.service.Breaches;
import nl.waarborg.documents.StatementFormat;
import nl.waarborg.pages.Page;
import nl.waarborg.pages.PageContext;
import nl.waarborg.pages.Texts;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.service.ActivePolicy;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's breach pages. The forms hand what was typed to {@link Breaches} as the API does; a refusal (a
 * missing field, a close while a decision is missing) shows its reason in the page's words ({@link BreachProblems}),
 * and nothing is stored. Moments typed in a form are in the organisation's zone ({@code waarborg.breaches.zone}).
 */
@Controller
class BreachPagesController {

    private static final int REGISTER_LIMIT = 500;

    private final PageContext pages;
    private final Breaches breaches;
    private final BreachDocuments documents;
    private final AffectedSubjects affected;
    private final ActivePolicy policy;

    BreachPagesController(PageContext pages, Breaches breaches, BreachDocuments documents, AffectedSubjects affected,
                          ActivePolicy policy) {
        this.pages = pages;
        this.breaches = breaches;
        this.documents = documents;
        this.affected = affected;
        this.policy = policy;
    }

    @GetMapping("/console/breaches")
    String register(HttpServletRequest request, Model model) {
        Page page = page(request, "breaches.list.title");
        List<BreachRow> rows = new ArrayList<>();
        for (BreachVersion v : breaches.list(false, REGISTER_LIMIT)) {
            rows.add(row(view(v), page.t()));
        }
        // open ones first (the earliest awareness first within each, as the register keeps them)
        rows.sort(Comparator.comparing((BreachRow r) -> !r.open()));
        model.addAttribute("page", page);
        model.addAttribute("rows", rows);
        return "breaches/list";
    }

    @GetMapping("/console/breaches/new")
    String newBreach(HttpServletRequest request, Model model) {
        model.addAttribute("page", page(request, "breaches.new.title"));
        model.addAttribute("form", form(Map.of(), List.of(), null, Texts.of(PageContext.lang(request))));
        return "breaches/new";
    }

    @PostMapping("/console/breaches")
    String record(HttpServletRequest request, HttpServletResponse response, Model model,
                  @RequestParam MultiValueMap<String, String> form) {
        Texts t = Texts.of(PageContext.lang(request));
        ZoneId zone = breaches.properties().zone();
        try {
            Breaches.Facts facts = new Breaches.Facts(one(form, "title"), one(form, "summary"),
                    moment(form, "occurredAt", zone), null, moment(form, "detectedAt", zone),
                    moment(form, "awareAt", zone), null, one(form, "awarenessDelayReason"), many(form, "nature"),
                    many(form, "actions"), many(form, "systems"), many(form, "dataCategories"),
                    number(form, "approximatePeople"), number(form, "approximateRecords"), null, null, null, null,
                    one(form, "measuresTaken"), one(form, "measuresPlanned"), null, null, null);
            BreachVersion v = breaches.register(user().caller(), facts);
            return "redirect:/console/breaches/" + v.breach().reference() + "?done=recorded";
        } catch (ErrorResponseException e) {
            response.setStatus(e.getStatusCode().value());
            Map<String, String> values = new LinkedHashMap<>();
            form.forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.getFirst()));
            List<String> ticked = new ArrayList<>();
            for (String group : List.of("nature", "actions", "systems", "dataCategories")) {
                many(form, group).forEach(id -> ticked.add(group + ":" + id));
            }
            model.addAttribute("page", page(request, "breaches.new.title"));
            model.addAttribute("form", form(values, ticked, BreachProblems.text(e, null, t), t));
            return "breaches/new";
        }
    }

    @GetMapping("/console/breaches/{reference}")
    String breach(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable String reference,
                  @RequestParam(required = false) String done, @RequestParam(required = false) String count) {
        return render(request, response, model, reference, null, done, count != null, HttpStatus.OK);
    }

    @PostMapping("/console/breaches/{reference}/correct")
    String correct(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable String reference,
                   @RequestParam MultiValueMap<String, String> form) {
        return act(request, response, model, reference, "corrected", "breaches.error.unchanged", () -> breaches.correct(user().caller(), reference,
                new Breaches.Facts(null, one(form, "summary"), null, null, null, null, null, null, null, null, null,
                        null, number(form, "approximatePeople"), number(form, "approximateRecords"), null, null, null,
                        null, one(form, "measuresTaken"), one(form, "measuresPlanned"), null, null,
                        one(form, "reason"))));
    }

    @PostMapping("/console/breaches/{reference}/assess")
    String assess(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable String reference,
                  @RequestParam MultiValueMap<String, String> form) {
        return act(request, response, model, reference, "assessed", null, () -> breaches.assess(user().caller(), reference,
                new Breaches.Assessment(one(form, "level"), one(form, "reasoning"), severity(form),
                        "on".equals(one(form, "encryptedAtRest")), "on".equals(one(form, "keysCompromised")))));
    }

    @PostMapping("/console/breaches/{reference}/decide")
    String decide(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable String reference,
                  @RequestParam MultiValueMap<String, String> form) {
        String authority = one(form, "notifyAuthority");
        return act(request, response, model, reference, "decided", null, () -> breaches.decide(user().caller(), reference,
                new Breaches.Decision(authority == null ? null : "yes".equals(authority), one(form, "authorityReason"),
                        one(form, "notifySubjects"), one(form, "subjectsReason"))));
    }

    @PostMapping("/console/breaches/{reference}/notifications")
    String notification(HttpServletRequest request, HttpServletResponse response, Model model,
                        @PathVariable String reference, @RequestParam MultiValueMap<String, String> form) {
        ZoneId zone = breaches.properties().zone();
        return act(request, response, model, reference, "notified", null, () -> breaches.notify(user().caller(), reference,
                new Breaches.Sent(one(form, "phase"), moment(form, "sentAt", zone), one(form, "number"),
                        one(form, "delayReason"))));
    }

    @PostMapping("/console/breaches/{reference}/close")
    String close(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable String reference) {
        return act(request, response, model, reference, "closed", null, () -> breaches.close(user().caller(), reference));
    }

    @GetMapping("/console/breaches/{reference}/documents/{document}")
    ResponseEntity<byte[]> document(HttpServletRequest request, @PathVariable String reference,
                                    @PathVariable String document, @RequestParam(defaultValue = "html") String format) {
        BreachDocuments.Kind kind = switch (document) {
            case "notification-draft" -> BreachDocuments.Kind.NOTIFICATION_DRAFT;
            case "letter" -> BreachDocuments.Kind.LETTER;
            case "controller-notice" -> BreachDocuments.Kind.CONTROLLER_NOTICE;
            default -> null;
        };
        if (kind == null || !(format.equals("html") || format.equals("pdf"))) {
            return ResponseEntity.notFound().build();
        }
        StatementFormat f = format.equals("pdf") ? StatementFormat.PDF : StatementFormat.HTML;
        Lang lang = PageContext.lang(request);
        byte[] body = documents.render(reference, kind, lang, f, null);
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().header("Content-Type", f.mediaType())
                .header("Cache-Control", "no-store");
        if (f == StatementFormat.HTML) {
            ok.header("Content-Security-Policy", documentPolicy(body));
        }
        if (f == StatementFormat.PDF) {
            ok.header("Content-Disposition", "attachment; filename=\"" + reference + "-" + document + "-"
                    + lang.code() + ".pdf\"");
        }
        return ok.body(body);
    }

    // ---- rendering ----

    // fieldless: the text key of a refusal that names no field (null: the general one)
    private String act(HttpServletRequest request, HttpServletResponse response, Model model, String reference,
                       String done, String fieldless, java.util.function.Supplier<BreachVersion> change) {
        Texts t = Texts.of(PageContext.lang(request));
        try {
            change.get();
        } catch (ErrorResponseException e) {
            if (e.getStatusCode().value() == 404) {
                throw e;
            }
            return render(request, response, model, reference, BreachProblems.text(e, fieldless, t), null, false,
                    HttpStatus.valueOf(e.getStatusCode().value()));
        } catch (IllegalArgumentException e) {
            return render(request, response, model, reference, BreachProblems.text(e, t), null, false,
                    HttpStatus.BAD_REQUEST);
        }
        return "redirect:/console/breaches/" + reference + "?done=" + done;
    }

    private String render(HttpServletRequest request, HttpServletResponse response, Model model, String reference,
                          String problem, String done, boolean count, HttpStatus status) {
        BreachVersion current = breaches.find(reference); // 404 (the service's) when there is none
        Page page = page(request, "breaches.breach.title", "reference", reference);
        Texts t = page.t();
        BreachView view = view(current);
        List<BreachPage.Version> versions = breaches.versions(reference).stream().map(v -> new BreachPage.Version(
                v.version(), v.change(), when(v.changedAt(), t), v.changedBy(), v.reason())).toList();
        List<BreachPage.Notice> notices = view.notifications().stream().map(n -> new BreachPage.Notice(
                t.tOr("breaches.phase." + n.phase(), n.phase()), when(n.sentAt(), t), n.number(), n.late())).toList();
        Long people = null;
        if (count && !current.breach().dataCategories().isEmpty()) {
            var b = current.breach();
            Instant from = b.occurredAt() != null ? b.occurredAt() : b.detectedAt();
            Instant until = b.occurredUntil() != null ? b.occurredUntil() : b.detectedAt();
            people = affected.count(new Scope(new java.util.LinkedHashSet<>(b.dataCategories()),
                    new java.util.LinkedHashSet<>(b.systems()), from, until.isBefore(from) ? from : until,
                    java.util.Set.of())).count();
        }
        Policy p = policy.policy();
        List<String> categories = view.dataCategories().stream().map(c -> p.dataCategory(c)
                .map(d -> d.name().in(t.lang())).orElse(c)).toList();
        model.addAttribute("page", page);
        model.addAttribute("view", new BreachPage(view, row(view, t), when(view.occurredAt(), t),
                when(view.detectedAt(), t), versions, notices, people, categories, problem,
                done != null && done.matches("[a-z]{1,20}") ? done : null));
        response.setStatus(status.value());
        return "breaches/breach";
    }

    private BreachView view(BreachVersion v) {
        return BreachView.of(v, breaches.clock(v.breach()), breaches.now());
    }

    private BreachRow row(BreachView v, Texts t) {
        String state = v.clock().state();
        String colour = switch (state) {
            case "late" -> "red";
            case "warning" -> "amber";
            case "running" -> "amber";
            case "notified" -> "green";
            default -> "grey";
        };
        String word = v.open() ? t.tOr("breaches.clock." + state, state) : t.t("breaches.closed");
        return new BreachRow(v.reference(), v.title(), v.open(), word, v.open() ? colour : "grey",
                when(v.clock().due(), t), when(v.clock().awareAt(), t));
    }

    private NewBreachForm form(Map<String, String> values, List<String> ticked, String problem, Texts t) {
        Policy p = policy.policy();
        List<NewBreachForm.Option> categories = p.dataCategories().stream()
                .map(c -> new NewBreachForm.Option(c.id(), c.name().in(t.lang()))).toList();
        List<NewBreachForm.Option> systems = p.systems().stream()
                .map(s -> new NewBreachForm.Option(s.id(), s.name().in(t.lang()))).toList();
        return new NewBreachForm(categories, systems, values, ticked, problem);
    }

    private Page page(HttpServletRequest request, String titleKey, Object... args) {
        return pages.page(request, titleKey, args).inSection("breaches");
    }

    private static ConsoleUser user() {
        return PageContext.signedIn();
    }

    private String when(Instant at, Texts t) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(t.locale()).withZone(breaches.properties().zone()).format(at) + " ("
                + breaches.properties().zone().getId() + ")";
    }

    /**
     * The ENISA inputs of the assess form (DPC, EI and the circumstances CB); none chosen: no score. The service checks
     * the values (EnisaSeverity) and computes the level.
     */
    private static Breaches.Severity severity(MultiValueMap<String, String> form) {
        Double dpc = decimal(form, "dataProcessingContext", "severity/dataProcessingContext");
        Double ei = decimal(form, "easeOfIdentification", "severity/easeOfIdentification");
        Double c = decimal(form, "confidentiality", "severity/confidentiality");
        Double i = decimal(form, "integrity", "severity/integrity");
        Double a = decimal(form, "availability", "severity/availability");
        boolean malicious = "on".equals(one(form, "maliciousIntent"));
        if (dpc == null && ei == null && c == null && i == null && a == null && !malicious) {
            return null;
        }
        return new Breaches.Severity(dpc, ei, c, i, a, malicious);
    }

    private static Double decimal(MultiValueMap<String, String> form, String name, String field) {
        String v = one(form, name);
        if (v == null) {
            return null;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new nl.waarborg.input.InvalidInputException(field, "'" + name + "' is a number such as 0.25");
        }
    }

    private static String one(MultiValueMap<String, String> form, String field) {
        String v = form.getFirst(field);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static List<String> many(MultiValueMap<String, String> form, String field) {
        List<String> v = form.get(field);
        return v == null ? List.of() : v.stream().filter(s -> !s.isBlank()).toList();
    }

    private static Long number(MultiValueMap<String, String> form, String field) {
        String v = one(form, field);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new nl.waarborg.input.InvalidInputException(field, "'" + field + "' is a whole number");
        }
    }

    /** A moment typed in a datetime-local field, in the organisation's zone; empty: null. */
    private static Instant moment(MultiValueMap<String, String> form, String field, ZoneId zone) {
        String v = one(form, field);
        if (v == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(v).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new nl.waarborg.input.InvalidInputException(field, "'" + field + "' is a date and time such as "
                    + "2026-03-01T14:30");
        }
    }

    /**
     * The document stands alone with its own {@code <style>} block, which the console's policy (no inline style)
     * would block, leaving it unstyled (its contents list then too cramped to tap, WCAG 2.5.8): its own policy allows
     * that one block by its hash and nothing else (no script, no form, no framing).
     */
    static String documentPolicy(byte[] html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<style>(.*?)</style>", java.util.regex.Pattern.DOTALL)
                .matcher(new String(html, java.nio.charset.StandardCharsets.UTF_8));
        String styles = "";
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            while (m.find()) {
                styles += " 'sha256-" + java.util.Base64.getEncoder().encodeToString(
                        sha.digest(m.group(1).getBytes(java.nio.charset.StandardCharsets.UTF_8))) + "'";
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return "default-src 'none'; style-src" + (styles.isEmpty() ? " 'none'" : styles)
                + "; img-src 'self' data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";
    }
}
