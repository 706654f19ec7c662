package nl.waarborg.policy.lint;

import java.util.ArrayList;
import java.util.List;
import nl.waarborg.policy.Eea;
import nl.waarborg.policy.Finding;
import nl.waarborg.policy.LoadedPolicy;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.Policy.DataCategory;
import nl.waarborg.policy.Policy.Purpose;
import nl.waarborg.policy.Severity;

/**
 * What the GDPR asks of the organisation itself besides the statement: a representative in the Union (Art. 27), a
 * data protection officer (Art. 37(1)) and a data protection impact assessment (Art. 35) where the processing calls
 * for them.
 */
final class AccountabilityRules {

    private AccountabilityRules() {
    }

    static List<LintRule> all() {
        return List.of(
                Rule.warning("representative-missing",
                        "A controller established outside the EEA names its representative in the Union (Art. 27 GDPR; exempt only for occasional processing without large-scale special-category or criminal data, Art. 27(2)).",
                        (p, report) -> {
                            Policy.Controller c = p.policy().controller();
                            if (!Eea.contains(c.country()) && c.representative() == null) {
                                report.at("controller", "the controller is established in " + c.country() + ", outside the EEA, "
                                        + "and names no representative in the Union (Art. 27 GDPR); add `representative: {name: ..., "
                                        + "address: ..., email: ...}`, unless the processing is occasional and Art. 27(2) exempts it");
                            }
                        }),
                new DpoMissing(),
                Rule.warning("dpia-missing",
                        "A purpose that likely needs a data protection impact assessment records its date (Art. 35(1) and (3) GDPR; the AP's list of processing that requires one, Stcrt. 2019, 64418).",
                        (p, report) -> {
                            for (Purpose x : p.policy().purposes()) {
                                List<String> why = dpiaCriteria(p.policy(), x);
                                if (x.dpia() == null && !why.isEmpty()) {
                                    report.at("purposes." + x.id(), "purpose `" + x.id() + "` likely requires a data protection "
                                            + "impact assessment: " + String.join("; ", why) + "; carry one out before the processing "
                                            + "starts and record its date in `dpia: YYYY-MM-DD`");
                                }
                            }
                        }));
    }

    /** The criteria that make a DPIA likely required for a purpose, each with its source; empty when none applies. */
    static List<String> dpiaCriteria(Policy policy, Purpose x) {
        List<DataCategory> data = x.data().stream().flatMap(d -> policy.dataCategory(d).stream()).toList();
        List<String> why = new ArrayList<>();
        if (x.systematicMonitoring()) {
            why.add("systematic monitoring, such as cameras (Art. 35(3)(c); AP list: camera surveillance, employee monitoring, location data)");
        }
        if (x.largeScale() && data.stream().anyMatch(d -> d.special() || d.criminal())) {
            why.add("special-category or criminal-offence data on a large scale (Art. 35(3)(b))");
        }
        if (x.automatedDecision()) {
            why.add("automated decisions with legal or similarly significant effects (Art. 35(3)(a))");
        }
        if (x.profiling() && x.largeScale()) {
            why.add("profiling on a large scale (AP list: profiling)");
        }
        if (x.largeScale() && data.stream().anyMatch(DataCategory::nationalId)) {
            why.add("a national identification number on a large scale (Art. 35(1); EDPB WP248 rev.01: data of a highly personal nature, large scale)");
        }
        return why;
    }

    /**
     * {@code dpo-missing}: a public authority must designate a DPO (Art. 37(1)(a): an error); large-scale systematic
     * monitoring or large-scale special-category or criminal data calls for one when it is a core activity (Art.
     * 37(1)(b)-(c)), which only the organisation can judge: a warning.
     */
    private static final class DpoMissing implements LintRule {

        @Override
        public String id() {
            return "dpo-missing";
        }

        @Override
        public Severity severity() {
            return Severity.ERROR;
        }

        @Override
        public String summary() {
            return "A controller that must designate a data protection officer names one (Art. 37(1) GDPR): a public authority "
                    + "(error); large-scale systematic monitoring or large-scale special-category or criminal data as a core activity (warning).";
        }

        @Override
        public void check(LoadedPolicy p, List<Finding> out) {
            Policy policy = p.policy();
            if (policy.controller().dpo() != null) {
                return;
            }
            if (policy.controller().publicAuthority()) {
                out.add(new Finding(p.sourceMap().at("controller"), Severity.ERROR, id(), "the controller is a public "
                        + "authority, which must designate a data protection officer (Art. 37(1)(a) GDPR); add `dpo: {name: ..., email: ...}`"));
                return;
            }
            List<String> why = new ArrayList<>();
            for (Purpose x : policy.purposes().stream().filter(Purpose::largeScale).toList()) {
                boolean sensitive = x.data().stream().flatMap(d -> policy.dataCategory(d).stream()).anyMatch(d -> d.special() || d.criminal());
                if (x.systematicMonitoring()) {
                    why.add("`" + x.id() + "` monitors people systematically on a large scale (Art. 37(1)(b))");
                } else if (sensitive) {
                    why.add("`" + x.id() + "` processes special-category or criminal-offence data on a large scale (Art. 37(1)(c))");
                }
            }
            if (!why.isEmpty()) {
                out.add(new Finding(p.sourceMap().at("controller"), Severity.WARNING, id(), "no data protection officer is named, "
                        + "but " + String.join(" and ", why) + "; if this is a core activity of the organisation a DPO is "
                        + "required: add `dpo: {name: ..., email: ...}`"));
            }
        }
    }
}
