package nl.waarborg.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Properties;
import nl.waarborg.BundleAgreement;
import nl.waarborg.policy.ArchiveUse;
import nl.waarborg.policy.Art9Condition;
import nl.waarborg.policy.Channel;
import nl.waarborg.policy.HoldKind;
import nl.waarborg.policy.IdentityMethod;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.LegalBasis;
import nl.waarborg.policy.RecipientRole;
import nl.waarborg.policy.RegistrationKind;
import nl.waarborg.policy.Safeguard;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: the statement's and register's words live in statement_nl/en.properties. A key missing in a language, or
 * a text whose ICU arguments differ from the other language's, fails here, not in a statement someone reads.
 */
class StatementBundleTest {

    @Test
    void every_key_is_in_both_languages_with_the_same_arguments() {
        Properties nl = BundleAgreement.assertNlAndEnAgreeIcu(BundlePhrases.class, "statement");
        assertThat(nl.stringPropertyNames()).hasSizeGreaterThan(200).contains("locale", "statementTitle");
    }

    @Test
    void every_name_of_every_kind_has_a_text_in_every_language() {
        for (Lang lang : Lang.values()) {
            Phrases p = Phrases.of(lang);
            for (RegistrationKind k : RegistrationKind.values()) {
                assertThat(p.lRegistration(k)).isNotBlank();
            }
            for (LegalBasis b : LegalBasis.values()) {
                assertThat(List.of(p.basisName(b), p.basisArticle(b), p.basisExplained(b))).allSatisfy(t -> assertThat(t).isNotBlank());
            }
            for (Art9Condition c : Art9Condition.values()) {
                assertThat(List.of(p.art9Name(c), p.regArt9(c))).allSatisfy(t -> assertThat(t).isNotBlank());
            }
            for (ArchiveUse u : ArchiveUse.values()) {
                assertThat(p.archiveUse(u)).isNotBlank();
            }
            for (RecipientRole r : RecipientRole.values()) {
                assertThat(List.of(p.role(r), p.roleInStatement(r))).allSatisfy(t -> assertThat(t).isNotBlank());
            }
            for (Safeguard s : Safeguard.values()) {
                assertThat(p.safeguard(s)).isNotBlank();
            }
            for (Channel c : Channel.values()) {
                assertThat(p.channel(c, "x")).contains("x");
            }
            for (IdentityMethod m : IdentityMethod.values()) {
                assertThat(p.identity(m)).isNotBlank();
            }
            for (HoldKind h : HoldKind.values()) {
                assertThat(p.hold(h, "1 jaar")).contains("1 jaar");
                assertThat(p.hold(h, null)).isNotBlank().doesNotContain("null");
            }
            for (RegisterTable.Column c : RegisterTable.Column.values()) {
                assertThat(p.column(c)).isNotBlank();
            }
        }
    }

    @Test
    void numbers_choose_the_plural_and_are_written_as_before() {
        Phrases nl = Phrases.of(Lang.NL);
        Phrases en = Phrases.of(Lang.EN);
        assertThat(List.of(nl.duration(1, 'D'), nl.duration(2, 'D'), nl.duration(1, 'M'), nl.duration(3, 'Y'), nl.duration(1500, 'W')))
                .containsExactly("1 dag", "2 dagen", "1 maand", "3 jaar", "1500 weken");
        assertThat(List.of(en.duration(1, 'D'), en.duration(0, 'D'), en.duration(1, 'Y'), en.duration(3, 'Y'), en.duration(1500, 'W')))
                .containsExactly("1 day", "0 days", "1 year", "3 years", "1500 weeks");
        assertThatThrownBy(() -> nl.duration(1, 'X')).isInstanceOf(IllegalArgumentException.class);
        assertThat(nl.forPurposes(List.of("Offerte"))).isEqualTo("voor het doel ‘Offerte’");
        assertThat(en.forPurposes(List.of("Quote", "Rental"))).isEqualTo("for the purposes ‘Quote’ and ‘Rental’");
    }

    @Test
    void flags_choose_the_sentence() {
        Phrases nl = Phrases.of(Lang.NL);
        Phrases en = Phrases.of(Lang.EN);
        assertThat(nl.channel(Channel.WEB, null)).isEqualTo("via onze website");
        assertThat(en.channel(Channel.WEB, "https://x.example")).isEqualTo("through our website: https://x.example");
        assertThat(nl.currentVersion("2", "")).isEqualTo("Dit is versie 2 van deze privacyverklaring.");
        assertThat(en.previousVersion("1", "1 March 2025")).isEqualTo("version 1, in effect from 1 March 2025");
        assertThat(nl.refusal(null, true)).contains("daar, of met een verlenging, niet", "bij de toezichthouder of");
        assertThat(en.refusal("Dutch DPA", false)).contains("with that, you can complain to the Dutch DPA or");
        assertThat(nl.ourInterest("Ons belang is veiligheid.")).isEqualTo("Ons belang is veiligheid.");
        assertThat(en.regInterest("safety")).isEqualTo("Interest: safety");
        assertThat(nl.dpo(null)).startsWith("Wij hebben een functionaris gegevensbescherming (FG). De FG");
        assertThat(en.cookieAndMarketingSupervisors(true, false)).contains("about cookies and the personal data collected with them goes");
    }
}
