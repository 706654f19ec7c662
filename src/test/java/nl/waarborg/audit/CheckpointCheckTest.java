package nl.waarborg.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.audit.Verification.Broken;
import org.junit.jupiter.api.Test;

/** Checkpoints of the head kept outside the database show a removed tail and a rewrite that the chain alone cannot. */
class CheckpointCheckTest {

    private static final Instant AT = Instant.parse("2026-12-04T03:00:00Z");
    private final List<AuditEvent> chain = AuditFixtures.chain(20);

    private Map<Long, AuditHash> hashes(int upTo) {
        Map<Long, AuditHash> m = new HashMap<>();
        chain.subList(0, upTo).forEach(e -> m.put(e.seq(), e.hash()));
        return m;
    }

    private Checkpoint at(int seq) {
        return new Checkpoint(AT, seq, chain.get(seq - 1).hash());
    }

    @Test
    void checkpointsOfTheChainHold() {
        Verification ok = AuditChainVerifier.verify(chain);
        assertThat(CheckpointCheck.check(ok, List.of(at(5), at(20), new Checkpoint(AT, 0, AuditHash.GENESIS)), hashes(20)))
                .isEqualTo(ok);
    }

    @Test
    void aCheckpointBeyondTheEndIsARemovedTail() {
        Verification truncated = AuditChainVerifier.verify(chain.subList(0, 12)); // intact on its own
        assertThat(truncated.ok()).isTrue();
        Broken b = (Broken) CheckpointCheck.check(truncated, List.of(at(5), at(15), at(20)), hashes(12));
        assertThat(b.seq()).isEqualTo(13);
        assertThat(b.why()).isEqualTo(Verification.Why.CHECKPOINT_DIFFERS);
        assertThat(b.message()).startsWith("audit chain broken at event 13: differs from a checkpoint kept outside the "
                + "database: the checkpoint of 2026-12-04T03:00:00Z names event 15").contains("events 13..15 were removed");
    }

    @Test
    void aCheckpointWhoseEventHasAnotherHashIsARewrite() {
        Map<Long, AuditHash> rewritten = hashes(20);
        rewritten.put(8L, AuditHash.ofHex("ab".repeat(32)));
        Broken b = (Broken) CheckpointCheck.check(AuditChainVerifier.verify(chain), List.of(at(3), at(8), at(20)), rewritten);
        assertThat(b.seq()).isEqualTo(8);
        assertThat(b.reason()).contains("the log was rewritten from this event or earlier");
    }

    @Test
    void theFirstBreakIsTheAnswerWhetherChainOrCheckpointFoundIt() {
        Broken chainBreak = new Broken(10, Verification.Why.CONTENT_CHANGED, "x");
        Map<Long, AuditHash> rewritten = hashes(9);
        rewritten.put(4L, AuditHash.ofHex("cd".repeat(32)));
        assertThat(((Broken) CheckpointCheck.check(chainBreak, List.of(at(4)), rewritten)).seq()).isEqualTo(4);
        assertThat(CheckpointCheck.check(chainBreak, List.of(at(6), at(15)), hashes(9)))
                .as("a checkpoint after the break cannot be checked; the break stands").isEqualTo(chainBreak);
    }

    @Test
    void aCheckpointLineReadsBackAndABadOneSaysWhy() {
        Checkpoint c = at(7);
        assertThat(c.line()).isEqualTo("2026-12-04T03:00:00Z seq=7 hash=" + c.hash().hex());
        assertThat(Checkpoint.parse(c.line())).isEqualTo(c);
        assertThatThrownBy(() -> Checkpoint.parse("yesterday seq=7 hash=00")).hasMessage("the time is not an ISO-8601 instant");
        assertThatThrownBy(() -> Checkpoint.parse("2026-12-04T03:00:00Z seq=x hash=00")).hasMessage("seq is not a number");
        assertThatThrownBy(() -> Checkpoint.parse("2026-12-04T03:00:00Z seq=7 hash=00")).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> Checkpoint.parse("seq=7")).hasMessage("expected 'TIME seq=N hash=HEX'");
    }
}
