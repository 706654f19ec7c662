package nl.waarborg.breaches.service;

import java.time.Instant;
import nl.waarborg.breaches.Breach;

/**
 * One version of a breach in the register: the breach as it then stood, what changed ({@code registered},
 * {@code corrected}, {@code assessed}, {@code decided}, {@code notified}, {@code closed}), who changed it, when, and for
 * a correction the reason staff gave.
 */
public record BreachVersion(int version, String change, Breach breach, String changedBy, Instant changedAt,
                            String reason) {}
