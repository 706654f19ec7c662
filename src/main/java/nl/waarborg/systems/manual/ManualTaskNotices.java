package nl.waarborg.systems.manual;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.mail.MailOutbox;
import nl.waarborg.mail.MailProperties;
import nl.waarborg.mail.OutboxMail;
import nl.waarborg.mail.TaskNotice;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.service.ActivePolicy;
import org.springframework.stereotype.Component;

/**
 * Tells staff at {@code waarborg.mail.tasks-to} of a new task for the owner of a manual system (docs/mail.md; outbox
 * kind {@code task:system}, item {@code task:ID}), written when sent: what to do, in which system, for which request,
 * by when, and the console's page of the request. The request is the first part of the task's operation id (a
 * request's operations are named {@code REFERENCE.step.N} and {@code REFERENCE.export.N.A}). No personal value. A task
 * done before its notice goes out is not announced any more. On record as {@code request-task-notice-mailed}, with the
 * request, so on its timeline.
 */
@Component
class ManualTaskNotices implements OutboxMail {

    static final String KIND = "task:system";
    private static final Pattern TASK = Pattern.compile("task:(\\d+)");
    private static final Pattern REFERENCE = Pattern.compile("^(WB-[0-9A-Z]{4}-[0-9A-Z]{4})\\..*");

    private final ManualTasks tasks;
    private final MailProperties mail;
    private final ActivePolicy policy;
    private final AuditLog audit;

    ManualTaskNotices(ManualTasks tasks, MailProperties mail, ActivePolicy policy, AuditLog audit) {
        this.tasks = tasks;
        this.mail = mail;
        this.policy = policy;
        this.audit = audit;
    }

    @Override
    public boolean handles(String kind) {
        return KIND.equals(kind);
    }

    @Override
    public Written write(MailOutbox.Entry e) {
        if (!mail.tellsTasks()) {
            return new Drop("no-tasks-to");
        }
        Optional<ManualTasks.Task> task = task(e);
        if (task.isEmpty()) {
            return new Drop("no-task");
        }
        ManualTasks.Task t = task.get();
        if (t.doneAt() != null) {
            return new Drop("done-already");
        }
        Map<String, String> places = policy.policy().systems().stream().filter(s -> s.id().equals(t.system()))
                .findFirst().map(s -> Map.of("nl", s.name().in(Lang.NL), "en", s.name().in(Lang.EN)))
                .orElse(Map.of("nl", t.system()));
        String reference = reference(t).orElse("-");
        String link = mail.link(reference.equals("-") ? "/console" : "/console/requests/" + reference);
        // the due day as the task's text gives it (UTC)
        LocalDate due = t.dueAt().atOffset(ZoneOffset.UTC).toLocalDate();
        return new Send(new TaskNotice(t.kind(), places, reference, due, link).mail(mail.tasksTo()));
    }

    private Optional<ManualTasks.Task> task(MailOutbox.Entry e) {
        Matcher m = e.item() == null ? null : TASK.matcher(e.item());
        return m == null || !m.matches() ? Optional.empty() : tasks.find(Long.parseLong(m.group(1)));
    }

    static Optional<String> reference(ManualTasks.Task t) {
        Matcher m = REFERENCE.matcher(t.operation());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    @Override
    public void sent(MailOutbox.Entry e) {
        record(e, "request-task-notice-mailed", Outcome.ALLOWED, null);
    }

    @Override
    public void notSent(MailOutbox.Entry e, String reason) {
        record(e, "request-task-notice-not-mailed", Outcome.FAILED, reason);
    }

    private void record(MailOutbox.Entry e, String action, Outcome outcome, String reason) {
        java.util.List<String> reasons = new java.util.ArrayList<>();
        Optional<ManualTasks.Task> task = task(e);
        task.flatMap(ManualTaskNotices::reference).ifPresent(r -> reasons.add("request:" + r));
        reasons.add(e.item());
        task.ifPresent(t -> reasons.add("system:" + t.system()));
        reasons.add("mail:" + e.id());
        if (reason != null) {
            reasons.add(reason);
        }
        audit.append(AuditEvent.draft("system:mail", "dpo", action).outcome(outcome, reasons.toArray(String[]::new)));
    }
}
