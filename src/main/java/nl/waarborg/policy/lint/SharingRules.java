package nl.waarborg.policy.lint;

import java.util.List;
import nl.waarborg.policy.Eea;
import nl.waarborg.policy.Policy.DataSystem;
import nl.waarborg.policy.Policy.Recipient;
import nl.waarborg.policy.RecipientRole;
import nl.waarborg.policy.Safeguard;
import nl.waarborg.policy.TransferStance;

/** R1.7, R1.8, R6.4: recipients have agreements, transfers have safeguards and match the declared stance. */
final class SharingRules {

    private SharingRules() {
    }

    static List<LintRule> all() {
        return List.of(
                Rule.error("processor-agreement-missing", "A processor has a processing agreement, with its date (Art. 28, R1.7).",
                        (p, report) -> p.policy().recipients().stream()
                                .filter(r -> r.role() == RecipientRole.PROCESSOR && r.processingAgreement() == null)
                                .forEach(r -> report.at("recipients." + r.id() + ".role", "processor `" + r.id()
                                        + "` has no processing agreement; add `processing-agreement: YYYY-MM-DD` with the date it was signed"))),
                Rule.error("transfer-safeguard-missing", "A recipient outside the EEA has a Chapter V safeguard (R1.8).",
                        (p, report) -> p.policy().recipients().stream()
                                .filter(r -> r.outsideEea() && (r.safeguard() == null || r.safeguard() == Safeguard.NONE))
                                .forEach(r -> report.at("recipients." + r.id() + ".countries", "recipient `" + r.id()
                                        + "` receives data outside the EEA (" + outside(r.countries())
                                        + ") without a safeguard; add `safeguard:` adequacy, scc, bcr or derogation"))),
                Rule.warning("transfer-assessment-missing", "A transfer on SCCs or BCRs has a transfer impact assessment (R1.8).",
                        (p, report) -> p.policy().recipients().stream()
                                .filter(r -> r.outsideEea() && (r.safeguard() == Safeguard.SCC || r.safeguard() == Safeguard.BCR)
                                        && r.transferAssessment() == null)
                                .forEach(r -> report.at("recipients." + r.id() + ".safeguard", "recipient `" + r.id()
                                        + "` relies on " + r.safeguard().term()
                                        + " but no transfer impact assessment is recorded; add `transfer-assessment: YYYY-MM-DD`"))),
                Rule.error("transfer-stance-contradicted",
                        "A declared \"no transfers\" or \"EU only\" stance matches every recipient and system (R1.8, R6.4).",
                        (p, report) -> {
                            TransferStance stance = p.policy().transfers().stance();
                            if (stance == TransferStance.DECLARED) {
                                return;
                            }
                            for (Recipient r : p.policy().recipients()) {
                                if (r.outsideEea()) {
                                    report.at("recipients." + r.id() + ".countries", "the policy declares `transfers: "
                                            + stance.term() + "` but recipient `" + r.id() + "` is in " + outside(r.countries())
                                            + "; change the stance to `declared` or the recipient");
                                }
                            }
                            for (DataSystem s : p.policy().systems()) {
                                if (s.countries().stream().anyMatch(c -> !Eea.contains(c))) {
                                    report.at("systems." + s.id() + ".countries", "the policy declares `transfers: "
                                            + stance.term() + "` but system `" + s.id() + "` is in " + outside(s.countries()));
                                }
                            }
                        }));
    }

    private static String outside(List<String> countries) {
        return String.join(", ", countries.stream().filter(c -> !Eea.contains(c)).toList());
    }
}
