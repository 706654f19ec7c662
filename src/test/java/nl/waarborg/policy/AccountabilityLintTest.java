package nl.waarborg.policy;

import static nl.waarborg.policy.PolicyFixtures.cleanWith;
import static nl.waarborg.policy.PolicyFixtures.lint;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A representative in the Union (Art. 27), a DPO (Art. 37(1)) and a DPIA (Art. 35) where the processing calls for them. */
class AccountabilityLintTest {

    private static final String SECURITY = "    data: [video-footage]\n    systems: [cctv]";
    private static final String FOOTAGE = "    name: {nl: Camerabeelden, en: Camera footage}";

    private static List<Finding> of(String rule, String yaml) {
        return lint(yaml).stream().filter(f -> f.rule().equals(rule)).toList();
    }

    @Test
    void aControllerOutsideTheEeaNamesItsRepresentativeInTheUnion() {
        String swiss = cleanWith("  kvk: \"12345678\"\n§city: Utrecht}", "  registration: {kind: other, number: CHE-123.456.789}\n"
                + "§city: Zürich, country: CH}\n  authority: {name: EDÖB}");
        assertThat(of("representative-missing", swiss)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("CH, outside the EEA", "Art. 27 GDPR", "Art. 27(2)");
        });
        assertThat(lint(swiss.replace("  authority: {name: EDÖB}", "  authority: {name: EDÖB}\n  representative: "
                + "{name: Vertreter B.V., address: \"Straat 1, 1234 AB Utrecht\", email: eu@vertreter.example}"))).isEmpty();
        // a Norwegian controller is in the EEA: the GDPR applies to it directly
        assertThat(of("representative-missing", cleanWith("  kvk: \"12345678\"\n§city: Utrecht}",
                "  registration: {kind: other, number: \"923 609 016\"}\n§city: Oslo, country: NO}"))).isEmpty();
    }

    @Test
    void aPublicAuthorityMustDesignateADpo() {
        String municipality = cleanWith("  name: Testopslag B.V.", "  name: Gemeente Test\n  public-authority: true");
        assertThat(of("dpo-missing", municipality)).singleElement().satisfies(f -> {
            assertThat(f.isError()).isTrue();
            assertThat(f.message()).contains("Art. 37(1)(a)");
        });
        assertThat(of("dpo-missing", municipality.replace("  public-authority: true",
                "  public-authority: true\n  dpo: {name: FG, email: fg@gemeente.example}"))).isEmpty();
    }

    @Test
    void largeScaleMonitoringOrSensitiveDataCallsForADpoWhenItIsACoreActivity() {
        String monitoring = cleanWith(SECURITY, "    large-scale: true\n    systematic-monitoring: true\n    dpia: 2025-01-01\n" + SECURITY);
        assertThat(of("dpo-missing", monitoring)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("`security`", "Art. 37(1)(b)", "core activity");
        });
        String health = cleanWith(FOOTAGE + "§" + SECURITY, FOOTAGE + "\n    special: true§    art9-condition: explicit-consent\n"
                + "    large-scale: true\n    dpia: 2025-01-01\n" + SECURITY);
        assertThat(of("dpo-missing", health)).singleElement().satisfies(f -> assertThat(f.message()).contains("Art. 37(1)(c)"));
        // monitoring that is not large-scale does not
        assertThat(of("dpo-missing", cleanWith(SECURITY, "    systematic-monitoring: true\n    dpia: 2025-01-01\n" + SECURITY))).isEmpty();
    }

    @Test
    void aDpiaIsExpectedWhereACriterionOfArticle35OrTheApListApplies() {
        String cameras = cleanWith(SECURITY, "    systematic-monitoring: true\n" + SECURITY);
        assertThat(of("dpia-missing", cameras)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("`security`", "systematic monitoring", "Art. 35(3)(c)", "AP list", "dpia: YYYY-MM-DD");
        });
        assertThat(lint(cameras.replace("    systematic-monitoring: true\n", "    systematic-monitoring: true\n    dpia: 2024-05-01\n"))).isEmpty();

        String profiling = cleanWith(SECURITY, "    profiling: true\n    large-scale: true\n" + SECURITY);
        assertThat(of("dpia-missing", profiling)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("profiling on a large scale"));
        String bsn = cleanWith(FOOTAGE + "§" + SECURITY, FOOTAGE + "\n    national-id: true§    large-scale: true\n" + SECURITY);
        assertThat(of("dpia-missing", bsn)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("national identification number on a large scale"));
        // profiling alone, small: no criterion
        assertThat(of("dpia-missing", cleanWith(SECURITY, "    profiling: true\n" + SECURITY))).isEmpty();
    }
}
