package nl.waarborg.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.waarborg.web.RateLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The portal's rate limits, instead of a CAPTCHA: every form POST takes a token from its client network's bucket
 * ({@code waarborg.portal.posts-per-minute}, burst {@code waarborg.portal.posts-burst}), and a request form also from
 * the bucket of the address it names ({@code waarborg.portal.requests-per-address-per-day}), so a flood of requests
 * for someone else's address from many networks still sends that person only a few mails. The address's bucket is
 * named by a keyed hash whose key lives in this process only: the address is never stored, and a hash that outlives
 * the process cannot be tried against a list of addresses.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class PortalGuard {

    private final RateLimiter limiter;
    private final double postsPerSecond;
    private final int postsBurst;
    private final double perAddressPerSecond;
    private final int perAddressBurst;
    private final byte[] key = new byte[32];
    /** Names this guard's buckets; {@link #reset} starts fresh ones (tests that flood on purpose). */
    private volatile int generation;

    PortalGuard(RateLimiter limiter, @Value("${waarborg.portal.posts-per-minute:10}") double postsPerMinute,
                @Value("${waarborg.portal.posts-burst:20}") int postsBurst,
                @Value("${waarborg.portal.requests-per-address-per-day:3}") int perAddressPerDay) {
        if (!(postsPerMinute > 0) || postsBurst < 1 || perAddressPerDay < 1) {
            throw new IllegalArgumentException("waarborg.portal.posts-per-minute must be more than 0, "
                    + "waarborg.portal.posts-burst and waarborg.portal.requests-per-address-per-day at least 1");
        }
        this.limiter = limiter;
        this.postsPerSecond = postsPerMinute / 60;
        this.postsBurst = postsBurst;
        this.perAddressPerSecond = perAddressPerDay / 86_400.0;
        this.perAddressBurst = perAddressPerDay;
        new SecureRandom().nextBytes(key);
    }

    /** 0 when this POST may go on, else the seconds to wait (per client network). */
    public long post(HttpServletRequest request) {
        return limiter.secondsToWait("portal-post#" + generation, request, postsPerSecond, postsBurst);
    }

    /** 0 when another request may name {@code address}, else the seconds to wait. */
    public long address(String address) {
        return limiter.secondsToWaitFor("portal-address#" + generation, keyed(address.strip().toLowerCase(Locale.ROOT)),
                perAddressPerSecond, perAddressBurst);
    }

    /** Starts every bucket of the portal afresh. */
    public void reset() {
        generation++;
    }

    private String keyed(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
