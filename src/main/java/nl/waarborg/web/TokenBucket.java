package nl.waarborg.web;

/**
 * A token bucket: holds at most {@code burst} tokens, gains {@code perSecond} of them every second, and each call
 * takes one. Time is given by the caller (nanoseconds from any fixed origin), so tests move it by hand.
 */
final class TokenBucket {

    private final double perNano;
    private final double burst;
    private double tokens;
    private long last;

    TokenBucket(double perSecond, int burst, long now) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("a bucket needs a positive rate and a burst of at least 1");
        }
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.last = now;
    }

    /** Takes a token at time {@code now}: 0 when one was there, else how many nanoseconds until the next one. */
    synchronized long take(long now) {
        if (now > last) {
            tokens = Math.min(burst, tokens + (now - last) * perNano);
            last = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / perNano));
    }
}
