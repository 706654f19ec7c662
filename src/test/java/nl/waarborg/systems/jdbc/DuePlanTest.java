package nl.waarborg.systems.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import nl.waarborg.policy.CalendarRounding;
import nl.waarborg.policy.EndAction;
import nl.waarborg.policy.Policy.RetentionRule;
import nl.waarborg.policy.RetentionPeriod;
import nl.waarborg.policy.RetentionStart;
import nl.waarborg.policy.Text;
import nl.waarborg.systems.jdbc.TableNode.ColumnRef;
import org.junit.jupiter.api.Test;

/** The cut-off a start column is compared with: the latest start whose period has ended, to the microsecond. */
class DuePlanTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Instant NOW = LocalDateTime.parse("2026-06-01T10:00:00").atZone(AMSTERDAM).toInstant();

    private static RetentionRule rule(String period, CalendarRounding round) {
        return new RetentionRule("r", new Text("r", "r"), List.of(), List.of(), List.of(), RetentionPeriod.parse(period),
                RetentionStart.COLLECTION, EndAction.DELETE, List.of(), List.of(), null, round);
    }

    @Test
    void sixMonthsAreCalendarMonthsInTheOrganisationsZone() {
        Instant cutoff = DuePlan.cutoff(rule("P6M", null), AMSTERDAM, NOW);

        // 1 December 2025 10:00 in Amsterdam (winter time) plus six months is 1 June 2026 10:00 (summer time)
        assertThat(cutoff).isEqualTo(LocalDateTime.parse("2025-12-01T10:00:00").atZone(AMSTERDAM).toInstant());
        assertThat(DuePlan.ended(rule("P6M", null), cutoff, AMSTERDAM, NOW)).isTrue();
        assertThat(DuePlan.ended(rule("P6M", null), cutoff.plusNanos(1000), AMSTERDAM, NOW)).isFalse();
    }

    @Test
    void aRoundedStartCountsFromTheCalendar() {
        // seven years from the first of January after the start: ended in 2026 for starts up to the end of 2018
        Instant cutoff = DuePlan.cutoff(rule("P7Y", CalendarRounding.START_OF_NEXT_YEAR), AMSTERDAM, NOW);

        assertThat(cutoff).isEqualTo(LocalDateTime.parse("2018-12-31T23:59:59.999999").atZone(AMSTERDAM).toInstant());
    }

    @Test
    void aZeroPeriodEndsAtItsStart() {
        assertThat(DuePlan.cutoff(rule("P0D", null), AMSTERDAM, NOW)).isEqualTo(NOW);
    }

    @Test
    void theLatestOfSeveralStartsDecidesAndNoStartMeansNotStarted() {
        ColumnRef ended = new ColumnRef(0, "contract_end");
        ColumnRef closed = new ColumnRef(0, "complaint_closed_at");
        DuePlan.Condition c = new DuePlan.Condition("fiscal", List.of(ended, closed), false, NOW, null);

        assertThat(c.ended(java.util.Arrays.asList(NOW.minusSeconds(10), null))).isTrue();
        assertThat(c.ended(java.util.Arrays.asList(NOW.minusSeconds(10), NOW.plusSeconds(10)))).isFalse();
        assertThat(c.ended(java.util.Arrays.asList(null, null))).isFalse();
    }

    @Test
    void anItemsOwnDateDecidesAndWithoutItItsCollection() {
        ColumnRef invoiceDate = new ColumnRef(0, "invoice_date");
        ColumnRef created = new ColumnRef(0, "created_at");
        DuePlan.Condition c = new DuePlan.Condition("fiscal-invoices", List.of(invoiceDate, created), true, NOW, null);

        // the invoice's date is before the cut-off: due, however recent the row
        assertThat(c.ended(java.util.Arrays.asList(NOW.minusSeconds(10), NOW.plusSeconds(10)))).isTrue();
        // a later invoice date keeps it, however old the row
        assertThat(c.ended(java.util.Arrays.asList(NOW.plusSeconds(10), NOW.minusSeconds(10)))).isFalse();
        // no invoice date: from its collection, as in the vault
        assertThat(c.ended(java.util.Arrays.asList(null, NOW.minusSeconds(10)))).isTrue();
        assertThat(c.ended(java.util.Arrays.asList(null, null))).isFalse();
    }

    @Test
    void aRuleBoundToConsentGovernsOnlyRowsWhoseSubjectConsented() {
        ColumnRef created = new ColumnRef(0, "created_at");
        DuePlan.Condition leads = new DuePlan.Condition("leads", List.of(created), false,
                NOW.minus(java.time.Duration.ofDays(180)), null);
        DuePlan.Condition newsletter = new DuePlan.Condition("newsletter", List.of(created), false,
                NOW.minus(java.time.Duration.ofDays(730)), "newsletter");
        DuePlan.ColumnDue email = new DuePlan.ColumnDue("email", "email", List.of(leads, newsletter), true);
        java.util.Map<ColumnRef, Instant> yearOld = java.util.Map.of(created, NOW.minus(java.time.Duration.ofDays(365)));

        assertThat(email.due(yearOld, java.util.Set.of())).as("without consent the leads' rule alone").isTrue();
        assertThat(email.due(yearOld, java.util.Set.of("newsletter"))).as("with consent, two years").isFalse();
        assertThat(email.due(yearOld, java.util.Set.of("other"))).as("consent for another purpose").isTrue();
        // the statement's prefilter holds for every due row: the rules that apply whatever the consent
        assertThat(email.necessary()).containsExactly(leads);
        assertThat(new DuePlan.ColumnDue("cv", "cv", List.of(newsletter), true).necessary()).containsExactly(newsletter);
        assertThat(new DuePlan.ColumnDue("cv", "cv", List.of(newsletter), true).due(yearOld, java.util.Set.of()))
                .as("no rule applies without consent: never due by this rule alone").isFalse();
    }
}
