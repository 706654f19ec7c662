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
                Rule.warning("minor-age-threshold", "Minors are those under the age of digital consent of the controller's country: 16 in the Netherlands (art. 5 UAVG), 13 to 16 elsewhere (Art. 8(1) GDPR, R1.11).",
                        (p, report) -> {
                            Policy.Minors m = p.policy().minors();
                            java.util.Optional<MemberStates.MemberState> state = MemberStates.of(p.policy().controller().country());
                            // below the country's age is an error of controller-country; above it the policy promises more
                            if (m != null && state.isPresent() && m.ageThreshold() > state.get().digitalConsentAge()) {
                                report.at("minors.age-threshold", "age threshold " + m.ageThreshold()
                                        + " is above the " + state.get().digitalConsentAge() + " years of " + state.get().ageLaw()
                                        + ": the statement then asks parental consent for more children than the law does; "
                                        + "write `age-threshold: " + state.get().digitalConsentAge() + "` unless that is meant");
                            }
                        }),
                Rule.warning("minors-undeclared", "A policy that collects children's data says how minors are handled (R1.11).",
                        (p, report) -> {
                            if (p.policy().minors() == null && p.policy().dataCategories().stream()
                                    .anyMatch(nl.waarborg.policy.Policy.DataCategory::children)) {
                                report.at("data-categories", "children's data is collected but there is no `minors:` section; add `minors: {age-threshold: 16, parental-consent: true}`");
                            }
                        }),
                new Repealed());
    }

    private static boolean tooLong(RetentionPeriod period, Period limit) {
        return period == null || !period.isConcrete() || period.exceeds(limit);
    }

    /** Scans the file's text itself, so every mention is found at its exact line and column. */
    private static final class Repealed implements LintRule {
        @Override
        public String id() {
            return "repealed-law";
        }

        @Override
        public nl.waarborg.policy.Severity severity() {
            return nl.waarborg.policy.Severity.WARNING;
        }

        @Override
        public String summary() {
            return "No reference to the Wet bescherming persoonsgegevens (Wbp), repealed on 25 May 2018.";
        }

        @Override
        public void check(nl.waarborg.policy.LoadedPolicy p, List<nl.waarborg.policy.Finding> out) {
            String[] lines = p.text().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                int comment = commentStart(line);
                Matcher m = REPEALED.matcher(line);
                while (m.find()) {
                    if (comment >= 0 && m.start() > comment) {
                        break;
                    }
                    out.add(new nl.waarborg.policy.Finding(new Position(p.source(), i + 1, m.start() + 1), severity(), id(),
                            "`" + m.group() + "` was repealed on 25 May 2018; refer to the AVG (GDPR) and the UAVG instead"));
                }
            }
        }

        private static int commentStart(String line) {
            String t = line.stripLeading();
            return t.startsWith("#") ? line.indexOf('#') : line.indexOf(" #");
        }
    }
}
