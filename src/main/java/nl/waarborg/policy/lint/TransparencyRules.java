package nl.waarborg.policy.lint;

import java.util.ArrayList;
import java.util.List;
import nl.waarborg.policy.DpvTerms;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.Policy.Hold;
import nl.waarborg.policy.Policy.RetentionRule;
import nl.waarborg.policy.RetentionPeriod;
import nl.waarborg.policy.internal.Suggestion;
import nl.waarborg.policy.lint.PeriodMentions.Mention;
import nl.waarborg.policy.lint.PeriodMentions.Span;

/**
 * What a reader is told matches what is enforced (Art. 5(1)(a), 12(1), 13(2)(a)), and the register's
 * vocabulary terms exist (Art. 30).
 */
final class TransparencyRules {

    private TransparencyRules() {
    }

    static List<LintRule> all() {
        return List.of(
                Rule.warning("retention-text-period-differs",
                        "A retention rule's description names no period other than the rule's own (or a hold's maximum), and no range other than the period up to a hold's maximum.",
                        (p, report) -> {
                            for (RetentionRule rule : p.policy().retention()) {
                                if (rule.period() == null || rule.period().value() == null || rule.description() == null) {
                                    continue; // a period that is not concrete is retention-not-concrete's finding
                                }
                                for (Lang lang : Lang.values()) {
                                    String text = lang == Lang.NL ? rule.description().nl() : rule.description().en();
                                    for (Mention m : PeriodMentions.in(text)) {
                                        if (!matches(m, rule)) {
                                            report.at("retention." + rule.id() + ".description", "the "
                                                    + (lang == Lang.NL ? "Dutch" : "English") + " description says `" + m.text()
                                                    + "` (" + (m.range() ? m.low().iso() + " to " + m.high().iso() : m.low().iso())
                                                    + ") but the rule keeps data for `" + rule.period().raw() + "`" + holdsText(rule)
                                                    + "; the text a person reads must say what is enforced: correct the text or `period`");
                                        }
                                    }
                                }
                            }
                        }),
                Rule.error("dpv-term-unknown",
                        "A data category's `dpv` names a term of the W3C Data Privacy Vocabulary (the shipped list of pd: terms and dpv: personal-data classes).",
                        (p, report) -> {
                            DpvTerms terms = DpvTerms.shipped();
                            for (Policy.DataCategory d : p.policy().dataCategories()) {
                                if (d.dpv() == null || d.dpv().isBlank()) {
                                    continue;
                                }
                                String path = "data-categories." + d.id() + ".dpv";
                                switch (DpvTerms.read(d.dpv())) {
                                    case DpvTerms.Written.Dpv(String term) -> {
                                        if (!terms.known(term)) {
                                            report.at(path, "`" + d.dpv().strip() + "` is not a term of the W3C Data Privacy Vocabulary "
                                                    + terms.version() + ", so the register's JSON-LD would point at nothing."
                                                    + Suggestion.hint(term, terms.all()));
                                        }
                                    }
                                    case DpvTerms.Written.UnknownPrefix(String prefix) ->
                                            report.at(path, "`" + prefix + ":` is not a DPV prefix; write a personal-data term as `pd:Name` (or `dpv:PersonalData`), or a full IRI");
                                    case DpvTerms.Written.Foreign f -> {
                                        // the organisation's own vocabulary: nothing shipped here can check it
                                    }
                                }
                            }
                        }));
    }

    /**
     * A single period matches the rule's period or a hold's maximum ("up to 28 days" next to P7D with an incident
     * hold of P28D says what the hold allows); a range matches only as the period up to a hold's maximum.
     */
    static boolean matches(Mention m, RetentionRule rule) {
        Span period = Span.of(rule.period().value());
        List<Span> maxima = new ArrayList<>();
        for (Hold h : rule.holds()) {
            if (h.max() != null && h.max().value() != null) {
                maxima.add(Span.of(h.max().value()));
            }
        }
        if (m.range()) {
            return m.low().equals(period) && maxima.contains(m.high());
        }
        return m.low().equals(period) || maxima.contains(m.low());
    }

    private static String holdsText(RetentionRule rule) {
        List<String> maxima = rule.holds().stream().map(Hold::max)
                .filter(x -> x != null && x.value() != null).map(RetentionPeriod::raw).toList();
        return maxima.isEmpty() ? "" : " (a hold up to `" + String.join("`, `", maxima) + "`)";
    }
}
