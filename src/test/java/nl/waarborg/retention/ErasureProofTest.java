package nl.waarborg.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import nl.waarborg.policy.EndAction;
import org.junit.jupiter.api.Test;

class ErasureProofTest {

    @Test
    void theHashDependsOnTheErasedIdsNotTheirOrder() {
        UUID a = UUID.fromString("00000000-0000-0000-0000-000000000001");
        UUID b = UUID.fromString("ffffffff-0000-0000-0000-000000000002"); // negative as a signed long
        ErasureProof proof = new ErasureProof();
        proof.add(b, EndAction.DELETE, "camera-footage", "camera-footage");
        proof.add(a, EndAction.ANONYMISE, "birth-date", "research");
        assertThat(proof.idsSha256()).isEqualTo(ErasureProof.hash(List.of(a, b)))
                .isNotEqualTo(ErasureProof.hash(List.of(a)));
        assertThat(proof.counts()).containsExactly("anonymise:birth-date:research:1", "delete:camera-footage:camera-footage:1");
    }

    @Test
    void everyEventThatMadeItemsDueAtOnceIsNamedOnceByIdKindAndSubject() {
        UUID subject = UUID.fromString("01a2683e-0e0d-7947-9430-54a7cf04433d");
        ErasureProof proof = new ErasureProof();
        proof.addDueAtOnce(42, "contract-ended", subject);
        proof.addDueAtOnce(42, "contract-ended", subject); // several of its items in one batch
        proof.addDueAtOnce(7, "complaint-closed", subject);
        assertThat(proof.dueAtOnce()).containsExactly(
                "due-at-once:event:42:contract-ended:subject:" + subject,
                "due-at-once:event:7:complaint-closed:subject:" + subject);
    }
}
