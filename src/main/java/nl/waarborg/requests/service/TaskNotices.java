package nl.waarborg.requests.service;

import java.time.Clock;
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
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.requests.Request;
import nl.waarborg.requests.service.FulfilmentStore.StoredStep;
import org.springframework.stereotype.Component;

/**
 * Tells staff at {@code waarborg.mail.tasks-to} of a task on a request to tell a recipient of a rectification, erasure
 * or restriction (Art. 19 GDPR; docs/mail.md): queued with the step's task ({@link #queueRecipient}, outbox kind
 * {@code task:recipient}, item {@code step:SEQ}) and written when sent: the recipient's name, the request's reference,
 * the day the request is due and the console's page of the request; no personal value. A step done before its notice
 * goes out is not announced any more. Sent and given-up notices are on record ({@code request-task-notice-mailed},
 * {@code request-task-notice-not-mailed}) and so on the request's timeline.
 */
@Component
class TaskNotices implements OutboxMail {

    static final String KIND = "task:recipient";
    private static final Pattern STEP = Pattern.compile("step:(\\d+)");

    private final MailOutbox outbox;
    private final MailProperties mail;
    private final RequestStore requests;
    private final FulfilmentStore steps;
    private final ActivePolicy policy;
    private final AuditLog audit;
    private final Clock clock;

    TaskNotices(MailOutbox outbox, MailProperties mail, RequestStore requests, FulfilmentStore steps, ActivePolicy policy,
                AuditLog audit, Clock clock) {
        this.outbox = outbox;
        this.mail = mail;
        this.requests = requests;
        this.steps = steps;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** In the step's transaction: the notice of step {@code seq}'s task, once, when staff are told of tasks. */
    void queueRecipient(Request r, int seq) {
        if (mail.tellsTasks()) {
            outbox.queue(KIND, r.id(), "step:" + seq, null, clock.instant());
        }
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
        Optional<Request> r = e.request() == null ? Optional.empty() : requests.findById(e.request());
        Optional<StoredStep> step = r.flatMap(x -> step(x, e));
        if (step.isEmpty()) {
            return new Drop("no-task");
        }
        if (step.get().finished()) {
            return new Drop("done-already");
        }
        Policy p = policy.policy();
        String target = step.get().target();
        Map<String, String> places = p.recipients().stream().filter(x -> x.id().equals(target)).findFirst()
                .map(x -> Map.of("nl", x.name().in(Lang.NL), "en", x.name().in(Lang.EN))).orElse(Map.of("nl", target));
        String reference = r.get().reference();
        return new Send(new TaskNotice("notify", places, reference, r.get().dueOn(),
                mail.link("/console/requests/" + reference)).mail(mail.tasksTo()));
    }

    private Optional<StoredStep> step(Request r, MailOutbox.Entry e) {
        Matcher m = e.item() == null ? null : STEP.matcher(e.item());
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        int seq = Integer.parseInt(m.group(1));
        return steps.steps(r.id()).stream().filter(s -> s.seq() == seq).findFirst();
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
        Optional<Request> r = e.request() == null ? Optional.empty() : requests.findById(e.request());
        r.ifPresent(x -> {
            AuditEvent.Draft d = AuditEvent.draft(LetterMails.ACTOR.actor(), LetterMails.ACTOR.role(), action);
            audit.append((x.subject() == null ? d : d.subject(x.subject())).outcome(outcome,
                    reason == null ? new String[] {"request:" + x.reference(), e.item(), "mail:" + e.id()}
                            : new String[] {"request:" + x.reference(), e.item(), "mail:" + e.id(), reason}));
        });
    }
}
