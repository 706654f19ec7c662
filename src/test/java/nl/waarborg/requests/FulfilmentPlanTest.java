package nl.waarborg.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.PolicyLoader;
import nl.waarborg.requests.FulfilmentPlan.Action;
import nl.waarborg.requests.FulfilmentPlan.Step;
import org.junit.jupiter.api.Test;

/** The steps a request takes, from the policy alone: which places, in which phase, and which recipients are told. */
class FulfilmentPlanTest {

    private static Policy policy(String file) throws IOException {
        return PolicyLoader.load(Path.of(file)).orThrow().policy();
    }

    @Test
    void accessReadsTheVaultAndEverySystemOfThePersonsPurposesAndTellsNoRecipient() throws IOException {
        List<Step> steps = FulfilmentPlan.of(policy("examples/self-storage.yaml"), List.of(RequestKind.ACCESS),
                Set.of("customer"), Set.of());

        assertThat(steps).allSatisfy(s -> assertThat(s.action()).isEqualTo(Action.EXPORT));
        assertThat(steps).extracting(Step::target).startsWith("vault").contains("crm", "access-control")
                .doesNotContain("cctv"); // camera footage is of facility visitors, not of customers as such
    }

    @Test
    void accessAndErasureReadFirstThenEraseThenTellTheRecipients() throws IOException {
        List<Step> steps = FulfilmentPlan.of(policy("examples/self-storage.yaml"),
                List.of(RequestKind.ERASURE, RequestKind.ACCESS), Set.of("customer"), Set.of());

        assertThat(steps).extracting(Step::phase).isSorted();
        assertThat(steps.getFirst()).isEqualTo(new Step(Action.EXPORT, "vault", null));
        assertThat(steps).filteredOn(s -> s.action() == Action.ERASE).extracting(Step::target)
                .startsWith("vault").contains("crm");
        assertThat(steps).filteredOn(s -> s.action() == Action.NOTIFY).isNotEmpty();
    }

    @Test
    void aRectificationChangesOnlyThePlacesAPurposeUsesForTheCategory() throws IOException {
        Policy p = policy("examples/self-storage.yaml");

        List<Step> steps = FulfilmentPlan.of(p, List.of(RequestKind.RECTIFICATION), Set.of("customer"), Set.of("email"));

        assertThat(steps).filteredOn(s -> s.action() == Action.RECTIFY)
                .allSatisfy(s -> assertThat(s.category()).isEqualTo("email"))
                .extracting(Step::target).startsWith("vault").contains("crm");
        for (Step s : steps) {
            if (s.action() == Action.RECTIFY && !s.target().equals(FulfilmentPlan.VAULT)) {
                assertThat(p.purposes()).as(s.target()).anySatisfy(x -> {
                    assertThat(x.systems()).contains(s.target());
                    assertThat(x.data()).contains("email");
                });
            }
        }
    }

    @Test
    void aRestrictionOnlyTellsTheRecipientsAndAnObjectionOrAWithdrawalNeedsNoStep() throws IOException {
        Policy p = policy("src/test/resources/policies/clean.yaml");

        assertThat(FulfilmentPlan.of(p, List.of(RequestKind.RESTRICTION), Set.of("lead"), Set.of()))
                .containsExactly(new Step(Action.NOTIFY, "hosting", null));
        assertThat(FulfilmentPlan.of(p, List.of(RequestKind.OBJECTION, RequestKind.CONSENT_WITHDRAWAL), Set.of("lead"),
                Set.of())).isEmpty();
    }

    @Test
    void withoutKnowingThePersonsSubjectCategoriesEveryPurposeCounts() throws IOException {
        Policy p = policy("src/test/resources/policies/clean.yaml");

        assertThat(FulfilmentPlan.of(p, List.of(RequestKind.ERASURE), Set.of(), Set.of())).extracting(Step::target)
                .containsExactly("vault", "cctv", "hosting");
        assertThat(FulfilmentPlan.of(p, List.of(RequestKind.ERASURE), Set.of("customer"), Set.of()))
                .extracting(Step::target).containsExactly("vault");
    }
}
