package nl.waarborg.policy;

import java.util.List;

/**
 * Where a retention period starts counting: at collection, at the latest of named lifecycle events, or at a date the
 * item itself carries (an invoice's date). A rule may round the start to the calendar ({@link CalendarRounding}).
 */
public sealed interface RetentionStart {

    record AtCollection() implements RetentionStart {}

    /** One event, or the later of several (fiscal: after contract end and after any complaint is closed). */
    record AfterEvents(List<String> events) implements RetentionStart {}

    /**
     * A date of the item itself, declared in the policy's {@code item-dates} and given when the item is stored (its
     * invoice date): the subject's items then each go at their own time. Counted from the start of that day in the
     * organisation's time zone.
     */
    record AtItemDate(String date) implements RetentionStart {}

    RetentionStart COLLECTION = new AtCollection();
}
