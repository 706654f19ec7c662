package nl.waarborg.requests.service;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the requests capability ({@code waarborg.requests.*}), checked at start.
 *
 * @param zone            the organisation's zone, in which the day of receipt and the deadline's last day are counted
 * @param maxBackdating   how long before now staff may say a request was received (a letter that lay a week on a
 *                        desk was received then: its deadline runs from then); further back is refused
 * @param pauseWhileIdentityOutstanding whether the days identity was outstanding move the deadline on (off by default:
 *                        the law's text gives no pause; when on, the legal date without it is kept beside it)
 * @param fulfilmentInterval how often started fulfilments are moved on when a system finished a step later (0: never)
 * @param confirmationValid how long a mailed confirmation link works (the identity check's and the portal's), more
 *                        than 0 and at most 31 days: a person away for a while can still confirm within the month
 *                        the request has
 */
@Validated
@ConfigurationProperties("waarborg.requests")
public record RequestsProperties(
        @DefaultValue("Europe/Amsterdam") ZoneId zone,
        @DefaultValue("90d") Duration maxBackdating,
        @DefaultValue("false") boolean pauseWhileIdentityOutstanding,
        @DefaultValue("1m") Duration fulfilmentInterval,
        @DefaultValue("7d") Duration confirmationValid) {

    public RequestsProperties {
        if (zone == null) {
            throw new IllegalArgumentException("waarborg.requests.zone must name a zone, such as Europe/Amsterdam");
        }
        if (fulfilmentInterval == null || fulfilmentInterval.isNegative()) {
            throw new IllegalArgumentException("waarborg.requests.fulfilment-interval must not be negative");
        }
        if (confirmationValid == null || confirmationValid.isNegative() || confirmationValid.isZero()
                || confirmationValid.compareTo(Duration.ofDays(31)) > 0) {
            throw new IllegalArgumentException("waarborg.requests.confirmation-valid must be more than 0 and at most "
                    + "31 days, was " + confirmationValid);
        }
        if (maxBackdating == null || maxBackdating.isNegative()) {
            throw new IllegalArgumentException("waarborg.requests.max-backdating must not be negative, was " + maxBackdating);
        }
    }
}
