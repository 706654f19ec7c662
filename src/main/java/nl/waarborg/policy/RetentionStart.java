package nl.waarborg.policy;

import java.util.List;

/** Where a retention period starts counting: at collection, or at the latest of named lifecycle events. */
public sealed interface RetentionStart {

    record AtCollection() implements RetentionStart {}

    /** One event, or the later of several (fiscal: after contract end and after any complaint is closed). */
    record AfterEvents(List<String> events) implements RetentionStart {}

    RetentionStart COLLECTION = new AtCollection();
}
