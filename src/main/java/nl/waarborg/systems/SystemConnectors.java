package nl.waarborg.systems;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.waarborg.policy.Connector;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.Policy.DataSystem;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.systems.manual.ManualConnector;
import nl.waarborg.systems.manual.ManualTasks;
import org.springframework.stereotype.Service;

/**
 * The connector of every system the policy in force declares (the vault aside: retention and the vault handle it
 * themselves), made by the {@link SystemConnectorFactory} beans, the first that handles a system. A system no
 * factory handles (a {@code manual} one, a {@code jdbc} or {@code webhook} system without its mapping, or a kind
 * whose factory is missing) gets a {@link ManualConnector}: its subject operations become tasks for its owner and
 * retention's attestation tasks cover its periods. A factory that fails for one system (a secret that cannot be
 * read) makes that system fail with the cause at every operation, and no other. Built once per policy version.
 */
@Service
public class SystemConnectors {

    private final ActivePolicy policy;
    private final List<SystemConnectorFactory> factories;
    private final ManualTasks tasks;
    private volatile Built built;

    private record Built(long version, Map<String, Entry> entries) {}

    SystemConnectors(ActivePolicy policy, List<SystemConnectorFactory> factories, ManualTasks tasks) {
        this.policy = policy;
        this.factories = List.copyOf(factories);
        this.tasks = tasks;
    }

    /**
     * One declared system and its connector. {@code reachable}: Waarborg reaches it itself (a factory made its
     * connector), so sweeps include it; otherwise its owner acts on tasks. {@code kind}: the connector kind in
     * effect ({@code jdbc}, {@code webhook}, or {@code manual} for every system handled as manual).
     */
    public record Entry(DataSystem system, SystemConnector connector, boolean reachable, String kind) {

        public String id() {
            return system.id();
        }
    }

    /** Every declared system but the vault, in the policy's order. */
    public List<Entry> all() {
        return List.copyOf(built().entries().values());
    }

    public Optional<Entry> find(String systemId) {
        return Optional.ofNullable(built().entries().get(systemId));
    }

    private Built built() {
        long version = policy.version().id();
        Built b = built;
        if (b == null || b.version() != version) {
            synchronized (this) {
                b = built;
                if (b == null || b.version() != version) {
                    b = new Built(version, build(policy.policy()));
                    built = b;
                }
            }
        }
        return b;
    }

    private Map<String, Entry> build(Policy p) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (DataSystem s : p.systems()) {
            if (s.connector() == Connector.VAULT) {
                continue;
            }
            Optional<SystemConnectorFactory> factory = factories.stream().filter(f -> f.handles(s)).findFirst();
            if (factory.isEmpty()) {
                entries.put(s.id(), new Entry(s, new ManualConnector(p, s, tasks), false, Connector.MANUAL.term()));
                continue;
            }
            SystemConnector connector;
            try {
                connector = factory.get().create(p, s);
            } catch (Secrets.SecretUnavailableException e) {
                connector = new Unavailable(s.id(), "secret-unavailable: " + e.getMessage());
            } catch (RuntimeException e) { // the message may hold what the factory read: only the kind of failure
                connector = new Unavailable(s.id(), "connector-unavailable: " + e.getClass().getSimpleName());
            }
            entries.put(s.id(), new Entry(s, connector, true, s.connector().term()));
        }
        return entries;
    }

    /** A system whose connector could not be made: every operation fails with the cause, and is retried. */
    record Unavailable(String systemId, String cause) implements SystemConnector {

        @Override
        public SystemResult export(SubjectLinks subject) {
            return new SystemResult.Failed(systemId, cause);
        }

        @Override
        public SystemResult erase(SubjectLinks subject, String operationId) {
            return new SystemResult.Failed(systemId, cause);
        }

        @Override
        public SystemResult rectify(SubjectLinks subject, String category, String value, String operationId) {
            return new SystemResult.Failed(systemId, cause);
        }

        @Override
        public SystemResult sweep(SweepRequest request) {
            return new SystemResult.Failed(systemId, cause);
        }

        @Override
        public SubjectCount countSubjects(java.util.Set<String> categories) {
            // the cause starts with its code (secret-unavailable, connector-unavailable); the rest may name a file
            int colon = cause.indexOf(':');
            return new SubjectCount.NotCounted(colon < 0 ? "connector-unavailable" : cause.substring(0, colon));
        }
    }
}
