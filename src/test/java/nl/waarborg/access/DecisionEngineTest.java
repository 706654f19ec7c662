package nl.waarborg.access;

import static nl.waarborg.access.Action.EXPORT;
import static nl.waarborg.access.Action.READ;
import static nl.waarborg.access.Action.STORE;
import static nl.waarborg.access.Action.TRANSFER;
import static nl.waarborg.access.Action.WRITE;
import static nl.waarborg.access.DenyReason.CATEGORY_NOT_DECLARED_FOR_PURPOSE;
import static nl.waarborg.access.DenyReason.CONSENT_WITHDRAWN;
import static nl.waarborg.access.DenyReason.LEGAL_OBLIGATION_ONLY;
import static nl.waarborg.access.DenyReason.NO_CATEGORY;
import static nl.waarborg.access.DenyReason.NO_CONSENT;
import static nl.waarborg.access.DenyReason.NO_RECIPIENT;
import static nl.waarborg.access.DenyReason.OBJECTION_UPHELD;
import static nl.waarborg.access.DenyReason.PSEUDONYMISED_ONLY;
import static nl.waarborg.access.DenyReason.RECIPIENT_NOT_DECLARED;
import static nl.waarborg.access.DenyReason.RESTRICTION_ACTIVE;
import static nl.waarborg.access.DenyReason.RETENTION_OVER;
import static nl.waarborg.access.DenyReason.ROLE_NOT_ALLOWED;
import static nl.waarborg.access.DenyReason.STALE_SUBJECT_STATE;
import static nl.waarborg.access.DenyReason.SUBJECT_CATEGORY_NOT_DECLARED;
import static nl.waarborg.access.DenyReason.UNKNOWN_CATEGORY;
import static nl.waarborg.access.DenyReason.UNKNOWN_PURPOSE;
import static nl.waarborg.access.DenyReason.UNKNOWN_RECIPIENT;
import static nl.waarborg.access.DenyReason.UNKNOWN_ROLE;
import static nl.waarborg.access.DecisionFixtures.everyone;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.UUID;
import nl.waarborg.policy.CompiledPolicy;
import org.junit.jupiter.api.Test;

/** Every deny reason, with the ids of the self-storage example. */
class DecisionEngineTest {

    private final CompiledPolicy policy = DecisionFixtures.SELF_STORAGE;
    private final SubjectState customer = everyone(policy).build();

    private Decision decide(SubjectState subject, DecisionRequest request) {
        return DecisionEngine.decide(policy, subject, request);
    }

    @Test
    void allowedUseIsTheSharedAllowInstance() {
        Decision d = decide(customer, DecisionRequest.of("customer-service", "customer-contract", READ, "name", "email"));
        assertThat(d).isSameAs(Decision.ALLOW);
        assertThat(d.allowed()).isTrue();
        assertThat(d.reasons()).isEmpty();
        int role = policy.roleId("customer-service");
        int purpose = policy.purposeId("customer-contract");
        long[] mask = policy.categoryMask("name", "email", "billing-address");
        assertThat(DecisionEngine.decide(policy, customer, role, purpose, mask, READ, DecisionEngine.NO_RECIPIENT))
                .isSameAs(Decision.ALLOW);
        assertThat(DecisionEngine.decide(policy, customer, role, purpose, policy.categoryId("name"), WRITE,
                DecisionEngine.NO_RECIPIENT)).isSameAs(Decision.ALLOW);
    }

    @Test
    void cameraFootageOnlyForManagement() { // R6.1
        Decision d = decide(customer, DecisionRequest.of("customer-service", "camera-surveillance", READ, "camera-footage"));
        assertThat(d.reasons()).containsExactly(ROLE_NOT_ALLOWED);
        assertThat(decide(customer, DecisionRequest.of("facility-staff", "camera-surveillance", READ, "camera-footage"))
                .reasons()).containsExactly(ROLE_NOT_ALLOWED);
        assertThat(decide(customer, DecisionRequest.of("management", "camera-surveillance", READ, "camera-footage")))
                .isSameAs(Decision.ALLOW);
    }

