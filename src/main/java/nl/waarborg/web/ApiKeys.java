package nl.waarborg.web;

import nl.waarborg.access.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.database.ChangeNotifications;
import org.springframework.transaction.support.TransactionTemplate;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.service.ActivePolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Creates, finds and revokes API keys. A key reads {@code wb_<prefix>_<secret>}: the prefix finds the row,
 * the 256-bit secret is compared by its SHA-256 (a slow password hash adds nothing for random secrets).
 */
@Repository
public class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    static final String REVOKED_CHANNEL = "api_key_revoked";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ActivePolicy policy;
    private final ChangeNotifications notifications;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    /** Who manages keys: the operator at the command line (the only way keys are made or revoked). */
    private static final String OPERATOR = "operator";
    /** How many known keys are remembered by default (waarborg.api-keys.cache-size). */
    static final int DEFAULT_CACHE_SIZE = 10_000;

    // Keys that authenticated, by prefix: a call then costs a hash and a map lookup instead of a query. Only keys
    // that were found go in; bounded (least recently and frequently used out first), so a host with very many keys
    // costs a query now and then, never unbounded memory. A revocation, here or in a `keys revoke` command beside
    // the service, is announced on REVOKED_CHANNEL and drops the entry.
    private final Cache<String, Known> known;

    // Counts revocations seen; a key read from the database is remembered only if none came in meanwhile (a
    // revocation committed between the read and the remembering would otherwise be undone here).
    private final java.util.concurrent.atomic.AtomicLong revocations = new java.util.concurrent.atomic.AtomicLong();

    private record Known(byte[] hash, Caller caller) {
    }

    public ApiKeys(JdbcClient jdbc, Clock clock, ActivePolicy policy, ChangeNotifications notifications, AuditLog audit,
                   TransactionTemplate tx) {
        this(jdbc, clock, policy, notifications, audit, tx, DEFAULT_CACHE_SIZE);
    }

    @Autowired
    public ApiKeys(JdbcClient jdbc, Clock clock, ActivePolicy policy, ChangeNotifications notifications, AuditLog audit,
                   TransactionTemplate tx, @Value("${waarborg.api-keys.cache-size:" + DEFAULT_CACHE_SIZE + "}") int cacheSize) {
        if (cacheSize < 1) {
            throw new IllegalArgumentException("waarborg.api-keys.cache-size must be positive, was " + cacheSize);
        }
        this.known = Caffeine.newBuilder().maximumSize(cacheSize).build();
        this.jdbc = jdbc;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.policy = policy;
        this.notifications = notifications;
        notifications.subscribe(REVOKED_CHANNEL, prefix -> {
            revocations.incrementAndGet();
            known.invalidate(prefix);
        });
        notifications.onReconnect(() -> {
            revocations.incrementAndGet();
            known.invalidateAll();
        });
    }

    /** A new key and its one-time plaintext. */
    public record Created(ApiKey key, String plaintext) {}

    /**
     * Creates a key for a role declared in the policy and purposes that grant that role; anything else is
     * refused with the reason, so a key can never carry more than the policy allows.
     */
    public Created create(String role, List<String> purposes, String label) {
        Policy p = policy.policy();
        if (p.role(role).isEmpty()) {
            throw new IllegalArgumentException("role '" + role + "' is not declared in the policy; declared: "
                    + String.join(", ", p.roles().stream().map(Policy.Role::id).toList()));
        }
        if (purposes.isEmpty()) {
            throw new IllegalArgumentException("name at least one purpose the key may use");
        }
        for (String purpose : purposes) {
            Policy.Purpose declared = p.purpose(purpose).orElseThrow(() -> new IllegalArgumentException(
                    "purpose '" + purpose + "' is not declared in the policy"));
            if (!declared.roles().contains(role)) {
                throw new IllegalArgumentException("the policy does not grant role '" + role + "' purpose '" + purpose
                        + "' (it grants: " + String.join(", ", declared.roles()) + ")");
            }
        }
        // a prefix is typed on the command line (keys revoke PREFIX): one starting with '-' read as an option there
        String prefix = random(6).replace('-', 'y');
        String secret = random(32);
        ApiKey key = new ApiKey(UUID.randomUUID(), prefix, role, List.copyOf(purposes), label, clock.instant(), null);
        tx.executeWithoutResult(status -> {
            jdbc.sql("""
                    INSERT INTO api_key (id, prefix, secret_hash, role, purposes, label, created_at)
                    VALUES (:id, :prefix, :hash, :role, :purposes, :label, :created)
                    """)
                    .param("id", key.id()).param("prefix", prefix).param("hash", sha256(secret)).param("role", role)
                    .param("purposes", purposes.toArray(String[]::new)).param("label", label)
                    .param("created", Timestamp.from(key.createdAt())).update();
            // the key's identity, role and purposes; never the secret, nor the label (free text)
            List<String> reasons = new java.util.ArrayList<>();
            reasons.add("key:" + prefix);
            reasons.add("role:" + role);
            purposes.forEach(granted -> reasons.add("purpose:" + granted));
            audit.append(AuditEvent.draft(OPERATOR, OPERATOR, "create-api-key")
                    .outcome(Outcome.ALLOWED, reasons.toArray(String[]::new)).policyVersion(policy.version().id()));
        });
        return new Created(key, "wb_" + prefix + "_" + secret);
    }

    /** The caller a presented key stands for, if it is a well-formed, known, unrevoked key. */
    public Optional<Caller> authenticate(String presented) {
        if (presented == null || !presented.startsWith("wb_")) {
            return Optional.empty();
        }
        int split = presented.indexOf('_', 3);
        if (split < 0) {
            return Optional.empty();
        }
        String prefix = presented.substring(3, split);
        byte[] hash = sha256(presented.substring(split + 1));
        Known k = known.getIfPresent(prefix);
        if (k != null) {
            return MessageDigest.isEqual(k.hash(), hash) ? Optional.of(k.caller()) : Optional.empty();
        }
        long seen = revocations.get();
        Optional<Known> found = jdbc.sql("SELECT secret_hash, role, purposes FROM api_key WHERE prefix = :prefix AND revoked_at IS NULL")
                .param("prefix", prefix)
                .query((rs, n) -> new Known(rs.getBytes(1), new Caller("key:" + prefix, rs.getString(2),
                        granted(rs.getString(2), List.of((String[]) rs.getArray(3).getArray())), false)))
                .optional();
        found.ifPresent(f -> {
            known.put(prefix, f);
            if (revocations.get() != seen) {
                known.invalidate(prefix); // a revocation may have come in between: ask the database next time
            }
        });
        return found.filter(f -> MessageDigest.isEqual(f.hash(), hash)).map(Known::caller);
    }

    /**
     * The key's purposes that the policy in force still grants its role: a purpose a later policy version
     * dropped, or no longer grants the role, is no longer the key's to use.
     */
    private List<String> granted(String role, List<String> purposes) {
        Policy p = policy.policy();
        return purposes.stream()
                .filter(purpose -> p.purpose(purpose).map(x -> x.roles().contains(role)).orElse(false))
                .toList();
    }

    public List<ApiKey> list() {
        return jdbc.sql("SELECT id, prefix, role, purposes, label, created_at, revoked_at FROM api_key ORDER BY created_at, prefix")
                .query((rs, n) -> new ApiKey(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        List.of((String[]) rs.getArray(4).getArray()), rs.getString(5), rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** Revokes a key by its prefix; false when no active key has it. */
    public boolean revoke(String prefix) {
        boolean revoked = Boolean.TRUE.equals(tx.execute(status -> {
            boolean done = jdbc.sql("UPDATE api_key SET revoked_at = :now WHERE prefix = :prefix AND revoked_at IS NULL")
                    .param("now", Timestamp.from(clock.instant())).param("prefix", prefix).update() == 1;
            if (done) {
                audit.append(AuditEvent.draft(OPERATOR, OPERATOR, "revoke-api-key")
                        .outcome(Outcome.ALLOWED, "key:" + prefix).policyVersion(policy.version().id()));
            }
            return done;
        }));
        if (revoked) {
            revocations.incrementAndGet();
            known.invalidate(prefix);
            notifications.publish(REVOKED_CHANNEL, prefix); // every service on this database drops it too
        }
        return revoked;
    }

    /** How many keys are remembered now (pending evictions done first); for tests of the bound. */
    long remembered() {
        known.cleanUp();
        return known.estimatedSize();
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        // '_' separates the parts, so the alphabet must not contain it
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b).replace('_', 'x');
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
