package nl.waarborg.requests.service;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.waarborg.access.Caller;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.input.InvalidInputException;
import nl.waarborg.requests.Request;
import nl.waarborg.requests.RequestKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the console's request pages read and do, in one public place (docs/console.md "Requests"): the list by
 * deadline with its filters, paged by keyset; assignment to a staff account (V28); a request's steps, answer and
 * timeline; and the actions, each through the same service the API uses ({@link Requests}, {@link Fulfilment},
 * {@link IdentityConfirmations}), so the same audit events appear with the person's username as actor. Holds no
 * personal value: a request row has none.
 */
@Service
public class RequestDesk {

    /** The most rows one page of the list shows. */
    public static final int MAX_PAGE = 100;

    private final JdbcClient jdbc;
    private final RequestStore store;
    private final Requests requests;
    private final Fulfilment fulfilment;
    private final IdCopies copies;
    private final IdentityConfirmations confirmations;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    RequestDesk(JdbcClient jdbc, RequestStore store, Requests requests, Fulfilment fulfilment, IdCopies copies,
                IdentityConfirmations confirmations, AuditLog audit, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.requests = requests;
        this.fulfilment = fulfilment;
        this.copies = copies;
        this.confirmations = confirmations;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * The list's filters. {@code status}: open, completed, refused or all; {@code kind}: a kind's term or null;
     * {@code overdue}: past the deadline; {@code mine}: assigned to {@code me}; {@code unverified}: identity pending.
     */
    public record Filter(String status, String kind, boolean overdue, boolean mine, boolean unverified, UUID me) {}

    /** One row of the list: the request, the days left to its deadline (negative: overdue) and who it is assigned to. */
    public record Row(Request request, long daysLeft, DueTag tag, String assignee) {}

    /** One page of the list; {@code next}: the keyset of the page after it, null on the last. */
    public record Rows(List<Row> rows, String next) {}

    /** How soon a request is due, as the console colours it: word and colour go together (docs/console.md). */
    public enum DueTag {
        /** Past its deadline. */
        OVERDUE,
        /** Less than 5 days left. */
        RED,
        /** Less than 10 days left. */
        AMBER,
        /** 10 days or more. */
        ON_TIME,
        /** Closed: no deadline runs. */
        CLOSED;

        public static DueTag of(Request r, long daysLeft) {
            if (r.status() != Request.Status.OPEN) {
                return CLOSED;
            }
            return daysLeft < 0 ? OVERDUE : daysLeft < 5 ? RED : daysLeft < 10 ? AMBER : ON_TIME;
        }

        public String term() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** The open requests by urgency, for the dashboard: counted over the open-request index, never over all rows. */
    public record OpenCounts(long open, long overdue, long red, long amber, long unverified) {}

    /** Who a request can be assigned to: an account that is not disabled and may handle requests. */
    public record Assignee(UUID id, String username, String displayName) {}

    public Rows list(Filter f, String after, int limit) {
        int n = Math.max(1, Math.min(limit, MAX_PAGE));
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        String status = f.status() == null ? "open" : f.status();
        switch (status) {
            case "open", "completed", "refused" -> {
                where.add("status = ?");
                params.add(status);
            }
            case "all" -> { }
            default -> throw new InvalidInputException("status", "open, completed, refused or all");
        }
        if (f.kind() != null && !f.kind().isBlank()) {
            RequestKind k = RequestKind.of(f.kind()).orElseThrow(() -> new InvalidInputException("kind", "unknown kind"));
            where.add("kinds @> ARRAY[?]::text[]");
            params.add(k.term());
        }
        Instant now = clock.instant();
        if (f.overdue()) {
            where.add("status = 'open' AND coalesce(extended_ends_at, deadline_ends_at) <= ?");
            params.add(Timestamp.from(now));
        }
        if (f.mine()) {
            where.add("assigned_to = ?");
            params.add(f.me());
        }
        if (f.unverified()) {
            where.add("identity = 'pending'");
        }
        if (after != null && !after.isBlank()) {
            int at = after.indexOf('_');
            long micros;
            try {
                micros = Long.parseLong(after.substring(0, Math.max(0, at)));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("after", "a page's keyset as the list gave it");
            }
            where.add("(coalesce(extended_ends_at, deadline_ends_at), reference) > (?, ?)");
            params.add(Timestamp.from(Instant.EPOCH.plus(micros, ChronoUnit.MICROS)));
            params.add(after.substring(at + 1));
        }
        params.add(n + 1);
        // the request's own columns are unqualified in the filters: the account's table shares none of their names
        List<Row> rows = jdbc.sql("SELECT " + RequestStore.COLUMNS.replace("id, reference", "request.id, reference")
                        + ", staff_account.username AS assignee FROM request "
                        + "LEFT JOIN staff_account ON staff_account.id = request.assigned_to"
                        + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                        + " ORDER BY coalesce(extended_ends_at, deadline_ends_at), reference LIMIT ?")
                .params(params).query((rs, i) -> row(RequestStore.map(rs), rs.getString("assignee"), now)).list();
        String next = null;
        if (rows.size() > n) {
            rows = rows.subList(0, n);
            Request last = rows.getLast().request();
            next = ChronoUnit.MICROS.between(Instant.EPOCH, last.dueEndsAt()) + "_" + last.reference();
        }
        return new Rows(rows, next);
    }

    private Row row(Request r, String assignee, Instant now) {
        long days = ChronoUnit.DAYS.between(LocalDate.ofInstant(now, zone()), r.dueOn());
        return new Row(r, days, DueTag.of(r, days), assignee);
    }

    /** The first {@code limit} open requests whose identity is decided, soonest due first (the dashboard's rows). */
    public List<Row> soonest(int limit) {
        Instant now = clock.instant();
        return store.list(false, null, false, Math.max(1, Math.min(limit, MAX_PAGE))).stream()
                .map(r -> row(r, assigneeOf(r.id()).orElse(null), now)).toList();
    }

    /** Counts of the open requests by days left (whole days in the organisation's zone), unverified ones apart. */
    public OpenCounts openCounts() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone());
        return jdbc.sql("SELECT count(*) FILTER (WHERE identity <> 'pending'), "
                        + "count(*) FILTER (WHERE identity <> 'pending' AND coalesce(extended_to, deadline) < ?), "
                        + "count(*) FILTER (WHERE identity <> 'pending' AND coalesce(extended_to, deadline) >= ? "
                        + "AND coalesce(extended_to, deadline) < ?), "
                        + "count(*) FILTER (WHERE identity <> 'pending' AND coalesce(extended_to, deadline) >= ? "
                        + "AND coalesce(extended_to, deadline) < ?), "
                        + "count(*) FILTER (WHERE identity = 'pending') FROM request WHERE status = 'open'")
                .params(today, today, today.plusDays(5), today.plusDays(5), today.plusDays(10))
                .query((rs, i) -> new OpenCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5))).single();
    }

    /** The first {@code limit} open requests whose identity is still pending, soonest due first. */
    public List<Row> unverified(int limit) {
        return list(new Filter("open", null, false, false, true, null), null, limit).rows();
    }

    /** A request by its reference, for anyone the console lets see requests (staff's view: no owner check). */
    public Optional<Row> find(String reference) {
        Instant now = clock.instant();
        return store.find(reference).map(r -> row(r, assigneeOf(r.id()).orElse(null), now));
    }

    private Optional<String> assigneeOf(UUID request) {
        return jdbc.sql("SELECT staff_account.username FROM request JOIN staff_account ON staff_account.id = "
                + "request.assigned_to WHERE request.id = ?").param(request).query(String.class).optional();
    }

    /** The accounts a request can be assigned to (at most 200, by name). */
    public List<Assignee> assignees() {
        return jdbc.sql("SELECT id, username, display_name FROM staff_account WHERE NOT disabled AND roles && "
                        + "ARRAY['privacy-officer', 'support']::text[] ORDER BY username LIMIT 200")
                .query((rs, i) -> new Assignee(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).list();
    }

    /**
     * Assigns the open requests named to an account (null: unassigns), each in its own audit event
     * {@code request-assigned} ({@code to:USERNAME} or {@code unassigned}). Returns how many were assigned; a closed or
     * unknown reference is passed over.
     */
    public int assign(Caller caller, List<String> references, UUID account) {
        if (references == null || references.isEmpty()) {
            throw new InvalidInputException("reference", "choose one or more requests");
        }
        if (references.size() > MAX_PAGE) {
            throw new InvalidInputException("reference", "at most " + MAX_PAGE + " at once");
        }
        String username = account == null ? null : assignees().stream().filter(a -> a.id().equals(account))
                .map(Assignee::username).findFirst()
                .orElseThrow(() -> new InvalidInputException("assignee", "an account that handles requests"));
        return tx.execute(s -> {
            int done = 0;
            for (String reference : references) {
                Optional<Request> r = store.lock(reference).filter(x -> x.status() == Request.Status.OPEN);
                if (r.isEmpty()) {
                    continue;
                }
                jdbc.sql("UPDATE request SET assigned_to = ?, assigned_at = ?, assigned_by = ? WHERE id = ?")
                        .params(account, Timestamp.from(clock.instant()), caller.actor(), r.get().id()).update();
                AuditEvent.Draft d = AuditEvent.draft(caller.actor(), caller.role(), "request-assigned");
                if (r.get().subject() != null) {
                    d = d.subject(r.get().subject());
                }
                audit.append(d.outcome(Outcome.ALLOWED, "request:" + reference,
                        username == null ? "unassigned" : "to:" + username));
                done++;
            }
            return done;
        });
    }

    // ---- one request ----

    /** One step of the fulfilment as the page shows it. */
    public record StepRow(int seq, int phase, String action, String target, String category, String status,
                          String cause, int attempts, boolean needsStaff, String doneBy) {}

    /** The answer as the page shows it (never its link: that is the person's). */
    public record AnswerRow(List<String> formats, boolean partial, Instant createdAt, Instant expiresAt, int downloads) {}

    /** The request's steps and answer. */
    public record Progress(List<StepRow> steps, AnswerRow answer) {}

    public Progress progress(Request r) {
        Fulfilment.Progress p = fulfilment.progress(r);
        List<StepRow> steps = p.steps().stream().map(s -> {
            FulfilmentController.StepView v = FulfilmentController.StepView.of(s);
            return new StepRow(v.seq(), v.phase(), v.action(), v.target(), v.category(), v.status(), v.cause(),
                    v.attempts(), v.needsStaff(), v.doneBy());
        }).toList();
        AnswerStore.Stored a = p.answer();
        return new Progress(steps, a == null ? null
                : new AnswerRow(a.formats(), a.partial(), a.createdAt(), a.expiresAt(), a.downloads()));
    }

    /** The request's timeline from the audit log (every event naming it), oldest first. */
    public List<AuditEvent> timeline(Request r) {
        return audit.requestEventsWithReason("request:" + r.reference(), AuditLog.MAX_PAGE);
    }

    public Request receive(Caller caller, Requests.NewRequest n) {
        return requests.receive(caller, n);
    }

    public Request identity(Caller caller, String reference, String method, String outcome, boolean masked) {
        copies.requireMasked(method, masked);
        return requests.identity(caller, reference, method, outcome);
    }

    public IdentityConfirmations.Sent sendLink(Caller caller, String reference) {
        return confirmations.send(caller, reference, null);
    }

    public Request extend(Caller caller, String reference, String reason) {
        return requests.extend(caller, reference, reason);
    }

    public Request refuse(Caller caller, String reference, String ground, String reason) {
        return requests.refuse(caller, reference, ground, reason);
    }

    /** Starts or resumes the fulfilment: every step not done is tried (again). */
    public void fulfil(Caller caller, String reference, List<Fulfilment.Rectification> rectifications) {
        fulfilment.fulfil(caller, reference, rectifications);
    }

    public void stepDone(Caller caller, String reference, int seq) {
        fulfilment.stepDone(caller, reference, seq);
    }

    public Request complete(Caller caller, String reference) {
        return fulfilment.complete(caller, reference);
    }

    /** A letter as HTML in the request's language: receipt, extension, refusal or completion (409 when it has none). */
    public byte[] letterHtml(String reference, String letter) {
        if ("completion".equals(letter)) {
            return fulfilment.completionLetter(reference, null, nl.waarborg.documents.StatementFormat.HTML);
        }
        Requests.Letter which = java.util.Arrays.stream(Requests.Letter.values())
                .filter(l -> l.name().equalsIgnoreCase(letter)).findFirst()
                .orElseThrow(() -> new InvalidInputException("letter", "receipt, extension, refusal or completion"));
        return requests.letter(reference, which, null, nl.waarborg.documents.StatementFormat.HTML);
    }

    /** A letter as an action would send it, before the action: its title and body as an HTML fragment. */
    public record LetterPreview(String letter, String title, String html) {}

    /**
     * The letter extending ({@code extension}, with {@code reason}), refusing ({@code refusal}, with {@code ground} and
     * {@code reason}) or completing ({@code completion}) would send now, refused as that action would be. Nothing is
     * stored, queued or audited: the reason is only in this answer (docs/console.md "Requests"). The letter's headings
     * move down {@code below} levels, to sit under the page's heading of the form.
     */
    public LetterPreview preview(Caller caller, String reference, String letter, String ground, String reason,
                                 int below) {
        nl.waarborg.documents.Doc doc = switch (letter) {
            case "extension" -> requests.extensionPreview(caller, reference, reason);
            case "refusal" -> requests.refusalPreview(caller, reference, ground, reason);
            case "completion" -> fulfilment.completionPreview(caller, reference);
            default -> throw new InvalidInputException("letter", "extension, refusal or completion");
        };
        List<nl.waarborg.documents.Doc.Block> blocks = doc.blocks().stream()
                .map(b -> b instanceof nl.waarborg.documents.Doc.Heading h
                        ? new nl.waarborg.documents.Doc.Heading(h.level() + below, "preview-" + h.id(), h.text()) : b)
                .toList();
        return new LetterPreview(letter, doc.title(), nl.waarborg.documents.DocRenderer.htmlFragment(
                new nl.waarborg.documents.Doc(doc.lang(), doc.title(), blocks)));
    }

    /** The answer's formats, for the download (409 when there is none to download). */
    public List<String> answerFormats(Caller caller, String reference) {
        return fulfilment.answerFor(caller, reference).formats();
    }

    /** Streams one format of the request's answer to staff; audited as {@code request-answer-downloaded}. */
    public void downloadAnswer(Caller caller, String reference, String format, OutputStream out) throws IOException {
        AnswerStore.Stored a = fulfilment.answerFor(caller, reference);
        if (!a.formats().contains(format)) {
            throw new InvalidInputException("format", "one of the answer's formats: " + String.join(", ", a.formats()));
        }
        fulfilment.download(caller, a, format, out);
    }

    public ZoneId zone() {
        return requests.zone();
    }

    public Instant now() {
        return clock.instant();
    }
}
