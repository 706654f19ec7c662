package nl.waarborg.policy.lint;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.waarborg.policy.AdequacyDecisions;
import nl.waarborg.policy.Eea;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.Policy.DataSystem;
import nl.waarborg.policy.Policy.ProcessorActivity;
import nl.waarborg.policy.Policy.Recipient;
import nl.waarborg.policy.RecipientRole;
import nl.waarborg.policy.Safeguard;
import nl.waarborg.policy.TransferStance;

/** R1.7, R1.8, R6.4: recipients have agreements, transfers have safeguards and match the declared stance. */
final class SharingRules {

    private SharingRules() {
    }

    /**
     * One place data goes outside the EEA from: a recipient, a system that stores it there, or an activity done as a
     * processor for another controller (Art. 30(2)(c)). {@code structural}: a permanent transfer (a processor, a
     * system), never an occasional one. {@code assessment} and {@code dpf} are known only where the format has them.
     */
    private record Transfer(String section, String id, String noun, List<String> countries, Safeguard safeguard,
                            LocalDate assessment, boolean hasAssessment, boolean dpf, boolean hasDpf, boolean structural) {

        String path(String key) {
            return section + "." + id + "." + key;
        }

        String what() {
            return noun + " `" + id + "`";
        }
    }

    private static List<Transfer> transfers(Policy policy) {
        List<Transfer> out = new ArrayList<>();
        for (Recipient r : policy.recipients()) {
            if (r.outsideEea()) {
                out.add(new Transfer("recipients", r.id(), "recipient", r.countries(), r.safeguard(), r.transferAssessment(),
                        true, r.dpfCertified(), true, r.role() == RecipientRole.PROCESSOR));
            }
        }
        for (DataSystem s : policy.systems()) {
            if (s.outsideEea()) {
                out.add(new Transfer("systems", s.id(), "system", s.countries(), s.safeguard(), s.transferAssessment(),
                        true, s.dpfCertified(), true, true));
            }
        }
        for (ProcessorActivity a : policy.asProcessor()) {
            if (a.countries().stream().anyMatch(c -> !Eea.contains(c))) {
                out.add(new Transfer("as-processor", a.id(), "processing for another controller", a.countries(),
                        a.safeguard(), null, false, false, false, false));
            }
        }
        return out;
    }

