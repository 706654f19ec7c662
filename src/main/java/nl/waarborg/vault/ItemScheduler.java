package nl.waarborg.vault;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Computes items' retention schedules (implemented by the retention capability, which depends on the vault, not
 * the other way round). The vault asks for the schedules of new items before it stores them, and tells it when a
 * subject's history changed (joined a category, a lifecycle event) inside the transaction that changes it, so the
 * stored due dates are never behind the facts they follow from.
 */
public interface ItemScheduler {

    /** What is known of an item before it is stored; {@code dates} the dates it carries of its own (invoice date). */
    record NewItemFacts(UUID subject, String category, List<String> purposes, Instant collectedAt,
                        java.util.Map<String, java.time.LocalDate> dates) {}

    /** The schedules of items about to be stored, in the order given. */
    List<ItemSchedule> forNew(List<NewItemFacts> items);

    /** Recomputes the stored schedules of the subject's items; called inside the changing transaction. */
    void subjectChanged(UUID subject);
}
