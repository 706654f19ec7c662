package nl.waarborg.web;

import nl.waarborg.audit.ClientNetwork;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.waarborg.access.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 (problem+json, {@code Retry-After}) to a client beyond its rate ({@link RateLimiter}); runs in the
 * security chain right after the bearer token is read, so it knows whether the call is authenticated, and before
 * anything that costs more. A refusal is counted with the other refused calls ({@link RefusedCallAudit}), never
 * recorded one by one. The answer is held back for {@link RateLimits#hold()} (an asynchronous response completed
 * by a timer, so no thread waits), at most {@link RateLimits#maxHeld()} at a time. Health is not limited: a probe
 * must not fail because a flood shares its network.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final RefusedCallAudit refused;
    private final ScheduledExecutorService timer;
    private final AtomicInteger held = new AtomicInteger();

    RateLimitFilter(RateLimiter limiter, RefusedCallAudit refused) {
        this.limiter = limiter;
        this.refused = refused;
        this.timer = limiter.timer();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Caller caller = auth != null && auth.getPrincipal() instanceof Caller c ? c : null;
        String network = ClientNetwork.of(request.getRemoteAddr());
        long wait = limiter.secondsToWait(network, caller == null ? null : caller.actor());
        if (wait == 0) {
            chain.doFilter(request, response);
            return;
        }
        refused.rateLimited(request, caller);
        long holdMillis = Math.min(limiter.limits().hold().toMillis(), wait * 1000);
        if (holdMillis > 0 && request.isAsyncSupported() && held.incrementAndGet() <= limiter.limits().maxHeld()) {
            AsyncContext async = request.startAsync();
            async.setTimeout(holdMillis + 30_000);
            timer.schedule(() -> {
                try {
                    tooMany((HttpServletResponse) async.getResponse(), wait);
                } catch (IOException | RuntimeException gone) {
                    // the client left meanwhile: nothing to answer
                } finally {
                    held.decrementAndGet();
                    async.complete();
                }
            }, holdMillis, TimeUnit.MILLISECONDS);
            return;
        }
        if (holdMillis > 0 && request.isAsyncSupported()) {
            held.decrementAndGet();
        }
        tooMany(response, wait);
    }

    private static void tooMany(HttpServletResponse response, long wait) throws IOException {
        response.setHeader("Retry-After", Long.toString(wait));
        response.setCharacterEncoding("UTF-8");
        Problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                "This client has made more calls than its limit allows; retry after " + wait + " s.");
    }
}
