package nl.waarborg.portal.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.waarborg.documents.Doc;
import nl.waarborg.documents.StatementRenderer;
import nl.waarborg.input.InvalidInputException;
import nl.waarborg.mail.Mailer;
import nl.waarborg.pages.DeniedPage;
import nl.waarborg.pages.Page;
import nl.waarborg.pages.PageContext;
import nl.waarborg.pages.Texts;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.LegalBasis;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.PolicyLoader;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.policy.service.PolicyVersion;
import nl.waarborg.policy.service.PolicyVersions;
import nl.waarborg.portal.PortalGuard;
import nl.waarborg.portal.PortalLinks;
import nl.waarborg.portal.PortalRequests;
import nl.waarborg.requests.Request;
import nl.waarborg.requests.RequestKind;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public portal's pages (docs/portal.md). Every page works without script; every POST is rate limited per client
 * network ({@link PortalGuard}) and, except one-click unsubscribe, carries the form token. A link whose token is
 * unknown, used or expired gets one and the same 404 page, so a token cannot be told apart from a guess.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PortalController {

    private static final List<String> GROUNDS = List.of("accuracy-contested", "unlawful", "needed-for-subjects-claim",
            "objection-pending");

    private final ActivePolicy active;
    private final PolicyVersions versions;
    private final PageContext pages;
    private final PortalGuard guard;
    private final PortalRequests requests;
    private final PortalLinks links;
    private final DeniedPage denied;
    /** Earlier versions' statements, parsed once: a stored version never changes. */
    private final Cache<String, Doc> earlier = Caffeine.newBuilder().maximumSize(64).build();

    PortalController(ActivePolicy active, PolicyVersions versions, PageContext pages, PortalGuard guard,
                     PortalRequests requests, PortalLinks links, DeniedPage denied) {
        this.active = active;
        this.versions = versions;
        this.pages = pages;
        this.guard = guard;
        this.requests = requests;
        this.links = links;
        this.denied = denied;
    }

    // ---- the statement (Art. 12(1), 13, 14 GDPR) ----

    @GetMapping("/")
    String home(HttpServletRequest request, HttpServletResponse response, Model model) {
        Lang lang = statementLang(active.policy(), PageContext.lang(request));
        Doc doc = StatementRenderer.document(active.policy(), lang);
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, lang.code());
        model.addAttribute("page", withTitle(pages.page(request, "portal.statement.title"), doc.title()).inSection("statement"));
        model.addAttribute("statement", new StatementView(StatementRenderer.bodyHtml(doc, lang),
                active.policy().statement().version(), date(request, active.policy().statement().effective()), true));
        return "portal/statement";
    }

    @GetMapping("/statement/versions")
    String versions(HttpServletRequest request, Model model) {
        long current = active.version().id();
        Texts t = pages.page(request, "portal.versions.title").t();
        List<VersionRow> rows = versions.history().stream().map(v -> new VersionRow(v.id(), v.statementVersion(),
                date(t, v.effectiveDate()), v.id() == current)).toList();
        model.addAttribute("page", pages.page(request, "portal.versions.title").inSection("statement"));
        model.addAttribute("versions", rows);
        return "portal/versions";
    }

    @GetMapping("/statement/versions/{id}")
    String version(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
        long n;
        try {
            n = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return gone(request, response, model);
        }
        Optional<PolicyVersion> v = versions.history().stream().filter(x -> x.id() == n).findFirst();
        if (v.isEmpty()) {
            return gone(request, response, model);
        }
        Lang asked = PageContext.lang(request);
        Doc doc = earlier.get(n + "|" + asked.code(), k -> {
            Policy p = PolicyLoader.load("version-" + n, versions.content(n).orElseThrow()
                    .getBytes(StandardCharsets.UTF_8)).orThrow().policy();
            return StatementRenderer.document(p, statementLang(p, asked));
        });
        Lang lang = Lang.parse(doc.lang());
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, lang.code());
        model.addAttribute("page", withTitle(pages.page(request, "portal.statement.title"), doc.title()).inSection("statement"));
        model.addAttribute("statement", new StatementView(StatementRenderer.bodyHtml(doc, lang), v.get().statementVersion(),
                date(request, v.get().effectiveDate()), n == active.version().id()));
        return "portal/statement";
    }

    // ---- requests (Art. 12, 15–22 GDPR) ----

    @GetMapping("/request")
    String requestForm(HttpServletRequest request, Model model) {
        Page page = pages.page(request, "portal.request.title").inSection("request");
        model.addAttribute("page", page);
        model.addAttribute("form", form(page, "", List.of(), List.of(), "", "", page.t().code(), null, null));
        return "portal/request";
    }

    @PostMapping("/request")
    String submit(HttpServletRequest request, HttpServletResponse response, Model model,
                  @RequestParam(defaultValue = "") String email, @RequestParam(required = false) List<String> kinds,
                  @RequestParam(required = false) List<String> purposes,
                  @RequestParam(defaultValue = "") String restrictionGround,
                  @RequestParam(defaultValue = "") String details, @RequestParam(defaultValue = "nl") String language) {
        limit(request);
        Page page = pages.page(request, "portal.request.title").inSection("request");
        List<String> k = kinds == null ? List.of() : kinds;
        List<String> p = purposes == null ? List.of() : purposes;
        // only the purposes of the kinds that name them count (a box ticked, then its kind unticked, is not an error)
        List<String> named = k.contains("objection") || k.contains("consent-withdrawal") ? p : List.of();
        String field = null;
        if (!PortalRequests.isAddress(email.strip())) {
            field = "email";
        } else if (guard.address(email) > 0) {
            throw new Busy(60);
        }
        if (field == null) {
            try {
                PortalRequests.Submitted s = requests.submit(new PortalRequests.Form(email, k, named,
                        k.contains("restriction") ? restrictionGround : null, details, language));
                model.addAttribute("page", pages.page(request, "portal.sent.title").inSection("request"));
                model.addAttribute("sent", new SubmittedView(s.reference(), date(page.t(), s.deadline()),
                        date(page.t(), LocalDate.ofInstant(s.linkExpiresAt(), requests.zone()))));
                return "portal/sent";
            } catch (InvalidInputException e) {
                Object f = e.getBody().getProperties() == null ? null : e.getBody().getProperties().get("field");
                field = f == null ? "kinds" : f.toString().replaceAll("^/?([A-Za-z]+).*$", "$1");
            } catch (Mailer.MailDisabledException | Mailer.MailNotSentException e) {
                field = "mail";
            }
        }
        response.setStatus(field.equals("mail") ? 503 : 422);
        String key = switch (field) {
            case "email", "kinds", "purposes", "restrictionGround", "details", "language", "mail" -> field;
            default -> "kinds";
        };
        model.addAttribute("page", page);
        model.addAttribute("form", form(page, email.length() > 254 ? "" : email, k, p, restrictionGround,
                details.length() > PortalRequests.MAX_DETAILS ? "" : details, language, key,
                "portal.request.error." + key));
        return "portal/request";
    }

    @GetMapping("/request/confirm/{token}")
    String confirmPage(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        noStore(response);
        Optional<String> reference = requests.confirmable(token);
        if (reference.isEmpty()) {
            return gone(request, response, model);
        }
        model.addAttribute("page", pages.page(request, "portal.confirm.title").inSection("request"));
        model.addAttribute("token", token);
        model.addAttribute("reference", reference.get());
        model.addAttribute("done", false);
        return "portal/confirm";
    }

    @PostMapping("/request/confirm/{token}")
    String confirm(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        limit(request);
        noStore(response);
        Optional<String> reference = requests.confirm(token);
        if (reference.isEmpty()) {
            return gone(request, response, model);
        }
        model.addAttribute("page", pages.page(request, "portal.confirm.done-title").inSection("request"));
        model.addAttribute("token", token);
        model.addAttribute("reference", reference.get());
        model.addAttribute("done", true);
        return "portal/confirm";
    }

    @GetMapping("/request/status/{token}")
    String status(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        noStore(response);
        Optional<Request> found = requests.status(token);
        if (found.isEmpty()) {
            return gone(request, response, model);
        }
        Request r = found.get();
        Texts t = pages.page(request, "portal.status.title").t();
        String state = switch (r.status()) {
            case COMPLETED -> "completed";
            case REFUSED -> "refused";
            case OPEN -> requests.confirmed(token) ? "in-progress" : "unconfirmed";
        };
        model.addAttribute("page", pages.page(request, "portal.status.title").inSection("request"));
        model.addAttribute("status", new StatusView(r.reference(), date(t, r.receivedDay(requests.zone())), state,
                date(t, r.deadline()), r.extendedTo() == null ? null : date(t, r.extendedTo()), r.extensionReason(),
                r.refusalGround() == null ? null : r.refusalGround().provision()));
        return "portal/status";
    }

    // ---- consent and communication preferences (Art. 7(3), 21(2)–(3) GDPR; Telecommunicatiewet art. 11.7) ----

    @GetMapping("/preferences/{token}")
    String preferences(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model,
                       @RequestParam(required = false) String saved) {
        noStore(response);
        // a preferences link only (no purpose): an unsubscribe link travels in a mail header that servers and clients
        // read, and must not open the page where consent to every purpose can be given (PortalLinkKindsTest)
        Optional<PortalLinks.Link> link = links.find(token).filter(l -> l.purpose() == null);
        if (link.isEmpty()) {
            return gone(request, response, model);
        }
        Page page = pages.page(request, "portal.preferences.title");
        model.addAttribute("page", page);
        model.addAttribute("prefs", new PreferencesView(token, links.choices(link.get().subject(), page.t().lang()),
                saved != null ? "portal.preferences.saved" : null));
        return "portal/preferences";
    }

    @PostMapping("/preferences/{token}")
    String savePreferences(@PathVariable String token, HttpServletRequest request, HttpServletResponse response,
                           Model model, @RequestParam String purpose, @RequestParam String choice) {
        limit(request);
        noStore(response);
        Optional<PortalLinks.Link> link = links.find(token).filter(l -> l.purpose() == null);
        if (link.isEmpty()) {
            return gone(request, response, model);
        }
        Lang lang = PageContext.lang(request);
        if ("give".equals(choice)) {
            links.give(link.get().subject(), purpose, lang);
        } else {
            links.withdraw(link.get().subject(), purpose, "web-form");
        }
        return "redirect:/preferences/" + token + "?saved";
    }

    /** RFC 8058: a GET (as mail scanners and link previews make) only shows the button; it never unsubscribes. */
    @GetMapping("/unsubscribe/{token}")
    String unsubscribePage(@PathVariable String token, HttpServletRequest request, HttpServletResponse response,
                           Model model) {
        noStore(response);
        Optional<PortalLinks.Link> link = links.find(token).filter(l -> l.purpose() != null);
        if (link.isEmpty()) {
            return gone(request, response, model);
        }
        Page page = pages.page(request, "portal.unsubscribe.title");
        model.addAttribute("page", page);
        model.addAttribute("unsubscribe", new UnsubscribeView(token, purposeName(link.get().purpose(), page.t().lang()),
                false));
        return "portal/unsubscribe";
    }

    /**
     * RFC 8058 one-click: the mail client POSTs {@code List-Unsubscribe=One-Click} with no cookie or form token (the
     * token in the address is the credential, so this path is exempt from the form token); the consent is withdrawn,
     * audited as {@code consent-withdrawn} by method {@code unsubscribe-link}.
     */
    @PostMapping("/unsubscribe/{token}")
    String unsubscribe(@PathVariable String token, HttpServletRequest request, HttpServletResponse response,
                       Model model) {
        limit(request);
        noStore(response);
        Optional<PortalLinks.Link> link = links.find(token).filter(l -> l.purpose() != null);
        if (link.isEmpty()) {
            return gone(request, response, model);
        }
        links.withdraw(link.get().subject(), link.get().purpose(), "unsubscribe-link");
        Page page = pages.page(request, "portal.unsubscribe.done-title");
        model.addAttribute("page", page);
        model.addAttribute("unsubscribe", new UnsubscribeView(token, purposeName(link.get().purpose(), page.t().lang()),
                true));
        return "portal/unsubscribe";
    }

    // ---- the accessibility statement (Besluit digitale toegankelijkheid overheid; EN 301 549) ----

    @GetMapping("/accessibility")
    String accessibility(HttpServletRequest request, Model model) {
        model.addAttribute("page", pages.page(request, "portal.accessibility.title").inSection("accessibility"));
        model.addAttribute("contact", Optional.ofNullable(active.policy().controller()).map(c -> c.contact()).map(c -> c.email()).orElse(""));
        return "portal/accessibility";
    }

    // ---- shared ----

    /** Beyond the portal's rate: the 429 page (layout's "busy"), with Retry-After. */
    static final class Busy extends RuntimeException {
        final long seconds;

        Busy(long seconds) {
            super(null, null, false, false);
            this.seconds = seconds;
        }
    }

    @ExceptionHandler(Busy.class)
    void busy(Busy busy, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(busy.seconds));
        denied.write(request, response, HttpStatus.TOO_MANY_REQUESTS);
    }

    private void limit(HttpServletRequest request) {
        long wait = guard.post(request);
        if (wait > 0) {
            throw new Busy(wait);
        }
    }

    private String gone(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(404);
        model.addAttribute("page", pages.page(request, "portal.gone.title"));
        return "portal/gone";
    }

    private static void noStore(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private RequestFormView form(Page page, String email, List<String> kinds, List<String> purposes, String ground,
                                 String details, String language, String errorField, String errorKey) {
        Lang lang = page.t().lang();
        List<RequestFormView.Option> options = active.policy().purposes().stream()
                .filter(p -> p.objectable() || p.directMarketing() || p.withdrawable() || p.basis() == LegalBasis.CONSENT)
                .map(p -> new RequestFormView.Option(p.id(), p.name().in(lang))).toList();
        return new RequestFormView(email, kinds, purposes, ground, details, language, errorField, errorKey,
                Arrays.stream(RequestKind.values()).map(RequestKind::term).toList(), options, GROUNDS);
    }

    private String purposeName(String purpose, Lang lang) {
        return active.policy().purpose(purpose).map(p -> p.name().in(lang)).orElse(purpose);
    }

    private static Lang statementLang(Policy p, Lang asked) {
        return p.statement().languages().contains(asked) ? asked : p.statement().languages().getFirst();
    }

    private static Page withTitle(Page page, String title) {
        return new Page(page.t(), title, page.path(), page.csrfParameter(), page.csrfToken(), page.user(), page.section());
    }

    private String date(HttpServletRequest request, LocalDate day) {
        return date(Texts.of(PageContext.lang(request)), day);
    }

    private static String date(Texts t, LocalDate day) {
        return day == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(t.locale()).format(day);
    }
}
