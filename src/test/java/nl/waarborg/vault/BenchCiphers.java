package nl.waarborg.vault;

import java.util.UUID;
import nl.waarborg.vault.crypto.ValueCipher;
import org.springframework.context.ApplicationContext;

/**
 * For benchmarks that load a subject's items in bulk (COPY) rather than through the vault: the subject's cipher, so
 * that the loaded values decrypt as the vault's own.
 */
public final class BenchCiphers {

    private BenchCiphers() {
    }

    /** The subject's cipher; null when it has no data key. */
    public static ValueCipher of(ApplicationContext context, UUID subject) {
        return context.getBean(SubjectCiphers.class).open(subject);
    }
}
