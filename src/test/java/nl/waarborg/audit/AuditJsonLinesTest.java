package nl.waarborg.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The export format: one JSON object per line that reads back into the very same event. */
class AuditJsonLinesTest {

    @Test
    void everyEventSurvivesTheRoundTrip() {
        List<AuditEvent> chain = AuditFixtures.chain(30);
        for (AuditEvent e : chain) {
            String line = AuditJsonLines.line(e);
            assertThat(line).doesNotContain("\n");
            assertThat(AuditJsonLines.parse(line)).isEqualTo(e);
        }
        assertThat(AuditChainVerifier.verify(chain.stream().map(AuditJsonLines::line).map(AuditJsonLines::parse).toList()).ok())
                .isTrue();
    }

    @Test
    void absentFieldsAreNullAndTheLayoutIsFixed() {
        AuditEvent e = new AuditChain().seal(AuditEvent.draft("system:retention", "system", "sweep"), 1,
                Instant.parse("2026-11-22T10:15:30.123456Z"), AuditHash.GENESIS);
        assertThat(AuditJsonLines.line(e)).isEqualTo("{\"seq\":1,\"occurredAt\":\"2026-11-22T10:15:30.123456Z\","
                + "\"actor\":\"system:retention\",\"role\":\"system\",\"action\":\"sweep\",\"purpose\":null,"
                + "\"subjectId\":null,\"categories\":[],\"outcome\":\"allowed\",\"reasons\":[],\"policyVersion\":null,"
                + "\"prevHash\":\"" + "0".repeat(64) + "\",\"hash\":\"" + e.hash().hex() + "\"}");
        assertThat(AuditJsonLines.parse(AuditJsonLines.line(e))).isEqualTo(e);
    }

    @Test
    void aLineThatIsNoEventIsRefused() {
        assertThatThrownBy(() -> AuditJsonLines.parse("{\"seq\":")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not an audit event line");
    }
}