    @Test
    void categoryNotDeclaredForThePurposeNamesTheCategory() { // R1.5, R6.6
        Decision d = decide(customer, DecisionRequest.of("customer-service", "customer-contract", READ, "name", "camera-footage"));
        assertThat(d.reasons()).containsExactly(CATEGORY_NOT_DECLARED_FOR_PURPOSE);
        assertThat(((Decision.Deny) d).failedCategories(policy)).containsExactly("camera-footage");
        assertThat(((Decision.Deny) d).failedCategories(policy, CATEGORY_NOT_DECLARED_FOR_PURPOSE))
                .containsExactly("camera-footage");
    }

    @Test
    void consentPurposeWithoutConsent() { // R1.6, R5.1
        Decision d = decide(customer, DecisionRequest.of("marketing", "cookies", READ, "cookie-data"));
        assertThat(d.reasons()).containsExactly(NO_CONSENT);
        assertThat(d.codes()).containsExactly("no-consent");
    }

    @Test
    void consentGivenThenWithdrawn() { // R3.7
        SubjectState.Builder b = everyone(policy).consentGiven("cookies");
        assertThat(decide(b.build(), DecisionRequest.of("marketing", "cookies", READ, "cookie-data")))
                .isSameAs(Decision.ALLOW);
        SubjectState withdrawn = b.consentWithdrawn("cookies").build();
        assertThat(decide(withdrawn, DecisionRequest.of("marketing", "cookies", READ, "cookie-data")).reasons())
                .containsExactly(CONSENT_WITHDRAWN);
        // Not retroactive, and not about keeping: what is held stays until its retention ends.
        assertThat(decide(withdrawn, DecisionRequest.of("marketing", "cookies", STORE, "cookie-data")))
                .isSameAs(Decision.ALLOW);
    }

    @Test
    void objectionToDirectMarketingIsUpheldAtOnce() { // R3.6, Art. 21(3)
        SubjectState objected = everyone(policy).objection("marketing", ObjectionStatus.PENDING).build();
        assertThat(objected.objectionUpheld(policy.purposeId("marketing"))).isTrue();
        assertThat(decide(objected, DecisionRequest.of("marketing", "marketing", READ, "email")).reasons())
                .containsExactly(OBJECTION_UPHELD);
        // Other purposes go on.
        assertThat(decide(objected, DecisionRequest.of("customer-service", "customer-contract", READ, "email")))
                .isSameAs(Decision.ALLOW);
    }

    @Test
    void objectionToLegitimateInterestDeniesOnlyOnceUpheld() { // R3.6, Art. 21(1)
        DecisionRequest website = DecisionRequest.of("marketing", "website", READ, "website-usage");
        assertThat(decide(everyone(policy).objection("website", ObjectionStatus.PENDING).build(), website))
                .isSameAs(Decision.ALLOW);
        assertThat(decide(everyone(policy).objection("website", ObjectionStatus.REJECTED).build(), website))
                .isSameAs(Decision.ALLOW);
        assertThat(decide(everyone(policy).objection("website", ObjectionStatus.UPHELD).build(), website).reasons())
                .containsExactly(OBJECTION_UPHELD);
    }

    @Test
    void restrictionOnTheObjectionPendingGroundDenies() { // R3.3 (d)
        SubjectState s = everyone(policy).objection("website", ObjectionStatus.PENDING)
                .restrict(RestrictionGround.OBJECTION_PENDING, "website-usage").build();
        assertThat(decide(s, DecisionRequest.of("marketing", "website", READ, "website-usage")).reasons())
                .containsExactly(RESTRICTION_ACTIVE);
    }

    @Test
    void restrictionAllowsOnlyStorage() { // R3.3, Art. 18(2)
        SubjectState restricted = everyone(policy).restrict(RestrictionGround.ACCURACY_CONTESTED, "name").build();
        for (Action action : List.of(READ, WRITE, EXPORT)) {
            Decision d = decide(restricted, DecisionRequest.of("customer-service", "customer-contract", action, "name"));
            assertThat(d.reasons()).as("%s", action).containsExactly(RESTRICTION_ACTIVE);
            assertThat(((Decision.Deny) d).failedCategories(policy, RESTRICTION_ACTIVE)).containsExactly("name");
        }
        assertThat(decide(restricted, DecisionRequest.of("customer-service", "customer-contract", STORE, "name")))
                .isSameAs(Decision.ALLOW);
        // Data not under the restriction is used as before.
        assertThat(decide(restricted, DecisionRequest.of("customer-service", "customer-contract", READ, "email")))
                .isSameAs(Decision.ALLOW);
        assertThat(restricted.restrictionGrounds()).containsExactly(RestrictionGround.ACCURACY_CONTESTED);
    }

