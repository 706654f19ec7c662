package nl.waarborg.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import nl.waarborg.audit.Verification.Broken;
import nl.waarborg.audit.Verification.Why;
import org.junit.jupiter.api.Test;

/** Re-computing the chain: intact chains pass, every kind of tampering is named at the first event it touches. */
class AuditChainVerifierTest {

    private final List<AuditEvent> chain = AuditFixtures.chain(200);

    private static Verification verify(List<AuditEvent> events) {
        return AuditChainVerifier.verify(events);
    }

    private static AuditEvent withActor(AuditEvent e, String actor) {
        return new AuditEvent(e.seq(), e.occurredAt(), actor, e.role(), e.action(), e.purpose(), e.subjectId(),
                e.categories(), e.outcome(), e.reasons(), e.policyVersion(), e.prevHash(), e.hash());
    }

    private static Broken broken(Verification v) {
        assertThat(v).isInstanceOf(Broken.class);
        return (Broken) v;
    }

    @Test
    void intactChainPasses() {
        assertThat(verify(chain)).isEqualTo(new Verification.Ok(200, 200, chain.getLast().hash()));
    }

    @Test
    void emptyLogIsIntact() {
        assertThat(verify(List.of())).isEqualTo(new Verification.Ok(0, 0, AuditHash.GENESIS));
        assertThat(new AuditChainVerifier().finish(0, AuditHash.GENESIS).ok()).isTrue();
    }

    @Test
    void changedContentIsCaughtAtThatEvent() {
        List<AuditEvent> tampered = new ArrayList<>(chain);
        tampered.set(36, withActor(chain.get(36), "someone-else"));
        Broken b = broken(verify(tampered));
        assertThat(b.seq()).isEqualTo(37);
        assertThat(b.why()).isEqualTo(Why.CONTENT_CHANGED);
        assertThat(b.message()).isEqualTo("audit chain broken at event 37: content changed: its stored hash does not match its content");
    }

    @Test
    void changedTimeOrOutcomeIsCaughtToo() {
        AuditEvent e = chain.get(9);
        List<AuditEvent> tampered = new ArrayList<>(chain);
        tampered.set(9, new AuditEvent(e.seq(), e.occurredAt().plusNanos(1000), e.actor(), e.role(), e.action(),
                e.purpose(), e.subjectId(), e.categories(), e.outcome(), e.reasons(), e.policyVersion(), e.prevHash(), e.hash()));
        assertThat(broken(verify(tampered)).seq()).isEqualTo(10);
        tampered.set(9, new AuditEvent(e.seq(), e.occurredAt(), e.actor(), e.role(), e.action(), e.purpose(),
                e.subjectId(), e.categories(), Outcome.FAILED, e.reasons(), e.policyVersion(), e.prevHash(), e.hash()));
        assertThat(broken(verify(tampered)).why()).isEqualTo(Why.CONTENT_CHANGED);
    }

    @Test
    void rehashingAChangedEventBreaksTheLinkOfTheNext() {
        List<AuditEvent> tampered = new ArrayList<>(chain);
        AuditEvent forged = new AuditChain().seal(chain.get(36).toDraft().categories("name"), 37,
                chain.get(36).occurredAt(), chain.get(36).prevHash());
        tampered.set(36, forged);
        Broken b = broken(verify(tampered));
        assertThat(b.seq()).isEqualTo(38);
        assertThat(b.why()).isEqualTo(Why.LINK_BROKEN);
        assertThat(b.reason()).startsWith("link broken: its previous hash is not the hash of event 37");
    }

    @Test
    void removedEventIsAGap() {
        List<AuditEvent> tampered = new ArrayList<>(chain);
        tampered.remove(49);
        Broken b = broken(verify(tampered));
        assertThat(b.seq()).isEqualTo(50);
        assertThat(b.why()).isEqualTo(Why.GAP);
        assertThat(b.reason()).isEqualTo("gap in seq: expected event 50 next, found event 51");
    }

