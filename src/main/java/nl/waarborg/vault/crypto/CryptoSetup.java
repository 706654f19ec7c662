package nl.waarborg.vault.crypto;

import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.security.GeneralSecurityException;

/** Registers the Tink primitives Waarborg uses, once per JVM. */
final class CryptoSetup {

    private static volatile boolean done;

    private CryptoSetup() {
    }

    static void ensure() {
        if (!done) {
            synchronized (CryptoSetup.class) {
                if (!done) {
                    try {
                        AeadConfig.register();
                        MacConfig.register();
                        StreamingAeadConfig.register();
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException("Tink could not register AEAD, MAC and streaming AEAD", e);
                    }
                    done = true;
                }
            }
        }
    }
}
