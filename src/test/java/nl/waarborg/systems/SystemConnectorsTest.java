package nl.waarborg.systems;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import nl.waarborg.policy.CompiledPolicy;
import nl.waarborg.policy.Connector;
import nl.waarborg.policy.LoadedPolicy;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.PolicyLoader;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.policy.service.PolicyVersion;
import nl.waarborg.systems.manual.ManualConnector;
import org.junit.jupiter.api.Test;

/**
 * The registry on the self-storage example (a jdbc CRM, three webhook systems, two manual ones): a system is made by
 * the first factory that handles it, one no factory handles is manual, and a factory failing for one system fails
 * that system alone.
 */
class SystemConnectorsTest {

    private static final LoadedPolicy EXAMPLE;

    static {
        try {
            EXAMPLE = PolicyLoader.load(Path.of("examples/self-storage.yaml")).orThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final ActivePolicy POLICY = new ActivePolicy() {
        @Override
        public LoadedPolicy loaded() {
            return EXAMPLE;
        }

        @Override
        public PolicyVersion version() {
            return new PolicyVersion(1, EXAMPLE.contentHash(), "1", null, null, null, "test");
        }

        @Override
        public CompiledPolicy compiled() {
            throw new UnsupportedOperationException("not needed by the registry");
        }
    };

    /** A factory of one connector kind whose connectors answer done (or whose making fails, for {@code failing}). */
    private record KindFactory(Connector kind, String failing) implements SystemConnectorFactory {

        @Override
        public boolean handles(Policy.DataSystem system) {
            return system.connector() == kind;
        }

        @Override
        public SystemConnector create(Policy policy, Policy.DataSystem system) {
            if (system.id().equals(failing)) {
                throw new Secrets.SecretUnavailableException(system.id(), "password: environment variable CRM_DB_PASSWORD is not set");
            }
            return new SystemConnectors.Unavailable(system.id(), "made-by-test: " + kind.term());
        }
    }

    @Test
    void withoutAFactoryEverySystemIsHandledAsManualAndTheVaultIsLeftToRetention() {
        SystemConnectors registry = new SystemConnectors(POLICY, List.of(), null);
        assertThat(registry.all()).extracting(SystemConnectors.Entry::id).doesNotContain("vault").contains("crm", "cctv");
        assertThat(registry.all()).allSatisfy(e -> {
            assertThat(e.reachable()).isFalse();
            assertThat(e.kind()).isEqualTo("manual");
            assertThat(e.connector()).isInstanceOf(ManualConnector.class);
        });
    }

    @Test
    void aSystemIsMadeByTheFactoryThatHandlesItsKind() {
        SystemConnectors registry = new SystemConnectors(POLICY, List.of(new KindFactory(Connector.JDBC, null)), null);
        SystemConnectors.Entry crm = registry.find("crm").orElseThrow();
        assertThat(crm.reachable()).isTrue();
        assertThat(crm.kind()).isEqualTo("jdbc");
        assertThat(crm.connector().sweep(null)).isEqualTo(new SystemResult.Failed("crm", "made-by-test: jdbc"));
        assertThat(registry.find("cctv").orElseThrow().reachable()).isFalse();
        assertThat(registry.find("vault")).isEmpty();
    }

    @Test
    void aFactoryThatFailsForOneSystemFailsThatSystemAloneWithACauseWithoutAValue() {
        SystemConnectors registry = new SystemConnectors(POLICY, List.of(new KindFactory(Connector.JDBC, "crm")), null);
        SystemConnectors.Entry crm = registry.find("crm").orElseThrow();
        assertThat(crm.reachable()).as("it is swept, fails, and is retried").isTrue();
        SystemResult r = crm.connector().erase(new SubjectLinks(null, List.of()), "erase-1");
        assertThat(r).isInstanceOfSatisfying(SystemResult.Failed.class, f -> assertThat(f.cause())
                .startsWith("secret-unavailable: system `crm`: password: environment variable CRM_DB_PASSWORD"));
        assertThat(SystemOperations.causeCode(((SystemResult.Failed) r).cause())).isEqualTo("secret-unavailable");
        assertThat(SystemOperations.causeCode("no code here")).isEqualTo("failed");
    }
}
