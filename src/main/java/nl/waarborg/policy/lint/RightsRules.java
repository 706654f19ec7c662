package nl.waarborg.policy.lint;

import java.time.Period;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.waarborg.policy.MemberStates;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.Policy.Rights;
import nl.waarborg.policy.Position;
import nl.waarborg.policy.RetentionPeriod;

/** R3/R4 settings and outdated statements: response within a month, extension within two, current law. */
final class RightsRules {

    private static final Pattern REPEALED = Pattern.compile("\\bWBP\\b|Wet bescherming persoonsgegevens|Data Protection Act \\(Wbp\\)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PRIVACY_SHIELD = Pattern.compile("Privacy[ -]?Shield", Pattern.CASE_INSENSITIVE);
    /** Upper-case CBP only: lower-case ids such as `cbp-…` are the organisation's own words. */
    private static final Pattern CBP = Pattern.compile("\\bCBP\\b|(?i:College bescherming persoonsgegevens)");

    private RightsRules() {
    }

    static List<LintRule> all() {
        return List.of(
                Rule.error("response-time-too-long", "Requests are answered within one month at most (Art. 12(3), R4.2).",
                        (p, report) -> {
                            Rights r = p.policy().rights();
                            if (r != null && tooLong(r.responseTime(), Period.ofMonths(1))) {
                                report.at("rights.response-time", "response time `" + r.responseTime().raw()
                                        + "` is longer than the one month the GDPR allows (or not a period); use P1M or less, e.g. P4W");
                            }
                        }),
                Rule.error("extension-too-long", "An extension adds two months at most (Art. 12(3), R4.2).",
                        (p, report) -> {
                            Rights r = p.policy().rights();
                            if (r != null && r.extension() != null && tooLong(r.extension(), Period.ofMonths(2))) {
                                report.at("rights.extension", "extension `" + r.extension().raw()
                                        + "` is longer than the two further months the GDPR allows (or not a period); use P2M or less");
                            }
                        }),
                Rule.warning("request-records-period-missing", "The policy says how long the record of a handled request "
                                + "is kept, and that period is concrete and at most ten years (Art. 5(1)(e), 5(2), 13(2)(a)).",
                        (p, report) -> {
                            Rights r = p.policy().rights();
                            if (r == null) {
                                return;
                            }
                            if (r.requestRecords() == null) {
                                report.at("rights", "how long the record of a handled request is kept is not said: the "
                                        + "record holds who asked what and how it was answered, personal data kept for "
                                        + "accountability (Art. 5(2)) and the statement must say for how long (Art. "
                                        + "13(2)(a)); add e.g. `request-records: P2Y`");
                            } else if (r.requestRecords().value() == null || tooLong(r.requestRecords(), Period.ofYears(10))) {
                                report.at("rights.request-records", "`" + r.requestRecords().raw() + "` is no concrete period "
                                        + "of at most ten years (Art. 5(1)(e)); write e.g. P2Y");
                            }
                        }),
                Rule.warning("identity-verification-missing", "The policy says how a requester's identity is established (R4.1).",
                        (p, report) -> {
                            Rights r = p.policy().rights();
                            if (r != null && r.identityVerification().isEmpty()) {
                                report.at("rights", "no `identity-verification` methods are declared; add e.g. [email-link, in-person-id]");
                            }
                        }),
                Rule.warning("request-channels-missing", "The policy says how a request can be filed (R3.9).",
                        (p, report) -> {
                            Rights r = p.policy().rights();
                            if (r != null && r.channels().isEmpty()) {
                                report.at("rights", "no request `channels` are declared; add e.g. [email, web, post]");
                            }
                        }),
                Rule.error("minor-age-threshold", "Below the age of the controller's country (16 in the Netherlands, art. 5 UAVG, for any consent; 13 to 16 elsewhere, Art. 8(1) GDPR) a parent consents: the threshold is not lower, and parental consent is not switched off where minors may consent (R1.11).",
                        RightsRules::minors),
                Rule.warning("minors-undeclared", "A policy that collects children's data says how minors are handled (R1.11).",
                        (p, report) -> {
                            if (p.policy().minors() == null && p.policy().dataCategories().stream()
                                    .anyMatch(nl.waarborg.policy.Policy.DataCategory::children)) {
                                report.at("data-categories", "children's data is collected but there is no `minors:` section; add `minors: {age-threshold: 16, parental-consent: true}`");
                            }
                        }),
                Rule.warning("request-fee-charged",
                        "Requests are free of charge (Art. 12(5) GDPR); a fee only for manifestly unfounded or excessive requests and for further copies (Art. 15(3)) (R3.9).",
                        (p, report) -> {
                            Rights r = p.policy().rights();
                            if (r != null && !r.freeOfCharge()) {
                                report.at("rights.free-of-charge", "`free-of-charge: false`: requests are free by law (Art. 12(5) "
                                        + "GDPR); a reasonable fee may be asked only for a manifestly unfounded or excessive request "
                                        + "and for further copies of the data (Art. 15(3)), which is all the statement then says; "
                                        + "remove the key unless you charge in exactly those cases");
                            }
                        }),
                new TextScan("repealed-law", "No reference to the Wet bescherming persoonsgegevens (Wbp), repealed on 25 May 2018.",
                        REPEALED, List.of("wbp", "wet bescherming persoonsgegevens"), found -> "`" + found + "` was repealed on 25 May 2018; refer to the AVG (GDPR) and the UAVG instead"),
                new TextScan("privacy-shield-invalidated",
                        "No reliance on the EU-US Privacy Shield, invalidated by the Court of Justice on 16 July 2020 (C-311/18, Schrems II).",
                        PRIVACY_SHIELD, List.of("shield"), found -> "`" + found + "` was invalidated by the Court of Justice of the EU on 16 July 2020 "
                        + "(C-311/18, Schrems II); transfers to the United States rest on the EU-US Data Privacy Framework "
                        + "(adequacy decision of 10 July 2023, certified organisations only: `dpf-certified: true`) or on "
                        + "standard contractual clauses: refer to those instead"),
                new TextScan("cbp-renamed",
                        "No reference to the College bescherming persoonsgegevens (CBP), since 1 January 2016 the Autoriteit Persoonsgegevens.",
                        CBP, List.of("cbp", "college bescherming persoonsgegevens"), found -> "`" + found + "` is the former name of the Dutch supervisory authority; since 1 January "
                        + "2016 it is the Autoriteit Persoonsgegevens (AP): refer to that instead"));
    }

    /**
     * Minors (R1.11): below the age of the controller's country a parent consents (art. 5 UAVG for any consent in the
     * Netherlands; Art. 8(1) GDPR elsewhere), so the threshold may not be lower and parental consent may not be switched
     * off where minors may be asked for consent. A higher threshold asks more than the law does, which is lawful.
     */
    private static void minors(nl.waarborg.policy.LoadedPolicy p, Rule.Report report) {
        Policy.Minors m = p.policy().minors();
        if (m == null) {
            return;
        }
        String country = p.policy().controller().country();
        java.util.Optional<MemberStates.MemberState> state = MemberStates.of(country);
        if (state.isPresent() && m.ageThreshold() < state.get().digitalConsentAge()) {
            report.at("minors.age-threshold", "age threshold " + m.ageThreshold() + " is below the age of digital "
                    + "consent in " + country + ", " + state.get().digitalConsentAge() + " (" + state.get().ageLaw()
                    + "); below it a parent must consent (Art. 8(1) GDPR" + (country.equals("NL") ? "; in the Netherlands "
                    + "for any consent, art. 5 UAVG" : "") + "); write `age-threshold: " + state.get().digitalConsentAge()
                    + "` or higher");
        } else if (state.isEmpty() && m.ageThreshold() < 13) {
            report.at("minors.age-threshold", "age threshold " + m.ageThreshold() + " is below 13, the lowest age of "
                    + "digital consent Art. 8(1) GDPR allows any country to set; write `age-threshold: 13` or higher");
        }
        if (!m.parentalConsent()) {
            List<String> why = new java.util.ArrayList<>();
            p.policy().purposes().stream().filter(x -> x.basis() == nl.waarborg.policy.LegalBasis.CONSENT)
                    .map(x -> "purpose `" + x.id() + "` asks consent").findFirst().ifPresent(why::add);
            p.policy().dataCategories().stream().filter(Policy.DataCategory::children)
                    .map(d -> "`" + d.id() + "` is children's data").findFirst().ifPresent(why::add);
            if (!why.isEmpty()) {
                report.at("minors.parental-consent", "`parental-consent: false`, but " + String.join(" and ", why)
                        + ": below age " + m.ageThreshold() + " a parent or guardian must give or authorise consent (Art. 8(1) "
                        + "GDPR" + (country.equals("NL") ? ", art. 5 UAVG" : "") + "); remove `parental-consent: false`");
            }
        }
    }

    private static boolean tooLong(RetentionPeriod period, Period limit) {
        return period == null || !period.isConcrete() || period.exceeds(limit);
    }

    /**
     * Scans the file's text itself for an outdated reference, so every mention is found at its exact line and column;
     * comments are skipped (a note on what was replaced is no claim to a reader). {@code hints}: lower-case words one of
     * which every match contains; a file without any of them is not scanned line by line (the regular expressions
     * cost about 20 ns a byte, the hints a fraction of that, and almost no policy mentions these laws).
     */
    private record TextScan(String id, String summary, Pattern pattern, List<String> hints,
                            java.util.function.Function<String, String> message) implements LintRule {

        @Override
        public nl.waarborg.policy.Severity severity() {
            return nl.waarborg.policy.Severity.WARNING;
        }

        @Override
        public void check(nl.waarborg.policy.LoadedPolicy p, List<nl.waarborg.policy.Finding> out) {
            String lower = p.text().toLowerCase(java.util.Locale.ROOT);
            if (hints.stream().noneMatch(lower::contains)) {
                return;
            }
            String[] lines = p.text().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                int comment = commentStart(line);
                Matcher m = pattern.matcher(line);
                while (m.find()) {
                    if (comment >= 0 && m.start() > comment) {
                        break;
                    }
                    out.add(new nl.waarborg.policy.Finding(new Position(p.source(), i + 1, m.start() + 1), severity(), id(),
                            message.apply(m.group())));
                }
            }
        }

        private static int commentStart(String line) {
            String t = line.stripLeading();
            return t.startsWith("#") ? line.indexOf('#') : line.indexOf(" #");
        }
    }
}
