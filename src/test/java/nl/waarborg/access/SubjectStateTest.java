package nl.waarborg.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.waarborg.policy.CompiledPolicy;
import nl.waarborg.policy.HoldKind;
import org.junit.jupiter.api.Test;

/** Building a subject's state from its recorded facts. */
class SubjectStateTest {

    private final CompiledPolicy policy = DecisionFixtures.SELF_STORAGE;

    @Test
    void builtFromFacts() {
        UUID id = UUID.randomUUID();
        SubjectState s = SubjectState.builder(policy).subject(id).applyAll(List.of(
                new SubjectFact.Membership("customer"),
                new SubjectFact.Consent("cookies", true, Instant.parse("2026-01-01T00:00:00Z")),
                new SubjectFact.Objection("website", ObjectionStatus.PENDING),
                new SubjectFact.Restriction(RestrictionGround.ACCURACY_CONTESTED, List.of("billing-address")),
                new SubjectFact.RetentionOver("call-recording"),
                new SubjectFact.RetainedOnlyFor("name", List.of("legal-obligations")),
                new SubjectFact.Hold(HoldKind.INCIDENT))).build();
        assertThat(s.subject()).isEqualTo(id);
        assertThat(s.policy()).isSameAs(policy);
        assertThat(s.memberOf(policy.subjectCategoryId("customer"))).isTrue();
        assertThat(s.memberOf(policy.subjectCategoryId("lead"))).isFalse();
        assertThat(s.consentGiven(policy.purposeId("cookies"))).isTrue();
        assertThat(s.objectionPending(policy.purposeId("website"))).isTrue();
        assertThat(s.objectionUpheld(policy.purposeId("website"))).isFalse();
        assertThat(s.restricted(policy.categoryId("billing-address"))).isTrue();
        assertThat(s.restricted(policy.categoryId("name"))).isFalse();
        assertThat(s.retentionOver(policy.categoryId("call-recording"))).isTrue();
        assertThat(s.retainedFor(policy.categoryId("name"), policy.purposeId("legal-obligations"))).isTrue();
        assertThat(s.retainedFor(policy.categoryId("name"), policy.purposeId("customer-contract"))).isFalse();
        assertThat(s.retainedFor(policy.categoryId("email"), policy.purposeId("customer-contract"))).isTrue();
        assertThat(s.holds()).containsExactly(HoldKind.INCIDENT);
    }

    @Test
    void theLatestConsentFactCountsWhateverTheOrder() {
        Instant jan = Instant.parse("2026-01-01T00:00:00Z");
        Instant feb = Instant.parse("2026-02-01T00:00:00Z");
        Instant mar = Instant.parse("2026-03-01T00:00:00Z");
        int cookies = policy.purposeId("cookies");
        SubjectState regiven = SubjectState.builder(policy).consent("cookies", false, feb).consent("cookies", true, mar)
                .consent("cookies", true, jan).build();
        assertThat(regiven.consentGiven(cookies)).isTrue();
        assertThat(regiven.consentWithdrawn(cookies)).isFalse();
        SubjectState withdrawn = SubjectState.builder(policy).consent("cookies", false, mar).consent("cookies", true, feb).build();
        assertThat(withdrawn.consentGiven(cookies)).isFalse();
        assertThat(withdrawn.consentWithdrawn(cookies)).isTrue();
    }

    @Test
    void directMarketingObjectionIsNeverPendingOrRejected() { // Art. 21(3)
        int marketing = policy.purposeId("marketing");
        for (ObjectionStatus status : ObjectionStatus.values()) {
            SubjectState s = SubjectState.builder(policy).objection("marketing", status).build();
            assertThat(s.objectionUpheld(marketing)).as("%s", status).isTrue();
            assertThat(s.objectionPending(marketing)).isFalse();
        }
        SubjectState rejected = SubjectState.builder(policy).objection("website", ObjectionStatus.UPHELD)
                .objection("website", ObjectionStatus.REJECTED).build();
        assertThat(rejected.objectionUpheld(policy.purposeId("website"))).isFalse();
    }

    @Test
    void restrictionWithoutCategoriesCoversAllData() {
        SubjectState s = SubjectState.builder(policy).restrict(RestrictionGround.NEEDED_FOR_SUBJECTS_CLAIM).build();
        for (int c = 0; c < policy.categoryCount(); c++) {
            assertThat(s.restricted(c)).isTrue();
        }
    }

    @Test
    void severalRetentionLimitsOfOneCategoryIntersect() {
        SubjectState s = SubjectState.builder(policy).retainedOnlyFor("name", "legal-obligations", "legal-claims")
                .retainedOnlyFor("name", "legal-obligations", "customer-contract").build();
        int name = policy.categoryId("name");
        assertThat(s.retainedFor(name, policy.purposeId("legal-obligations"))).isTrue();
        assertThat(s.retainedFor(name, policy.purposeId("legal-claims"))).isFalse();
        assertThat(s.retainedFor(name, policy.purposeId("customer-contract"))).isFalse();
    }

    @Test
    void factsWithIdsThePolicyNoLongerDeclaresAreSkippedAndListed() {
        SubjectState.Builder b = SubjectState.builder(policy).consentGiven("old-newsletter").memberOf("martian")
                .restrict(RestrictionGround.UNLAWFUL, "shoe-size").consentGiven("cookies");
        assertThat(b.ignored()).containsExactly("purpose old-newsletter", "subject category martian", "data category shoe-size");
        SubjectState s = b.build();
        assertThat(s.consentGiven(policy.purposeId("cookies"))).isTrue();
        for (int c = 0; c < policy.categoryCount(); c++) {
            assertThat(s.restricted(c)).isFalse();
        }
    }

    @Test
    void aPublishedStateDoesNotChangeWhenItsBuilderIsUsedAgain() {
        SubjectState.Builder b = SubjectState.builder(policy);
        SubjectState before = b.build();
        b.consentGiven("cookies").restrict(RestrictionGround.UNLAWFUL).retentionOver("name");
        assertThat(before.consentGiven(policy.purposeId("cookies"))).isFalse();
        assertThat(before.restricted(policy.categoryId("name"))).isFalse();
        assertThat(before.retentionOver(policy.categoryId("name"))).isFalse();
    }
}
