package nl.waarborg.accounts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 on HOTP, RFC 4226) as authenticator apps make them: HMAC-SHA1, 30-second
 * steps counted from the Unix epoch, 6 digits. A code is accepted for the current step and one step either side (a
 * phone's clock a little off, a code typed as the step turns), and only for a step later than the last one accepted,
 * so a code seen over someone's shoulder cannot be used again.
 */
public final class Totp {

    public static final int STEP_SECONDS = 30;
    public static final int DIGITS = 6;
    /** 160 bits, the HMAC-SHA1 output size RFC 4226 recommends. */
    public static final int SECRET_BYTES = 20;

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {
    }

    /** A new random secret. */
    public static byte[] newSecret() {
        byte[] s = new byte[SECRET_BYTES];
        RANDOM.nextBytes(s);
        return s;
    }

    /** The step {@code time} falls in. */
    public static long step(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
    }

    /** The code of {@code step} with {@code digits} digits (RFC 4226 section 5.3: dynamic truncation). */
    public static String code(byte[] secret, long step, int digits) {
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("TOTP codes have 6 to 8 digits");
        }
        byte[] h;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            h = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is missing from this Java", e);
        }
        int offset = h[h.length - 1] & 0x0f;
        int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8)
                | (h[offset + 3] & 0xff);
        String s = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - s.length()) + s;
    }

    /** The 6-digit code at {@code time}. */
    public static String code(byte[] secret, Instant time) {
        return code(secret, step(time), DIGITS);
    }

    /**
     * The step {@code code} is valid for at {@code now} (now's step or one either side) when that step is later than
     * {@code lastUsedStep}; empty when the code is wrong or replayed. Every candidate is computed and compared in
     * constant time, so the answer's timing says nothing about which step matched.
     */
    public static OptionalLong verify(byte[] secret, String code, Instant now, long lastUsedStep) {
        if (code == null) {
            return OptionalLong.empty();
        }
        String typed = code.strip().replace(" ", "");
        byte[] given = typed.getBytes(StandardCharsets.US_ASCII);
        long current = step(now);
        long matched = -1;
        for (long s = current - 1; s <= current + 1; s++) {
            boolean same = MessageDigest.isEqual(given, code(secret, s, DIGITS).getBytes(StandardCharsets.US_ASCII));
            if (same && s > lastUsedStep && matched < 0) {
                matched = s;
            }
        }
        return matched < 0 ? OptionalLong.empty() : OptionalLong.of(matched);
    }

    /**
     * The {@code otpauth://} URI an authenticator app reads from a QR code (Google Authenticator's key URI format):
     * it holds the secret, so it is shown once to the person enrolling and never logged.
     */
    public static String uri(String issuer, String accountName, byte[] secret) {
        String label = encode(issuer) + ":" + encode(accountName);
        return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    /** RFC 4648 base32 without padding, as authenticator apps expect the secret. */
    public static String base32(byte[] data) {
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }
}