    static List<LintRule> all() {
        return List.of(
                Rule.error("processor-agreement-missing", "A processor has a processing agreement, with its date (Art. 28, R1.7).",
                        (p, report) -> p.policy().recipients().stream()
                                .filter(r -> r.role() == RecipientRole.PROCESSOR && r.processingAgreement() == null)
                                .forEach(r -> report.at("recipients." + r.id() + ".role", "processor `" + r.id()
                                        + "` has no processing agreement; add `processing-agreement: YYYY-MM-DD` with the date it was signed"))),
                Rule.error("joint-controller-arrangement-missing",
                        "A joint controller has an arrangement whose essence is made available to subjects (Art. 26(1)-(2) GDPR, R1.7).",
                        (p, report) -> p.policy().recipients().stream()
                                .filter(r -> r.role() == RecipientRole.JOINT_CONTROLLER && PurposeRules.empty(r.arrangement()))
                                .forEach(r -> report.at("recipients." + r.id() + ".role", "joint controller `" + r.id()
                                        + "` has no arrangement; Art. 26 GDPR requires one that says who does what and where people "
                                        + "exercise their rights, and its essence must be made available to them: add "
                                        + "`arrangement: {nl: ..., en: ...}`"))),
                Rule.warning("recipient-countries-missing",
                        "A processor or controller that receives data names the countries it processes it in, so its transfers can be checked (Chapter V GDPR, R1.8).",
                        (p, report) -> p.policy().recipients().stream()
                                .filter(r -> r.role() != RecipientRole.AUTHORITY && r.countries().isEmpty())
                                .forEach(r -> report.at("recipients." + r.id(), r.role().term() + " `" + r.id()
                                        + "` names no `countries`, so whether it takes data outside the EEA cannot be checked; "
                                        + "add `countries: [..]` with every country where it processes the data"))),
                Rule.error("transfer-safeguard-missing",
                        "A recipient, a system or a processing for another controller outside the EEA has a Chapter V safeguard (R1.8).",
                        (p, report) -> transfers(p.policy()).stream()
                                .filter(t -> t.safeguard() == null || t.safeguard() == Safeguard.NONE)
                                .forEach(t -> report.at(t.path("countries"), t.what() + " takes data outside the EEA ("
                                        + outside(t.countries()) + ") without a safeguard; add `safeguard:` adequacy, scc or bcr"
                                        + (t.structural() ? "" : " (derogation only for an occasional transfer)") + ", or keep the data in the EEA"))),
                Rule.warning("transfer-assessment-missing", "A transfer on SCCs or BCRs has a transfer impact assessment (R1.8).",
                        (p, report) -> transfers(p.policy()).stream()
                                .filter(t -> t.hasAssessment() && (t.safeguard() == Safeguard.SCC || t.safeguard() == Safeguard.BCR)
                                        && t.assessment() == null)
                                .forEach(t -> report.at(t.path("safeguard"), t.what() + " relies on " + t.safeguard().term()
                                        + " but no transfer impact assessment is recorded (CJEU C-311/18, Schrems II; EDPB "
                                        + "Recommendations 01/2020); add `transfer-assessment: YYYY-MM-DD`"))),
                Rule.error("adequacy-not-recognised",
                        "`adequacy` is used only for a country with an adequacy decision of the European Commission (Art. 45 GDPR; the shipped, dated list), and in the United States only for an organisation certified under the Data Privacy Framework (decision of 10 July 2023).",
                        (p, report) -> {
                            for (Transfer t : transfers(p.policy())) {
                                if (t.safeguard() != Safeguard.ADEQUACY) {
                                    continue;
                                }
                                for (String country : t.countries().stream().filter(c -> !Eea.contains(c)).toList()) {
                                    var decision = AdequacyDecisions.of(country);
                                    if (decision.isEmpty()) {
                                        report.at(t.path("safeguard"), t.what() + " relies on adequacy, but the European "
                                                + "Commission has taken no adequacy decision for " + country
                                                + " (Art. 45 GDPR; check the Commission's list); use scc or bcr with a "
                                                + "`transfer-assessment`, or a recipient in the EEA or an adequate country");
                                    } else if (country.equalsIgnoreCase("US") && t.hasDpf() && !t.dpf()) {
                                        report.at(t.path("safeguard"), t.what() + " relies on adequacy in the United States, "
                                                + "which the adequacy decision of 10 July 2023 covers only for organisations "
                                                + "certified under the EU-US Data Privacy Framework; check the Data Privacy "
                                                + "Framework List and add `dpf-certified: true`, or use scc with a `transfer-assessment`");
                                    }
                                }
                            }
                        }),
                Rule.error("derogation-for-processor",
                        "A processor or a system outside the EEA is a permanent transfer, which an Art. 49 derogation cannot carry (EDPB Guidelines 2/2018: derogations are for occasional, non-repetitive transfers).",
                        (p, report) -> transfers(p.policy()).stream()
                                .filter(t -> t.structural() && t.safeguard() == Safeguard.DEROGATION)
                                .forEach(t -> report.at(t.path("safeguard"), t.what() + " takes data to " + outside(t.countries())
                                        + " as a matter of course, but the derogations of Art. 49 GDPR are for occasional, "
                                        + "non-repetitive transfers only (EDPB Guidelines 2/2018); use scc or bcr with a "
                                        + "`transfer-assessment`, adequacy where the country has a decision, or a provider in the EEA"))),
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
                                if (s.outsideEea()) {
                                    report.at("systems." + s.id() + ".countries", "the policy declares `transfers: "
                                            + stance.term() + "` but system `" + s.id() + "` is in " + outside(s.countries())
                                            + "; change the stance to `declared` or the system");
                                }
                            }
                        }));
    }

    private static String outside(List<String> countries) {
        return String.join(", ", countries.stream().filter(c -> !Eea.contains(c)).toList());
    }
}
