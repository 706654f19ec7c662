package nl.waarborg.audit.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Checkpoint;
import nl.waarborg.audit.Verification;
import nl.waarborg.audit.Verification.Broken;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The service writes checkpoints of the head to an owner-only, append-only file in its data folder (called here
 * directly, as the schedule does), and verify with those checkpoints finds a deleted tail whose head was reset,
 * which the chain alone cannot (issue 12).
 */
class AuditCheckpointsTest extends ServiceTestBase {

    @Autowired
    AuditCheckpoints checkpoints;

    @Autowired
    AuditLog log;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    private List<AuditEvent> append(int n) {
        return tx.execute(s -> log.appendAll(java.util.Collections.nCopies(n,
                AuditEvent.draft("staff", "DPO", "read").subject(UUID.randomUUID()).categories("name"))));
    }

    @Test
    void aCheckpointIsAppendedToAnOwnerOnlyFileInTheDataFolderWhenTheHeadMoved() throws Exception {
        assertThat(checkpoints.file()).isEqualTo(dataDir.resolve("audit-checkpoints"));
        append(1);
        Checkpoint first = checkpoints.write().orElseThrow();
        assertThat(first.seq()).isEqualTo(log.head().lastSeq());
        assertThat(first.hash()).isEqualTo(log.head().lastHash());
        assertThat(checkpoints.write()).as("the head has not moved").isEmpty();
        List<String> before = Files.readAllLines(checkpoints.file());
        append(2);
        Checkpoint second = checkpoints.write().orElseThrow();
        List<String> after = Files.readAllLines(checkpoints.file());
        assertThat(after).as("appended, nothing rewritten").startsWith(before.toArray(String[]::new))
                .hasSize(before.size() + 1).last().isEqualTo(second.line());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(checkpoints.file()))).isEqualTo("rw-------");
        assertThat(AuditCheckpoints.read(checkpoints.file())).contains(first, second);
    }

    @Test
    void aDeletedTailWithItsHeadResetIsFoundOnlyWithTheCheckpoints() throws Exception {
        List<AuditEvent> appended = append(5);
        checkpoints.write();
        AuditEvent last = appended.getLast();
        AuditEvent keep = appended.get(1);
        tx.executeWithoutResult(s -> {
            jdbc.sql("CREATE TABLE audit_tail_saved AS SELECT * FROM audit_event WHERE seq > ?").param(keep.seq()).update();
            jdbc.sql("ALTER TABLE audit_event DISABLE TRIGGER USER").update();
            jdbc.sql("ALTER TABLE audit_head DISABLE TRIGGER USER").update();
            jdbc.sql("DELETE FROM audit_event WHERE seq > ?").param(keep.seq()).update();
            jdbc.sql("UPDATE audit_head SET last_seq = ?, last_hash = ?").params(keep.seq(), keep.hash().toBytes()).update();
            jdbc.sql("ALTER TABLE audit_event ENABLE TRIGGER USER").update();
            jdbc.sql("ALTER TABLE audit_head ENABLE TRIGGER USER").update();
        });
        try {
            assertThat(log.verify().ok()).as("the chain alone cannot tell").isTrue();
            Verification v = log.verify(AuditCheckpoints.read(checkpoints.file()));
            assertThat(v).isInstanceOf(Broken.class);
            Broken b = (Broken) v;
            assertThat(b.seq()).isEqualTo(keep.seq() + 1);
            assertThat(b.why()).isEqualTo(Verification.Why.CHECKPOINT_DIFFERS);
            assertThat(b.reason()).contains("names event " + last.seq())
                    .contains("events " + (keep.seq() + 1) + ".." + last.seq() + " were removed");
        } finally {
            tx.executeWithoutResult(s -> {
                jdbc.sql("ALTER TABLE audit_event DISABLE TRIGGER USER").update();
                jdbc.sql("ALTER TABLE audit_head DISABLE TRIGGER USER").update();
                jdbc.sql("INSERT INTO audit_event SELECT * FROM audit_tail_saved").update();
                jdbc.sql("UPDATE audit_head SET last_seq = ?, last_hash = ?").params(last.seq(), last.hash().toBytes()).update();
                jdbc.sql("ALTER TABLE audit_event ENABLE TRIGGER USER").update();
                jdbc.sql("ALTER TABLE audit_head ENABLE TRIGGER USER").update();
                jdbc.sql("DROP TABLE audit_tail_saved").update();
            });
        }
        assertThat(log.verify(AuditCheckpoints.read(checkpoints.file())).ok()).isTrue();
    }
}
