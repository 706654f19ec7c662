package nl.waarborg.requests.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.waarborg.access.Caller;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.documents.DocRenderer;
import nl.waarborg.documents.StatementFormat;
import nl.waarborg.input.InvalidInputException;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.LinkKind;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.requests.AccessAnswerDocument;
import nl.waarborg.requests.AccessAnswerHeader;
import nl.waarborg.requests.AccessAnswerJson;
import nl.waarborg.requests.AccessContext;
import nl.waarborg.requests.AnswerItem;
import nl.waarborg.requests.FulfilmentPlan;
import nl.waarborg.requests.FulfilmentPlan.Action;
import nl.waarborg.requests.Completion;
import nl.waarborg.requests.KeptData;
import nl.waarborg.requests.RequestLetters;
import nl.waarborg.requests.PortabilityArchive;
import nl.waarborg.requests.Request;
import nl.waarborg.requests.RequestKind;
import nl.waarborg.requests.service.FulfilmentStore.StoredStep;
import nl.waarborg.systems.SubjectLinks;
import nl.waarborg.systems.SystemOperations;
import nl.waarborg.systems.SystemResult;
import nl.waarborg.vault.SubjectRequests;
import nl.waarborg.vault.Vault;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fulfils a verified request (docs/requests.md "Fulfilment"): plans its steps once ({@link FulfilmentPlan}), stores
 * them, and runs them phase by phase: reading the vault and every system into the answer, rectifying, erasing, then
 * telling the recipients (Art. 19, a task for staff). Each step has its own status and cause; a system's step is a
 * system operation, which the systems capability retries with backoff (and lists for staff once it gives up); staff
 * resume what failed, and only that. A step is marked running before it is tried, so that after a restart (or a
 * {@code kill -9}) it is tried again: every step is idempotent (the vault's erasure and a system operation by its id).
 *
 * <p>No personal value is stored between steps: the answer is written encrypted as it is read, and a rectification's
 * new value is held only for the call that carries it (after a restart staff give it again).
 */
@Service
public class Fulfilment {

    /** The stored page the answer's PDF is printed from when it is downloaded. */
    static final String PDF_SOURCE = "pdf-source";

    /** The answer's readable document lists at most this many values; the JSON has every one. */
    static final int DOCUMENT_ITEMS = 2_000;

    /** A rectification: the new value of a data category (personal: never logged or stored outside the vault). */
    public record Rectification(String category, String value) {
        @Override
        public String toString() {
            return "Rectification[" + category + "]";
        }
    }

    /** Where the fulfilment stands; {@code answerToken}: the download link's token, only in the call that made it. */
    record Progress(Request request, List<StoredStep> steps, AnswerStore.Stored answer, String answerToken) {}

    private final RequestStore requests;
    private final FulfilmentStore steps;
    private final AnswerStore answers;
    private final ActivePolicy policy;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Vault vault;
    private final SubjectRequests vaultRequests;
    private final SystemOperations operations;
    private final RequestsProperties properties;
    private final AnswerLinks links;
    private final LetterPost post;
    private final TaskNotices notices;

    /** Where an answer's download link points, followed by its token. */
    static final String ANSWERS = "/api/v1/requests/answers/";

    Fulfilment(RequestStore requests, FulfilmentStore steps, AnswerStore answers, ActivePolicy policy, AuditLog audit,
               TransactionTemplate tx, Clock clock, Vault vault, SubjectRequests vaultRequests,
               SystemOperations operations, RequestsProperties properties, AnswerLinks links, LetterPost post,
               TaskNotices notices) {
        this.links = links;
        this.post = post;
        this.notices = notices;
        this.requests = requests;
        this.steps = steps;
        this.answers = answers;
        this.policy = policy;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.vault = vault;
        this.vaultRequests = vaultRequests;
        this.operations = operations;
        this.properties = properties;
    }

    /**
     * Starts the fulfilment (the first call plans it) or resumes it: every step not done is tried (again), phase by
     * phase. {@code rectifications}: the new values a rectification asks for (required with one, at the first call and
     * again when a rectification is resumed after a restart).
     */
    Progress fulfil(Caller caller, String reference, List<Rectification> rectifications) {
        Request r = requests.find(reference).orElseThrow(() -> new Requests.NoSuchRequestException(reference));
        if (r.status() != Request.Status.OPEN) {
            throw new Requests.RequestConflictException("closed", "the request is closed");
        }
        if (r.identity() != Request.Identity.VERIFIED) {
            throw new Requests.RequestConflictException("identity-not-verified", "a request is fulfilled once the "
                    + "person's identity is verified (Art. 12(6) GDPR); when it cannot be, refuse it on identity-not-established");
        }
        Map<String, String> values = values(r, rectifications);
        Person person = null;
        if (steps.steps(r.id()).isEmpty()) {
            person = person(caller, r);
            plan(caller, r, values.keySet(), person);
        }
        return advance(caller, r, values, true, person);
    }

    /**
     * Moves every started fulfilment on that can move by itself (the service runs this every minute): a phase whose last
     * step finished later lets the next run; a step left running by a dead process is tried again. Page by page, so none
     * is left out however many wait for staff.
     */
    int advanceAll(Caller caller) {
        int moved = 0;
        FulfilmentStore.Unfinished last = null;
        List<FulfilmentStore.Unfinished> page;
        do {
            page = steps.unfinished(last == null ? null : last.id(), last == null ? null : last.startedAt(), 100);
            for (FulfilmentStore.Unfinished u : page) {
                requests.find(u.reference()).ifPresent(r -> advance(caller, r, Map.of(), false, null));
                moved++;
            }
            last = page.isEmpty() ? last : page.getLast();
        } while (page.size() == 100);
        return moved;
    }

    /** The fulfilment as it stands. */
    Progress progress(Request r) {
        return new Progress(r, steps.steps(r.id()), answers.latest(r.id()).orElse(null), null);
    }

    /** Staff mark a task done: telling a recipient (Art. 19). */
    Progress stepDone(Caller caller, String reference, int seq) {
        Request r = requests.find(reference).orElseThrow(() -> new Requests.NoSuchRequestException(reference));
        StoredStep s = steps.steps(r.id()).stream().filter(x -> x.seq() == seq).findFirst()
                .orElseThrow(() -> new InvalidInputException("seq", "the request has no such step"));
        if (s.action() != Action.NOTIFY) {
            throw new Requests.RequestConflictException("not-a-task", "only telling a recipient is marked done by staff; "
                    + "a system's step is done when the system (or its owner, for a manual system) did it");
        }
        if (s.finished()) {
            throw new Requests.RequestConflictException("done-already", "the step was marked done already");
        }
        Instant now = clock.instant();
        tx.executeWithoutResult(t -> {
            steps.record(r.id(), seq, "done", null, null, Map.of(), List.of(), now, caller.actor());
            audit.append(event(caller, "request-recipient-told", r).outcome(Outcome.ALLOWED, "request:" + r.reference(),
                    "recipient:" + s.target()));
        });
        return progress(r);
    }

    /** Completes the request once every step is done (Art. 12(3)): the completion letter tells the person what was done. */
    Request complete(Caller caller, String reference) {
        LetterPost.Addressed addressed = requests.find(reference).filter(r -> r.status() == Request.Status.OPEN)
                .map(r -> post.addressed(caller, r)).orElse(LetterPost.Addressed.MAIL_OFF); // before: the read is audited
        return tx.execute(t -> {
            Request r = requests.lock(reference).orElseThrow(() -> new Requests.NoSuchRequestException(reference));
            List<StoredStep> all = completable(r);
            Instant now = clock.instant();
            requests.complete(r.id(), now, caller.actor());
            audit.append(event(caller, "request-completed", r).outcome(Outcome.ALLOWED, "request:" + r.reference(),
                    "steps:" + all.size(), now.isBefore(r.dueEndsAt()) ? "in-time" : "late"));
            post.queue(caller, r, LetterPost.Kind.COMPLETION, addressed);
            return requests.find(reference).orElseThrow();
        });
    }

    /**
     * The completion letter that completing now would send, refused as completing would be; a preview: nothing is
     * stored, queued or audited (docs/console.md "Requests").
     */
    nl.waarborg.documents.Doc completionPreview(Caller caller, String reference) {
        Request r = requests.find(reference).orElseThrow(() -> new Requests.NoSuchRequestException(reference));
        completable(r);
        Lang language = Lang.parse(r.language());
        return new RequestLetters(policy.policy(), language, properties.zone())
                .completion(r.asCompleted(clock.instant(), caller.actor()), completion(r));
    }

    /** The request's steps, when it may be completed now; else why not. */
    private List<StoredStep> completable(Request r) {
        if (r.status() != Request.Status.OPEN) {
            throw new Requests.RequestConflictException("closed", "the request is closed");
        }
        if (r.identity() != Request.Identity.VERIFIED) {
            throw new Requests.RequestConflictException("identity-not-verified", "only a verified request is "
                    + "completed; refuse one whose identity cannot be established");
        }
        List<StoredStep> all = steps.steps(r.id());
        if (!requests.fulfilmentStarted(r.id())) {
            throw new Requests.RequestConflictException("not-fulfilled", "the request was not fulfilled yet "
                    + "(POST /api/v1/requests/{reference}/fulfil)");
        }
        List<String> open = all.stream().filter(s -> !s.finished())
                .map(s -> s.seq() + ":" + s.action().term() + ":" + s.target() + ":" + s.status()).toList();
        if (!open.isEmpty()) {
            throw new Requests.RequestConflictException("steps-open", "steps not done yet: " + String.join(", ", open));
        }
        return all;
    }

    // ---- planning ----

    private Map<String, String> values(Request r, List<Rectification> rectifications) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rectifications == null) {
            return values;
        }
        Policy p = policy.policy();
        for (int i = 0; i < rectifications.size(); i++) {
            Rectification x = rectifications.get(i);
            if (!r.kinds().contains(RequestKind.RECTIFICATION)) {
                throw new InvalidInputException("rectifications", "only a request for rectification carries new values");
            }
            if (x == null || x.category() == null || p.dataCategories().stream().noneMatch(c -> c.id().equals(x.category()))) {
                throw new InvalidInputException("rectifications/" + i + "/category", "a data category the policy declares");
            }
            if (x.value() == null || x.value().isBlank() || x.value().length() > 65_536) {
                throw new InvalidInputException("rectifications/" + i + "/value", "the new value: 1 to 65536 characters");
            }
            values.put(x.category(), x.value());
        }
        return values;
    }

    private void plan(Caller caller, Request r, Set<String> rectified, Person person) {
        if (r.kinds().contains(RequestKind.RECTIFICATION) && rectified.isEmpty()) {
            throw new InvalidInputException("rectifications", "a rectification names the data categories to correct, "
                    + "with their new values (Art. 16 GDPR)");
        }
        List<FulfilmentPlan.Step> plan = FulfilmentPlan.of(policy.policy(), r.kinds(), person.subjectCategories(), rectified);
        Instant now = clock.instant();
        tx.executeWithoutResult(t -> {
            if (requests.startFulfilment(r.id(), now, caller.actor())) {
                steps.plan(r.id(), plan, now);
                List<String> reasons = new ArrayList<>(List.of("request:" + r.reference(), "steps:" + plan.size()));
                plan.forEach(s -> reasons.add("step:" + s.action().term() + "/" + s.target()));
                audit.append(event(caller, "request-fulfilment-started", r).outcome(Outcome.ALLOWED,
                        reasons.toArray(String[]::new)));
            }
        });
    }

    // ---- running ----

    /**
     * Runs the steps of the first phase not finished. {@code resume}: staff asked, so failed steps are tried again too;
     * otherwise (the loop) only steps not yet tried, or tried when the process died.
     */
    private Progress advance(Caller caller, Request r, Map<String, String> values, boolean resume, Person known) {
        String token = null;
        Person person = known;
        for (int phase = 1; phase <= 4; phase++) {
            int ph = phase;
            List<StoredStep> inPhase = steps.steps(r.id()).stream().filter(s -> s.action().phase() == ph).toList();
            List<StoredStep> toRun = inPhase.stream().filter(s -> runnable(s, resume)).toList();
            if (!toRun.isEmpty()) {
                if (person == null) { // read only when there is something to do: the loop visits many requests
                    person = person(caller, r);
                }
                Person p = person;
                if (phase == 1) {
                    token = answer(caller, r, inPhase, p);
                } else {
                    toRun.forEach(s -> run(caller, r, s, values, p));
                }
            }
            boolean finished = steps.steps(r.id()).stream().filter(s -> s.action().phase() == ph)
                    .allMatch(StoredStep::finished);
            if (!finished) {
                break;
            }
        }
        Request now = requests.find(r.reference()).orElseThrow();
        return new Progress(now, steps.steps(r.id()), answers.latest(r.id()).orElse(null), token);
    }

    private static boolean runnable(StoredStep s, boolean resume) {
        if (s.ownStatus().equals("running")) {
            return true; // a process died while trying it: whatever its operation says, try it again (idempotent)
        }
        return switch (s.status()) {
            case "waiting", "running" -> true;
            case "failed", "partial" -> resume;
            default -> false; // done, skipped; pending waits for a system's answer, its owner or staff
        };
    }

    private void run(Caller caller, Request r, StoredStep s, Map<String, String> values, Person person) {
        Instant now = clock.instant();
        String op = r.reference() + ".step." + s.seq();
        boolean vaultStep = s.target().equals(FulfilmentPlan.VAULT);
        steps.running(r.id(), s.seq(), vaultStep || s.action() == Action.NOTIFY ? null : op, now);
        try {
            switch (s.action()) {
                case NOTIFY -> tx.executeWithoutResult(t -> { // the task and its notice to staff commit together
                    recordStep(caller, r, s, "pending", null, "task: tell recipient " + s.target()
                            + " of the " + notified(r) + " (Art. 19 GDPR), then mark this step done", Map.of(), List.of(),
                            clock.instant(), null);
                    notices.queueRecipient(r, s.seq());
                });
                case RECTIFY -> rectify(caller, r, s, values.get(s.category()), op, vaultStep, person);
                case ERASE -> erase(caller, r, s, op, vaultStep, person);
                case EXPORT -> throw new IllegalStateException("exports run together, into the answer");
            }
        } catch (RuntimeException e) { // one step's failure holds no other up; the cause names its kind, never a value
            recordStep(caller, r, s, "failed", null, "error: " + e.getClass().getSimpleName(), Map.of(), List.of(),
                    clock.instant(), null);
        }
    }

    private static String notified(Request r) {
        List<String> what = new ArrayList<>();
        for (RequestKind k : List.of(RequestKind.RECTIFICATION, RequestKind.ERASURE, RequestKind.RESTRICTION)) {
            if (r.kinds().contains(k)) {
                what.add(k.term());
            }
        }
        return String.join(" and ", what);
    }

    private void rectify(Caller caller, Request r, StoredStep s, String value, String op, boolean vaultStep,
                         Person person) {
        if (value == null) {
            recordStep(caller, r, s, "failed", null, "input-needed: give the new value of " + s.category()
                    + " again (Waarborg keeps no personal value between attempts)", Map.of(), List.of(), clock.instant(), null);
            return;
        }
        if (r.subject() == null) {
            recordStep(caller, r, s, "skipped", null, "no-subject: Waarborg holds nothing of this person",
                    Map.of(), List.of(), clock.instant(), null);
            return;
        }
        if (vaultStep) {
            long n = vaultRequests.rectify(caller, r.subject(), s.category(), value, r.reference());
            recordStep(caller, r, s, "done", null, null, Map.of(s.category(), n), List.of(), clock.instant(), null);
            return;
        }
        SystemOperations.Ran ran = operations.rectify(op, s.target(), person.links(), s.category(), value);
        recordOperation(caller, r, s, ran);
    }

    private void erase(Caller caller, Request r, StoredStep s, String op, boolean vaultStep, Person person) {
        if (r.subject() == null) {
            recordStep(caller, r, s, "skipped", null, "no-subject: Waarborg holds nothing of this person",
                    Map.of(), List.of(), clock.instant(), null);
            return;
        }
        if (vaultStep) {
            SubjectRequests.Erasure e = vaultRequests.eraseForRequest(caller, r.subject(), r.reference());
            List<KeptData> kept = e.kept().stream().map(k -> new KeptData(FulfilmentPlan.VAULT, k.category(), k.count(),
                    k.ground(), k.purpose(), k.until())).toList();
            recordStep(caller, r, s, "done", null, null, Map.of("erased", e.erased()), kept, clock.instant(), null);
            return;
        }
        SystemOperations.Ran ran = operations.erase(op, s.target(), person.links());
        recordOperation(caller, r, s, ran);
    }

    private void recordOperation(Caller caller, Request r, StoredStep s, SystemOperations.Ran ran) {
        SystemOperations.Operation o = ran.operation();
        recordStep(caller, r, s, o.status().term(), o.id(), o.cause(), o.counts(), kept(s.target(), o.counts()),
                clock.instant(), null);
    }

    /**
     * What a system's erasure kept, from its counts {@code kept:CATEGORY:GROUND:UNTIL} (UNTIL an ISO date, or
     * {@code open} when it ends with something else); other counts are what was done.
     */
    static List<KeptData> kept(String system, Map<String, Long> counts) {
        List<KeptData> kept = new ArrayList<>();
        counts.forEach((key, n) -> {
            String[] part = key.split(":", -1);
            if (part.length == 4 && part[0].equals("kept") && KeptData.GROUNDS.contains(part[2])) {
                java.time.LocalDate until = null;
                try {
                    until = part[3].equals("open") ? null : java.time.LocalDate.parse(part[3]);
                } catch (java.time.format.DateTimeParseException e) {
                    // an until the system wrote otherwise: kept, without a date
                }
                kept.add(new KeptData(system, part[1], n, part[2], null, until));
            }
        });
        return kept;
    }

    /**
     * Records what a step came to, with its audit event ({@code request-step}: the step, its action and place, its
     * status, the cause's code, what was kept), so that the request's timeline holds every step.
     */
    private void recordStep(Caller caller, Request r, StoredStep s, String status, String operation, String cause,
                            Map<String, Long> counts, List<KeptData> kept, Instant at, String by) {
        int seq = s.seq();
        tx.executeWithoutResult(t -> {
            steps.record(r.id(), seq, status, operation, cause, counts, kept, at, by);
            List<String> reasons = new ArrayList<>(List.of("request:" + r.reference(), "step:" + seq,
                    "action:" + s.action().term(), "target:" + s.target(), "status:" + status));
            if (operation != null) {
                reasons.add("operation:" + operation);
            }
            if (cause != null) {
                reasons.add("cause:" + SystemOperations.causeCode(cause));
            }
            kept.forEach(k -> reasons.add("kept:" + k.category() + "/" + k.ground()));
            audit.append(event(caller, "request-step", r).outcome(Outcome.ALLOWED, reasons.toArray(String[]::new)));
        });
    }

    /**
     * What the fulfilment needs to know of the person, read from the vault once per round (each read is audited): the
     * subject categories they are in, and how the systems find them (the references the vault holds). Nobody, for a
     * request without a subject.
     */
    private record Person(Set<String> subjectCategories, SubjectLinks links) {
        static final Person NOBODY = new Person(Set.of(), null);
    }

    private Person person(Caller caller, Request r) {
        if (r.subject() == null) {
            return Person.NOBODY;
        }
        return vault.subject(caller, r.subject()).map(record -> {
            Set<String> categories = new TreeSet<>();
            record.memberships().forEach(m -> categories.add(m.subjectCategory()));
            List<SubjectLinks.Link> links = record.references().stream()
                    .map(ref -> new SubjectLinks.Link(LinkKind.REFERENCE, ref.scheme(), ref.reference())).toList();
            return new Person(categories, new SubjectLinks(r.subject(), links));
        }).orElse(new Person(Set.of(), new SubjectLinks(r.subject(), List.of())));
    }

    // ---- the answer ----

    /**
     * Reads the vault and every system and writes the answer (access: JSON, HTML, PDF; portability: a zip of JSON and
     * CSV), encrypted, as it reads. Every place is read again on each attempt (reading is harmless, and no value is
     * kept between attempts); a place that could not be read leaves the answer partial, saying which, and its step
     * failed for staff to resume. Returns the new download link's token.
     */
    private String answer(Caller caller, Request r, List<StoredStep> exportSteps, Person person) {
        Instant now = clock.instant();
        exportSteps.forEach(s -> steps.running(r.id(), s.seq(), null, now));
        Policy p = policy.policy();
        Lang lang = Lang.parse(r.language());
        Map<String, List<AnswerItem>> systemItems = new LinkedHashMap<>();
        Map<Integer, Read> outcome = new TreeMap<>(); // by step
        Set<String> categories = new TreeSet<>();
        Set<String> subjectCategories = person.subjectCategories();
        SubjectLinks links = person.links();
        for (StoredStep s : exportSteps) {
            if (s.target().equals(FulfilmentPlan.VAULT)) {
                continue;
            }
            if (links == null || links.links().isEmpty()) {
                outcome.put(s.seq(), new Read("skipped", "no-links: Waarborg knows no reference of this person", null, 0));
                continue;
            }
            String op = r.reference() + ".export." + s.seq() + "." + (s.attempts() + 1);
            SystemOperations.Ran ran = operations.export(op, s.target(), links);
            SystemOperations.Operation o = ran.operation();
            if (ran.result() instanceof SystemResult.Done d) {
                List<AnswerItem> items = new ArrayList<>();
                d.exported().forEach(v -> {
                    items.add(new AnswerItem(s.target(), v.category(), v.value() == null ? null : String.valueOf(v.value()),
                            null, List.of(), null, v.table() + "." + v.column()));
                    categories.add(v.category());
                });
                systemItems.put(s.target(), items);
                outcome.put(s.seq(), new Read("done", null, o.id(), items.size()));
            } else {
                // a system that answers later (a webhook's 202, a manual system's task) sends its part itself
                outcome.put(s.seq(), new Read(o.status() == SystemOperations.Status.PENDING ? "pending" : "failed",
                        o.cause() == null ? "answers-later: the system's owner sends this part" : o.cause(), o.id(), 0));
            }
        }
        boolean partial = outcome.values().stream().anyMatch(x -> x.status().equals("failed"));
        // the categories of the purposes for the person's subject categories, and those found in the systems
        p.purposes().stream().filter(x -> subjectCategories.isEmpty() || x.subjects().stream().anyMatch(subjectCategories::contains))
                .forEach(x -> categories.addAll(x.data()));
        AccessContext context = AccessContext.of(p, lang, categories, subjectCategories);
        AccessAnswerHeader header = new AccessAnswerHeader(r.reference(), lang, r.receivedDay(properties.zone()), now,
                p.controller().name());
        List<String> formats = new ArrayList<>();
        AnswerStore.Writing w = answers.begin(r.id(), now);
        long[] vaultCount = {0};
        try {
            if (r.kinds().contains(RequestKind.ACCESS)) {
                write(w, "json", out -> {
                    try (Items items = items(caller, r, systemItems, vaultCount)) {
                        AccessAnswerJson.write(header, context, items, out);
                    }
                });
                // the readable document lists the first values and counts the rest: a second read of the vault
                nl.waarborg.documents.Doc doc;
                try (Items items = items(caller, r, systemItems, null)) {
                    doc = AccessAnswerDocument.doc(header, context, items, DOCUMENT_ITEMS, properties.zone());
                }
                write(w, "html", out -> out.write(DocRenderer.render(doc, lang, StatementFormat.HTML)));
                // the PDF is printed when first asked for, from this page: printing 2,000 values takes a second or more
                write(w, PDF_SOURCE, out -> out.write(DocRenderer.printPage(doc, lang)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                formats.addAll(List.of("json", "html", "pdf"));
            }
            if (r.kinds().contains(RequestKind.PORTABILITY)) {
                long[] zipCount = formats.isEmpty() ? vaultCount : null;
                write(w, "zip", out -> {
                    try (Items items = items(caller, r, systemItems, zipCount)) {
                        PortabilityArchive.write(header, p, items, out);
                    }
                });
                formats.add("zip");
            }
        } catch (RuntimeException e) {
            // the vault could not be read: its step failed with the kind of error; the systems' as they came out
            exportSteps.forEach(s -> {
                Read o = s.target().equals(FulfilmentPlan.VAULT)
                        ? new Read("failed", "error: " + e.getClass().getSimpleName(), null, 0) : outcome.get(s.seq());
                recordStep(caller, r, s, o.status(), null, o.cause(), Map.of(), List.of(), clock.instant(), null);
            });
            return null;
        }
        for (StoredStep s : exportSteps) {
            if (s.target().equals(FulfilmentPlan.VAULT)) {
                outcome.put(s.seq(), new Read("done", null, null, vaultCount[0]));
            }
        }
        boolean isPartial = partial;
        tx.executeWithoutResult(t -> {
            w.finish(formats, isPartial);
            answers.deleteOthers(r.id(), w.id());
            for (StoredStep s : exportSteps) {
                Read o = outcome.get(s.seq());
                recordStep(caller, r, s, o.status(), o.operation(), o.cause(), o.counts(), List.of(), clock.instant(), null);
            }
            List<String> reasons = new ArrayList<>(List.of("request:" + r.reference(), "answer:" + w.id()));
            formats.forEach(f -> reasons.add("format:" + f));
            if (isPartial) {
                reasons.add("partial");
            }
            audit.append(event(caller, "request-answer-made", r).outcome(Outcome.ALLOWED, reasons.toArray(String[]::new)));
        });
        return w.token();
    }

    /** What reading one place for the answer came to: its step's status, cause, operation and how many values. */
    private record Read(String status, String cause, String operation, long values) {
        Map<String, Long> counts() {
            return status.equals("done") ? Map.of("values", values) : Map.of();
        }
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    private static void write(AnswerStore.Writing w, String format, Body body) {
        try (OutputStream out = w.open(format)) {
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The person's values: the vault's, streamed (counted into {@code count} when given), then the systems'. */
    private Items items(Caller caller, Request r, Map<String, List<AnswerItem>> systemItems, long[] count) {
        VaultItems vaultItems = r.subject() == null ? null : new VaultItems(out -> vaultRequests.exportAll(caller,
                r.subject(), r.reference(), item -> {
                    if (count != null) {
                        count[0]++;
                    }
                    out.accept(new AnswerItem(FulfilmentPlan.VAULT, item.category(), item.value(), item.collectedAt(),
                            item.purposes(), item.source(), null));
                }));
        return new Items(vaultItems, systemItems.values().stream().flatMap(List::stream).iterator());
    }

    /** The vault's values, then the systems'; closing it stops the vault's read. */
    private static final class Items implements Iterator<AnswerItem>, AutoCloseable {
        private final VaultItems vault;
        private final Iterator<AnswerItem> systems;

        Items(VaultItems vault, Iterator<AnswerItem> systems) {
            this.vault = vault;
            this.systems = systems;
        }

        @Override
        public boolean hasNext() {
            return vault != null && vault.hasNext() || systems.hasNext();
        }

        @Override
        public AnswerItem next() {
            return vault != null && vault.hasNext() ? vault.next() : systems.next();
        }

        @Override
        public void close() {
            if (vault != null) {
                vault.close();
            }
        }
    }

    // ---- reading the answer ----

    /** The request's answer as staff download it; audited. */
    AnswerStore.Stored answerFor(Caller caller, String reference) {
        Request r = requests.find(reference).orElseThrow(() -> new Requests.NoSuchRequestException(reference));
        return answers.latest(r.id()).filter(a -> a.servable(clock.instant()))
                .orElseThrow(() -> new Requests.RequestConflictException("no-answer", "the request has no answer to "
                        + "download (not fulfilled, or its answer expired after 14 days)"));
    }

    /** The answer a download link opens, while it may be served. */
    java.util.Optional<AnswerStore.Stored> byToken(String token) {
        return answers.byToken(token).filter(a -> a.servable(clock.instant()));
    }

    /** Streams one format of an answer and audits the download (who, which format), never its content. */
    void download(Caller caller, AnswerStore.Stored a, String format, OutputStream out) throws IOException {
        Request r = requests.findById(a.request()).orElseThrow();
        tx.executeWithoutResult(t -> {
            answers.downloaded(a.id());
            audit.append(event(caller, "request-answer-downloaded", r).outcome(Outcome.ALLOWED, "request:" + r.reference(), "answer:" + a.id(),
                            "format:" + format));
        });
        if (format.equals("pdf")) {
            java.io.ByteArrayOutputStream page = new java.io.ByteArrayOutputStream();
            answers.read(a, PDF_SOURCE, page);
            out.write(DocRenderer.pdf(page.toString(java.nio.charset.StandardCharsets.UTF_8)));
            return;
        }
        answers.read(a, format, out);
    }

    /** The completion letter, once the request is completed (409 before). */
    byte[] completionLetter(String reference, Lang lang, StatementFormat format) {
        Request r = requests.find(reference).orElseThrow(() -> new Requests.NoSuchRequestException(reference));
        if (r.status() != Request.Status.COMPLETED) {
            throw new Requests.RequestConflictException("not-completed", "the request was not completed");
        }
        Lang language = lang != null ? lang : Lang.parse(r.language());
        return DocRenderer.render(new RequestLetters(policy.policy(), language, properties.zone())
                .completion(r, completion(r)), language, format);
    }

    /** What the completion letter tells: what was kept, the recipients told, the answer's link while it serves. */
    private Completion completion(Request r) {
        List<StoredStep> all = steps.steps(r.id());
        List<KeptData> kept = all.stream().flatMap(s -> s.kept().stream()).toList();
        List<String> told = all.stream().filter(s -> s.action() == Action.NOTIFY && s.status().equals("done"))
                .map(StoredStep::target).toList();
        AnswerStore.Stored a = answers.latest(r.id()).filter(x -> x.servable(clock.instant())).orElse(null);
        return new Completion(kept, told,
                a == null ? null : links.link(ANSWERS + answers.token(a)),
                a == null ? null : java.time.LocalDate.ofInstant(a.expiresAt().minusNanos(1), properties.zone()),
                a != null && a.partial());
    }

    Instant now() {
        return clock.instant();
    }

    private static AuditEvent.Draft event(Caller caller, String action, Request r) {
        AuditEvent.Draft d = AuditEvent.draft(caller.actor(), caller.role(), action);
        return r.subject() == null ? d : d.subject(r.subject());
    }
}
