package nl.waarborg.access;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.waarborg.policy.Policy;

/**
 * What a caller's purposes cover beyond reading (docs/vault.md, "Purpose limitation"): the subjects it may find
 * and change (those in a subject category one of its purposes declares, or with items collected for one of
 * them), the subject categories it may place subjects in ({@code joins-subject-categories}) and the lifecycle
 * events it may record ({@code records-events}). Staff are not limited.
 *
 * @param anySubject        one of the purposes declares no subject categories, so it covers every subject
 * @param subjectCategories the subject categories the purposes declare
 * @param purposes          the caller's purposes the policy declares
 */
public record KeyScope(boolean staff, boolean anySubject, Set<String> subjectCategories, Set<String> purposes,
                       Set<String> joinable, Set<String> recordable) {

    /** The scope of the caller's purposes under this policy. */
    public static KeyScope of(Policy policy, Caller caller) {
        if (caller.staff()) {
            return new KeyScope(true, true, Set.of(), Set.of(), Set.of(), Set.of());
        }
        boolean any = false;
        Set<String> subjects = new LinkedHashSet<>();
        Set<String> purposes = new LinkedHashSet<>();
        Set<String> joinable = new LinkedHashSet<>();
        Set<String> recordable = new LinkedHashSet<>();
        for (String id : caller.purposes()) {
            Policy.Purpose p = policy.purpose(id).orElse(null);
            if (p == null) {
                continue; // a purpose a later policy version dropped covers nothing
            }
            purposes.add(id);
            any |= p.subjects().isEmpty();
            subjects.addAll(p.subjects());
            joinable.addAll(p.joinsSubjectCategories());
            recordable.addAll(p.recordsEvents());
        }
        return new KeyScope(false, any, Set.copyOf(subjects), Set.copyOf(purposes), Set.copyOf(joinable),
                Set.copyOf(recordable));
    }

    /** Whether the caller may place subjects in the subject category. */
    public boolean mayJoin(String subjectCategory) {
        return staff || joinable.contains(subjectCategory);
    }

    /** Whether the caller may record the lifecycle event. */
    public boolean mayRecord(String event) {
        return staff || recordable.contains(event);
    }

    /** Whether every subject is within the caller's purposes, so no subject need be checked. */
    public boolean coversEverySubject() {
        return staff || anySubject;
    }

    /**
     * The purposes whose items a read for {@code purpose} returns: the purpose itself and those it is declared
     * compatible with (Art. 6(4) GDPR, {@code compatible-with}).
     */
    public static Set<String> readableFor(Policy policy, String purpose) {
        List<String> compatible = policy.purpose(purpose).map(Policy.Purpose::compatibleWith).orElse(List.of());
        if (compatible.isEmpty()) {
            return Set.of(purpose);
        }
        Set<String> all = new LinkedHashSet<>();
        all.add(purpose);
        all.addAll(compatible);
        return Set.copyOf(all);
    }
}
