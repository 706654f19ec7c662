package nl.waarborg.access;

import static nl.waarborg.access.Action.READ;
import static nl.waarborg.access.Action.TRANSFER;
import static nl.waarborg.access.DenyReason.CATEGORY_NOT_DECLARED_FOR_PURPOSE;
import static nl.waarborg.access.DenyReason.LEGAL_OBLIGATION_ONLY;
import static nl.waarborg.access.DenyReason.NO_LEGAL_BASIS;
import static nl.waarborg.access.DenyReason.RESTRICTION_ACTIVE;
import static nl.waarborg.access.DenyReason.TRANSFER_WITHOUT_SAFEGUARD;
import static nl.waarborg.access.DecisionFixtures.everyone;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import nl.waarborg.bench.GeneratedPolicy;
import nl.waarborg.policy.CompiledPolicy;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.PolicyLoader;
import nl.waarborg.policy.RetentionCalculator;
import org.junit.jupiter.api.Test;

/**
 * What the self-storage example cannot show: a recipient outside the EEA without safeguard, a purpose without
 * a legal basis, retention outcomes of the calculator, and a policy with more than 64 of everything.
 */
class DecisionEdgeCasesTest {

    private static Decision decide(CompiledPolicy policy, SubjectState subject, DecisionRequest request) {
        return DecisionEngine.decide(policy, subject, request);
    }

    private final CompiledPolicy policy = DecisionFixtures.TEST_POLICY;
    private final SubjectState customer = everyone(policy).build();

    @Test
    void recipientOutsideTheEeaWithoutSafeguard() { // R1.8
        Decision d = decide(policy, customer, DecisionRequest.of("staff", "support", TRANSFER, "email")
                .to("offshore-helpdesk"));
        assertThat(d.reasons()).containsExactly(TRANSFER_WITHOUT_SAFEGUARD);
        assertThat(decide(policy, customer, DecisionRequest.of("staff", "support", TRANSFER, "email").to("us-helpdesk")))
                .isSameAs(Decision.ALLOW);
    }

    @Test
    void purposeWithoutLegalBasis() { // R1.6
        assertThat(decide(policy, customer, DecisionRequest.of("staff", "unbased", READ, "name")).reasons())
                .containsExactly(NO_LEGAL_BASIS);
    }

    @Test
    void retentionCalculatorOutcomeBecomesLegalObligationOnlyThenOver() { // docs/policy-format.md section 5
        ZoneId zone = ZoneId.of("Europe/Amsterdam");
        Policy source = policy.policy();
        RetentionCalculator calculator = new RetentionCalculator(source, zone);
        Instant contractEnded = LocalDate.parse("2025-06-30").atStartOfDay(zone).toInstant();
        var outcome = calculator.resolve(
                new RetentionCalculator.Item("name", Set.of("rental", "bookkeeping"), contractEnded.minusSeconds(86_400 * 400)),
                new RetentionCalculator.Subject(Map.of("customer", contractEnded.minusSeconds(86_400 * 400)),
                        Map.of("contract-ended", contractEnded), Set.of()));

        Instant stillCustomerFile = LocalDate.parse("2026-01-01").atStartOfDay(zone).toInstant();
        Instant fiscalOnly = LocalDate.parse("2026-07-01").atStartOfDay(zone).toInstant();
        Instant gone = LocalDate.parse("2032-07-01").atStartOfDay(zone).toInstant();
        assertThat(ItemRetention.of(policy, outcome, stillCustomerFile)).isEqualTo(ItemRetention.RUNNING);
        assertThat(ItemRetention.of(policy, outcome, gone)).isEqualTo(ItemRetention.OVER);

        ItemRetention item = ItemRetention.of(policy, outcome, fiscalOnly);
        int staff = policy.roleId("staff");
        long[] name = policy.categoryMask("name");
        assertThat(DecisionEngine.decide(policy, customer, staff, policy.purposeId("rental"), name, READ, -1, 0, item)
                .reasons()).containsExactly(LEGAL_OBLIGATION_ONLY);
        assertThat(DecisionEngine.decide(policy, customer, staff, policy.purposeId("bookkeeping"), name, READ, -1, 0, item))
                .isSameAs(Decision.ALLOW);

        // The same at category level, in the subject state.
        SubjectState state = everyone(policy).retention("name", outcome, fiscalOnly).build();
        assertThat(decide(policy, state, DecisionRequest.of("staff", "rental", READ, "name")).reasons())
                .containsExactly(LEGAL_OBLIGATION_ONLY);
        assertThat(decide(policy, state, DecisionRequest.of("staff", "rental", READ, "email"))).isSameAs(Decision.ALLOW);
        assertThat(decide(policy, state, DecisionRequest.of("staff", "bookkeeping", READ, "name"))).isSameAs(Decision.ALLOW);
    }

    // 500 purposes over 200 data categories: masks of several words.
    private final CompiledPolicy large = CompiledPolicy.compile(PolicyLoader.load("generated.yaml",
            GeneratedPolicy.yaml(500, 2000).getBytes(StandardCharsets.UTF_8)).orThrow().policy());

    @Test
    void categoriesBeyondTheFirstWordAndPurposesBeyondTheFirst64() {
        assertThat(large.categoryWords()).isEqualTo(4);
        assertThat(large.purposeWords()).isEqualTo(8);
        SubjectState s = everyone(large).consentGiven("purpose-300").restrict(RestrictionGround.UNLAWFUL, "data-199")
                .retainedOnlyFor("data-104", "purpose-100", "purpose-480").build();
        // purpose-100 declares data-100…104 for subject-0 and subject-1.
        assertThat(decide(large, s, DecisionRequest.of("staff", "purpose-100", READ, "data-100", "data-104")))
                .isSameAs(Decision.ALLOW);
        Decision d = decide(large, s, DecisionRequest.of("staff", "purpose-100", READ, "data-104", "data-199"));
        assertThat(d.reasons()).containsExactly(CATEGORY_NOT_DECLARED_FOR_PURPOSE, RESTRICTION_ACTIVE);
        assertThat(((Decision.Deny) d).failedCategories(large)).containsExactly("data-199");
        // purpose-399 (data-195…199) on data-199: restricted; data-104 kept only for purposes 100 and 480.
        assertThat(decide(large, s, DecisionRequest.of("staff", "purpose-399", READ, "data-199")).reasons())
                .containsExactly(RESTRICTION_ACTIVE);
        Decision legal = decide(large, s, DecisionRequest.of("staff", "purpose-420", READ, "data-100", "data-104"));
        assertThat(legal.reasons()).containsExactly(LEGAL_OBLIGATION_ONLY);
        assertThat(((Decision.Deny) legal).failedCategories(large)).containsExactly("data-104");
    }
}
