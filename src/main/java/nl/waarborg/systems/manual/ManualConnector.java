package nl.waarborg.systems.manual;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.Policy.DataSystem;
import nl.waarborg.systems.SubjectLinks;
import nl.waarborg.systems.SweepRequest;
import nl.waarborg.systems.SystemConnector;
import nl.waarborg.systems.SystemResult;

/**
 * A system Waarborg cannot reach: each subject operation becomes a task for the system's owner ("erase this
 * subject's data in the camera recorder by …"), due within the policy's response time (rights.response-time,
 * Art. 12(3) GDPR: one month), and stays {@link SystemResult.Pending} until the owner marks it done. A sweep does
 * nothing here: retention's attestation tasks ask the owner to confirm each period instead.
 */
public final class ManualConnector implements SystemConnector {

    private final DataSystem system;
    private final ManualTasks tasks;
    private final Period within;

    public ManualConnector(Policy policy, DataSystem system, ManualTasks tasks) {
        this.system = system;
        this.tasks = tasks;
        this.within = policy.rights() != null && policy.rights().responseTime() != null
                && policy.rights().responseTime().value() != null ? policy.rights().responseTime().value() : Period.ofMonths(1);
    }

    @Override
    public String systemId() {
        return system.id();
    }

    @Override
    public SystemResult export(SubjectLinks subject) {
        // the task is keyed by its operation: SystemOperations calls export(subject, operationId)
        return new SystemResult.Failed(system.id(), "manual: an export of a manual system needs its operation id");
    }

    @Override
    public SystemResult export(SubjectLinks subject, String operationId) {
        return task(operationId, "export", subject, null);
    }

    @Override
    public SystemResult erase(SubjectLinks subject, String operationId) {
        return task(operationId, "erase", subject, null);
    }

    @Override
    public SystemResult rectify(SubjectLinks subject, String category, String value, String operationId) {
        return task(operationId, "rectify", subject, category); // the new value is not kept: the request holds it
    }

    @Override
    public SystemResult sweep(SweepRequest request) {
        return new SystemResult.Done(system.id(), java.util.Map.of(), null, java.util.List.of());
    }

    private SystemResult task(String operationId, String kind, SubjectLinks subject, String category) {
        Instant now = tasks.now();
        Instant due = now.atOffset(ZoneOffset.UTC).plus(within).toInstant();
        long id = tasks.create(operationId, system, kind, subject.subject(), category, due, now);
        return new SystemResult.Pending(system.id(), "task:" + id);
    }
}
