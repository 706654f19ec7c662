package nl.waarborg.access.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import nl.waarborg.access.SubjectFactSource;
import nl.waarborg.access.SubjectState;
import nl.waarborg.access.SubjectStateCache;
import nl.waarborg.database.ChangeNotifications;
import nl.waarborg.policy.CompiledPolicy;
import nl.waarborg.policy.service.ActivePolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Subjects' decision states, cached, and kept right across nodes: a change to a fact is announced with
 * {@link #changed(UUID)} inside the transaction that makes it; PostgreSQL delivers the announcement to every
 * node (this one included) only when that transaction commits, and each drops the subject's cached state. This
 * node also drops it right after its own commit, so the caller's next request sees the change.
 */
@Component
public class SubjectStates {

    static final String CHANNEL = "subject_changed";

    private final SubjectStateCache cache;
    private final List<SubjectFactSource> sources;
    private final List<Consumer<UUID>> listeners = new CopyOnWriteArrayList<>();
    private final ActivePolicy policy;
    private final ChangeNotifications notifications;

    SubjectStates(List<SubjectFactSource> sources, ActivePolicy policy, ChangeNotifications notifications,
                  @Value("${waarborg.subject-state-cache:100000}") int capacity) {
        this.policy = policy;
        this.notifications = notifications;
        List<SubjectFactSource> all = List.copyOf(sources);
        this.sources = all;
        this.cache = new SubjectStateCache(capacity, (subject, compiled) -> {
            SubjectState.Builder b = SubjectState.builder(compiled).subject(subject);
            for (SubjectFactSource source : all) {
                b.applyAll(source.facts(subject));
            }
            return b.build();
        });
        notifications.subscribe(CHANNEL, payload -> {
            UUID subject = UUID.fromString(payload);
            cache.invalidate(subject);
            listeners.forEach(l -> l.accept(subject));
        });
        notifications.onReconnect(cache::invalidateAll); // announcements may have been missed meanwhile
    }

    /** The subject's state under the policy in force. */
    public SubjectState state(UUID subject) {
        return cache.get(subject, policy.compiled());
    }

    /** The subject's state under the given compiled policy (the caller holds one for a whole request). */
    public SubjectState state(UUID subject, CompiledPolicy compiled) {
        return cache.get(subject, compiled);
    }

    /**
     * The states of many subjects for one bulk operation (ingestion): cached ones as they are, the others built
     * with one query per fact source and not cached (a bulk load would only push the working set out).
     */
    public Map<UUID, SubjectState> states(Collection<UUID> subjects, CompiledPolicy compiled) {
        Map<UUID, SubjectState> states = new HashMap<>(subjects.size() * 2);
        List<UUID> missing = new ArrayList<>();
        for (UUID s : subjects) {
            SubjectState cached = cache.getIfPresent(s, compiled);
            if (cached != null) {
                states.put(s, cached);
            } else {
                missing.add(s);
            }
        }
        if (!missing.isEmpty()) {
            Map<UUID, SubjectState.Builder> builders = new HashMap<>(missing.size() * 2);
            for (UUID s : missing) {
                builders.put(s, SubjectState.builder(compiled).subject(s));
            }
            for (SubjectFactSource source : sources) {
                source.facts(missing).forEach((s, facts) -> {
                    SubjectState.Builder b = builders.get(s);
                    if (b != null) {
                        b.applyAll(facts);
                    }
                });
            }
            builders.forEach((s, b) -> states.put(s, b.build()));
        }
        return states;
    }

    /**
     * Announces that a fact of the subject changes in the current transaction; without a transaction the change
     * is taken as committed already.
     */
    public void changed(UUID subject) {
        notifications.publish(CHANNEL, subject.toString());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.invalidate(subject);
                }
            });
        } else {
            cache.invalidate(subject);
        }
    }

    /**
     * Also tells {@code listener} of every announced change (from any node, after its commit): for other
     * per-subject caches, such as opened data keys.
     */
    public void onChange(Consumer<UUID> listener) {
        listeners.add(listener);
    }

    /** For tests and metrics. */
    public SubjectStateCache cache() {
        return cache;
    }
}
