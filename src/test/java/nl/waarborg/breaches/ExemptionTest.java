package nl.waarborg.breaches;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Art. 34(3)(a): unintelligible data exempts only a confidentiality breach of encrypted data whose keys are safe. */
class ExemptionTest {

    @Test
    void grantedForAConfidentialityBreachOfEncryptedDataWithSafeKeys() {
        assertThat(Exemption.unintelligible(Set.of(Nature.CONFIDENTIALITY), true, false))
                .isEqualTo(new Exemption(true, "unintelligible"));
    }

    @Test
    void refusedWhenTheKeysWereCompromisedToo() {
        assertThat(Exemption.unintelligible(Set.of(Nature.CONFIDENTIALITY), true, true))
                .isEqualTo(new Exemption(false, "keys-compromised"));
    }

    @Test
    void refusedForAnIntegrityOrAvailabilityBreachEvenOfEncryptedData() {
        assertThat(Exemption.unintelligible(Set.of(Nature.INTEGRITY), true, false))
                .isEqualTo(new Exemption(false, "not-confidentiality-only"));
        assertThat(Exemption.unintelligible(Set.of(Nature.CONFIDENTIALITY, Nature.AVAILABILITY), true, false))
                .isEqualTo(new Exemption(false, "not-confidentiality-only"));
    }

    @Test
    void refusedWhenTheDataWasNotEncryptedAtRest() {
        assertThat(Exemption.unintelligible(Set.of(Nature.CONFIDENTIALITY), false, false))
                .isEqualTo(new Exemption(false, "not-encrypted-at-rest"));
    }
}
