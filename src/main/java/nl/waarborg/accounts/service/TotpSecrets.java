package nl.waarborg.accounts.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;
import nl.waarborg.vault.crypto.MasterKey;
import org.springframework.stereotype.Component;

/**
 * Seals an account's TOTP secret with the master key's AEAD, as the vault wraps small secrets
 * (StreamKeys.wrap): the account id is the associated data, so a sealed secret copied into another account's row
 * does not open. Whoever reads the database alone cannot make codes.
 */
@Component
class TotpSecrets {

    private final MasterKey master;

    TotpSecrets(MasterKey master) {
        this.master = master;
    }

    byte[] seal(UUID account, byte[] secret) {
        try {
            return master.aead().encrypt(secret, context(account));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not seal a TOTP secret", e);
        }
    }

    byte[] open(UUID account, byte[] sealed) {
        try {
            return master.aead().decrypt(sealed, context(account));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the TOTP secret of account " + account + " cannot be opened", e);
        }
    }

    private static byte[] context(UUID account) {
        return ("waarborg totp secret " + account).getBytes(StandardCharsets.UTF_8);
    }
}
