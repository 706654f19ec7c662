package nl.waarborg.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The lookup tables compiled from the self-storage example. */
class CompiledPolicyTest {

    private static final Policy POLICY = load();
    private final CompiledPolicy compiled = CompiledPolicy.compile(POLICY);

    private static Policy load() {
        try {
            return PolicyLoader.load(Path.of("examples/self-storage.yaml")).orThrow().policy();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void idsAreDenseIntsInPolicyOrderAndBack() {
        assertThat(compiled.purposeCount()).isEqualTo(POLICY.purposes().size());
        for (int p = 0; p < compiled.purposeCount(); p++) {
            assertThat(compiled.purposeId(compiled.purpose(p))).isEqualTo(p);
            assertThat(compiled.purpose(p)).isEqualTo(POLICY.purposes().get(p).id());
        }
        assertThat(compiled.categoryId("camera-footage")).isEqualTo(POLICY.dataCategories().stream()
                .map(Policy.DataCategory::id).toList().indexOf("camera-footage"));
        assertThat(compiled.roleId("management")).isZero();
        assertThat(compiled.subjectCategoryId("customer")).isNotNegative();
        assertThat(compiled.recipientId("email-service")).isNotNegative();
    }

    @Test
    void unknownIdsAreMinusOne() {
        assertThat(compiled.purposeId("no-such-purpose")).isEqualTo(-1);
        assertThat(compiled.categoryId(null)).isEqualTo(-1);
        assertThat(compiled.roleId("janitor")).isEqualTo(-1);
        assertThat(compiled.recipientId("nobody")).isEqualTo(-1);
        assertThat(compiled.subjectCategoryId("martian")).isEqualTo(-1);
    }

    @Test
    void cameraFootageOnlyForManagement() {
        int camera = compiled.purposeId("camera-surveillance");
        assertThat(compiled.roleAllowed(camera, compiled.roleId("management"))).isTrue();
        assertThat(compiled.roleAllowed(camera, compiled.roleId("customer-service"))).isFalse();
        assertThat(compiled.declaresCategory(camera, compiled.categoryId("camera-footage"))).isTrue();
        assertThat(compiled.declaresCategory(camera, compiled.categoryId("name"))).isFalse();
    }

    @Test
    void purposeFlagsFollowTheBasisAndTheMarketingFlag() {
        assertThat(compiled.flags(compiled.purposeId("cookies")) & CompiledPolicy.NEEDS_CONSENT).isNotZero();
        int marketing = compiled.flags(compiled.purposeId("marketing"));
        assertThat(marketing & CompiledPolicy.DIRECT_MARKETING).isNotZero();
        assertThat(marketing & CompiledPolicy.LEGITIMATE_INTEREST).isNotZero();
        assertThat(marketing & CompiledPolicy.OBJECTABLE).isNotZero();
        assertThat(marketing & CompiledPolicy.NEEDS_CONSENT).isZero();
        int legal = compiled.flags(compiled.purposeId("legal-obligations"));
        assertThat(legal & CompiledPolicy.LEGAL_OBLIGATION).isNotZero();
        assertThat(legal & CompiledPolicy.OBJECTABLE).isZero();
        assertThat(compiled.basis(compiled.purposeId("customer-contract"))).isEqualTo(LegalBasis.CONTRACT);
        for (int p = 0; p < compiled.purposeCount(); p++) {
            assertThat(compiled.flags(p) & CompiledPolicy.HAS_BASIS).isNotZero();
        }
    }

    @Test
    void recipientsPerPurposeAndTheirTransferStanding() {
        int marketing = compiled.purposeId("marketing");
        int emailService = compiled.recipientId("email-service");
        assertThat(compiled.recipientDeclared(marketing, emailService)).isTrue();
        assertThat(compiled.recipientDeclared(compiled.purposeId("customer-contract"), emailService)).isFalse();
        assertThat(compiled.outsideEea(emailService)).isTrue();
        assertThat(compiled.withoutSafeguard(emailService)).isFalse(); // SCCs
        assertThat(compiled.outsideEea(compiled.recipientId("hosting"))).isFalse();
        assertThat(compiled.pseudonymisedOnly(compiled.recipientId("analytics"))).isTrue();
    }

    @Test
    void categoryMasksAreBuiltOnceAtTheEdge() {
        long[] mask = compiled.categoryMask("name", "email");
        assertThat(mask).hasSize(compiled.categoryWords());
        assertThat(Long.bitCount(mask[0])).isEqualTo(2);
        assertThatThrownBy(() -> compiled.categoryMask("name", "shoe-size"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shoe-size");
    }
}
