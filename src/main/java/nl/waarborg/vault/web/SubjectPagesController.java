package nl.waarborg.vault.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import nl.waarborg.access.Caller;
import nl.waarborg.access.ObjectionStatus;
import nl.waarborg.access.RestrictionGround;
import nl.waarborg.access.PurposeNotAllowedException;
import nl.waarborg.access.SubjectNotFoundException;
import nl.waarborg.access.service.HoldRecord;
import nl.waarborg.access.service.ObjectionRecord;
import nl.waarborg.access.service.Restraints;
import nl.waarborg.access.service.RestrictionRecord;
import nl.waarborg.staff.ConsoleUser;
import nl.waarborg.consent.Consents;
import nl.waarborg.input.InvalidInputException;
import nl.waarborg.pages.Page;
import nl.waarborg.pages.PageContext;
import nl.waarborg.pages.Texts;
import nl.waarborg.policy.HoldKind;
import nl.waarborg.policy.LegalBasis;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.vault.BeyondKeyPurposesException;
import nl.waarborg.vault.Identifier;
import nl.waarborg.vault.Reference;
import nl.waarborg.vault.StoredItem;
import nl.waarborg.vault.SubjectRecord;
import nl.waarborg.vault.Vault;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's subject pages. A search is a POST (the e-mail address or phone number typed stays out of URLs and
 * so out of access logs) and names its purpose, which goes into the lookup's audit events. A subject's items are
 * read for one purpose at a time through {@link Vault#read}, as an application's key reads them: a purpose the
 * signed-in person may not use reads nothing, whatever the URL asks.
 */
@Controller
class SubjectPagesController {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final PageContext pages;
    private final Vault vault;
    private final Restraints restraints;
    private final Consents consents;
    private final ActivePolicy policy;

    SubjectPagesController(PageContext pages, Vault vault, Restraints restraints, Consents consents,
                           ActivePolicy policy) {
        this.pages = pages;
        this.vault = vault;
        this.restraints = restraints;
        this.consents = consents;
        this.policy = policy;
    }

    // ---- search ----

    @GetMapping("/console/subjects")
    String searchPage(HttpServletRequest request, Model model) {
        Page page = page(request, "subjects.search.title");
        model.addAttribute("page", page);
        model.addAttribute("form", new SubjectSearchForm(purposes(page.t()), null, "reference", "", "", null, null, null));
        return "subjects/search";
    }

    @PostMapping("/console/subjects")
    String search(HttpServletRequest request, HttpServletResponse response, Model model,
                  @RequestParam(required = false) String purpose, @RequestParam(required = false) String by,
                  @RequestParam(required = false) String scheme, @RequestParam(required = false) String value) {
        Page page = page(request, "subjects.search.title");
        List<Choice> purposes = purposes(page.t());
        String kind = by == null ? "reference" : by;
        String problem = null;
        String field = null;
        List<UUID> found = null;
        Caller caller = user().caller();
        if (purpose == null || purpose.isBlank() || purposes.stream().noneMatch(c -> c.id().equals(purpose))) {
            problem = "subjects.search.problem.purpose";
            field = "purpose";
        } else if (value == null || value.isBlank()) {
            problem = "subjects.search.problem.value";
            field = "value";
        } else {
            try {
                found = switch (kind) {
                    case "email" -> vault.find(caller, new Identifier(Identifier.Kind.EMAIL, value.strip()), purpose);
                    case "phone" -> vault.find(caller, new Identifier(Identifier.Kind.PHONE, value.strip()), purpose);
                    default -> vault.find(caller, new Reference(scheme == null ? "" : scheme.strip(), value.strip()),
                            purpose).stream().toList();
                };
            } catch (InvalidInputException e) {
                boolean badScheme = e.getBody().getProperties() != null
                        && "scheme".equals(e.getBody().getProperties().get("field"));
                problem = "subjects.search.problem." + (badScheme ? "scheme" : "value." + kind);
                field = badScheme ? "scheme" : "value";
            }
        }
        if (problem != null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute("page", page);
        model.addAttribute("form", new SubjectSearchForm(purposes, purpose, kind, scheme == null ? "" : scheme,
                value == null ? "" : value, problem, field, found));
        return "subjects/search";
    }

    // ---- one subject ----

    @GetMapping("/console/subjects/{id}")
    String subject(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable UUID id,
                   @RequestParam(required = false) String purpose, @RequestParam(required = false) String done) {
        return render(request, response, model, id, purpose, null, HttpStatus.OK, done);
    }

    @PostMapping("/console/subjects/{id}/holds")
    String placeHold(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable UUID id,
                     @RequestParam(required = false) String purpose, @RequestParam(required = false) String kind,
                     @RequestParam(required = false) String reason, @RequestParam(required = false) String category) {
        if (!visible(id)) {
            return notFound(request, response, model);
        }
        try {
            restraints.hold(user().caller(), id, kind == null ? "incident" : kind, reason,
                    category == null || category.isBlank() ? null : List.of(category));
        } catch (ErrorResponseException e) {
            String key = e.getStatusCode().value() == 403 ? "subjects.hold.problem.kind" : "subjects.hold.problem.reason";
            return render(request, response, model, id, purpose, key, HttpStatus.valueOf(e.getStatusCode().value()), null);
        }
        return "redirect:" + subjectPath(id, purpose, "hold-placed");
    }

    @PostMapping("/console/subjects/{id}/holds/{hold}/release")
    String releaseHold(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable UUID id,
                       @PathVariable UUID hold, @RequestParam(required = false) String purpose) {
        // the hold must be this subject's: a hold id from another page is not released through this one
        if (!visible(id) || restraints.holds(id).stream().noneMatch(h -> h.id().equals(hold))) {
            return notFound(request, response, model);
        }
        try {
            restraints.release(user().caller(), hold);
        } catch (ErrorResponseException e) {
            return render(request, response, model, id, purpose, "subjects.hold.problem.released",
                    HttpStatus.CONFLICT, null);
        }
        return "redirect:" + subjectPath(id, purpose, "hold-released");
    }

    @PostMapping("/console/subjects/{id}/consents/{consentPurpose}/withdraw")
    String withdrawConsent(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable UUID id,
                           @PathVariable String consentPurpose, @RequestParam(required = false) String purpose,
                           @RequestParam(required = false) String method) {
        if (!visible(id)) {
            return notFound(request, response, model);
        }
        try {
            consents.withdraw(user().caller(), id, consentPurpose, method == null || method.isBlank() ? "phone" : method);
        } catch (ErrorResponseException | PurposeNotAllowedException e) {
            return render(request, response, model, id, purpose, "subjects.consent.problem", HttpStatus.CONFLICT, null);
        }
        return "redirect:" + subjectPath(id, purpose, "consent-withdrawn");
    }

    // ---- objections (Art. 21) and restrictions (Art. 18) ----

    @PostMapping("/console/subjects/{id}/objections")
    String object(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable UUID id,
                  @RequestParam(required = false) String purpose, @RequestParam(required = false) String objectTo,
                  @RequestParam(required = false) String channel) {
        if (!visible(id)) {
            return notFound(request, response, model);
        }
        if (objectTo == null || objectTo.isBlank()) {
            return render(request, response, model, id, purpose, "subjects.objection.problem.purpose",
                    HttpStatus.BAD_REQUEST, null);
        }
        if (channel == null || !Restraints.CHANNELS.contains(channel)) {
            return render(request, response, model, id, purpose, "subjects.objection.problem.channel",
                    HttpStatus.BAD_REQUEST, null);
        }
        Restraints.Objected o;
        try {
            o = restraints.object(user().caller(), id, objectTo, null, channel);
        } catch (Restraints.NotObjectableException e) {
            return render(request, response, model, id, purpose, "subjects.objection.problem." + e.reason(),
                    HttpStatus.UNPROCESSABLE_CONTENT, null);
        } catch (ErrorResponseException | PurposeNotAllowedException e) {
            return render(request, response, model, id, purpose, "subjects.objection.problem.purpose",
                    HttpStatus.BAD_REQUEST, null);
        }
        String done = !o.created() ? "objection-open" : o.objection().status() == ObjectionStatus.UPHELD
                ? "objection-upheld-at-once" : "objection-recorded";
        return "redirect:" + subjectPath(id, purpose, done);
    }

    @PostMapping("/console/subjects/{id}/objections/{objection}/decision")
    String decideObjection(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable UUID id,
                           @PathVariable UUID objection, @RequestParam(required = false) String purpose,
                           @RequestParam(required = false) String decision,
                           @RequestParam(required = false) String grounds) {
        // the objection must be this subject's (and, for a policy role, to one of its purposes: Restraints.of)
        if (!visible(id) || restraints.of(user().caller(), id).objections().stream()
                .noneMatch(o -> o.id().equals(objection))) {
            return notFound(request, response, model);
        }
        boolean rejected = "rejected".equals(decision);
        if (!rejected && !"upheld".equals(decision)) {
            return render(request, response, model, id, purpose, "subjects.objection.problem.decision",
                    HttpStatus.BAD_REQUEST, null);
        }
        // a rejection names its Art. 21(1) ground; an upheld objection needs none
        if (rejected && (grounds == null || !Restraints.REJECTION_GROUNDS.contains(grounds))) {
            return render(request, response, model, id, purpose, "subjects.objection.problem.grounds",
                    HttpStatus.BAD_REQUEST, null);
        }
        try {
            restraints.decide(user().caller(), objection, decision, rejected ? grounds : null);
        } catch (ErrorResponseException e) {
            return render(request, response, model, id, purpose, "subjects.objection.problem.decided",
                    HttpStatus.CONFLICT, null);
        }
        return "redirect:" + subjectPath(id, purpose, rejected ? "objection-rejected" : "objection-upheld");
    }

    @PostMapping("/console/subjects/{id}/restrictions")
    String restrict(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable UUID id,
                    @RequestParam(required = false) String purpose, @RequestParam(required = false) String ground,
                    @RequestParam(required = false) String category) {
        if (!visible(id)) {
            return notFound(request, response, model);
        }
        try {
            restraints.restrict(user().caller(), id, ground,
                    category == null || category.isBlank() ? null : List.of(category));
        } catch (ErrorResponseException e) {
            boolean badGround = java.util.Arrays.stream(RestrictionGround.values()).noneMatch(g -> g.term().equals(ground));
            return render(request, response, model, id, purpose, badGround ? "subjects.restriction.problem.ground"
                    : "subjects.restriction.problem.category", HttpStatus.BAD_REQUEST, null);
        }
        return "redirect:" + subjectPath(id, purpose, "restriction-placed");
    }

    @PostMapping("/console/subjects/{id}/restrictions/{restriction}/lift")
    String lift(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable UUID id,
                @PathVariable UUID restriction, @RequestParam(required = false) String purpose,
                @RequestParam(required = false) String told) {
        if (!visible(id) || restraints.of(user().caller(), id).restrictions().stream()
                .noneMatch(r -> r.id().equals(restriction))) {
            return notFound(request, response, model);
        }
        // Art. 18(3): the person who obtained the restriction is told before it is lifted; the form asks for it
        if (!"yes".equals(told)) {
            return render(request, response, model, id, purpose, "subjects.restriction.problem.told",
                    HttpStatus.BAD_REQUEST, null);
        }
        try {
            restraints.lift(user().caller(), restriction);
        } catch (ErrorResponseException e) {
            return render(request, response, model, id, purpose, "subjects.restriction.problem.lifted",
                    HttpStatus.CONFLICT, null);
        }
        return "redirect:" + subjectPath(id, purpose, "restriction-lifted");
    }

    // ---- rendering ----

    private String render(HttpServletRequest request, HttpServletResponse response, Model model, UUID id,
                          String askedPurpose, String problem, HttpStatus status, String done) {
        Caller caller = user().caller();
        Optional<SubjectRecord> found;
        try {
            found = vault.subject(caller, id);
        } catch (BeyondKeyPurposesException e) {
            found = Optional.empty(); // outside the person's purposes: as if there were none (403 would tell it exists)
        }
        if (found.isEmpty()) {
            return notFound(request, response, model);
        }
        Page page = page(request, "subjects.subject.title");
        Texts t = page.t();
        List<Choice> purposes = purposes(t);
        String purpose = askedPurpose != null && !askedPurpose.isBlank() ? askedPurpose
                : purposes.isEmpty() ? null : purposes.getFirst().id();
        List<SubjectView.ItemRow> items = new ArrayList<>();
        int hidden = 0;
        boolean refused = purpose == null;
        if (purpose != null) {
            try {
                // the same decision core and audit as GET /api/v1/subjects/{id}/items?purpose=P
                Vault.ItemsForPurpose read = vault.read(caller, id, purpose, null);
                for (StoredItem i : read.items()) {
                    items.add(new SubjectView.ItemRow(categoryName(i.category(), t), i.value(), when(i.collectedAt(), t)));
                }
                hidden = read.withheld().stream().mapToInt(Vault.Withheld::count).sum();
            } catch (PurposeNotAllowedException | InvalidInputException e) {
                refused = true; // a purpose the person may not use (or none the policy has): nothing is read
            }
        }
        SubjectRecord r = found.get();
        List<String> references = r.references().stream().map(ref -> ref.scheme() + ": " + ref.reference()).toList();
        List<SubjectView.Row> memberships = r.memberships().stream().map(m -> new SubjectView.Row(
                subjectCategoryName(m.subjectCategory(), t), when(m.joinedAt(), t), null)).toList();
        List<SubjectView.Row> events = r.events().stream().map(e -> new SubjectView.Row(
                eventName(e.event(), t), when(e.occurredAt(), t), null)).toList();

        Consents.SubjectConsents sc = consents.of(caller, id);
        List<SubjectView.ConsentRow> consentRows = sc.current().stream().map(c -> new SubjectView.ConsentRow(
                c.purpose(), purposeName(c.purpose(), t), t.tOr("subjects.consent.state." + c.state(), c.state()),
                when(c.withdrawnAt() != null ? c.withdrawnAt() : c.givenAt(), t), "given".equals(c.state()))).toList();

        Restraints.SubjectRestraintsView rv = restraints.of(caller, id);
        List<SubjectView.ObjectionRow> objections = new ArrayList<>();
        for (ObjectionRecord o : rv.objections()) {
            String objectionStatus = o.status().name().toLowerCase(Locale.ROOT);
            String colour = switch (o.status()) {
                case PENDING -> "amber";
                case UPHELD -> "green";
                default -> "grey";
            };
            objections.add(new SubjectView.ObjectionRow(o.id(), purposeName(o.purpose(), t),
                    t.tOr("subjects.objection.status." + objectionStatus, objectionStatus), colour,
                    when(o.receivedAt(), t), when(o.decideBy(), t), when(o.decidedAt(), t), o.decidedBy(),
                    o.status() == ObjectionStatus.PENDING, o.directMarketing()));
        }
        List<SubjectView.RestrictionRow> restrictions = new ArrayList<>();
        for (RestrictionRecord x : rv.restrictions()) {
            restrictions.add(new SubjectView.RestrictionRow(x.id(), groundName(x.ground(), t), scope(x.categories(), t),
                    when(x.placedAt(), t), x.placedBy(), when(x.liftedAt(), t), x.liftedBy(), x.active()));
        }
        List<SubjectView.HoldRow> holds = new ArrayList<>();
        for (HoldRecord h : rv.holds()) {
            holds.add(new SubjectView.HoldRow(h.id(), holdKindName(h.kind(), t), h.reason(), scope(h.categories(), t),
                    when(h.placedAt(), t), h.placedBy(), h.releasedAt() == null ? null : when(h.releasedAt(), t),
                    h.releasedBy(), h.active()));
        }
        Policy p = policy.policy();
        List<Choice> kinds = new ArrayList<>();
        for (HoldKind k : HoldKind.values()) {
            if (p.holdKinds().isEmpty() ? k == HoldKind.INCIDENT : p.holdKind(k).isPresent()) {
                kinds.add(new Choice(k.term(), holdKindName(k, t)));
            }
        }
        List<Choice> categories = new ArrayList<>();
        for (String c : r.items().keySet()) {
            categories.add(new Choice(c, categoryName(c, t)));
        }
        model.addAttribute("page", page);
        model.addAttribute("view", new SubjectView(id, when(r.createdAt(), t), purposes, purpose, refused, references,
                memberships, events, items, hidden, consentRows, objections, restrictions, holds, kinds, categories,
                problem, done == null || !done.matches("[a-z-]{1,40}") ? null : done, objectable(t), grounds(t)));
        response.setStatus(status.value());
        return "subjects/subject";
    }

    private String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("page", page(request, "subjects.notfound.title"));
        return "subjects/notfound";
    }

    // Whether the signed-in person may see this subject at all (a policy role: only subjects within its purposes).
    // Vault.subject audits the read, as the page's own read would.
    private boolean visible(UUID id) {
        try {
            return vault.subject(user().caller(), id).isPresent();
        } catch (BeyondKeyPurposesException | SubjectNotFoundException e) {
            return false;
        }
    }

    private Page page(HttpServletRequest request, String titleKey) {
        return pages.page(request, titleKey).inSection("subjects");
    }

    private static ConsoleUser user() {
        return PageContext.signedIn();
    }

    /** The purposes the signed-in person may use, in the policy's order (every purpose for a privacy officer). */
    private List<Choice> purposes(Texts t) {
        List<String> mine = user().caller().purposes();
        boolean all = user().caller().staff();
        List<Choice> out = new ArrayList<>();
        for (Policy.Purpose p : policy.policy().purposes()) {
            if (all || mine.contains(p.id())) {
                out.add(new Choice(p.id(), p.name().in(t.lang())));
            }
        }
        return out;
    }

    private static String subjectPath(UUID id, String purpose, String done) {
        return "/console/subjects/" + id + "?done=" + done
                + (purpose != null && purpose.matches("[A-Za-z0-9._-]{1,100}") ? "&purpose=" + purpose : "");
    }

    private String purposeName(String id, Texts t) {
        return policy.policy().purpose(id).map(p -> p.name().in(t.lang())).orElse(id);
    }

    private String categoryName(String id, Texts t) {
        return policy.policy().dataCategory(id).map(c -> c.name().in(t.lang())).orElse(id);
    }

    private String subjectCategoryName(String id, Texts t) {
        return policy.policy().subjectCategories().stream().filter(s -> s.id().equals(id)).findFirst()
                .map(s -> s.name().in(t.lang())).orElse(id);
    }

    private String eventName(String id, Texts t) {
        return policy.policy().lifecycleEvents().stream().filter(e -> e.id().equals(id)).findFirst()
                .map(e -> e.name().in(t.lang())).orElse(id);
    }

    /** The purposes one may object to (Art. 21(1): legitimate interest, public task; 21(2): direct marketing). */
    private List<Choice> objectable(Texts t) {
        List<Choice> out = new ArrayList<>();
        for (Policy.Purpose p : policy.policy().purposes()) {
            if (p.directMarketing() || p.basis() == LegalBasis.LEGITIMATE_INTEREST || p.basis() == LegalBasis.PUBLIC_TASK) {
                out.add(new Choice(p.id(), p.name().in(t.lang())));
            }
        }
        return out;
    }

    private static List<Choice> grounds(Texts t) {
        List<Choice> out = new ArrayList<>();
        for (RestrictionGround g : RestrictionGround.values()) {
            out.add(new Choice(g.term(), groundName(g, t)));
        }
        return out;
    }

    private static String groundName(RestrictionGround g, Texts t) {
        return t.tOr("subjects.restriction.ground." + g.term(), g.term());
    }

    private static String holdKindName(HoldKind k, Texts t) {
        return t.tOr("subjects.hold.kind." + k.term(), k.term());
    }

    private String scope(List<String> categories, Texts t) {
        return categories.isEmpty() ? t.t("subjects.scope.all")
                : String.join(", ", categories.stream().map(c -> categoryName(c, t)).toList());
    }

    static String when(Instant at, Texts t) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(t.locale()).withZone(ZONE).format(at);
    }
}
