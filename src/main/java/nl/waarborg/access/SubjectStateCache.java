package nl.waarborg.access;

import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import nl.waarborg.policy.CompiledPolicy;

/**
 * Subject states in memory, by subject, so that a decision for a known subject costs a map lookup and the
 * decision itself. Bounded (second-chance "clock" eviction, run by the thread whose load went over capacity),
 * thread-safe, lock-free on a hit.
 *
 * <p>Kept right by invalidation, never by expiry: whoever changes a fact a state is built from (consent,
 * objection, restriction, membership, retention) calls {@link #invalidate(UUID)} after committing it; across
 * nodes, the database announces the change (PostgreSQL {@code LISTEN/NOTIFY}, wired outside this package)
 * and each node calls {@link #invalidate(UUID)}. A node that may have missed announcements (its listening
 * connection dropped) or whose policy changed calls {@link #invalidateAll()}: one step of the epoch, and
 * every entry is stale. An entry built against another compiled policy than the caller's is never returned
 * either, so a policy change cannot pair old ints with new tables.
 *
 * <p>A load that overlaps an invalidation of the same subject is returned to its caller but not kept: it may
 * have read the facts from before the change.
 */
public final class SubjectStateCache {

    /** Builds a subject's state from its stored facts, against the given compiled policy. */
    @FunctionalInterface
    public interface Loader {
        SubjectState load(UUID subject, CompiledPolicy policy);
    }

    private static final int STRIPES = 1024; // invalidation counters; a power of two

    private final int capacity;
    private final Loader loader;
    private final ConcurrentHashMap<UUID, Entry> entries;
    // Bumped by invalidate(subject) in the subject's stripe, read around a load to see if it overlapped one.
    private final AtomicLongArray stamps = new AtomicLongArray(STRIPES);
    private final AtomicLong epoch = new AtomicLong();
    private final ReentrantLock evicting = new ReentrantLock();
    private Iterator<Map.Entry<UUID, Entry>> hand; // the clock hand; guarded by `evicting`
    private final LongAdder loads = new LongAdder();
    private final LongAdder evictions = new LongAdder();

    private static final class Entry {
        final SubjectState state;
        final long epoch;
        // Second chance: set on a hit, cleared by the passing hand. Racy on purpose: a lost update only
        // changes which entry goes first.
        boolean referenced;

        Entry(SubjectState state, long epoch) {
            this.state = state;
            this.epoch = epoch;
        }
    }

    public SubjectStateCache(int capacity, Loader loader) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.loader = Objects.requireNonNull(loader, "loader");
        this.entries = new ConcurrentHashMap<>(Math.min(capacity, 1 << 16));
    }

    /** The subject's state for the given policy, loaded on a miss. */
    public SubjectState get(UUID subject, CompiledPolicy policy) {
        Entry e = entries.get(subject);
        if (e != null && e.epoch == epoch.get() && e.state.policy() == policy) {
            if (!e.referenced) {
                e.referenced = true; // written only when it changes, so a hot entry's line stays shared
            }
            return e.state;
        }
        return load(subject, policy);
    }

    /** The cached state, or null on a miss (nothing is loaded). */
    public SubjectState getIfPresent(UUID subject, CompiledPolicy policy) {
        Entry e = entries.get(subject);
        return e != null && e.epoch == epoch.get() && e.state.policy() == policy ? e.state : null;
    }

    /**
     * Drops the subject's state: call after a change to any fact it is built from has been committed (the hook
     * for cross-node invalidation).
     */
    public void invalidate(UUID subject) {
        // Stamp first, then remove: a load that put its entry before the removal loses it here; one that puts
        // it after sees the new stamp and takes it out again (see load).
        stamps.incrementAndGet(stripe(subject));
        entries.remove(subject);
    }

    /** Drops every state (policy change, missed announcements); returns the new epoch. */
    public long invalidateAll() {
        long next = epoch.incrementAndGet();
        entries.clear();
        return next;
    }

    /** The current epoch: how many times everything was dropped. */
    public long epoch() {
        return epoch.get();
    }

    public int size() {
        return entries.size();
    }

    public int capacity() {
        return capacity;
    }

    /** How many states were loaded (misses). */
    public long loads() {
        return loads.sum();
    }

    public long evictions() {
        return evictions.sum();
    }

    private SubjectState load(UUID subject, CompiledPolicy policy) {
        long epochBefore = epoch.get();
        int stripe = stripe(subject);
        long stampBefore = stamps.get(stripe);
        SubjectState state = loader.load(subject, policy);
        loads.increment();
        if (state == null || state.policy() != policy) {
            throw new IllegalStateException("the loader must build the state of " + subject + " against the given policy");
        }
        Entry entry = new Entry(state, epochBefore);
        entries.put(subject, entry);
        if (stamps.get(stripe) != stampBefore || epoch.get() != epochBefore) {
            entries.remove(subject, entry); // overlapped an invalidation: may predate the change
        } else if (entries.size() > capacity) {
            evict();
        }
        return state;
    }

    private void evict() {
        // Wait rather than skip when another thread is evicting: a miss already paid for a load, and a skipped
        // eviction could leave the map over capacity for good once every cached subject only hits.
        evicting.lock();
        try {
            // Second chance: a referenced entry is passed over once (its bit cleared), an unreferenced one goes.
            // When every entry is hot, other threads set the bits again as fast as the hand clears them; so after
            // `size` second chances in one call the next entry goes regardless, and eviction always makes
            // progress (a cache left over capacity with only hits would never evict again).
            long secondChances = entries.size();
            long steps = 4L * entries.size() + 16; // ends the loop even if others keep inserting
            while (entries.size() > capacity && steps-- > 0) {
                if (hand == null || !hand.hasNext()) {
                    hand = entries.entrySet().iterator();
                    if (!hand.hasNext()) {
                        return;
                    }
                }
                // The hand's own entry may be stale (the iterator is weakly consistent and subjects are
                // invalidated and reloaded meanwhile): act on the current one.
                UUID subject = hand.next().getKey();
                Entry e = entries.get(subject);
                if (e == null) {
                    continue;
                }
                if (e.referenced && e.epoch == epoch.get() && secondChances-- > 0) {
                    e.referenced = false;
                } else if (entries.remove(subject, e)) {
                    evictions.increment();
                }
            }
        } finally {
            evicting.unlock();
        }
    }

    private static int stripe(UUID subject) {
        long h = subject.getMostSignificantBits() ^ subject.getLeastSignificantBits();
        return (int) (h ^ (h >>> 32) ^ (h >>> 17)) & (STRIPES - 1);
    }
}
