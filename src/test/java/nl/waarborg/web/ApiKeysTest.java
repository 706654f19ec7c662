package nl.waarborg.web;

import nl.waarborg.access.Caller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** API keys: bound to a declared role and the purposes that grant it, stored hashed, revocable. */
class ApiKeysTest extends ServiceTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    nl.waarborg.database.ChangeNotifications notifications;

    @org.springframework.beans.factory.annotation.Autowired
    nl.waarborg.audit.service.AuditLog audit;

    @org.springframework.beans.factory.annotation.Autowired
    nl.waarborg.policy.service.ActivePolicy policy;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    @Autowired
    ApiKeys keys;

    @Autowired
    JdbcClient jdbc;

    @Test
    void keyAuthenticatesAsItsRoleAndPurposesUntilRevoked() {
        ApiKeys.Created created = keys.create("staff", List.of("quote", "rental"), "website");
        Caller caller = keys.authenticate(created.plaintext()).orElseThrow();
        assertThat(caller.role()).isEqualTo("staff");
        assertThat(caller.mayUse("rental")).isTrue();
        assertThat(caller.mayUse("security")).isFalse();

        assertThat(keys.authenticate(created.plaintext() + "x")).as("wrong secret").isEmpty();
        assertThat(keys.authenticate("wb_" + created.key().prefix() + "_guess")).isEmpty();
        assertThat(keys.revoke(created.key().prefix())).isTrue();
        assertThat(keys.authenticate(created.plaintext())).as("revoked").isEmpty();
        assertThat(keys.revoke(created.key().prefix())).as("already revoked").isFalse();
        List<nl.waarborg.audit.AuditEvent> events = audit.events(0, 10_000).stream()
                .filter(e -> e.reasons().contains("key:" + created.key().prefix())).toList();
        assertThat(events).extracting(nl.waarborg.audit.AuditEvent::action).containsExactly("create-api-key", "revoke-api-key");
        assertThat(events.getFirst().reasons()).contains("role:staff");
        assertThat(events.toString()).doesNotContain(created.plaintext().substring(3 + created.key().prefix().length() + 1));
    }

    @Test
    void aPurposeThePolicyNoLongerGrantsTheRoleIsNotTheKeysToUse() {
        ApiKeys.Created created = keys.create("staff", List.of("quote", "rental"), "crm");
        // as if the key had been made under an earlier policy version that granted more
        jdbc.sql("UPDATE api_key SET purposes = '{quote,rental,security,astrology}' WHERE prefix = ?")
                .param(created.key().prefix()).update();
        ApiKeys fresh = new ApiKeys(jdbc, java.time.Clock.systemUTC(), policy, notifications, audit, tx);
        assertThat(fresh.authenticate(created.plaintext())).hasValueSatisfying(
                caller -> assertThat(caller.purposes()).containsExactly("quote", "rental"));
    }

    @Test
    void theKnownKeysAreBoundedInMemory() {
        ApiKeys small = new ApiKeys(jdbc, java.time.Clock.systemUTC(), policy, notifications, audit, tx, 3);
        List<String> plaintexts = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            plaintexts.add(keys.create("staff", List.of("quote"), "bound-" + i).plaintext());
        }
        plaintexts.forEach(p -> assertThat(small.authenticate(p)).isPresent());
        assertThat(small.remembered()).isLessThanOrEqualTo(3);
        // a key that dropped out is read from the database again
        assertThat(small.authenticate(plaintexts.getFirst())).isPresent();
    }

    @Test
    void onlyAHashOfTheSecretIsStored() {
        ApiKeys.Created created = keys.create("management", List.of("security"), null);
        String secret = created.plaintext().substring(created.plaintext().lastIndexOf('_') + 1);
        String row = jdbc.sql("SELECT row_to_json(k)::text FROM api_key k WHERE prefix = :p")
                .param("p", created.key().prefix()).query(String.class).single();
        assertThat(row).doesNotContain(secret);
    }

    @Test
    void keyCannotCarryMoreThanThePolicyGrants() {
        assertThatThrownBy(() -> keys.create("intern", List.of("quote"), null))
                .hasMessageContaining("role 'intern' is not declared").hasMessageContaining("staff, management");
        assertThatThrownBy(() -> keys.create("staff", List.of("security"), null))
                .as("camera footage is for management only (R6.1)")
                .hasMessageContaining("does not grant role 'staff' purpose 'security'");
        assertThatThrownBy(() -> keys.create("staff", List.of("marketing"), null))
                .hasMessageContaining("purpose 'marketing' is not declared");
    }

    @Test
    void applicationKeyIsNotStaffAndRevokedKeyIsAnOutsider() {
        ApiKeys.Created created = keys.create("staff", List.of("quote"), null);
        assertThat(http.get("/api/v1/policy", created.plaintext()).statusCode()).isEqualTo(403);
        keys.revoke(created.key().prefix());
        assertThat(http.get("/api/v1/policy", created.plaintext()).statusCode()).isEqualTo(401);
    }

    @Test
    void commandLineManagesKeysBesideTheRunningService() throws InterruptedException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cl = nl.waarborg.cli.CommandLines.waarborg();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));

        int created = cl.execute("keys", "create", "--data", DATA.toString(), "--role", "staff", "--purposes", "quote,rental",
                "--label", "crm");
        assertThat(created).as(err.toString()).isZero();
        String key = out.toString().strip();
        assertThat(key).startsWith("wb_");
        assertThat(keys.authenticate(key)).as("the running service accepts the key at once").isPresent();

        out.getBuffer().setLength(0);
        assertThat(cl.execute("keys", "list", "--data", DATA.toString())).isZero();
        String prefix = key.split("_")[1];
        assertThat(out.toString()).contains(prefix + "\tstaff\tquote,rental").contains("crm").doesNotContain(key);

        // the service knows the key (cached); the command's revocation reaches it through the database
        java.util.concurrent.BlockingQueue<String> announced = new java.util.concurrent.LinkedBlockingQueue<>();
        notifications.subscribe(ApiKeys.REVOKED_CHANNEL, announced::add); // runs after the service's own handler
        assertThat(cl.execute("keys", "revoke", "--data", DATA.toString(), prefix)).isZero();
        assertThat(announced.poll(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(prefix);
        assertThat(keys.authenticate(key)).isEmpty();
        assertThat(cl.execute("keys", "create", "--data", DATA.toString(), "--role", "staff", "--purposes", "security"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("does not grant role 'staff' purpose 'security'");
    }
}
