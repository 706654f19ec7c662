package nl.waarborg.web.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.waarborg.staff.ConsoleUser;
import nl.waarborg.audit.AuditFilter;
import nl.waarborg.audit.AuditJsonLines;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.pages.PageContext;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The audit log in the console (docs/console.md, "Audit"): browse with filters as a plain GET form, newest first, a
 * page at a time by seq (never a count of all events); verify the chain and export it in the background, with a
 * page that shows how far the job is.
 */
@Controller
class AuditPagesController {

    /** Events per page. */
    static final int PAGE = 50;
    /** The most events one page view walks through, however rare the filter's matches. */
    static final long WINDOW = 100_000;

    private final AuditLog audit;
    private final AuditJobs jobs;
    private final PageContext pages;
    private final ZoneId zone;

    AuditPagesController(AuditLog audit, AuditJobs jobs, PageContext pages, Clock clock) {
        this.audit = audit;
        this.jobs = jobs;
        this.pages = pages;
        this.zone = clock.getZone();
    }

    @GetMapping("/console/audit")
    String browse(HttpServletRequest request, HttpServletResponse response, Model model,
                  @RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String action,
                  @RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String from,
                  @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "0") long before) {
        AuditBrowse.Form form = new AuditBrowse.Form(actor.strip(), action.strip(), outcome.strip(), from.strip(), to.strip());
        List<AuditBrowse.Problem> problems = new ArrayList<>();
        Outcome o = null;
        if (!form.outcome().isEmpty()) {
            try {
                o = Outcome.parse(form.outcome());
            } catch (RuntimeException e) {
                problems.add(new AuditBrowse.Problem("outcome", "audit.filter.outcome-wrong"));
            }
        }
        Instant fromAt = date(form.from(), "from", problems, false);
        Instant untilAt = date(form.to(), "to", problems, true);
        if (fromAt != null && untilAt != null && !fromAt.isBefore(untilAt)) {
            problems.add(new AuditBrowse.Problem("to", "audit.filter.range-wrong"));
        }
        model.addAttribute("page", pages.page(request, "audit.title").inSection("audit"));
        if (!problems.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("browse", new AuditBrowse(form, problems, List.of(), 0, null));
            return "audit/browse";
        }
        AuditLog.Browse page = audit.browse(new AuditFilter(form.actor(), form.action(), o, fromAt, untilAt),
                Math.max(0, before), PAGE, WINDOW);
        String older = page.nextBefore() == 0 ? null : "/console/audit?" + query(form) + "before=" + page.nextBefore();
        model.addAttribute("browse", new AuditBrowse(form, problems, page.events(), page.searchedFrom(), older));
        model.addAttribute("zone", zone);
        return "audit/browse";
    }

    /** A date typed as yyyy-mm-dd, as the start of that day (or of the next one, for the range's end) in the service's zone. */
    private Instant date(String value, String field, List<AuditBrowse.Problem> problems, boolean end) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(value);
            return (end ? d.plusDays(1) : d).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new AuditBrowse.Problem(field, "audit.filter.date-wrong"));
            return null;
        }
    }

    private static String query(AuditBrowse.Form f) {
        StringBuilder b = new StringBuilder();
        add(b, "actor", f.actor());
        add(b, "action", f.action());
        add(b, "outcome", f.outcome());
        add(b, "from", f.from());
        add(b, "to", f.to());
        return b.toString();
    }

    private static void add(StringBuilder b, String name, String value) {
        if (!value.isEmpty()) {
            b.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
        }
    }

    @PostMapping("/console/audit/verify")
    String verify() {
        return "redirect:/console/audit/jobs/" + jobs.start(user().accountId(), AuditJobs.Kind.VERIFY);
    }

    @PostMapping("/console/audit/export")
    String export() {
        return "redirect:/console/audit/jobs/" + jobs.start(user().accountId(), AuditJobs.Kind.EXPORT);
    }

    @GetMapping("/console/audit/jobs/{id}")
    String job(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable String id) {
        AuditJobs.View job = jobs.find(uuid(id), user().accountId())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!job.finished()) {
            // the page reloads itself every 2 seconds until the job is done: a header, no script (the CSP allows none)
            response.setHeader("Refresh", "2");
        }
        model.addAttribute("page", pages.page(request, "audit.job.title." + job.kind().name().toLowerCase(java.util.Locale.ROOT))
                .inSection("audit"));
        model.addAttribute("job", job);
        model.addAttribute("zone", zone);
        return "audit/job";
    }

    @GetMapping("/console/audit/jobs/{id}/download")
    ResponseEntity<Resource> download(@PathVariable String id) {
        Path file = jobs.exportFile(uuid(id), user().accountId())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(AuditJsonLines.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-log.jsonl\"")
                .body(new FileSystemResource(file));
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static ConsoleUser user() {
        return PageContext.signedIn();
    }
}