    @Test
    void art18ExceptionsAreAnExplicitInput() { // Art. 18(2)
        SubjectState restricted = everyone(policy).restrict(RestrictionGround.UNLAWFUL).build();
        DecisionRequest read = DecisionRequest.of("management", "legal-claims", READ, "name", "payment-details");
        assertThat(decide(restricted, read).reasons()).containsExactly(RESTRICTION_ACTIVE);
        for (Circumstance exception : List.of(Circumstance.RESTRICTION_SUBJECT_CONSENT,
                Circumstance.RESTRICTION_LEGAL_CLAIMS, Circumstance.RESTRICTION_PROTECTION_OF_OTHERS,
                Circumstance.RESTRICTION_PUBLIC_INTEREST)) {
            assertThat(decide(restricted, read.with(exception))).as("%s", exception).isSameAs(Decision.ALLOW);
        }
        // Asserting pseudonymisation is no Art. 18(2) exception.
        assertThat(decide(restricted, read.with(Circumstance.PSEUDONYMISED)).reasons()).containsExactly(RESTRICTION_ACTIVE);
    }

    @Test
    void transferToARecipientNotDeclaredForThePurpose() { // R1.7
        DecisionRequest toEmailService = DecisionRequest.of("customer-service", "customer-contract", TRANSFER, "name")
                .to("email-service");
        assertThat(decide(customer, toEmailService).reasons()).containsExactly(RECIPIENT_NOT_DECLARED);
        assertThat(decide(customer, DecisionRequest.of("customer-service", "customer-contract", TRANSFER, "name")
                .to("hosting"))).isSameAs(Decision.ALLOW);
        // Outside the EEA with SCCs, declared for marketing: allowed.
        assertThat(decide(customer, DecisionRequest.of("marketing", "marketing", TRANSFER, "email").to("email-service")))
                .isSameAs(Decision.ALLOW);
    }

    @Test
    void transferNeedsARecipient() {
        assertThat(decide(customer, DecisionRequest.of("customer-service", "customer-contract", TRANSFER, "name")).reasons())
                .containsExactly(NO_RECIPIENT);
    }

    @Test
    void analyticsGetPseudonymisedDataOnly() { // R6.5
        DecisionRequest toAnalytics = DecisionRequest.of("marketing", "website", TRANSFER, "website-usage").to("analytics");
        assertThat(decide(customer, toAnalytics).reasons()).containsExactly(PSEUDONYMISED_ONLY);
        assertThat(decide(customer, toAnalytics.with(Circumstance.PSEUDONYMISED))).isSameAs(Decision.ALLOW);
    }

    @Test
    void retentionOverDeniesEvenStorage() { // R2.1
        SubjectState over = everyone(policy).retentionOver("camera-footage").build();
        for (Action action : Action.values()) {
            Decision d = decide(over, DecisionRequest.of("management", "camera-surveillance", action, "camera-footage"));
            assertThat(d.has(RETENTION_OVER)).as("%s", action).isTrue();
        }
    }

