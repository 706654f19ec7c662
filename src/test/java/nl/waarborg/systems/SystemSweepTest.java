package nl.waarborg.systems;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.waarborg.access.Caller;
import nl.waarborg.access.service.Restraints;
import nl.waarborg.policy.LinkKind;
import nl.waarborg.retention.service.Sweeper;
import nl.waarborg.systems.FakeWebhookSystem.Reply;
import nl.waarborg.vault.SubjectLinkIndex;
import nl.waarborg.vault.Identifier;
import nl.waarborg.vault.NewItem;
import nl.waarborg.vault.Reference;
import nl.waarborg.vault.Vault;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Retention's sweep reaches the organisation's systems after the vault: each system on its own, so that one that is
 * down (here a webhook system whose port refuses connections) fails alone, is recorded with its cause and is tried
 * again at a later sweep, while the vault and the other systems are swept.
 */
class SystemSweepTest extends SystemsTestBase {

    private static final Caller STAFF = new Caller("test", "management", List.of(), true);
    private static final Caller CCTV = new Caller("cctv", "management", List.of("security"), false);

    @Autowired
    Sweeper sweeper;
    @Autowired
    Vault vault;
    @Autowired
    Restraints restraints;
    @Autowired
    SubjectLinkIndex links;

    private static SystemOperations.SystemSweep of(Sweeper.Report r, String system) {
        return r.systems().stream().filter(s -> s.system().equals(system)).findFirst().orElseThrow();
    }

    @Test
    void aSystemThatIsDownFailsAloneWhileTheVaultAndTheOtherSystemsAreSweptAndIsTriedAgainAtALaterSweep() {
        // another test's sweep may have left `down` waiting for its next attempt: this one starts from none
        jdbc.update("DELETE FROM system_operation WHERE system = 'down' AND kind = 'sweep'");
        HOOKS.answer((n, d) -> Reply.done("{\"email\":3}"));
        UUID visitor = vault.createSubjects(STAFF, List.of(new Vault.NewSubject(List.of(), List.of(),
                List.of("facility-visitor")))).getFirst();
        UUID footage = vault.addItems(CCTV, List.of(new NewItem(visitor, "video-footage", "value", List.of("security"),
                "subject", "cctv", null))).getFirst();
        clock.advance(Duration.ofDays(8)); // footage is kept 7 days

        Sweeper.Report first = sweeper.sweep(false);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM item WHERE id = ?", Integer.class, footage))
                .as("the vault is swept").isZero();
        SystemOperations.SystemSweep down = of(first, "down");
        assertThat(down.status()).isEqualTo("failed");
        assertThat(down.cause()).startsWith("connection-refused:");
        assertThat(down.nextAttemptAt()).isNotNull();
        assertThat(of(first, "hooks").status()).as("the other system is swept").isEqualTo("done");
        assertThat(of(first, "hooks").counts()).isEqualTo(Map.of("email", 3L));
        assertThat(first.systems()).extracting(SystemOperations.SystemSweep::system).doesNotContain("cctv", "vault");
        assertThat(events("system-swept", "operation:" + down.operation()).getFirst())
                .startsWith("failed ").contains("system:down", "cause:connection-refused");

        // the system applies the rules covering its data; nothing personal is sent
        String body = HOOKS.deliveries.getFirst().body();
        assertThat(body).contains("\"type\":\"sweep\"", "\"dryRun\":false", "\"id\":\"leads\"", "\"id\":\"customers\"")
                .doesNotContain("\"id\":\"footage\"", "subject\"");

        clock.advance(Duration.ofSeconds(1));
        Sweeper.Report waiting = sweeper.sweep(false);
        assertThat(of(waiting, "down").operation()).isEqualTo(down.operation());
        assertThat(operations.find(down.operation()).orElseThrow().attempts()).as("backoff: not yet").isEqualTo(1);

        clock.advance(Duration.ofSeconds(31));
        Sweeper.Report again = sweeper.sweep(false);
        assertThat(of(again, "down").operation()).as("tried again under the same id").isEqualTo(down.operation());
        assertThat(operations.find(down.operation()).orElseThrow().attempts()).isEqualTo(2);
        assertThat(of(again, "hooks").status()).isEqualTo("done");
    }

    @Test
    void aSystemThatAnotherNodeIsSweepingIsSkippedAndTheOthersAreSweptAndLetGo() {
        HOOKS.answer((n, d) -> Reply.done("{\"email\":1}"));
        // another node holds the lease of system `down`
        jdbc.update("INSERT INTO system_sweep_lease (system, holder, until) VALUES ('down', 'node-other', now() + "
                + "interval '1 hour') ON CONFLICT (system) DO UPDATE SET holder = 'node-other', until = EXCLUDED.until");
        long before = jdbc.queryForObject("SELECT count(*) FROM system_operation WHERE system = 'down'", Long.class);

        Sweeper.Report report = sweeper.sweep(false);

        assertThat(of(report, "down").status()).isEqualTo("skipped");
        assertThat(of(report, "down").cause()).startsWith("busy:");
        assertThat(of(report, "hooks").status()).isEqualTo("done");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM system_operation WHERE system = 'down'", Long.class))
                .as("nothing tried, nothing stored").isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM system_sweep_lease WHERE system = 'hooks'", Long.class))
                .as("the sweep of `hooks` let go of its lease").isZero();

        // the other node died: its lease runs out, and this node sweeps the system again
        jdbc.update("UPDATE system_sweep_lease SET until = now() - interval '1 second' WHERE system = 'down'");
        jdbc.update("DELETE FROM system_operation WHERE system = 'down' AND kind = 'sweep'");
        assertThat(of(sweeper.sweep(false), "down").status()).isEqualTo("failed");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM system_sweep_lease", Long.class)).isZero();
    }

