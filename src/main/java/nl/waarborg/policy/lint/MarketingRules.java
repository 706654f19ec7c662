package nl.waarborg.policy.lint;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.waarborg.policy.CookieKind;
import nl.waarborg.policy.LegalBasis;
import nl.waarborg.policy.MarketingChannel;
import nl.waarborg.policy.Policy.Purpose;
import nl.waarborg.policy.SubjectRelation;

/**
 * The Telecommunicatiewet beside the GDPR (R5.2, R5.5): e-mail, SMS and phone marketing to people who are not customers
 * needs their prior consent (art. 11.7), and so do tracking cookies (art. 11.7a), whatever the GDPR basis would allow.
 */
final class MarketingRules {

    /** Channels art. 11.7 Tw puts under opt-in: electronic messages and (since 1 July 2021) telemarketing calls. */
    private static final Set<MarketingChannel> OPT_IN = EnumSet.of(MarketingChannel.EMAIL, MarketingChannel.SMS, MarketingChannel.PHONE);

    /** Whom an organisation may approach on those channels without consent, for its own similar products (art. 11.7(3) Tw). */
    private static final Set<SubjectRelation> OWN_RELATIONS = EnumSet.of(SubjectRelation.CUSTOMERS, SubjectRelation.MEMBERS);

    private MarketingRules() {
    }

    static List<LintRule> all() {
        return List.of(
                Rule.error("electronic-marketing-opt-in",
                        "Direct marketing by e-mail, SMS or phone on legitimate interest reaches only customers or members (own similar products); anyone else must consent first (art. 11.7 Telecommunicatiewet, R5.2).",
                        (p, report) -> {
                            for (Purpose x : p.policy().purposes()) {
                                if (!x.directMarketing() || x.basis() != LegalBasis.LEGITIMATE_INTEREST
                                        || x.marketingChannels().stream().noneMatch(OPT_IN::contains)) {
                                    continue;
                                }
                                List<String> others = x.subjects().stream().filter(id -> p.policy().subjectCategory(id)
                                        .map(c -> c.relation() == null || !OWN_RELATIONS.contains(c.relation())).orElse(true)).toList();
                                if (!others.isEmpty()) {
                                    List<String> channels = x.marketingChannels().stream().filter(OPT_IN::contains)
                                            .map(MarketingChannel::term).toList();
                                    report.at("purposes." + x.id() + ".marketing-channels", "purpose `" + x.id() + "` approaches "
                                            + "`" + String.join("`, `", others) + "` by " + String.join(", ", channels) + " on legitimate interest, "
                                            + "but only customers and members may be approached that way without consent, and then only "
                                            + "for the organisation's own similar products (art. 11.7 Telecommunicatiewet); ask prior consent "
                                            + "in a consent purpose of its own, or, if these categories are customers or members, say so with "
                                            + "`relation:` on each");
                                }
                            }
                        }),
                Rule.error("tracking-without-consent",
                        "Tracking cookies are placed only with consent (art. 11.7a Telecommunicatiewet; Art. 6(1)(a) GDPR for the data they collect, R5.5).",
                        (p, report) -> p.policy().purposes().stream()
                                .filter(x -> x.cookies().contains(CookieKind.TRACKING) && x.basis() != null && x.basis() != LegalBasis.CONSENT)
                                .forEach(x -> report.at("purposes." + x.id() + ".cookies", "purpose `" + x.id() + "` places tracking "
                                        + "cookies on " + x.basis().term() + ", but tracking cookies need prior consent (art. 11.7a "
                                        + "Telecommunicatiewet); use `legal-basis: consent`, or move the tracking to a consent purpose of its own"))));
    }
}
