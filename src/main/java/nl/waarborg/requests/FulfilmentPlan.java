package nl.waarborg.requests;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.waarborg.policy.Connector;
import nl.waarborg.policy.Policy;

/**
 * What fulfilling a request takes, step by step, from the policy alone: which places are read for an access or
 * portability answer (Art. 15, 20), changed for a rectification (Art. 16), erased (Art. 17), and which recipients are
 * told of a rectification, erasure or restriction (Art. 19). A restriction, an objection and a consent withdrawal take
 * effect in the decision core when received or verified, so they add no step here.
 *
 * <p>Steps run in phases, each after the one before is done: first the reading (so that a request for access and
 * erasure answers with the data before it is gone), then rectification, then erasure, then telling the recipients.
 * The places are the vault and every declared system a purpose for the subject's categories uses; the recipients
 * those of the same purposes (every recipient the data may have been disclosed to, Art. 4(9), processors too).
 */
public final class FulfilmentPlan {

    /** The vault, as a step's target. */
    public static final String VAULT = "vault";

    /** What a step does. */
    public enum Action {
        EXPORT(1), RECTIFY(2), ERASE(3), NOTIFY(4);

        private final int phase;

        Action(int phase) {
            this.phase = phase;
        }

        public int phase() {
            return phase;
        }

        public String term() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Action of(String term) {
            return valueOf(term.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * One step: {@code target} is {@link #VAULT}, a system's id or (notify) a recipient's id; {@code category} the
     * data category a rectification changes (null otherwise).
     */
    public record Step(Action action, String target, String category) {

        public int phase() {
            return action.phase();
        }
    }

    private FulfilmentPlan() {
    }

    /**
     * The steps for {@code kinds}. {@code subjectCategories}: the subject categories the person is in (empty: not known,
     * so every purpose counts); {@code rectified}: the data categories a rectification changes.
     */
    public static List<Step> of(Policy policy, Collection<RequestKind> kinds, Set<String> subjectCategories,
                                Set<String> rectified) {
        List<Policy.Purpose> purposes = policy.purposes().stream()
                .filter(p -> subjectCategories.isEmpty() || p.subjects().stream().anyMatch(subjectCategories::contains))
                .toList();
        LinkedHashSet<String> systems = new LinkedHashSet<>();
        for (Policy.DataSystem s : policy.systems()) {
            if (s.connector() != Connector.VAULT && purposes.stream().anyMatch(p -> p.systems().contains(s.id()))) {
                systems.add(s.id());
            }
        }
        List<Step> steps = new ArrayList<>();
        if (kinds.contains(RequestKind.ACCESS) || kinds.contains(RequestKind.PORTABILITY)) {
            steps.add(new Step(Action.EXPORT, VAULT, null));
            systems.forEach(s -> steps.add(new Step(Action.EXPORT, s, null)));
        }
        if (kinds.contains(RequestKind.RECTIFICATION)) {
            for (String category : rectified) {
                steps.add(new Step(Action.RECTIFY, VAULT, category));
                // a system is changed where a purpose that uses it processes the category
                systems.stream().filter(s -> purposes.stream().anyMatch(p -> p.systems().contains(s)
                        && p.data().contains(category))).forEach(s -> steps.add(new Step(Action.RECTIFY, s, category)));
            }
        }
        if (kinds.contains(RequestKind.ERASURE)) {
            steps.add(new Step(Action.ERASE, VAULT, null));
            systems.forEach(s -> steps.add(new Step(Action.ERASE, s, null)));
        }
        if (kinds.contains(RequestKind.RECTIFICATION) || kinds.contains(RequestKind.ERASURE)
                || kinds.contains(RequestKind.RESTRICTION)) {
            LinkedHashSet<String> recipients = new LinkedHashSet<>();
            purposes.forEach(p -> recipients.addAll(p.recipients()));
            recipients.forEach(r -> steps.add(new Step(Action.NOTIFY, r, null)));
        }
        return List.copyOf(steps);
    }
}
