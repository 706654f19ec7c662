package nl.waarborg.policy;

import static nl.waarborg.policy.PolicyFixtures.cleanWith;
import static nl.waarborg.policy.PolicyFixtures.lint;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Telecommunicatiewet: e-mail, SMS and phone marketing opt-in (art. 11.7) and consent for tracking cookies (art. 11.7a). */
class MarketingLintTest {

    private static final String QUOTE = "    legal-basis: contract\n    roles: [staff]\n    subjects: [lead]";
    private static final String LEADS = "    name: {nl: Leads, en: Leads}";

    private static List<Finding> of(String rule, String yaml) {
        return lint(yaml).stream().filter(f -> f.rule().equals(rule)).toList();
    }

    /** The quote purpose turned into marketing to leads on legitimate interest, over these channels. */
    private static String marketing(String relation, String channels) {
        return cleanWith(LEADS + "§" + QUOTE, LEADS + (relation == null ? "" : "\n    relation: " + relation) + "§"
                + "    legal-basis: legitimate-interest\n    interest: {nl: Verkoop, en: Sales}\n    balancing: {nl: Afgewogen, en: Weighed}\n"
                + "    direct-marketing: true\n    marketing-channels: " + channels + "\n    roles: [staff]\n    subjects: [lead]");
    }

    @Test
    void emailOrPhoneMarketingToProspectsNeedsConsent() {
        assertThat(of("electronic-marketing-opt-in", marketing("prospects", "[email, phone]"))).singleElement().satisfies(f -> {
            assertThat(f.isError()).isTrue();
            assertThat(f.message()).contains("`lead`", "email, phone", "art. 11.7 Telecommunicatiewet", "own similar products");
        });
        // a category whose relation is not said cannot be assumed to be customers
        assertThat(of("electronic-marketing-opt-in", marketing(null, "[sms]"))).hasSize(1);
    }

    @Test
    void customersAndMembersMayBeApproachedOnLegitimateInterest() {
        assertThat(of("electronic-marketing-opt-in", marketing("customers", "[email, phone]"))).isEmpty();
        assertThat(of("electronic-marketing-opt-in", marketing("members", "[email]"))).isEmpty();
    }

    @Test
    void postAndConsentAreOutsideTheOptIn() {
        assertThat(of("electronic-marketing-opt-in", marketing("prospects", "[post]"))).isEmpty();
        assertThat(of("electronic-marketing-opt-in", marketing("prospects", "[email]")
                .replace("    legal-basis: legitimate-interest\n", "    legal-basis: consent\n"))).isEmpty();
    }

    @Test
    void trackingCookiesNeedConsent() {
        String security = "    data: [video-footage]\n    systems: [cctv]";
        String tracking = cleanWith(security, "    cookies: [analytics, tracking]\n" + security);
        assertThat(of("tracking-without-consent", tracking)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("legitimate-interest", "art. 11.7a Telecommunicatiewet", "legal-basis: consent"));
        assertThat(of("tracking-without-consent", tracking.replace("[analytics, tracking]", "[analytics]"))).isEmpty();
    }
}
