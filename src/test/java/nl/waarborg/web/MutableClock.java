package nl.waarborg.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A clock tests move forward (design principle 4: tests move time, never sleep). Each reading is one microsecond
 * after the previous one (the database keeps microseconds), so what happens one after another is ordered in time as
 * with a real clock, and every instant it gives survives a round trip through the database unchanged. Thread-safe.
 */
public final class MutableClock extends Clock {

    private Instant now;

    public MutableClock(Instant start) {
        this.now = start.truncatedTo(ChronoUnit.MICROS);
    }

    /** Moves the clock forward; never back, so audit times and the like stay in order for every test sharing it. */
    public synchronized Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        now = now.plus(by).truncatedTo(ChronoUnit.MICROS);
        return now;
    }

    @Override
    public synchronized Instant instant() {
        now = now.plus(1, ChronoUnit.MICROS);
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a moving test clock has one zone: UTC");
    }
}
