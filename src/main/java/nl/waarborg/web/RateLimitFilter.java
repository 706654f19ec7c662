package nl.waarborg.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import nl.waarborg.access.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 (problem+json, {@code Retry-After}) to a client beyond its rate ({@link RateLimiter}); runs in the
 * security chain right after the bearer token is read, so it knows whether the call is authenticated, and before
 * anything that costs more. A refusal is counted with the other refused calls ({@link RefusedCallAudit}), never
 * recorded one by one. Health is not limited: a probe must not fail because a flood shares its network.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final RefusedCallAudit refused;

    RateLimitFilter(RateLimiter limiter, RefusedCallAudit refused) {
        this.limiter = limiter;
        this.refused = refused;
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
        response.setHeader("Retry-After", Long.toString(wait));
        response.setCharacterEncoding("UTF-8");
        Problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                "This client has made more calls than its limit allows; retry after " + wait + " s.");
    }
}
