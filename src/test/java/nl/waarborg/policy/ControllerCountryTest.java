package nl.waarborg.policy;

import static nl.waarborg.policy.PolicyFixtures.cleanWith;
import static nl.waarborg.policy.PolicyFixtures.lint;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A controller outside the Netherlands: its register, its supervisory authority and its age of digital consent follow
 * its country (docs/policy-format.md 4.3; lint rules controller-country and minor-age-threshold), and a public body may not rest its tasks on
 * legitimate interest (Art. 6(1), last sentence, GDPR).
 */
class ControllerCountryTest {

    private static Policy load(String yaml) {
        return PolicyLoader.load("t.yaml", yaml.getBytes(StandardCharsets.UTF_8)).orThrow().policy();
    }

    private static List<String> rules(String yaml) {
        return lint(yaml).stream().map(Finding::rule).toList();
    }

    @Test
    void aBelgianControllerGetsTheBelgianAuthorityAndAgeByDefault() {
        Policy p = load(cleanWith("  kvk: \"12345678\"§city: Utrecht}§transfers:",
                "  registration: {kind: kbo, number: \"0207.451.227\"}§city: Gent, country: BE}§minors: {parental-consent: true}\ntransfers:"));
        assertThat(p.controller().country()).isEqualTo("BE");
        assertThat(p.controller().registration()).isEqualTo(new Policy.Registration(RegistrationKind.KBO, "0207.451.227"));
        assertThat(p.controller().authority().name()).contains("Gegevensbeschermingsautoriteit");
        assertThat(p.controller().authority().address()).contains("Drukpersstraat 35");
        assertThat(p.minors().ageThreshold()).isEqualTo(13);
    }

    @Test
    void aDutchControllerKeepsTheAutoriteitPersoonsgegevensAndSixteen() {
        Policy p = load(cleanWith("transfers:", "minors: {parental-consent: true}\ntransfers:"));
        assertThat(p.controller().country()).isEqualTo("NL");
        assertThat(p.controller().registration().kind()).isEqualTo(RegistrationKind.KVK);
        assertThat(p.controller().authority().name()).isEqualTo("Autoriteit Persoonsgegevens");
        assertThat(p.minors().ageThreshold()).isEqualTo(16);
    }

    @Test
    void aNamedAuthorityOverridesTheCountrysDefault() {
        Policy p = load(cleanWith("city: Utrecht}", "city: Utrecht}\n  authority: {name: Toezichthouder X, address: Straat 1}"));
        assertThat(p.controller().authority()).isEqualTo(new Policy.Authority("Toezichthouder X", null, null, "Straat 1"));
    }

    @Test
    void kvkAndRegistrationTogetherAreALoadingError() {
        List<Finding> findings = PolicyLoader.load("t.yaml", cleanWith("  kvk: \"12345678\"",
                "  kvk: \"12345678\"\n  registration: {kind: kvk, number: \"12345678\"}").getBytes(StandardCharsets.UTF_8)).findings();
        assertThat(findings).extracting(Finding::rule).contains("wrong-type");
        assertThat(findings).extracting(Finding::message).anyMatch(m -> m.contains("cannot both be given"));
    }

    @Test
    void anUnknownRegisterKindNamesTheKnownOnes() {
        List<Finding> findings = PolicyLoader.load("t.yaml", cleanWith("  kvk: \"12345678\"",
                "  registration: {kind: kbp, number: \"0207.451.227\"}").getBytes(StandardCharsets.UTF_8)).findings();
        assertThat(findings).extracting(Finding::rule).containsExactly("unknown-value");
        assertThat(findings.getFirst().message()).contains("kbo");
    }

    @Test
    void aCleanBelgianControllerHasNoCountryFinding() {
        assertThat(rules(cleanWith("  kvk: \"12345678\"§city: Utrecht}",
                "  registration: {kind: kbo, number: \"0207.451.227\"}§city: Gent, country: BE}"))).doesNotContain("controller-country");
    }

    @Test
    void aGermanControllerMustNameItsAuthority() {
        String yaml = cleanWith("  kvk: \"12345678\"§city: Utrecht}",
                "  registration: {kind: handelsregister, number: HRB 12345}§city: Köln, country: DE}");
        assertThat(lint(yaml)).filteredOn(f -> f.rule().equals("controller-country")).extracting(Finding::message)
                .singleElement().asString().contains("no single supervisory authority");
        assertThat(rules(yaml.replace("country: DE}", "country: DE}\n  authority: {name: LDI NRW}"))).doesNotContain("controller-country");
    }

