package nl.waarborg.retention.service;

import org.springframework.http.HttpStatus;
import nl.waarborg.input.ApiException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.waarborg.access.Caller;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.retention.AttestationPlan;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Attestation tasks for systems Waarborg cannot reach (table attestation_task): planned by {@link AttestationPlan},
 * created a planning interval ahead of their due date, confirmed by staff on behalf of the system's owner.
 * A task not confirmed by its due date is overdue.
 */
@Repository
public class AttestationTasks {

    private final JdbcTemplate template;
    private final ActivePolicy policy;
    private final RetentionUpkeep upkeep;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int intervalDays;
    private volatile Plan plan;

    private record Plan(long version, AttestationPlan plan) {}

    AttestationTasks(JdbcTemplate template, ActivePolicy policy, RetentionUpkeep upkeep, AuditLog audit,
                     TransactionTemplate tx, Clock clock,
                     @Value("${waarborg.retention.attestation-interval-days:7}") int intervalDays) {
        this.template = template;
        this.policy = policy;
        this.upkeep = upkeep;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.intervalDays = intervalDays;
    }

    /** One task as stored, with whether it is overdue at the time it was read. */
    public record Task(long id, String rule, String system, String owner, List<String> categories, String period,
                       Instant dueAt, Instant confirmedAt, String confirmedBy, boolean overdue, String text) {}

    AttestationPlan plan() {
        long version = policy.version().id();
        Plan p = plan;
        if (p == null || p.version() != version) {
            p = new Plan(version, new AttestationPlan(policy.policy(), upkeep.zone(), intervalDays));
            plan = p;
        }
        return p.plan();
    }

    /** Creates the tasks due from one interval ago to one interval ahead that do not exist yet; returns how many. */
    int schedule(Instant now) {
        AttestationPlan p = plan();
        Duration interval = p.interval();
        int created = 0;
        for (AttestationPlan.Task t : p.dueBetween(now.minus(interval), now.plus(interval))) {
            created += template.update("""
                    INSERT INTO attestation_task (rule, system, owner, categories, period, due_at, created_at, policy_version)
                    VALUES (?, ?, ?, ?::text[], ?, ?, ?, ?) ON CONFLICT (rule, system, due_at) DO NOTHING""",
                    t.rule(), t.system(), t.owner(), "{" + String.join(",", t.categories()) + "}", t.period(),
                    Timestamp.from(t.dueAt()), Timestamp.from(now), policy.version().id());
        }
        return created;
    }

    public List<Task> list(boolean openOnly) {
        Instant now = clock.instant();
        return template.query("SELECT id, rule, system, owner, categories, period, due_at, confirmed_at, confirmed_by "
                + "FROM attestation_task" + (openOnly ? " WHERE confirmed_at IS NULL" : "") + " ORDER BY due_at, rule, system",
                (rs, n) -> task(rs, now));
    }

    /** Open attestations, and of those the ones due by a moment. */
    public record OpenCounts(long open, long dueBy) {}

    /**
     * How many attestations are open, and of those how many are due by {@code until}: counted over the open ones' index
     * ({@code attestation_open}), for the dashboard.
     */
    public OpenCounts openCounts(Instant until) {
        return template.queryForObject("SELECT count(*), count(*) FILTER (WHERE due_at <= ?) FROM attestation_task "
                + "WHERE confirmed_at IS NULL", (rs, n) -> new OpenCounts(rs.getLong(1), rs.getLong(2)),
                java.sql.Timestamp.from(until));
    }

    /** The first {@code limit} open attestations, soonest due first, by the open ones' index. */
    public List<Task> firstOpen(int limit) {
        Instant now = clock.instant();
        return template.query("SELECT id, rule, system, owner, categories, period, due_at, confirmed_at, confirmed_by "
                + "FROM attestation_task WHERE confirmed_at IS NULL ORDER BY due_at, rule, system LIMIT ?",
                (rs, n) -> task(rs, now), Math.max(1, Math.min(limit, 100)));
    }

    public Optional<Task> find(long id) {
        Instant now = clock.instant();
        return template.query("SELECT id, rule, system, owner, categories, period, due_at, confirmed_at, confirmed_by "
                + "FROM attestation_task WHERE id = ?", (rs, n) -> task(rs, now), id).stream().findFirst();
    }

    /**
     * Records that the system's owner confirmed the deletion. Confirming twice is refused (the first confirmation
     * stands).
     *
     * @return the task as confirmed; empty when there is no such task
     * @throws ConfirmedAlreadyException when it was confirmed already
     */
    public Optional<Task> confirm(Caller caller, long id) {
        Instant now = clock.instant();
        return tx.execute(s -> {
            Optional<Task> task = find(id);
            if (task.isEmpty()) {
                return task;
            }
            if (task.get().confirmedAt() != null) {
                throw new ConfirmedAlreadyException(id);
            }
            template.update("UPDATE attestation_task SET confirmed_at = ?, confirmed_by = ? WHERE id = ? AND confirmed_at IS NULL",
                    Timestamp.from(now), caller.actor(), id);
            audit.append(AuditEvent.draft(caller.actor(), caller.role(), "attestation-confirmed")
                    .categories(task.get().categories().toArray(String[]::new))
                    .outcome(Outcome.ALLOWED, "task:" + id, "rule:" + task.get().rule(), "system:" + task.get().system(),
                            task.get().overdue() ? "overdue" : "on-time")
                    .policyVersion(policy.version().id()));
            return find(id);
        });
    }

    private static Task task(java.sql.ResultSet rs, Instant now) throws java.sql.SQLException {
        Timestamp confirmed = rs.getTimestamp(8);
        Instant due = rs.getTimestamp(7).toInstant();
        List<String> categories = Arrays.asList((String[]) rs.getArray(5).getArray());
        return new Task(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), categories, rs.getString(6),
                due, confirmed == null ? null : confirmed.toInstant(), rs.getString(9),
                confirmed == null && now.isAfter(due), text(rs.getString(3), categories, rs.getString(6), rs.getString(2)));
    }

    /** What the owner is asked to confirm. */
    static String text(String system, List<String> categories, String period, String rule) {
        return "Confirm that " + String.join(", ", categories) + " older than " + period + " on " + system
                + " has been deleted (retention rule " + rule + ").";
    }

    /** The task was confirmed already; the first confirmation stands. */
    public static final class ConfirmedAlreadyException extends ApiException {
        ConfirmedAlreadyException(long id) {
            super(HttpStatus.CONFLICT, "Confirmed already", "attestation task " + id + " was confirmed already");
        }
    }
}
