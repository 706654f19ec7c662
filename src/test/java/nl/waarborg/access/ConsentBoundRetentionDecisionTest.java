package nl.waarborg.access;

import static nl.waarborg.access.Action.READ;
import static nl.waarborg.access.DenyReason.CONSENT_WITHDRAWN;
import static nl.waarborg.access.DenyReason.LEGAL_OBLIGATION_ONLY;
import static nl.waarborg.access.DenyReason.RETENTION_OVER;
import static nl.waarborg.access.DecisionFixtures.everyone;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import nl.waarborg.policy.CompiledPolicy;
import nl.waarborg.policy.RetentionCalculator;
import org.junit.jupiter.api.Test;

/**
 * The decision on an applicant's CV kept on consent for the talent pool (self-storage example): beyond the four weeks
 * only the talent pool may read it; once the consent is withdrawn after those weeks nothing may.
 */
class ConsentBoundRetentionDecisionTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final Instant COLLECTED = at("2026-03-02");
    private static final Instant LATER = at("2026-05-01");

    private final CompiledPolicy policy = DecisionFixtures.SELF_STORAGE;
    private final RetentionCalculator calculator = new RetentionCalculator(policy.policy(), ZONE);
    private final RetentionCalculator.Item cv = new RetentionCalculator.Item("cv", Set.of("recruitment", "talent-pool"),
            COLLECTED);

    private static Instant at(String date) {
        return LocalDate.parse(date).atStartOfDay(ZONE).toInstant();
    }

    private Decision decide(SubjectState state, String purpose, ItemRetention retention) {
        return DecisionEngine.decide(policy, state, policy.roleId("hr"), policy.purposeId(purpose),
                policy.categoryMask("cv"), READ, -1, 0, retention);
    }

    @Test
    void withConsentOnlyTheTalentPoolMayReadTheCvAfterTheFourWeeks() {
        var outcome = calculator.resolve(cv, new RetentionCalculator.Subject(Map.of("applicant", COLLECTED), Map.of(),
                Set.of(), Map.of("talent-pool", RetentionCalculator.Subject.NO_EXPIRY), Map.of()));
        SubjectState consented = everyone(policy).consentGiven("talent-pool").build();
        ItemRetention retention = ItemRetention.of(policy, outcome, LATER);

        assertThat(decide(consented, "talent-pool", retention)).isSameAs(Decision.ALLOW);
        assertThat(decide(consented, "recruitment", retention).reasons()).containsExactly(LEGAL_OBLIGATION_ONLY);
        // within the four weeks recruitment may still use it
        assertThat(decide(consented, "recruitment", ItemRetention.of(policy, outcome, at("2026-03-20"))))
                .isSameAs(Decision.ALLOW);
    }

    @Test
    void afterWithdrawalPastTheFourWeeksNothingMayReadTheCv() {
        var outcome = calculator.resolve(cv, new RetentionCalculator.Subject(Map.of("applicant", COLLECTED), Map.of(),
                Set.of(), Map.of(), Map.of()));
        SubjectState withdrawn = everyone(policy).consentWithdrawn("talent-pool").build();
        ItemRetention retention = ItemRetention.of(policy, outcome, LATER);

        assertThat(retention).isEqualTo(ItemRetention.OVER);
        assertThat(decide(withdrawn, "talent-pool", retention).reasons()).contains(RETENTION_OVER, CONSENT_WITHDRAWN);
        assertThat(decide(withdrawn, "recruitment", retention).reasons()).containsExactly(RETENTION_OVER);
    }
}
