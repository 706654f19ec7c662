package nl.waarborg.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Drafts hold terms only, so no personal value can be written into the log. */
class AuditEventTest {

    private final AuditEvent.Draft base = AuditEvent.draft("staff", "DPO", "read");

    @Test
    void aDraftTakesIdsAndCodes() {
        UUID subject = UUID.randomUUID();
        AuditEvent.Draft d = base.purpose("contract").subject(subject).categories("name", "email")
                .outcome(Outcome.DENIED, "consent-withdrawn").policyVersion(2);
        assertThat(d).isEqualTo(new AuditEvent.Draft("staff", "DPO", "read", "contract", subject,
                List.of("name", "email"), Outcome.DENIED, List.of("consent-withdrawn"), 2L));
        assertThat(AuditEvent.draft("apikey:crm/v2", "front-desk", "export").outcome(Outcome.FAILED, "system_unreachable.crm+1"))
                .isNotNull();
    }

    @Test
    void textThatIsNotATermIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> AuditEvent.draft("jan.jansen@example.nl", "DPO", "read"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("audit actor must be a term")
                .hasMessageNotContaining("jansen");
        assertThatThrownBy(() -> base.outcome(Outcome.DENIED, "Jan Jansen asked us to stop"))
                .hasMessageContaining("audit reason must be a term").hasMessageNotContaining("Jansen");
        assertThatThrownBy(() -> base.categories("name", "")).hasMessageContaining("audit category");
        assertThatThrownBy(() -> base.purpose("x".repeat(201))).hasMessageContaining("audit purpose");
        assertThatThrownBy(() -> AuditEvent.draft("staff", null, "read")).hasMessageContaining("it is missing");
    }

    @Test
    void aRefusalOrFailureSaysWhy() {
        assertThatThrownBy(() -> base.outcome(Outcome.DENIED)).hasMessageContaining("needs a reason");
        assertThatThrownBy(() -> base.outcome(Outcome.FAILED)).hasMessageContaining("needs a reason");
        assertThat(base.outcome(Outcome.ALLOWED).reasons()).isEmpty();
    }

    @Test
    void outcomesAreStoredAsWords() {
        assertThat(Outcome.DENIED.word()).isEqualTo("denied");
        assertThat(Outcome.parse("failed")).isEqualTo(Outcome.FAILED);
        assertThatThrownBy(() -> Outcome.parse("maybe")).hasMessageContaining("allowed, denied, failed");
    }

    @Test
    void hashesReadAndWriteAsHex() {
        AuditHash h = AuditFixtures.chain(1).getFirst().hash();
        assertThat(AuditHash.ofHex(h.hex())).isEqualTo(h);
        assertThat(AuditHash.GENESIS.hex()).isEqualTo("0".repeat(64));
        assertThatThrownBy(() -> AuditHash.of(new byte[31])).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> AuditHash.ofHex("abc")).hasMessageContaining("64 hex digits");
    }
}
