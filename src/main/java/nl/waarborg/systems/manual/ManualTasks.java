package nl.waarborg.systems.manual;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.waarborg.access.Caller;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.service.AuditRecorder;
import nl.waarborg.mail.MailOutbox;
import nl.waarborg.mail.MailProperties;
import nl.waarborg.policy.Policy.DataSystem;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.vault.Reference;
import nl.waarborg.vault.Vault;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tasks for the owners of systems Waarborg cannot reach (table system_task, V15): one per subject operation, listed
 * without any personal value (the subject is Waarborg's id; staff open the subject in Waarborg to see who it is).
 * Marking a task done is {@code SystemOperations.completeTask}, which also closes the operation and audits it.
 * Opening one ({@link #open}) shows who the subject is (its references, from the vault) and is audited.
 */
@Repository
public class ManualTasks {

    private final JdbcTemplate template;
    private final Vault vault;
    private final AuditRecorder audit;
    private final ActivePolicy policy;
    private final Clock clock;
    private final MailOutbox outbox;
    private final MailProperties mail;
    private final TransactionTemplate tx;

    ManualTasks(JdbcTemplate template, Vault vault, AuditRecorder audit, ActivePolicy policy, Clock clock,
                MailOutbox outbox, MailProperties mail, TransactionTemplate tx) {
        this.outbox = outbox;
        this.mail = mail;
        this.tx = tx;
        this.template = template;
        this.vault = vault;
        this.audit = audit;
        this.policy = policy;
        this.clock = clock;
    }

    /** A task as its owner opens it: with the subject's references (empty once the vault erased the subject). */
    public record OpenedTask(Task task, List<Reference> references) {}

    /**
     * The task with who its subject is, for the owner to act on: audited ({@code system-task-opened}, with the
     * subject) before anything is shown, as the vault audits reading the subject ({@code read-subject}).
     */
    public Optional<OpenedTask> open(Caller caller, long id) {
        Optional<Task> task = find(id);
        if (task.isEmpty()) {
            return Optional.empty();
        }
        Task t = task.get();
        AuditEvent.Draft opened = AuditEvent.draft(caller.actor(), caller.role(), "system-task-opened")
                .outcome(Outcome.ALLOWED, "task:" + id, "system:" + t.system(), "operation:" + t.operation())
                .policyVersion(policy.version().id());
        audit.record(t.subject() == null ? opened : opened.subject(t.subject()));
        List<Reference> references = t.subject() == null ? List.of()
                : vault.subject(caller, t.subject()).map(r -> r.references()).orElse(List.of());
        return Optional.of(new OpenedTask(t, references));
    }

    /** One task as stored; {@code overdue} as of when it was read; {@code text} what the owner is asked. */
    public record Task(long id, String operation, String system, String owner, String kind, UUID subject,
                       String category, Instant dueAt, Instant createdAt, Instant doneAt, String doneBy,
                       boolean overdue, String text) {}

    Instant now() {
        return clock.instant();
    }

    /**
     * The task of operation {@code operationId}, created once: asking again returns the same task. A new task's notice
     * to staff ({@code waarborg.mail.tasks-to}; {@link ManualTaskNotices}) is queued with it, in one transaction.
     */
    long create(String operationId, DataSystem system, String kind, UUID subject, String category, Instant due,
                Instant now) {
        Long id = tx.execute(t -> {
            List<Long> created = template.queryForList("""
                    INSERT INTO system_task (operation_id, system, owner, kind, subject_id, category, due_at, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (operation_id) DO NOTHING RETURNING id""", Long.class,
                    operationId, system.id(), system.owner(), kind, subject, category, Timestamp.from(due),
                    Timestamp.from(now));
            if (!created.isEmpty() && mail.tellsTasks()) {
                outbox.queue(ManualTaskNotices.KIND, null, "task:" + created.getFirst(), null, now);
            }
            return created.isEmpty() ? null : created.getFirst();
        });
        return id != null ? id
                : template.queryForObject("SELECT id FROM system_task WHERE operation_id = ?", Long.class, operationId);
    }

    private static final String COLUMNS = "id, operation_id, system, owner, kind, subject_id, category, due_at, "
            + "created_at, done_at, done_by";

    public List<Task> list(boolean openOnly) {
        Instant now = clock.instant();
        return template.query("SELECT " + COLUMNS + " FROM system_task" + (openOnly ? " WHERE done_at IS NULL" : "")
                + " ORDER BY due_at, id", (rs, n) -> task(rs, now));
    }

    /** How many tasks are open: counted over the open tasks' index ({@code system_task_open}), for the dashboard. */
    public long openCount() {
        return template.queryForObject("SELECT count(*) FROM system_task WHERE done_at IS NULL", Long.class);
    }

    /** The first {@code limit} open tasks, soonest due first, by the open tasks' index. */
    public List<Task> firstOpen(int limit) {
        Instant now = clock.instant();
        return template.query("SELECT " + COLUMNS + " FROM system_task WHERE done_at IS NULL ORDER BY due_at, id LIMIT ?",
                (rs, n) -> task(rs, now), Math.max(1, Math.min(limit, 100)));
    }

    public Optional<Task> find(long id) {
        Instant now = clock.instant();
        return template.query("SELECT " + COLUMNS + " FROM system_task WHERE id = ?", (rs, n) -> task(rs, now), id)
                .stream().findFirst();
    }

    /** Marks the task done in the caller's transaction; false when it was done already. */
    public boolean markDone(long id, String actor, Instant at) {
        return template.update("UPDATE system_task SET done_at = ?, done_by = ? WHERE id = ? AND done_at IS NULL",
                Timestamp.from(at), actor, id) == 1;
    }

    private static Task task(ResultSet rs, Instant now) throws SQLException {
        Instant due = rs.getTimestamp("due_at").toInstant();
        Timestamp done = rs.getTimestamp("done_at");
        String system = rs.getString("system");
        String kind = rs.getString("kind");
        String category = rs.getString("category");
        return new Task(rs.getLong("id"), rs.getString("operation_id"), system, rs.getString("owner"), kind,
                rs.getObject("subject_id", UUID.class), category, due, rs.getTimestamp("created_at").toInstant(),
                done == null ? null : done.toInstant(), rs.getString("done_by"), done == null && now.isAfter(due),
                text(kind, system, category, due));
    }

    /** What the owner is asked to do; no personal value (the subject is named by Waarborg's id beside it). */
    static String text(String kind, String system, String category, Instant due) {
        String date = due.atOffset(java.time.ZoneOffset.UTC).toLocalDate().toString();
        return switch (kind) {
            case "erase" -> "Erase this subject's data in " + system + " by " + date + ".";
            case "export" -> "Export this subject's data from " + system + " by " + date + ".";
            default -> "Correct this subject's " + category + " in " + system + " by " + date
                    + " (the new value is in the request).";
        };
    }
}