    @Test
    void reorderedEventsAreCaught() {
        List<AuditEvent> tampered = new ArrayList<>(chain);
        Collections.swap(tampered, 9, 10);
        Broken b = broken(verify(tampered));
        assertThat(b.seq()).isEqualTo(10);
        assertThat(b.why()).isEqualTo(Why.GAP);
    }

    @Test
    void renumberedEventsAreCaught() {
        // event 11 put in the place of 10, its seq changed to match: the seq is hashed, so the content changed
        List<AuditEvent> tampered = new ArrayList<>(chain.subList(0, 9));
        AuditEvent e = chain.get(10);
        tampered.add(new AuditEvent(10, e.occurredAt(), e.actor(), e.role(), e.action(), e.purpose(), e.subjectId(),
                e.categories(), e.outcome(), e.reasons(), e.policyVersion(), chain.get(8).hash(), e.hash()));
        Broken b = broken(verify(tampered));
        assertThat(b.seq()).isEqualTo(10);
        assertThat(b.why()).isEqualTo(Why.CONTENT_CHANGED);
    }

    @Test
    void aChainMustStartAtOne() {
        Broken b = broken(verify(chain.subList(1, 200)));
        assertThat(b.seq()).isEqualTo(1);
        assertThat(b.why()).isEqualTo(Why.GAP);
    }

    @Test
    void eventsRemovedFromTheEndAreCaughtOnlyAgainstTheHead() {
        AuditEvent head = chain.getLast();
        AuditChainVerifier v = new AuditChainVerifier();
        chain.subList(0, 197).forEach(v::accept);
        assertThat(v.result().ok()).as("the rest of the chain is consistent").isTrue();
        Broken b = broken(v.finish(head.seq(), head.hash()));
        assertThat(b.seq()).isEqualTo(198);
        assertThat(b.why()).isEqualTo(Why.HEAD_MISMATCH);
        assertThat(b.reason()).contains("events 198..200 are missing");
    }

    @Test
    void aConsistentlyRewrittenTailIsCaughtOnlyAgainstAKeptHash() {
        // the limit docs/audit.md describes: whoever can rewrite every event after one can make a new valid chain
        List<AuditEvent> rewritten = new ArrayList<>(chain.subList(0, 100));
        AuditChain forger = new AuditChain();
        AuditHash prev = rewritten.getLast().hash();
        for (AuditEvent e : chain.subList(100, 200)) {
            AuditEvent forged = forger.seal(e.toDraft().purpose("security"), e.seq(), e.occurredAt(), prev);
            rewritten.add(forged);
            prev = forged.hash();
        }
        assertThat(verify(rewritten).ok()).isTrue();
        AuditChainVerifier v = new AuditChainVerifier();
        rewritten.forEach(v::accept);
        Broken b = broken(v.finish(200, chain.getLast().hash()));
        assertThat(b.seq()).isEqualTo(200);
        assertThat(b.reason()).contains("is not the recorded head hash");
    }

    @Test
    void continuesAChainFromAKnownEvent() {
        AuditChainVerifier v = AuditChainVerifier.after(100, chain.get(99).hash());
        chain.subList(100, 200).forEach(v::accept);
        assertThat(v.result()).isEqualTo(new Verification.Ok(100, 200, chain.getLast().hash()));
        AuditChainVerifier wrongStart = AuditChainVerifier.after(100, chain.get(98).hash());
        chain.subList(100, 200).forEach(wrongStart::accept);
        assertThat(broken(wrongStart.result()).why()).isEqualTo(Why.LINK_BROKEN);
    }

    @Test
    void stopsAtTheFirstBreak() {
        List<AuditEvent> tampered = new ArrayList<>(chain);
        tampered.set(19, withActor(chain.get(19), "x"));
        tampered.set(29, withActor(chain.get(29), "y"));
        AuditChainVerifier v = new AuditChainVerifier();
        int accepted = 0;
        for (AuditEvent e : tampered) {
            if (v.accept(e)) {
                accepted++;
            }
        }
        assertThat(accepted).isEqualTo(19);
        assertThat(broken(v.result()).seq()).isEqualTo(20);
        assertThat(v.lastSeq()).isEqualTo(19);
    }
}
