package nl.waarborg.breaches;

import java.util.Set;

/**
 * Whether the people affected need not be told because the data was unintelligible to anyone not authorised to see
 * it (Art. 34(3)(a) GDPR), and why. It holds only when all three are true: the breach was one of confidentiality
 * alone (encryption does not undo an alteration or a loss of access: an integrity or availability breach still
 * harms people), the data was encrypted at rest (the vault's items always are; a declared system only when staff
 * say so), and the keys were not compromised (a breach of the vault together with its key store leaves nothing
 * unintelligible).
 *
 * @param granted whether the exemption holds
 * @param reason  a term saying why: {@code unintelligible}, or what is missing ({@code not-confidentiality-only},
 *                {@code not-encrypted-at-rest}, {@code keys-compromised})
 */
public record Exemption(boolean granted, String reason) {

    public static Exemption unintelligible(Set<Nature> nature, boolean encryptedAtRest, boolean keysCompromised) {
        if (nature.isEmpty() || !nature.equals(Set.of(Nature.CONFIDENTIALITY))) {
            return new Exemption(false, "not-confidentiality-only");
        }
        if (!encryptedAtRest) {
            return new Exemption(false, "not-encrypted-at-rest");
        }
        if (keysCompromised) {
            return new Exemption(false, "keys-compromised");
        }
        return new Exemption(true, "unintelligible");
    }
}
