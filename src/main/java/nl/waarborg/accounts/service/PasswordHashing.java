package nl.waarborg.accounts.service;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id (RFC 9106) through Spring Security's encoder, which runs BouncyCastle's implementation: a 16-byte random
 * salt, a 32-byte hash, the parameters stored in the PHC string beside it, so a hash made under older parameters is
 * still checked under its own and {@link #needsUpgrade} says when to re-hash it at the next sign-in.
 */
@Component
class PasswordHashing {

    private final Argon2PasswordEncoder encoder;
    /** A hash of a random password under the current parameters: checked when the username is unknown (same time). */
    private final String dummy;
    /** How many Argon2id checks were run: the same one per sign-in whether or not the name exists. */
    private final java.util.concurrent.atomic.AtomicLong checks = new java.util.concurrent.atomic.AtomicLong();

    @Autowired
    PasswordHashing(AccountsProperties p) {
        this(p.argon2MemoryKib(), p.argon2Iterations(), p.argon2Parallelism());
    }

    PasswordHashing(int memoryKib, int iterations, int parallelism) {
        this.encoder = new Argon2PasswordEncoder(16, 32, parallelism, memoryKib, iterations);
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.dummy = encoder.encode(Base64.getEncoder().encodeToString(random));
    }

    String hash(String password) {
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        checks.incrementAndGet();
        return password != null && encoder.matches(password, hash);
    }

    /** Spends the time of one check, for a username that has no hash; always false. */
    boolean burn(String password) {
        checks.incrementAndGet();
        encoder.matches(password == null ? "" : password, dummy);
        return false;
    }

    /** The number of Argon2id checks run so far. */
    long checks() {
        return checks.get();
    }

    /** Whether {@code hash} was made with less memory or fewer passes than now configured. */
    boolean needsUpgrade(String hash) {
        return encoder.upgradeEncoding(hash);
    }
}
