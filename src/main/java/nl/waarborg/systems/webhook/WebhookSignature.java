package nl.waarborg.systems.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures (standardwebhooks.com): {@code webhook-signature} is {@code v1,} and the base64 of
 * HMAC-SHA256 over {@code webhook-id + "." + webhook-timestamp + "." + body}, under the system's secret. A secret
 * written {@code whsec_…} is the base64 of the key, as the specification has it; any other secret is its UTF-8
 * bytes. A header may carry several signatures separated by spaces (a system rotating its secret); one that matches
 * is enough. Compared in constant time.
 */
public final class WebhookSignature {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";

    private final byte[] key;

    public WebhookSignature(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a webhook secret must not be empty");
        }
        this.key = secret.startsWith("whsec_") ? Base64.getDecoder().decode(secret.substring(6))
                : secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The header value signing this message. */
    public String sign(String id, long timestamp, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(mac(id, timestamp, body));
    }

    /** Whether one of the header's signatures is this message's. */
    public boolean verify(String id, long timestamp, byte[] body, String header) {
        if (header == null) {
            return false;
        }
        byte[] expected = mac(id, timestamp, body);
        boolean ok = false;
        for (String part : header.trim().split(" +")) {
            if (part.startsWith("v1,")) {
                byte[] given;
                try {
                    given = Base64.getDecoder().decode(part.substring(3));
                } catch (IllegalArgumentException e) {
                    continue;
                }
                ok |= MessageDigest.isEqual(expected, given);
            }
        }
        return ok;
    }

    private byte[] mac(String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
