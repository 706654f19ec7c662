package nl.waarborg.accounts;

import nl.waarborg.audit.ClientNetwork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Slows down password guessing, per name tried and per client network ({@link ClientNetwork}). After
 * {@code threshold} failures in a row a name is locked for {@code firstLock}, and each further failure after the
 * lock ends doubles it, up to {@code maxLock} (the defaults: 5 failures, 1 minute, 1 hour). A network is locked the
 * same way after its own, higher threshold, counting failures for every name, so one address cannot try a few
 * passwords on each of many accounts. A success clears the name's count, not the network's (an attacker's own account
 * would clear it). A count is forgotten after {@code maxLock} of quiet once its lock has ended.
 *
 * <p>Names are counted whether or not an account has them: an unknown name is locked after the same failures as a
 * real one, so locking does not tell which usernames exist. The counts live in memory (bounded: the least recently
 * used are dropped first); the service also keeps an account's count in its row, so a restart does not unlock it.
 * A throttled attempt is not itself counted: it is refused before any password is checked.
 */
public final class SignInThrottle {

    /** A name's or network's failures in a row, the last one, and until when it is locked (null: not locked). */
    public record Attempts(int failures, Instant lastFailure, Instant lockedUntil) {
        public static final Attempts NONE = new Attempts(0, null, null);

        public boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }
    }

    private final Clock clock;
    private final int accountThreshold;
    private final int networkThreshold;
    private final Duration firstLock;
    private final Duration maxLock;
    private final Map<String, Attempts> names;
    private final Map<String, Attempts> networks;

    public SignInThrottle(Clock clock, int accountThreshold, int networkThreshold, Duration firstLock, Duration maxLock,
                          int capacity) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (accountThreshold < 1 || networkThreshold < 1 || firstLock.isNegative() || firstLock.isZero()
                || maxLock.compareTo(firstLock) < 0 || capacity < 1) {
            throw new IllegalArgumentException("thresholds and capacity at least 1, 0 < firstLock <= maxLock");
        }
        this.accountThreshold = accountThreshold;
        this.networkThreshold = networkThreshold;
        this.firstLock = firstLock;
        this.maxLock = maxLock;
        this.names = lru(capacity);
        this.networks = lru(capacity);
    }

    /** How long the {@code failures}-th failure in a row locks: 0 below the threshold, then doubling up to the cap. */
    public static Duration lockAfter(int failures, int threshold, Duration firstLock, Duration maxLock) {
        if (failures < threshold) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - threshold, 30);
        Duration d = firstLock.multipliedBy(1L << doublings);
        return d.compareTo(maxLock) > 0 ? maxLock : d;
    }

    /** Until when a sign-in as {@code name} from {@code network} is refused unseen; empty when it may be tried. */
    public synchronized Optional<Instant> lockedUntil(String name, String network) {
        Instant now = clock.instant();
        Instant until = null;
        for (Attempts a : new Attempts[]{current(names, key(name), now), current(networks, network, now)}) {
            if (a.lockedAt(now) && (until == null || a.lockedUntil().isAfter(until))) {
                until = a.lockedUntil();
            }
        }
        return Optional.ofNullable(until);
    }

    /** Counts a failure for {@code name} and {@code network}; returns the name's attempts after it. */
    public synchronized Attempts failed(String name, String network) {
        Instant now = clock.instant();
        Attempts n = next(current(names, key(name), now), accountThreshold, now);
        names.put(key(name), n);
        networks.put(network, next(current(networks, network, now), networkThreshold, now));
        return n;
    }

    /** A success: the name's count starts again; the network's stays. */
    public synchronized void succeeded(String name) {
        names.remove(key(name));
    }

    /** The name's attempts as the throttle now counts them. */
    public synchronized Attempts attempts(String name) {
        return current(names, key(name), clock.instant());
    }

    /**
     * Takes an account's count from its stored row when the throttle holds none (after a restart), so a lock outlives
     * the process.
     */
    public synchronized void restore(String name, int failures, Instant lockedUntil) {
        Instant now = clock.instant();
        if (failures > 0 && current(names, key(name), now).failures() == 0) {
            Attempts a = new Attempts(failures, lockedUntil == null ? now : lockedUntil.minus(lockAfter(failures,
                    accountThreshold, firstLock, maxLock)), lockedUntil);
            if (!forgotten(a, now)) {
                names.put(key(name), a);
            }
        }
    }

    private Attempts next(Attempts a, int threshold, Instant now) {
        int failures = a.failures() + 1;
        Duration lock = lockAfter(failures, threshold, firstLock, maxLock);
        return new Attempts(failures, now, lock.isZero() ? null : now.plus(lock));
    }

    private Attempts current(Map<String, Attempts> map, String key, Instant now) {
        Attempts a = map.get(key);
        if (a == null) {
            return Attempts.NONE;
        }
        if (forgotten(a, now)) {
            map.remove(key);
            return Attempts.NONE;
        }
        return a;
    }

    private boolean forgotten(Attempts a, Instant now) {
        Instant quietFrom = a.lockedUntil() != null ? a.lockedUntil() : a.lastFailure();
        return !now.isBefore(quietFrom.plus(maxLock));
    }

    // the name as typed, in lower case (usernames are lower case) and bounded, so a megabyte "name" costs no memory
    private static String key(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return n.length() > 128 ? n.substring(0, 128) : n;
    }

    private static Map<String, Attempts> lru(int capacity) {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Attempts> eldest) {
                return size() > capacity;
            }
        };
    }
}