    @Test
    void retainedForLegalObligationOnly() { // R2.2, R2.7; docs/policy-format.md section 5
        SubjectState s = everyone(policy).retainedOnlyFor("name", "legal-obligations").build();
        Decision contract = decide(s, DecisionRequest.of("customer-service", "customer-contract", READ, "name", "email"));
        assertThat(contract.reasons()).containsExactly(LEGAL_OBLIGATION_ONLY);
        assertThat(contract.reasons().iterator().next().code()).as("the code stays").isEqualTo("legal-obligation-only");
        assertThat(s.retainedForPurposes(policy.categoryId("name"))).as("what a message names")
                .containsExactly("legal-obligations");
        assertThat(s.retainedForPurposes(policy.categoryId("email"))).as("not limited").isEmpty();
        assertThat(DenyReason.retainedOnlyFor(List.of("legal-claims", "fiscal-records")))
                .isEqualTo("retained only for: fiscal-records, legal-claims");
        assertThat(((Decision.Deny) contract).failedCategories(policy)).containsExactly("name");
        assertThat(decide(s, DecisionRequest.of("finance", "legal-obligations", READ, "name"))).isSameAs(Decision.ALLOW);
        // Keeping it for another purpose is not allowed either: it is held for the legal purpose alone.
        assertThat(decide(s, DecisionRequest.of("customer-service", "customer-contract", STORE, "name")).reasons())
                .containsExactly(LEGAL_OBLIGATION_ONLY);
    }

    @Test
    void subjectOutsideThePurposesSubjectCategories() { // R1.2, R1.5
        SubjectState visitor = SubjectState.builder(policy).memberOf("website-visitor").build();
        assertThat(decide(visitor, DecisionRequest.of("customer-service", "customer-contract", READ, "name")).reasons())
                .containsExactly(SUBJECT_CATEGORY_NOT_DECLARED);
        assertThat(decide(visitor, DecisionRequest.of("marketing", "website", READ, "ip-address"))).isSameAs(Decision.ALLOW);
        SubjectState nobody = SubjectState.empty(policy, UUID.randomUUID());
        assertThat(decide(nobody, DecisionRequest.of("marketing", "website", READ, "ip-address")).reasons())
                .containsExactly(SUBJECT_CATEGORY_NOT_DECLARED);
    }

    @Test
    void everyReasonThatAppliesIsGivenWithItsCategories() {
        SubjectState s = everyone(policy).restrict(RestrictionGround.ACCURACY_CONTESTED, "name")
                .objection("marketing", ObjectionStatus.PENDING).build();
        Decision d = decide(s, DecisionRequest.of("facility-staff", "marketing", EXPORT, "name", "camera-footage")
                .to("hosting"));
        assertThat(d.reasons()).containsExactly(CATEGORY_NOT_DECLARED_FOR_PURPOSE, ROLE_NOT_ALLOWED, OBJECTION_UPHELD,
                RESTRICTION_ACTIVE, RECIPIENT_NOT_DECLARED);
        Decision.Deny deny = (Decision.Deny) d;
        assertThat(deny.failedCategories(policy, CATEGORY_NOT_DECLARED_FOR_PURPOSE)).containsExactly("camera-footage");
        assertThat(deny.failedCategories(policy, RESTRICTION_ACTIVE)).containsExactly("name");
        assertThat(deny.failedCategories(policy, ROLE_NOT_ALLOWED)).isEmpty();
        assertThat(deny.failedCategories(policy)).containsExactlyInAnyOrder("name", "camera-footage");
        assertThat(d.codes()).containsExactly("category-not-declared-for-purpose", "role-not-allowed",
                "objection-upheld", "restriction-active", "recipient-not-declared");
    }

    @Test
    void unknownIdsAtTheStringEdgeAreReasonsNotExceptions() {
        assertThat(decide(customer, DecisionRequest.of("customer-service", "world-domination", READ, "name")).reasons())
                .containsExactly(UNKNOWN_PURPOSE);
        assertThat(decide(customer, DecisionRequest.of("janitor", "customer-contract", READ, "name")).reasons())
                .containsExactly(UNKNOWN_ROLE);
        assertThat(decide(customer, DecisionRequest.of("customer-service", "customer-contract", READ, "name", "shoe-size"))
                .reasons()).containsExactly(UNKNOWN_CATEGORY);
        assertThat(decide(customer, DecisionRequest.of("customer-service", "customer-contract", TRANSFER, "name")
                .to("the-press")).reasons()).containsExactly(UNKNOWN_RECIPIENT);
        assertThat(decide(customer, DecisionRequest.of(null, null, READ)).reasons())
                .containsExactly(UNKNOWN_PURPOSE, UNKNOWN_ROLE);
        assertThat(DecisionEngine.decide(policy, customer, "customer-service", "customer-contract", List.of(), READ, null)
                .reasons()).containsExactly(NO_CATEGORY);
    }

