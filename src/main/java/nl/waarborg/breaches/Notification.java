package nl.waarborg.breaches;

import java.time.Instant;

/**
 * One notification sent about the breach: to the AP as controller, to the controller as processor. Art. 33(4) GDPR
 * allows the information in phases: the {@code initial} notification, {@code supplement}s with what was not known
 * yet, an {@code amendment} correcting it, a {@code withdrawal} when it proved no breach after all.
 *
 * @param phase       which
 * @param sentAt      when it was sent
 * @param number      the AP's notification number, when it gave one
 * @param delayReason the reasons for the delay, required for an initial notification after the clock ran out
 *                    (Art. 33(1))
 * @param late        whether it was sent after the clock ran out
 */
public record Notification(Phase phase, Instant sentAt, String number, String delayReason, boolean late) {

    public Notification {
        if (phase == null || sentAt == null) {
            throw new IllegalArgumentException("a notification has its phase and the moment it was sent");
        }
    }

    public enum Phase {
        INITIAL, SUPPLEMENT, AMENDMENT, WITHDRAWAL;

        public String term() {
            return Term.of(this);
        }

        public static Phase of(String field, String term) {
            return Term.required(Phase.class, field, term);
        }
    }
}
