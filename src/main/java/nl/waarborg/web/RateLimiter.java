package nl.waarborg.web;

import nl.waarborg.audit.ClientNetwork;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Decides whether a call may go on, per client network for calls without valid credentials and per caller for
 * authenticated ones ({@link RateLimits}). Separate buckets are why an anonymous flood does not starve the
 * organisation's applications, even from the same network (or the same 127.0.0.1): their calls are counted
 * against their own credential, not against the network. Buckets live in a bounded Caffeine cache, so a flood
 * from many networks costs bounded memory; a bucket evicted or idle for ten minutes starts full again.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class RateLimiter {

    private final RateLimits limits;
    private final LongSupplier nanoTime;
    private final Cache<String, TokenBucket> buckets;
    /** Sends the held-back 429 answers ({@link RateLimits#hold()}); one daemon thread, it only writes short answers. */
    private final java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors
            .newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("waarborg-rate-limit").factory());

    @Autowired
    RateLimiter(RateLimits limits) {
        this(limits, System::nanoTime);
    }

    RateLimiter(RateLimits limits, LongSupplier nanoTime) {
        this.limits = limits;
        this.nanoTime = nanoTime;
        this.buckets = Caffeine.newBuilder().maximumSize(limits.maxTracked())
                .expireAfterAccess(Duration.ofMinutes(10)).build();
    }

    /**
     * Forgets every bucket, so the limits start afresh: for tests that play many visitors from one address (all of
     * them localhost), as a restart would.
     */
    public void forgetAll() {
        buckets.invalidateAll();
    }

    /**
     * Takes a token for an anonymous call from {@code network}, or for an authenticated {@code caller} (null when
     * anonymous): 0 when the call may go on, else the seconds to wait ({@code Retry-After}, at least 1).
     */
    long secondsToWait(String network, String caller) {
        if (!limits.enabled()) {
            return 0;
        }
        if (caller != null) {
            if (limits.callerPerSecond() == 0) {
                return 0;
            }
            return wait("caller " + caller, limits.callerPerSecond(), limits.callerBurst());
        }
        return wait("network " + network, limits.anonymousPerSecond(), limits.anonymousBurst());
    }

    /**
     * For a page's form (the portal's POSTs, docs/portal.md): a token from the bucket {@code scope} of the request's
     * client network ({@link ClientNetwork}), at {@code perSecond} up to {@code burst}, apart from and stricter than the
     * anonymous bucket every call takes from; 0 when the POST may go on, else the seconds to wait.
     */
    public long secondsToWait(String scope, jakarta.servlet.http.HttpServletRequest request, double perSecond, int burst) {
        return limits.enabled() ? wait(scope + " network " + ClientNetwork.of(request.getRemoteAddr()), perSecond, burst) : 0;
    }

    /** The same for a key the caller chose within {@code scope}, such as a keyed hash of an address (never a value). */
    public long secondsToWaitFor(String scope, String key, double perSecond, int burst) {
        return limits.enabled() ? wait(scope + " key " + key, perSecond, burst) : 0;
    }

    java.util.concurrent.ScheduledExecutorService timer() {
        return timer;
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    /** The settings in force. */
    RateLimits limits() {
        return limits;
    }

    private long wait(String key, double perSecond, int burst) {
        long now = nanoTime.getAsLong();
        long nanos = buckets.get(key, k -> new TokenBucket(perSecond, burst, now)).take(now);
        return nanos == 0 ? 0 : Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
