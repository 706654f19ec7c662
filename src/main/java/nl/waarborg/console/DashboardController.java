package nl.waarborg.console;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import nl.waarborg.staff.ConsolePermission;
import nl.waarborg.staff.ConsoleUser;
import nl.waarborg.breaches.Breach;
import nl.waarborg.breaches.service.BreachVersion;
import nl.waarborg.breaches.service.Breaches;
import nl.waarborg.pages.PageContext;
import nl.waarborg.policy.Finding;
import nl.waarborg.policy.LoadedPolicy;
import nl.waarborg.policy.PolicyLint;
import nl.waarborg.policy.PolicyLoader;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.requests.service.RequestDesk;
import nl.waarborg.retention.service.AttestationTasks;
import nl.waarborg.systems.SystemOperations;
import nl.waarborg.systems.manual.ManualTasks;
import nl.waarborg.vault.ExpiringItems;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's first page (docs/console.md "Dashboard"): what is due, from requests, retention, systems, breaches and
 * the policy, each card only for whom may see its subject. Counts and the first few rows; each card links to its list.
 * Retention and the systems' tasks are the privacy team's work (staff-only in the API too), so that card is the
 * privacy officer's.
 */
@Controller
class DashboardController {

    static final int ROWS = 5;
    static final int FORECAST_DAYS = 30;

    private final PageContext pages;
    private final RequestDesk requests;
    private final ManualTasks tasks;
    private final AttestationTasks attestations;
    private final ExpiringItems items;
    private final SystemOperations operations;
    private final Breaches breaches;
    private final ActivePolicy policy;
    private final java.time.Clock clock;
    /**
     * The 30-day forecast's two sums, counted at most once a minute (of the service's clock): the count is a range
     * scan over every item due in the window — millions where camera footage is kept a week — which a page view should
     * not pay each time; a minute-old count is as good a forecast.
     */
    private final com.github.benmanes.caffeine.cache.Cache<java.time.Instant, long[]> dueSoon =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(4)
                    .expireAfterWrite(java.time.Duration.ofMinutes(1)).build();
    /** The lint findings of the policy in force, by its content hash: a policy is linted once, not per view. */
    private volatile LintMemo lint;

    private record LintMemo(String hash, DashboardView.LintCard card) {}

    DashboardController(PageContext pages, RequestDesk requests, ManualTasks tasks, AttestationTasks attestations,
                        ExpiringItems items, SystemOperations operations, Breaches breaches, ActivePolicy policy,
                        java.time.Clock clock) {
        this.pages = pages;
        this.requests = requests;
        this.tasks = tasks;
        this.attestations = attestations;
        this.items = items;
        this.operations = operations;
        this.breaches = breaches;
        this.policy = policy;
        this.clock = clock;
    }

    @GetMapping("/console")
    String dashboard(HttpServletRequest request, Model model) {
        ConsoleUser user = PageContext.signedIn();
        model.addAttribute("page", pages.page(request, "console.dashboard.title").inSection("dashboard"));
        model.addAttribute("view", new DashboardView(
                user.may(ConsolePermission.REQUESTS_VIEW) ? requestsCard() : null,
                user.privacyOfficer() ? workCard() : null,
                user.may(ConsolePermission.BREACHES_VIEW) ? breachesCard() : null,
                user.may(ConsolePermission.POLICY_VIEW) ? lintCard() : null));
        return "console/dashboard";
    }

    private DashboardView.RequestsCard requestsCard() {
        return new DashboardView.RequestsCard(requests.openCounts(), requests.soonest(ROWS), requests.unverified(ROWS));
    }

    /**
     * The privacy team's work, bounded: counts of open tasks and attestations over their indexes and the first
     * {@link #ROWS} of each (never every open one); the systems whose operations stay failed and those whose last sweep
     * failed, one indexed read per declared system.
     */
    private DashboardView.WorkCard workCard() {
        Instant now = clock.instant();
        Instant until = now.plus(Duration.ofDays(FORECAST_DAYS));
        long openTasks = tasks.openCount();
        AttestationTasks.OpenCounts att = attestations.openCounts(until);
        List<DashboardView.Task> first = new ArrayList<>();
        tasks.firstOpen(ROWS).forEach(t -> first.add(new DashboardView.Task("task", t.system(), t.kind(), t.dueAt(),
                t.overdue())));
        attestations.firstOpen(ROWS).forEach(t -> first.add(new DashboardView.Task("attestation", t.system(), t.rule(),
                t.dueAt(), t.overdue())));
        first.sort(Comparator.comparing(DashboardView.Task::dueAt));
        long[] due = dueSoon.get(now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES), minute -> {
            List<ExpiringItems.DueGroup> groups = items.dueUpTo(now, until);
            return new long[] {groups.stream().mapToLong(ExpiringItems.DueGroup::items).sum(),
                    groups.stream().mapToLong(ExpiringItems.DueGroup::overdue).sum()};
        });
        LinkedHashSet<String> failing = new LinkedHashSet<>();
        operations.list(true, 50).forEach(o -> failing.add(o.system()));
        return new DashboardView.WorkCard(openTasks, att.open(), first.subList(0, Math.min(ROWS, first.size())),
                due[0], due[1],
                att.dueBy(), List.copyOf(failing), operations.failedLastSweeps());
    }

    private DashboardView.BreachesCard breachesCard() {
        Instant now = breaches.now();
        List<BreachVersion> open = breaches.list(true, 100);
        List<DashboardView.BreachRow> rows = open.stream().limit(ROWS).map(v -> {
            Breach b = v.breach();
            var c = breaches.clock(b);
            return new DashboardView.BreachRow(b.reference(), b.title(), c.due(),
                    c.state(now, b.notified(), b.notificationNotRequired()).term());
        }).toList();
        return new DashboardView.BreachesCard(open.size(), open.size() >= 100, rows);
    }

    private DashboardView.LintCard lintCard() {
        LoadedPolicy loaded = policy.loaded();
        LintMemo memo = lint;
        if (memo == null || !memo.hash().equals(loaded.contentHash())) {
            List<Finding> findings = PolicyLint.lint(PolicyLoader.load(loaded.source(),
                    loaded.text().getBytes(StandardCharsets.UTF_8)));
            long errors = findings.stream().filter(Finding::isError).count();
            memo = new LintMemo(loaded.contentHash(), new DashboardView.LintCard(errors, findings.size() - errors));
            lint = memo;
        }
        return memo.card();
    }
}
