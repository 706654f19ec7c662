package nl.waarborg.breaches.service;

import java.time.Duration;
import java.time.ZoneId;
import nl.waarborg.breaches.BreachRole;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the breach register ({@code waarborg.breaches.*}), checked at start.
 *
 * @param zone            the organisation's zone, in which the clock's moments are shown (it is kept in UTC)
 * @param processorNotice as processor, the period within which the controller is told: the contract's or the
 *                        organisation's own target for "without undue delay" (Art. 33(2) GDPR gives no number)
 * @param role            the organisation's role for a breach that names none: controller or processor
 */
@ConfigurationProperties("waarborg.breaches")
public record BreachesProperties(
        @DefaultValue("Europe/Amsterdam") ZoneId zone,
        @DefaultValue("PT24H") Duration processorNotice,
        @DefaultValue("controller") String role) {

    public BreachesProperties {
        if (zone == null) {
            throw new IllegalArgumentException("waarborg.breaches.zone must name a zone, such as Europe/Amsterdam");
        }
        if (processorNotice == null || processorNotice.isNegative() || processorNotice.isZero()
                || processorNotice.compareTo(Duration.ofHours(72)) > 0) {
            throw new IllegalArgumentException("waarborg.breaches.processor-notice must be more than 0 and at most "
                    + "72 hours (the controller has 72 hours in all), was " + processorNotice);
        }
        if (!"controller".equals(role) && !"processor".equals(role)) {
            throw new IllegalArgumentException("waarborg.breaches.role must be controller or processor, was " + role);
        }
    }

    public BreachRole defaultRole() {
        return BreachRole.valueOf(role.toUpperCase(java.util.Locale.ROOT));
    }
}
