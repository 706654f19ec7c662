package nl.waarborg.systems;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import nl.waarborg.access.Caller;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.input.ApiException;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.systems.manual.ManualTasks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation on a declared system goes through here (table system_operation, V15): it is stored before the
 * system is asked, its result (done, partial, failed with its cause, pending) is stored and audited, and a failed or
 * partial one is tried again with exponential backoff and jitter ({@link Backoff}) until it is done or out of
 * attempts or age; then it stays failed and is listed for staff ({@link #list}). Operations are idempotent by id:
 * running an id that is done returns what it came to and asks the system nothing.
 *
 * <p>Sweeps: {@link #sweepAll} sweeps every reachable system, each on its own (a system that is down, refuses or
 * times out is recorded as failed and holds nothing else up); a system whose last sweep failed is tried again at the
 * first sweep after its next attempt is due, under the same operation id. Subject operations are retried by
 * {@link #retryDue}, which the service runs every {@code waarborg.systems.retry-interval}; what they need to be
 * tried again (the subject's links, a new value) is personal and therefore kept in memory only, never stored: after a
 * restart such an operation stays failed with the cause {@code retry-input-lost} (docs/systems.md).
 *
 * <p>No network call is made inside a database transaction; the audit event of a result is written in the
 * transaction that stores it.
 */
@Service
public class SystemOperations {

    static final String SWEEP_ACTOR = "system:retention";
    static final String ACTOR = "system:systems";

    /** What an operation does. */
    public enum Kind {
        SWEEP, EXPORT, ERASE, RECTIFY;

        public String term() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind of(String term) {
            return valueOf(term.toUpperCase(Locale.ROOT));
        }

        /** The audit action of its result. */
        String action() {
            return switch (this) {
                case SWEEP -> "system-swept";
                case EXPORT -> "system-exported";
                case ERASE -> "system-erased";
                case RECTIFY -> "system-rectified";
            };
        }
    }

    /** Where an operation stands. */
    public enum Status {
        DONE, PARTIAL, FAILED, PENDING;

        public String term() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Status of(String term) {
            return valueOf(term.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * One operation as stored. {@code nextAttemptAt}: when it is tried again (pending: when waiting for the answer
     * ends); null when no attempt is left: done, or given up ({@link #givenUp()}).
     */
    public record Operation(String id, Kind kind, String system, UUID subject, Status status, String cause,
                            Map<String, Long> counts, String digest, int attempts, Instant createdAt,
                            Instant updatedAt, Instant nextAttemptAt, boolean awaitingAnswer) {

        /** Failed (or partly) with no attempt left: staff must act. */
        public boolean givenUp() {
            return (status == Status.FAILED || status == Status.PARTIAL) && nextAttemptAt == null && attempts > 0;
        }
    }

    /** What running an operation came to; {@code result} is null when it was done already and nothing was asked. */
    public record Ran(Operation operation, SystemResult result) {}

    /** One system's part of a sweep, for the sweep's report. */
    public record SystemSweep(String system, String connector, String operation, String status,
                              Map<String, Long> counts, String cause, Instant nextAttemptAt) {}

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");
    private static final Pattern TERM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/+-]{0,99}");
    private static final Pattern CAUSE_CODE = Pattern.compile("([a-z0-9][a-z0-9-]{0,59}):.*", Pattern.DOTALL);
    private static final java.time.Duration LEASE = java.time.Duration.ofMinutes(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, kind, system, subject_id, status, cause, counts::text, digest, attempts, "
            + "created_at, updated_at, next_attempt_at, awaiting_answer";

    private final JdbcTemplate template;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final ActivePolicy policy;
    private final SystemConnectors connectors;
    private final ManualTasks tasks;
    private final Backoff backoff;
    private final SystemsProperties properties;
    private final Clock clock;
    private final RandomGenerator random = RandomGenerator.getDefault();
    private final GiveUpAlerts alerts;
    /** What the vault knows of subjects (their holds), for an erasure: absent only in a context without the vault. */
    private final ObjectProvider<LinkedSubjects> subjects;
    /** How to try a subject operation again: personal input, so in memory only (see the class comment). */
    private final Map<String, Supplier<SystemResult>> retries = new ConcurrentHashMap<>();

    SystemOperations(JdbcTemplate template, TransactionTemplate tx, AuditLog audit, ActivePolicy policy,
                     SystemConnectors connectors, ManualTasks tasks, SystemsProperties properties, Clock clock,
                     ObjectProvider<LinkedSubjects> subjects, GiveUpAlerts alerts) {
        this.subjects = subjects;
        this.alerts = alerts;
        this.template = template;
        this.tx = tx;
        this.audit = audit;
        this.policy = policy;
        this.connectors = connectors;
        this.tasks = tasks;
        this.backoff = Backoff.of(properties);
        this.properties = properties;
        this.clock = clock;
    }

    // ---- subject operations ----

    /** Exports what {@code system} holds of the subject; the values are in the result, never stored. */
    public Ran export(String id, String system, SubjectLinks subject) {
        SystemConnectors.Entry e = entry(system);
        return run(id, Kind.EXPORT, system, subject.subject(), () -> e.connector().export(subject, id));
    }

    /**
     * Erases what {@code system} holds of the subject (a task for the owner of a manual system), except what Art. 17(3)
     * keeps at the moment of each attempt: a rule of a legal obligation or a running contract, a hold.
     */
    public Ran erase(String id, String system, SubjectLinks subject) {
        SystemConnectors.Entry e = entry(system);
        LinkedSubjects known = subjects.getIfAvailable(() -> LinkedSubjects.NONE);
        return run(id, Kind.ERASE, system, subject.subject(),
                () -> e.connector().erase(subject, id, clock.instant(), known));
    }

    /** Sets the subject's values of {@code category} in {@code system} to {@code value}. */
    public Ran rectify(String id, String system, SubjectLinks subject, String category, String value) {
        SystemConnectors.Entry e = entry(system);
        return run(id, Kind.RECTIFY, system, subject.subject(), () -> e.connector().rectify(subject, category, value, id));
    }

    private SystemConnectors.Entry entry(String system) {
        return connectors.find(system).orElseThrow(() -> new NoSuchSystemException(system));
    }

    /**
     * Runs operation {@code id} once: stores it, asks the system ({@code attempt}, outside any transaction), stores
     * and audits the result. An id that is done, or waits for its answer, returns as it stands; an id used before
     * for another kind or system is refused.
     */
    public Ran run(String id, Kind kind, String system, UUID subject, Supplier<SystemResult> attempt) {
        checkId(id);
        Instant now = now();
        Operation op = tx.execute(s -> {
            template.update("""
                    INSERT INTO system_operation (id, kind, system, subject_id, status, created_at, updated_at, policy_version)
                    VALUES (?, ?, ?, ?, 'pending', ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                    id, kind.term(), system, subject, Timestamp.from(now), Timestamp.from(now), policy.version().id());
            return find(id).orElseThrow();
        });
        if (op.kind() != kind || !op.system().equals(system)) {
            throw new IllegalArgumentException("operation " + id + " is a " + op.kind().term() + " of system "
                    + op.system() + ", not a " + kind.term() + " of " + system);
        }
        if (op.status() == Status.DONE || (op.status() == Status.PENDING && op.attempts() > 0)) {
            return new Ran(op, null);
        }
        if (kind != Kind.SWEEP) {
            retries.put(id, attempt);
        }
        return attempt(op, attempt);
    }

    private Ran attempt(Operation op, Supplier<SystemResult> attempt) {
        // an answer on the callback endpoint may come before the system's first answer is stored
        template.update("UPDATE system_operation SET awaiting_answer = true WHERE id = ?", op.id());
        SystemResult result;
        try {
            result = attempt.get();
        } catch (RuntimeException e) { // a connector should answer Failed; one that throws fails this system only
            result = new SystemResult.Failed(op.system(), "error: " + e.getClass().getSimpleName());
        }
        SystemResult r = result;
        Operation after = tx.execute(s -> record(op.id(), r, op.kind() == Kind.SWEEP ? SWEEP_ACTOR : ACTOR, false));
        if (after.givenUp()) {
            alerts.givenUp(after);
        }
        if (after.nextAttemptAt() == null || after.status() == Status.DONE) {
            retries.remove(op.id());
        }
        return new Ran(after, result);
    }

    /**
     * Stores a result of operation {@code id} and audits it, in the caller's transaction. {@code answer}: it came
     * on the callback endpoint or from the owner of a manual system (not as the answer to a delivery).
     */
    private Operation record(String id, SystemResult result, String actor, boolean answer) {
        Operation op = template.query("SELECT " + COLUMNS + " FROM system_operation WHERE id = ? FOR UPDATE",
                (rs, n) -> operation(rs), id).getFirst();
        Instant now = now();
        int attempts = answer ? op.attempts() : op.attempts() + 1;
        Status status;
        String cause = null;
        Map<String, Long> counts = Map.of();
        String digest = null;
        Instant next = null;
        boolean awaiting = false;
        switch (result) {
            case SystemResult.Done d -> {
                status = Status.DONE;
                counts = d.counts();
                digest = d.digest();
            }
            case SystemResult.Partial p -> {
                status = Status.PARTIAL;
                counts = p.counts();
                digest = p.digest();
                cause = p.cause();
                next = backoff.next(attempts, op.createdAt(), now, random);
            }
            case SystemResult.Failed f -> {
                status = Status.FAILED;
                cause = f.cause();
                next = backoff.next(attempts, op.createdAt(), now, random);
            }
            case SystemResult.Pending p -> {
                if (!op.awaitingAnswer()) { // the answer came on the callback endpoint while the delivery was out
                    template.update("UPDATE system_operation SET attempts = ? WHERE id = ?", attempts, id);
                    return find(id).orElseThrow();
                }
                status = Status.PENDING;
                awaiting = true;
                cause = p.task();
                // a task waits for its owner (its own due date); a webhook's answer is awaited up to the maximum age
                next = p.task() != null ? null : op.createdAt().plus(backoff.maxAge());
            }
        }
        template.update("""
                UPDATE system_operation SET status = ?, cause = ?, counts = ?::jsonb, digest = ?, attempts = ?,
                    updated_at = ?, next_attempt_at = ?, awaiting_answer = ? WHERE id = ?""",
                status.term(), cause, JSON.writeValueAsString(new TreeMap<>(counts)), digest, attempts, Timestamp.from(now),
                next == null ? null : Timestamp.from(next), awaiting, id);
        audit.append(event(actor, op, status, cause, counts, digest, attempts, next));
        return find(id).orElseThrow();
    }

    private AuditEvent.Draft event(String actor, Operation op, Status status, String cause, Map<String, Long> counts,
                                   String digest, int attempts, Instant next) {
        List<String> reasons = new ArrayList<>();
        reasons.add("system:" + op.system());
        reasons.add("operation:" + op.id());
        reasons.add("status:" + status.term());
        reasons.add("attempt:" + attempts);
        if (cause != null) {
            reasons.add("cause:" + causeCode(cause));
        }
        TreeSet<String> categories = new TreeSet<>();
        counts.forEach((key, n) -> {
            if (TERM.matcher(key).matches()) {
                reasons.add("count:" + key + ":" + n);
                if (policy.policy().dataCategory(key).isPresent()) {
                    categories.add(key);
                }
            }
        });
        if (digest != null && digest.matches("[0-9a-f]{64}")) {
            reasons.add("keys-sha256:" + digest);
        }
        if ((status == Status.FAILED || status == Status.PARTIAL) && next == null) {
            reasons.add("given-up");
        }
        Outcome outcome = status == Status.FAILED || status == Status.PARTIAL ? Outcome.FAILED : Outcome.ALLOWED;
        AuditEvent.Draft d = AuditEvent.draft(actor, "system", op.kind().action())
                .categories(categories.toArray(String[]::new)).outcome(outcome, reasons.toArray(String[]::new))
                .policyVersion(policy.version().id());
        return op.subject() == null ? d : d.subject(op.subject());
    }

    /**
     * The code a cause starts with ({@code connection-refused: …} gives {@code connection-refused}), for the audit
     * log, which holds codes only; a cause without one is {@code failed}.
     */
    public static String causeCode(String cause) {
        var m = CAUSE_CODE.matcher(cause);
        return m.matches() ? m.group(1) : "failed";
    }

    // ---- answers: webhook callbacks and manual tasks ----

    /**
     * The answer of webhook system {@code system} to operation {@code id}, signed and checked by the caller: stored
     * and audited. Refused when Waarborg sent no such operation to that system or it was answered already.
     */
    public Operation answer(String system, String id, SystemResult result) {
        return tx.execute(s -> {
            Optional<Operation> op = id == null || !ID.matcher(id).matches() ? Optional.empty() : find(id);
            if (op.isEmpty() || !op.get().system().equals(system)) {
                throw new NotSentException();
            }
            if (!op.get().awaitingAnswer()) {
                throw new AnsweredAlreadyException();
            }
            return record(id, result, "system:" + system, true);
        });
    }

    /** The owner of a manual system did what task {@code taskId} asked: the task and its operation are done. */
    public Optional<ManualTasks.Task> completeTask(Caller caller, long taskId) {
        return tx.execute(s -> {
            Optional<ManualTasks.Task> task = tasks.find(taskId);
            if (task.isEmpty()) {
                return task;
            }
            if (!tasks.markDone(taskId, caller.actor(), now())) {
                throw new TaskDoneAlreadyException(taskId);
            }
            record(task.get().operation(), new SystemResult.Done(task.get().system(), Map.of(), null, List.of()),
                    caller.actor(), true);
            return tasks.find(taskId);
        });
    }

    // ---- sweeps ----

    /**
     * Sweeps every reachable system, each on its own: a system that fails is recorded (and retried at a later sweep)
     * while the others are swept. A dry run asks each system what is due and stores nothing.
     */
    public List<SystemSweep> sweepAll(Instant now, boolean dryRun, LinkedSubjects subjects) {
        return sweepAll(now, dryRun, subjects, (done, total) -> { });
    }

    /**
     * {@link #sweepAll(Instant, boolean, LinkedSubjects)}, telling {@code progress} how many of the reachable systems
     * are swept so far (before the first and after each), for a page that shows how far a sweep is.
     */
    public List<SystemSweep> sweepAll(Instant now, boolean dryRun, LinkedSubjects subjects,
                                      java.util.function.BiConsumer<Integer, Integer> progress) {
        List<SystemSweep> report = new ArrayList<>();
        List<SystemConnectors.Entry> reachable = connectors.all().stream().filter(SystemConnectors.Entry::reachable)
                .toList(); // manual systems are not swept: attestation tasks
        progress.accept(0, reachable.size());
        for (SystemConnectors.Entry e : reachable) {
            try {
                report.add(dryRun ? dry(e, now, subjects) : sweep(e, now, subjects));
            } catch (RuntimeException ex) { // our own database, say: this system's sweep is lost, the next one retries
                report.add(new SystemSweep(e.id(), e.kind(), null, Status.FAILED.term(), Map.of(),
                        "error: " + ex.getClass().getSimpleName(), null));
            }
            progress.accept(report.size(), reachable.size());
        }
        return report;
    }

    private SystemSweep dry(SystemConnectors.Entry e, Instant now, LinkedSubjects subjects) {
        SystemResult r;
        try {
            r = e.connector().sweep(new SweepRequest(now, true, subjects, "dry-" + UUID.randomUUID()));
        } catch (RuntimeException ex) {
            r = new SystemResult.Failed(e.id(), "error: " + ex.getClass().getSimpleName());
        }
        return switch (r) {
            case SystemResult.Done d -> new SystemSweep(e.id(), e.kind(), null, "done", d.counts(), null, null);
            case SystemResult.Partial p -> new SystemSweep(e.id(), e.kind(), null, "partial", p.counts(), p.cause(), null);
            case SystemResult.Failed f -> new SystemSweep(e.id(), e.kind(), null, "failed", Map.of(), f.cause(), null);
            case SystemResult.Pending p -> new SystemSweep(e.id(), e.kind(), null, "pending", Map.of(), null, null);
        };
    }

    /** This process, as the holder of the sweep leases it takes. */
    private static final String NODE = "node-" + UUID.randomUUID();

    /**
     * Sweeps one system while holding its lease ({@code system_sweep_lease}, V18), so that of several nodes sharing
     * Waarborg's database one sweeps a system at a time (the others report it {@code skipped}): two sweeps of one table
     * would each find the other's batches. The lease is a row, not a held connection; it ends with the sweep, or, when
     * the node died, {@code waarborg.systems.sweep-lease} after it was taken.
     */
    private SystemSweep sweep(SystemConnectors.Entry e, Instant now, LinkedSubjects subjects) {
        boolean taken = !template.queryForList("INSERT INTO system_sweep_lease (system, holder, until) "
                        + "VALUES (?, ?, now() + ?::interval) ON CONFLICT (system) DO UPDATE SET holder = EXCLUDED.holder, "
                        + "until = EXCLUDED.until WHERE system_sweep_lease.until < now() RETURNING holder", String.class,
                e.id(), NODE, properties.sweepLease().toSeconds() + " seconds").isEmpty();
        if (!taken) {
            return new SystemSweep(e.id(), e.kind(), null, "skipped", Map.of(),
                    "busy: another node is sweeping this system now", null);
        }
        try {
            return sweepAlone(e, now, subjects);
        } finally {
            template.update("DELETE FROM system_sweep_lease WHERE system = ? AND holder = ?", e.id(), NODE);
        }
    }

    private SystemSweep sweepAlone(SystemConnectors.Entry e, Instant now, LinkedSubjects subjects) {
        Optional<Operation> open = template.query("SELECT " + COLUMNS + " FROM system_operation WHERE system = ? "
                + "AND kind = 'sweep' AND status <> 'done' AND next_attempt_at IS NOT NULL ORDER BY created_at DESC LIMIT 1",
                (rs, n) -> operation(rs), e.id()).stream().findFirst();
        if (open.isPresent() && (open.get().awaitingAnswer() && open.get().status() == Status.PENDING
                || open.get().nextAttemptAt().isAfter(now))) {
            return summary(e, open.get()); // waits for its answer, or for its next attempt
        }
        String id = open.map(Operation::id).orElse("sweep-" + UUID.randomUUID());
        Supplier<SystemResult> attempt = () -> e.connector().sweep(new SweepRequest(now, false, subjects, id));
        return summary(e, open.isPresent() ? attempt(open.get(), attempt).operation()
                : run(id, Kind.SWEEP, e.id(), null, attempt).operation());
    }

    private static SystemSweep summary(SystemConnectors.Entry e, Operation op) {
        return new SystemSweep(e.id(), e.kind(), op.id(), op.status().term(), op.counts(), op.cause(), op.nextAttemptAt());
    }

    // ---- retries ----

    /**
     * Tries again every subject operation whose next attempt is due (a sweep is tried again by the next sweep), and
     * gives up waiting for answers that did not come within the maximum age. Returns how many it handled.
     */
    public int retryDue() {
        Instant now = now();
        // claimed for a while (the lease), so that another node's retry loop does not take the same operations
        List<Operation> due = tx.execute(s -> template.query("UPDATE system_operation SET next_attempt_at = ? "
                + "WHERE id IN (SELECT id FROM system_operation WHERE next_attempt_at <= ? "
                + "AND (kind <> 'sweep' OR status = 'pending') ORDER BY next_attempt_at LIMIT 100 FOR UPDATE SKIP LOCKED) "
                + "RETURNING " + COLUMNS, (rs, n) -> operation(rs), Timestamp.from(now.plus(LEASE)), Timestamp.from(now)));
        int handled = 0;
        for (Operation op : due) {
            handled++;
            if (op.status() == Status.PENDING) {
                Operation unanswered = tx.execute(s -> {
                    template.update("UPDATE system_operation SET next_attempt_at = NULL WHERE id = ?", op.id());
                    return record(op.id(), new SystemResult.Failed(op.system(), "no-answer: the system did not answer "
                            + "within waarborg.systems.max-age"), op.kind() == Kind.SWEEP ? SWEEP_ACTOR : ACTOR, true);
                });
                if (unanswered != null && unanswered.givenUp()) {
                    alerts.givenUp(unanswered);
                }
                retries.remove(op.id());
                continue;
            }
            Supplier<SystemResult> again = retries.get(op.id());
            if (again == null) {
                String cause = "retry-input-lost: Waarborg restarted since the last attempt and keeps no personal "
                        + "input; run the operation again";
                tx.executeWithoutResult(s -> {
                    template.update("UPDATE system_operation SET next_attempt_at = NULL, cause = ?, updated_at = ? "
                            + "WHERE id = ?", cause, Timestamp.from(now), op.id());
                    audit.append(event(ACTOR, op, op.status(), cause, op.counts(), op.digest(), op.attempts(), null));
                });
                continue;
            }
            attempt(op, again);
        }
        return handled;
    }

    /** Forgets every retry's input, as a restart does (for tests of that case). */
    void forgetRetryInputs() {
        retries.clear();
    }

    // ---- reading ----

    public Optional<Operation> find(String id) {
        return template.query("SELECT " + COLUMNS + " FROM system_operation WHERE id = ?", (rs, n) -> operation(rs), id)
                .stream().findFirst();
    }

    /** Operations, newest first; {@code givenUpOnly}: those that stay failed, for staff to act on. */
    public List<Operation> list(boolean givenUpOnly, int limit) {
        return template.query("SELECT " + COLUMNS + " FROM system_operation"
                + (givenUpOnly ? " WHERE status IN ('failed', 'partial') AND next_attempt_at IS NULL AND attempts > 0" : "")
                + " ORDER BY updated_at DESC LIMIT ?", (rs, n) -> operation(rs), Math.max(1, Math.min(limit, 1000)));
    }

    /** A system whose last sweep failed (or partly): {@code causeCode} is the cause's code only (docs/systems.md). */
    public record FailedSweep(String system, String status, String causeCode, Instant at) {}

    /**
     * The declared systems whose LAST sweep failed or partly failed, in the policy's order: one indexed read per
     * system ({@code system_operation_by_system}), never over all sweeps. A later sweep that worked clears it.
     */
    public List<FailedSweep> failedLastSweeps() {
        List<FailedSweep> out = new ArrayList<>();
        for (SystemConnectors.Entry e : connectors.all()) {
            template.query("SELECT status, cause, updated_at FROM system_operation WHERE system = ? AND kind = 'sweep' "
                    + "ORDER BY created_at DESC LIMIT 1", (rs, n) -> new FailedSweep(e.id(), rs.getString(1),
                    rs.getString(2) == null ? null : causeCode(rs.getString(2)), rs.getTimestamp(3).toInstant()), e.id())
                    .stream().filter(f -> f.status().equals("failed") || f.status().equals("partial"))
                    .forEach(out::add);
        }
        return out;
    }

    private static Operation operation(ResultSet rs) throws SQLException {
        Timestamp next = rs.getTimestamp("next_attempt_at");
        Map<String, Long> counts = JSON.readValue(rs.getString("counts"), new TypeReference<TreeMap<String, Long>>() {});
        return new Operation(rs.getString("id"), Kind.of(rs.getString("kind")), rs.getString("system"),
                rs.getObject("subject_id", UUID.class), Status.of(rs.getString("status")), rs.getString("cause"),
                counts, rs.getString("digest"), rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), next == null ? null : next.toInstant(),
                rs.getBoolean("awaiting_answer"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static void checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("an operation id is 1 to 100 letters, digits, '.', '_', ':' or '-'");
        }
    }

    // ---- refusals ----

    /** No declared system (other than the vault) has this id. */
    public static final class NoSuchSystemException extends ApiException {
        public NoSuchSystemException(String system) {
            super(HttpStatus.NOT_FOUND, "No such system", "the policy declares no system `" + system
                    + "` that Waarborg reaches");
        }
    }

    /** A callback names an operation Waarborg did not send to that system. */
    public static final class NotSentException extends ApiException {
        NotSentException() {
            super(HttpStatus.UNAUTHORIZED, "Unknown message", "the webhook-id names no operation Waarborg sent to this system");
        }
    }

    /** A callback answers an operation that was answered already (a replay). */
    public static final class AnsweredAlreadyException extends ApiException {
        AnsweredAlreadyException() {
            super(HttpStatus.CONFLICT, "Answered already", "this operation awaits no answer: it was answered already (the first answer stands) or was not accepted with 202");
        }
    }

    /** The task was marked done already; the first stands. */
    public static final class TaskDoneAlreadyException extends ApiException {
        TaskDoneAlreadyException(long id) {
            super(HttpStatus.CONFLICT, "Done already", "system task " + id + " was marked done already");
        }
    }
}