    @Test
    void anAgeBelowTheCountrysAgeOfDigitalConsentIsOneErrorOfMinorAgeThreshold() {
        List<Finding> nl = lint(cleanWith("transfers:", "minors: {age-threshold: 14, parental-consent: true}\ntransfers:"));
        // one problem, one finding: the country's age is minor-age-threshold's, not controller-country's
        assertThat(nl).extracting(Finding::rule).containsExactly("minor-age-threshold");
        assertThat(nl).singleElement()
                .satisfies(f -> assertThat(f.isError()).isTrue())
                .satisfies(f -> assertThat(f.message()).contains("art. 5 UAVG").contains("16"));
        // 14 is the Spanish age: no finding there
        assertThat(rules(cleanWith("city: Utrecht}§  kvk: \"12345678\"\n§transfers:", "city: Madrid, country: ES}\n  authority: {name: AEPD}§"
                + "  registration: {kind: other, number: B-12345678}\n§minors: {age-threshold: 14, parental-consent: true}\ntransfers:")))
                .doesNotContain("controller-country", "minor-age-threshold");
    }

    @ParameterizedTest(name = "{0} {1} valid={2}")
    @CsvSource({
            "kvk, 12345678, true", "kvk, 1234567, false",
            "kbo, 0207.451.227, true", "kbo, 0207451227, true", "kbo, BE0207451227, true", "kbo, 0207.451.228, false",
            "kbo, 2207.451.227, false",
            "siren, 732 829 320, true", "siren, 732829321, false",
            "cvr, 10150817, true", "cvr, 10150818, false",
            "handelsregister, HRB 12345, true", "handelsregister, 12345, false",
            "firmenbuch, FN 123456a, true", "rcs, B123456, true", "cro, 123456, true", "krs, 0000123456, true",
            "other, anything at all, true"})
    void registrationNumbersAreCheckedAsTheirRegisterWritesThem(String kind, String number, boolean valid) {
        RegistrationKind k = java.util.Arrays.stream(RegistrationKind.values()).filter(x -> x.term().equals(kind)).findFirst().orElseThrow();
        assertThat(k.valid(number)).isEqualTo(valid);
    }

    @Test
    void everyEeaCountryHasARowWithALawfulAgeOfDigitalConsent() {
        for (String c : List.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
                "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO")) {
            MemberStates.MemberState s = MemberStates.of(c).orElseThrow(() -> new AssertionError("no row for " + c));
            assertThat(s.digitalConsentAge()).as(c).isBetween(13, 16);
            assertThat(s.ageLaw()).as(c).isNotBlank();
            assertThat(s.authority() == null).as(c + " has no single authority").isEqualTo(c.equals("DE"));
        }
        assertThat(MemberStates.of("US")).isEmpty();
    }

    @Test
    void aPublicAuthorityMayUseLegitimateInterestOnlyOutsideItsPublicTasks() {
        String publicBody = cleanWith("  name: Testopslag B.V.", "  name: Gemeente Test\n  public-authority: true");
        assertThat(lint(publicBody)).filteredOn(f -> f.rule().equals("public-authority-legitimate-interest"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("public-task").contains("outside-public-tasks"));
        String outside = publicBody.replace("    legal-basis: legitimate-interest",
                "    legal-basis: legitimate-interest\n    outside-public-tasks: true");
        assertThat(rules(outside)).doesNotContain("public-authority-legitimate-interest", "outside-public-tasks-misused");
        // a company is no public body: legitimate interest is open to it
        assertThat(rules(PolicyFixtures.clean())).doesNotContain("public-authority-legitimate-interest");
    }

    @Test
    void aLanguageWithoutTextsNamesTheOnesWaarborgHas() {
        List<Finding> findings = PolicyLoader.load("t.yaml", cleanWith("  languages: [nl, en]", "  languages: [nl, fr]")
                .getBytes(StandardCharsets.UTF_8)).findings();
        assertThat(findings).extracting(Finding::message).singleElement().asString()
                .contains("`fr`").contains("nl (Nederlands), en (English)");
    }
}
