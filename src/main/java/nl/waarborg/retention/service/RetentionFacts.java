package nl.waarborg.retention.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.waarborg.access.SubjectFact;
import nl.waarborg.access.SubjectFactSource;
import nl.waarborg.vault.ExpiringItems;
import nl.waarborg.vault.ExpiringItems.CategoryRetention;
import org.springframework.stereotype.Component;

/**
 * Retention's facts for decisions, per data category of a subject: {@code RetentionOver} when every item of
 * the category is past its due date, {@code RetainedOnlyFor} when every item still kept is kept only for some
 * purposes (legal obligation). A category with items in different states is decided as usable; the vault then
 * withholds each item its own retention does not let the purpose use (docs/retention.md).
 */
@Component
class RetentionFacts implements SubjectFactSource {

    private final ExpiringItems items;
    private final Clock clock;

    RetentionFacts(ExpiringItems items, Clock clock) {
        this.items = items;
        this.clock = clock;
    }

    @Override
    public List<SubjectFact> facts(UUID subject) {
        return facts(List.of(subject)).getOrDefault(subject, List.of());
    }

    @Override
    public Map<UUID, List<SubjectFact>> facts(Collection<UUID> subjects) {
        Map<UUID, List<SubjectFact>> all = new HashMap<>();
        if (subjects.isEmpty()) {
            return all;
        }
        items.retention(subjects, clock.instant()).forEach((subject, categories) -> {
            List<SubjectFact> facts = new ArrayList<>(1);
            for (CategoryRetention c : categories) {
                if (c.over() == c.items()) {
                    facts.add(new SubjectFact.RetentionOver(c.category()));
                } else if (c.over() + c.narrowed() == c.items()) {
                    facts.add(new SubjectFact.RetainedOnlyFor(c.category(), c.retainedFor()));
                }
            }
            if (!facts.isEmpty()) {
                all.put(subject, facts);
            }
        });
        return all;
    }
}