    @Test
    void unknownIntsAreReasonsToo() {
        int role = policy.roleId("management");
        int purpose = policy.purposeId("camera-surveillance");
        long[] mask = policy.categoryMask("camera-footage");
        assertThat(DecisionEngine.decide(policy, customer, role, -1, mask, READ, -1).reasons()).containsExactly(UNKNOWN_PURPOSE);
        assertThat(DecisionEngine.decide(policy, customer, 99, purpose, mask, READ, -1).reasons()).containsExactly(UNKNOWN_ROLE);
        assertThat(DecisionEngine.decide(policy, customer, role, purpose, mask, READ, 99).reasons())
                .containsExactly(UNKNOWN_RECIPIENT);
        assertThat(DecisionEngine.decide(policy, customer, role, purpose, new long[3], READ, -1).reasons())
                .containsExactly(UNKNOWN_CATEGORY);
        assertThat(DecisionEngine.decide(policy, customer, role, purpose, 999, READ, -1).reasons())
                .containsExactly(UNKNOWN_CATEGORY);
    }

    @Test
    void stateOfAnotherPolicyVersionIsStale() {
        CompiledPolicy recompiled = CompiledPolicy.compile(policy.policy());
        SubjectState old = everyone(recompiled).build();
        assertThat(decide(old, DecisionRequest.of("management", "camera-surveillance", READ, "camera-footage")).reasons())
                .containsExactly(STALE_SUBJECT_STATE);
    }

    @Test
    void decisionsAllocateNothingOnAllowNorOnACachedDeny() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int role = policy.roleId("customer-service");
        int purpose = policy.purposeId("customer-contract");
        int cameraPurpose = policy.purposeId("camera-surveillance");
        long[] mask = policy.categoryMask("name", "email", "phone", "billing-address", "payment-details");
        long[] footage = policy.categoryMask("camera-footage");
        Decision deny = DecisionEngine.decide(policy, customer, role, cameraPurpose, footage, READ, -1);
        long tid = Thread.currentThread().threadId();
        long blackhole = 0;
        for (int round = 0; round < 3; round++) { // the first rounds warm up, and may allocate in class loading
            long before = threads.getThreadAllocatedBytes(tid);
            for (int i = 0; i < 100_000; i++) {
                blackhole += DecisionEngine.decide(policy, customer, role, purpose, mask, READ, -1).reasonBits();
                Decision d = DecisionEngine.decide(policy, customer, role, cameraPurpose, footage, READ, -1);
                blackhole += d == deny ? 1 : 0;
            }
            long allocated = threads.getThreadAllocatedBytes(tid) - before;
            if (round == 2) {
                assertThat(allocated).as("bytes allocated by 200,000 decisions").isLessThan(1_000);
            }
        }
        assertThat(blackhole).isEqualTo(300_000);
    }

    @Test
    void batchDecidesTheSameUseForManySubjects() {
        SubjectState[] subjects = {customer, everyone(policy).restrict(RestrictionGround.UNLAWFUL).build(),
                SubjectState.builder(policy).memberOf("applicant").build()};
        Decision[] out = new Decision[3];
        int allowed = DecisionEngine.decideEach(policy, subjects, policy.roleId("customer-service"),
                policy.purposeId("customer-contract"), policy.categoryMask("name"), READ, -1, 0, out);
        assertThat(allowed).isEqualTo(1);
        assertThat(out[0]).isSameAs(Decision.ALLOW);
        assertThat(out[1].reasons()).containsExactly(RESTRICTION_ACTIVE);
        assertThat(out[2].reasons()).containsExactly(SUBJECT_CATEGORY_NOT_DECLARED);

        List<Decision> many = DecisionEngine.decideAll(policy, customer, List.of(
                DecisionRequest.of("management", "camera-surveillance", READ, "camera-footage"),
                DecisionRequest.of("marketing", "cookies", READ, "cookie-data")));
        assertThat(many.get(0)).isSameAs(Decision.ALLOW);
        assertThat(many.get(1).reasons()).containsExactly(NO_CONSENT);
    }
}
