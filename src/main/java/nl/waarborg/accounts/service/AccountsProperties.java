package nl.waarborg.accounts.service;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of staff accounts ({@code waarborg.accounts.*}), checked at start (docs/accounts.md).
 *
 * @param totpIssuer               the name authenticator apps show beside the code
 * @param argon2MemoryKib          Argon2id memory in KiB (OWASP: 19 MiB with 2 passes, or more memory / passes)
 * @param argon2Iterations         Argon2id passes over the memory
 * @param argon2Parallelism        Argon2id lanes
 * @param lockAfterFailures        failures in a row before a name is locked
 * @param networkLockAfterFailures failures in a row from one client network (any names) before it is locked
 * @param firstLock                the first lock; each further failure doubles it
 * @param maxLock                  the longest lock
 * @param firstAdministrator       the username of the administrator made at first start
 */
@ConfigurationProperties("waarborg.accounts")
public record AccountsProperties(
        @DefaultValue("Waarborg") String totpIssuer,
        @DefaultValue("19456") int argon2MemoryKib,
        @DefaultValue("2") int argon2Iterations,
        @DefaultValue("1") int argon2Parallelism,
        @DefaultValue("5") int lockAfterFailures,
        @DefaultValue("30") int networkLockAfterFailures,
        @DefaultValue("1m") Duration firstLock,
        @DefaultValue("1h") Duration maxLock,
        @DefaultValue("admin") String firstAdministrator) {

    /** OWASP's weakest acceptable pairing is 7 MiB with 5 passes: memory times passes at least about 35 MiB. */
    static final long MIN_MEMORY_TIMES_PASSES_KIB = 35L * 1024;

    public AccountsProperties {
        if (totpIssuer == null || totpIssuer.isBlank() || totpIssuer.length() > 64 || totpIssuer.contains(":")) {
            throw new IllegalArgumentException("waarborg.accounts.totp-issuer must be 1 to 64 characters without ':'");
        }
        if (argon2MemoryKib < 7 * 1024 || argon2Iterations < 1 || argon2Parallelism < 1 || argon2Parallelism > 16
                || (long) argon2MemoryKib * argon2Iterations < MIN_MEMORY_TIMES_PASSES_KIB) {
            throw new IllegalArgumentException("waarborg.accounts.argon2-* are below the OWASP minimum (memory at least "
                    + "7168 KiB, memory times iterations at least " + MIN_MEMORY_TIMES_PASSES_KIB + " KiB, parallelism "
                    + "1 to 16); were " + argon2MemoryKib + " KiB, " + argon2Iterations + ", " + argon2Parallelism);
        }
        if (lockAfterFailures < 1 || lockAfterFailures > 100 || networkLockAfterFailures < lockAfterFailures) {
            throw new IllegalArgumentException("waarborg.accounts.lock-after-failures must be 1 to 100 and "
                    + "network-lock-after-failures at least as many");
        }
        if (firstLock == null || maxLock == null || firstLock.isNegative() || firstLock.isZero()
                || maxLock.compareTo(firstLock) < 0 || maxLock.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("waarborg.accounts.first-lock must be more than 0 and max-lock between "
                    + "it and 1 day");
        }
        if (firstAdministrator == null || !nl.waarborg.accounts.StaffAccount.USERNAME.matcher(firstAdministrator).matches()) {
            throw new IllegalArgumentException("waarborg.accounts.first-administrator must be a username: lower-case "
                    + "letters, digits and . _ -, 2 to 64 characters");
        }
    }
}
