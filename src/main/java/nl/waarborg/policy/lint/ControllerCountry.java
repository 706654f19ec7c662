package nl.waarborg.policy.lint;

import java.util.Optional;
import nl.waarborg.policy.LoadedPolicy;
import nl.waarborg.policy.MemberStates;
import nl.waarborg.policy.MemberStates.MemberState;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.RegistrationKind;

/**
 * The rule {@code controller-country}: what the GDPR leaves to the controller's country is followed. The registration
 * is that country's register and written in its format (R1.1); a supervisory authority is named where the country has
 * no single one (Art. 51, 77 GDPR). The country's age of digital consent is minor-age-threshold's (one problem, one
 * finding).
 */
final class ControllerCountry {

    private ControllerCountry() {
    }

    static void check(LoadedPolicy p, Rule.Report report) {
        Policy.Controller c = p.policy().controller();
        String country = c.country();
        Optional<MemberState> state = MemberStates.of(country);
        Policy.Registration reg = c.registration();
        String regPath = p.sourceMap().positions().containsKey("controller.kvk") ? "controller.kvk"
                : "controller.registration";
        if (reg != null && reg.kind() != null && reg.number() != null && !reg.number().isBlank()) {
            RegistrationKind kind = reg.kind();
            if (kind != RegistrationKind.OTHER && !kind.countries().contains(country)) {
                report.at(regPath, "`" + kind.term() + "` is the register of " + String.join(", ", kind.countries())
                        + ", but the controller's address is in " + country + "; use "
                        + RegistrationKind.of(country).map(k -> "`kind: " + k.term() + "`").orElse("`kind: other`"));
            } else if (!kind.valid(reg.number())) {
                report.at(regPath + (regPath.endsWith("registration") ? ".number" : ""), "`" + reg.number().strip()
                        + "` is not a valid " + kind.term() + " number: " + kind.formatDescription()
                        + (kind == RegistrationKind.KBO || kind == RegistrationKind.SIREN || kind == RegistrationKind.CVR
                        ? ", check digits included" : ""));
            }
        }
        if (c.authority() == null) {
            report.at("controller", state.isPresent()
                    ? country + " has no single supervisory authority for private organisations; name the competent one "
                    + "in `authority: {name: …, url: …}` (Art. 77 GDPR)"
                    : "Waarborg knows no supervisory authority for " + country + "; name one in `authority: {name: …, url: …}`");
        }
    }
}