    @Test
    void aWebhookSystemIsToldWhichSubjectsAreHeldByTheirReferencesAndNothingElseOfThem() {
        UUID held = vault.createSubjects(STAFF, List.of(new Vault.NewSubject(List.of(new Reference("crm", "C-HOLD-9")),
                List.of(new Identifier(Identifier.Kind.EMAIL, "hold9@example.org")), List.of("facility-visitor")))).getFirst();
        restraints.hold(STAFF, held, "incident", "INC-9");
        HOOKS.answer((n, d) -> Reply.done("{}"));
        clock.advance(Duration.ofMinutes(10));

        sweeper.sweep(false);

        String body = HOOKS.deliveries.getFirst().body();
        assertThat(body).contains("\"held\":[").contains("\"id\":\"" + held + "\"")
                .contains("{\"scheme\":\"crm\",\"value\":\"C-HOLD-9\"}").doesNotContain("hold9");
    }

    @Autowired
    nl.waarborg.retention.service.RetentionForecast forecast;

    @Test
    void theForecastAsksEachSystemWhatIsDueNowAndByTheEndOfTheWindow() {
        // the system counts what is due at the moment it is sent: now, then 30 days on
        HOOKS.answer((n, d) -> Reply.done(n == 1 ? "{\"email\":2}" : "{\"email\":5}"));
        long before = jdbc.queryForObject("SELECT count(*) FROM system_operation", Long.class);

        var f = forecast.forecast(30);

        var hooks = f.systems().stream().filter(x -> x.system().equals("hooks")).findFirst().orElseThrow();
        assertThat(hooks.status()).isEqualTo("done");
        assertThat(hooks.dueNow()).isEqualTo(Map.of("email", 2L));
        assertThat(hooks.dueBy()).isEqualTo(Map.of("email", 5L));
        assertThat(HOOKS.deliveries).hasSize(2).allSatisfy(d -> assertThat(d.body()).contains("\"dryRun\":true"));
        assertThat(HOOKS.deliveries.get(1).body()).contains("\"now\":\"" + f.until() + "\"");
        var down = f.systems().stream().filter(x -> x.system().equals("down")).findFirst().orElseThrow();
        assertThat(down.status()).isEqualTo("failed");
        assertThat(down.cause()).startsWith("connection-refused:");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM system_operation", Long.class)).as("nothing stored")
                .isEqualTo(before);
    }

    @Test
    void aDryRunAsksEverySystemWhatIsDueAndStoresNothing() {
        HOOKS.answer((n, d) -> Reply.done("{\"name\":7}"));
        long before = jdbc.queryForObject("SELECT count(*) FROM system_operation", Long.class);
        Sweeper.Report dry = sweeper.sweep(true);
        assertThat(of(dry, "hooks").counts()).isEqualTo(Map.of("name", 7L));
        assertThat(of(dry, "down").status()).isEqualTo("failed");
        assertThat(HOOKS.deliveries.getFirst().body()).contains("\"dryRun\":true");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM system_operation", Long.class)).isEqualTo(before);
    }

    @Test
    void theLinkIndexNamesTheValuesOfSubjectsUnderAnActiveHoldInOneQueryPerBatch() {
        UUID held = vault.createSubjects(STAFF, List.of(new Vault.NewSubject(List.of(new Reference("crm", "C-HELD")),
                List.of(new Identifier(Identifier.Kind.EMAIL, "held@example.org")), List.of("facility-visitor")))).getFirst();
        vault.createSubjects(STAFF, List.of(new Vault.NewSubject(List.of(new Reference("crm", "C-FREE")),
                List.of(new Identifier(Identifier.Kind.EMAIL, "free@example.org")), List.of("facility-visitor"))));
        restraints.hold(STAFF, held, "incident", "INC-7");

        assertThat(links.held(LinkKind.REFERENCE, "crm", List.of("C-HELD", "C-FREE", "C-NONE"))).isEqualTo(Set.of("C-HELD"));
        assertThat(links.held(LinkKind.REFERENCE, "other", List.of("C-HELD"))).as("another scheme").isEmpty();
        // e-mail addresses are compared through the vault's blind index, normalised as the vault normalises them
        assertThat(links.held(LinkKind.EMAIL, null, List.of(" Held@Example.ORG", "free@example.org", "not an address")))
                .isEqualTo(Set.of(" Held@Example.ORG"));
    }
}
