package nl.waarborg.requests.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import nl.waarborg.access.Caller;
import nl.waarborg.requests.DeadlineCalculator;
import nl.waarborg.requests.HolidayCalendar;
import nl.waarborg.requests.IdentityPause;
import nl.waarborg.requests.Request;
import nl.waarborg.web.MutableClock;
import nl.waarborg.web.MutableClockConfiguration;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * With waarborg.requests.pause-while-identity-outstanding on, the days identity was outstanding move the deadline on
 * once it is decided, and the legal date without the pause stays beside it (the clean policy: P4W, extension P2M).
 */
@TestPropertySource(properties = {"waarborg.data-dir=${waarborg.test.data-root}/requests-pause",
        "waarborg.requests.pause-while-identity-outstanding=true"})
@Import(MutableClockConfiguration.class)
class IdentityPauseTest extends ServiceTestBase {

    private static final Caller STAFF = new Caller("staff", "dpo", List.of(), true);
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Autowired
    MutableClock clock;
    @Autowired
    Requests requests;

    @Test
    void theDaysIdentityWasOutstandingMoveTheDeadlineOnAndTheLegalDateIsKept() {
        int year = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).getYear() + 1;
        while (LocalDate.of(year, 3, 3).getDayOfWeek() != java.time.DayOfWeek.TUESDAY) {
            year++;
        }
        Instant received = Instant.parse(year + "-03-03T10:00:00Z");
        clock.advance(Duration.between(clock.instant(), received));
        Request r = requests.receive(STAFF, new Requests.NewRequest(List.of("access"), List.of(), "email", "nl", null, null));
        assertThat(r.deadline()).isEqualTo(LocalDate.of(year, 3, 31));

        clock.advance(Duration.ofDays(7)); // identity decided a week later
        Request decided = requests.identity(STAFF, r.reference(), "email-link", "verified");

        assertThat(decided.legalDeadline()).as("the date the law gives").isEqualTo(LocalDate.of(year, 3, 31));
        assertThat(decided.deadline()).isAfterOrEqualTo(LocalDate.of(year, 4, 7))
                .isEqualTo(new DeadlineCalculator(AMSTERDAM, HolidayCalendar.netherlands(), true).deadline(
                        r.receivedAt(), Period.ofWeeks(4), List.of(new IdentityPause(r.receivedAt(),
                                decided.identityAt()))).date());
        // the extension counts the same pause
        Request extended = requests.extend(STAFF, r.reference(), "Uw verzoek raakt veel systemen.");
        assertThat(extended.extendedTo()).isAfterOrEqualTo(LocalDate.of(year, 6, 10));
    }
}
