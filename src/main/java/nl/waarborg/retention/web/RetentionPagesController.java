package nl.waarborg.retention.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import nl.waarborg.pages.ConsoleJobs;
import nl.waarborg.pages.PageContext;
import nl.waarborg.retention.service.AnonymisedStatistics;
import nl.waarborg.retention.service.AttestationTasks;
import nl.waarborg.retention.service.RetentionForecast;
import nl.waarborg.retention.service.Sweeper;
import nl.waarborg.staff.ConsoleUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The retention page of the console (docs/console.md, "Retention"): what falls due in the coming days, the open
 * attestation tasks with their confirmation, a sweep now (dry or real) in the background with a page that shows how
 * far it is, and the released statistics. Reading needs RETENTION_VIEW, acting RETENTION_MANAGE
 * (web/SecurityConfiguration).
 */
@Controller
class RetentionPagesController {

    /** The longest forecast the page offers; the API and the command line go further. */
    static final int MAX_DAYS = 365;

    private final RetentionForecast forecast;
    private final AttestationTasks attestations;
    private final AnonymisedStatistics statistics;
    private final RetentionSweeps sweeps;
    private final PageContext pages;
    private final ZoneId zone;

    RetentionPagesController(RetentionForecast forecast, AttestationTasks attestations, AnonymisedStatistics statistics,
                             RetentionSweeps sweeps, PageContext pages,
                             @Value("${waarborg.zone:Europe/Amsterdam}") ZoneId zone) {
        this.forecast = forecast;
        this.attestations = attestations;
        this.statistics = statistics;
        this.sweeps = sweeps;
        this.pages = pages;
        this.zone = zone;
    }

    @GetMapping("/console/retention")
    String overview(HttpServletRequest request, HttpServletResponse response, Model model,
                    @RequestParam(defaultValue = "30") String days, @RequestParam(required = false) Long confirmed) {
        String typed = days.strip();
        Integer window = days(typed);
        String problem = window == null ? "retention.forecast.days-wrong" : null;
        if (problem != null) {
            response.setStatus(400);
        }
        AttestationTasks.Task done = confirmed == null ? null
                : attestations.find(confirmed).filter(t -> t.confirmedAt() != null).orElse(null);
        model.addAttribute("page", pages.page(request, "retention.title").inSection("retention"));
        model.addAttribute("view", new RetentionOverview(typed, problem, window == null ? null : forecast.forecast(window),
                attestations.list(true), statistics.release(), done));
        model.addAttribute("zone", zone);
        return "retention/overview";
    }

    private static Integer days(String typed) {
        try {
            int n = Integer.parseInt(typed);
            return n >= 1 && n <= MAX_DAYS ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @PostMapping("/console/retention/attestations/{id}/confirm")
    String confirm(@PathVariable long id) {
        // a second confirmation is refused by AttestationTasks (409, the first one stands); none: 404
        attestations.confirm(user().caller(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return "redirect:/console/retention?confirmed=" + id + "#attestations";
    }

    @PostMapping("/console/retention/sweep")
    String sweep(@RequestParam(defaultValue = "true") boolean dryRun) {
        return "redirect:/console/retention/sweeps/" + sweeps.start(user().caller(), user().accountId(), dryRun);
    }

    @GetMapping("/console/retention/sweeps/{id}")
    String job(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable String id) {
        ConsoleJobs.View<Sweeper.Report> job = sweeps.find(uuid(id), user().accountId())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!job.finished()) {
            // reloads itself every 2 seconds until done: a header, no script (the CSP allows none)
            response.setHeader("Refresh", "2");
        }
        model.addAttribute("page", pages.page(request, "retention.sweep.title." + job.kind().toLowerCase(Locale.ROOT))
                .inSection("retention"));
        model.addAttribute("job", new SweepView(job));
        model.addAttribute("zone", zone);
        return "retention/sweep";
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
