package nl.waarborg.accounts.oidc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * Keeps a pending OIDC authorization request by its {@code state} (random, single use, ten minutes) instead of in the
 * session: the console's session cookie is SameSite=Strict and does not come back with the provider's redirect. A
 * random value in a SameSite=Lax cookie, valid only under /console/oidc, binds the request to the browser that started
 * it, so someone else's {@code state} and code cannot sign this browser in (login CSRF). In memory: the provider's
 * answer must reach the node that sent the person there.
 */
final class StateKeyedAuthorizationRequests implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    static final String COOKIE = "waarborg-oidc";
    private static final Duration TTL = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Pending(OAuth2AuthorizationRequest request, String browser) {
    }

    private final Cache<String, Pending> pending = Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(10_000).build();

    @Override
    public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
        String state = request.getParameter("state");
        if (state == null) {
            return null;
        }
        Pending p = pending.getIfPresent(state);
        String browser = browser(request);
        if (p == null || browser == null || !MessageDigest.isEqual(p.browser().getBytes(StandardCharsets.US_ASCII),
                browser.getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        return p.request();
    }

    @Override
    public void saveAuthorizationRequest(OAuth2AuthorizationRequest authorizationRequest, HttpServletRequest request,
                                         HttpServletResponse response) {
        if (authorizationRequest == null) {
            removeAuthorizationRequest(request, response);
            return;
        }
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        String browser = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        pending.put(authorizationRequest.getState(), new Pending(authorizationRequest, browser));
        cookie(response, browser, (int) TTL.toSeconds());
    }

    @Override
    public OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request, HttpServletResponse response) {
        OAuth2AuthorizationRequest r = loadAuthorizationRequest(request);
        if (r != null) {
            pending.invalidate(r.getState()); // single use
            cookie(response, "", 0);
        }
        return r;
    }

    private static String browser(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie c : request.getCookies()) {
            if (COOKIE.equals(c.getName())) {
                return c.getValue();
            }
        }
        return null;
    }

    private static void cookie(HttpServletResponse response, String value, int maxAge) {
        response.addHeader("Set-Cookie", COOKIE + "=" + value + "; Path=/console/oidc; Max-Age=" + maxAge
                + "; HttpOnly; Secure; SameSite=Lax");
    }
}
