package nl.waarborg.audit.service;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import nl.waarborg.audit.Verification;
import nl.waarborg.audit.Verification.Broken;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tampering far from the end of a long log is named, not turned into a failed read: verify stops at the first
 * broken event without abandoning a half-read stream (which PostgreSQL answered with "canceling statement due
 * to user request", so the command exited 2 and the endpoint answered 500). The same at 1 M events:
 * {@code nl.waarborg.bench.AuditTamperAtScale} (docs/benchmarks.md).
 */
class AuditTamperingTest extends ServiceTestBase {

    static final int EVENTS = 60_000;

    @Autowired
    AuditLog log;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate tx;

    private void asOwnerWithoutGuards(String sql, Object... params) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("ALTER TABLE audit_event DISABLE TRIGGER USER").update();
            jdbc.sql(sql).params(params).update();
            jdbc.sql("ALTER TABLE audit_event ENABLE TRIGGER USER").update();
        });
    }

    @Test
    void anEventChangedInTheMiddleOfALongLogIsNamedByVerifyAndTheEndpoint() throws Exception {
        long first = log.head().lastSeq() + 1;
        long last = AuditChainLoader.append(dataSource, EVENTS);
        assertThat(log.verify().ok()).isTrue();
        long middle = first + EVENTS / 3;
        String actor = jdbc.sql("SELECT actor FROM audit_event WHERE seq = ?").param(middle).query(String.class).single();
        asOwnerWithoutGuards("UPDATE audit_event SET actor = 'someone-else' WHERE seq = ?", middle);
        try {
            Verification v = log.verify();
            assertThat(v).isInstanceOf(Broken.class);
            Broken b = (Broken) v;
            assertThat(b.seq()).isEqualTo(middle);
            assertThat(b.why()).isEqualTo(Verification.Why.CONTENT_CHANGED);

            var response = http.get("/api/v1/audit/verify", staffToken());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"ok\":false").contains("\"brokenAt\":" + middle)
                    .contains("content changed");
        } finally {
            asOwnerWithoutGuards("UPDATE audit_event SET actor = ? WHERE seq = ?", actor, middle);
        }
        assertThat(log.verify()).isInstanceOf(Verification.Ok.class);
        assertThat(((Verification.Ok) log.verify()).lastSeq()).isGreaterThanOrEqualTo(last);
    }
}
