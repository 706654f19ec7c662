package nl.waarborg.requests;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Predicate;
import nl.waarborg.policy.Art9Condition;
import nl.waarborg.policy.LegalBasis;
import nl.waarborg.policy.Policy;

/**
 * Which items the right to data portability covers (Art. 20(1) GDPR; docs/requests.md, "The answer"): data the person
 * <em>provided</em>, processed on their consent or a contract with them. Decided from the policy, never guessed:
 * <ol>
 *   <li>Provided: the item's origin is the person ({@link AccessContext#PERSON_SOURCES}). An item without an origin
 *       (a system's column) counts only when every purpose it is held for declares sources and all of them are the
 *       person; a purpose that declares none, or another source, leaves it out.</li>
 *   <li>Consent or contract (Art. 20(1)(a)): one of those purposes rests on consent, a contract, or explicit consent
 *       as its Art. 9 condition.</li>
 * </ol>
 * The purposes an item is held for are its own; an item that names none is held for every purpose of the policy that
 * uses its category.
 */
public final class ProvidedData implements Predicate<AnswerItem> {

    private final Policy policy;

    private ProvidedData(Policy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public static ProvidedData of(Policy policy) {
        return new ProvidedData(policy);
    }

    @Override
    public boolean test(AnswerItem item) {
        List<Policy.Purpose> purposes = purposesOf(item);
        if (purposes.isEmpty()) {
            return false;
        }
        boolean provided = item.origin() != null ? AccessContext.PERSON_SOURCES.contains(item.origin())
                : purposes.stream().allMatch(x -> !x.sources().isEmpty()
                        && x.sources().stream().allMatch(AccessContext.PERSON_SOURCES::contains));
        return provided && purposes.stream().anyMatch(ProvidedData::consentOrContract);
    }

    /** Only the items this predicate lets through, still as a stream. */
    public Iterator<AnswerItem> only(Iterator<AnswerItem> items) {
        return new Iterator<>() {
            private AnswerItem next;

            @Override
            public boolean hasNext() {
                while (next == null && items.hasNext()) {
                    AnswerItem i = items.next();
                    if (test(i)) {
                        next = i;
                    }
                }
                return next != null;
            }

            @Override
            public AnswerItem next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                AnswerItem i = next;
                next = null;
                return i;
            }
        };
    }

    private List<Policy.Purpose> purposesOf(AnswerItem item) {
        if (!item.purposes().isEmpty()) {
            return item.purposes().stream().map(policy::purpose).flatMap(java.util.Optional::stream).toList();
        }
        return policy.purposes().stream().filter(x -> x.data().contains(item.category())).toList();
    }

    private static boolean consentOrContract(Policy.Purpose x) {
        return x.basis() == LegalBasis.CONSENT || x.basis() == LegalBasis.CONTRACT
                || x.art9() == Art9Condition.EXPLICIT_CONSENT;
    }
}
