package nl.waarborg.systems;

/**
 * What retention and requests ask of one declared system. Every operation is idempotent: repeating an erase or a
 * sweep does no harm (what is gone stays gone, and is not counted again). Implementations never throw for a fault of
 * the system itself (down, refused, timed out): they answer {@link SystemResult.Failed} with the cause, so one system
 * that is down holds nothing else up.
 */
public interface SystemConnector {

    /** The id of the system in the policy. */
    String systemId();

    /** Every value the system holds of the subject, by table, column and data category (Art. 15, 20). */
    SystemResult export(SubjectLinks subject);

    /**
     * The export of operation {@code operationId}: a connector that answers later (a webhook's callback, a manual
     * system's task) names the operation; others need not, and export as above.
     */
    default SystemResult export(SubjectLinks subject, String operationId) {
        return export(subject);
    }

    /** Erases what the system holds of the subject, as its mapping says per table (Art. 17). */
    SystemResult erase(SubjectLinks subject, String operationId);

    /**
     * Erases as above, except what Art. 17(3) requires the system to keep at {@code now}: what a retention rule of a
     * legal obligation or a running contract still keeps, and a subject under a hold ({@code subjects} tells). A
     * connector that keeps something says what, why and until when in its counts ({@code kept:…}, docs/systems.md);
     * one that cannot tell (a webhook, a manual system, whose owner decides) erases as above.
     */
    default SystemResult erase(SubjectLinks subject, String operationId, java.time.Instant now, LinkedSubjects subjects) {
        return erase(subject, operationId);
    }

    /** Sets every value of {@code category} the system holds of the subject to {@code value} (Art. 16). */
    SystemResult rectify(SubjectLinks subject, String category, String value, String operationId);

    /** Erases (or, dry, counts) what is due under the policy's retention rules, leaving subjects under a hold. */
    SystemResult sweep(SweepRequest request);

    /**
     * How many subjects the system holds a value of any of {@code categories} of (the people a breach of the system
     * affects, issue 17). Only a connector that reads the system itself can tell; the others answer
     * {@link SubjectCount.NotCounted#NOT_COUNTABLE}. Like every operation, never throws for a fault of the system.
     */
    default SubjectCount countSubjects(java.util.Set<String> categories) {
        return new SubjectCount.NotCounted(SubjectCount.NotCounted.NOT_COUNTABLE);
    }
}
