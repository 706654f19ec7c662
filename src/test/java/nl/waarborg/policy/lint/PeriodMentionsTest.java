package nl.waarborg.policy.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;
import java.util.List;
import nl.waarborg.policy.EndAction;
import nl.waarborg.policy.HoldKind;
import nl.waarborg.policy.Policy.Hold;
import nl.waarborg.policy.Policy.RetentionRule;
import nl.waarborg.policy.RetentionPeriod;
import nl.waarborg.policy.RetentionStart;
import nl.waarborg.policy.Text;
import nl.waarborg.policy.lint.PeriodMentions.Mention;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The periods a Dutch or English text names, and whether they say what a rule enforces. */
class PeriodMentionsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Wij bewaren dit 7 jaar.|P7Y",
            "Wij bewaren dit zeven jaar na het einde van de overeenkomst.|P7Y",
            "de wettelijke bewaartermijn van zeven jaar|P7Y",
            "the statutory seven-year period|P7Y",
            "Kept for 7 years.|P7Y",
            "Gesprekslogboeken bewaren wij één jaar.|P1Y",
            "Call logs are kept for one year.|P1Y",
            "Wij bewaren het een jaar.|P1Y",
            "We keep it for a year.|P1Y",
            "twaalf maanden|P1Y",
            "12 months|P1Y",
            "Gegevens worden zes maanden na verzameling verwijderd.|P6M",
            "een half jaar|P6M",
            "half a year|P6M",
            "anderhalf jaar|P18M",
            "1 jaar en 6 maanden|P18M",
            "one year and six months|P18M",
            "Bezoeklogboeken bewaren wij 160 weken.|P160W",
            "160 weeks from the end of your contract|P160W",
            "vier weken na verzameling|P4W",
            "four weeks|P28D",
            "Opnames bewaren wij 180 dagen.|P180D",
            "24 maanden|P2Y",
            "maximaal 24 maanden|P24M",
            "for 24 months at most|P24M",
            "a 7-day period|P7D",
    })
    void aSinglePeriodIsReadInDutchAndEnglish(String text, String iso) {
        List<Mention> m = PeriodMentions.in(text);
        assertThat(m).hasSize(1);
        assertThat(m.get(0).range()).isFalse();
        assertThat(m.get(0).low()).isEqualTo(PeriodMentions.Span.of(Period.parse(iso)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Beelden bewaren wij 7 tot 28 dagen.|P7D|P28D",
            "Beelden bewaren wij 7 tot en met 28 dagen.|P7D|P28D",
            "tussen 7 en 28 dagen|P7D|P28D",
            "van zeven dagen tot 28 dagen|P7D|P28D",
            "between 7 and 28 days|P7D|P28D",
            "7-28 days|P7D|P28D",
            "7 to 28 days|P7D|P28D",
            "one to two years|P1Y|P2Y",
    })
    void aRangeIsReadAsOneMentionFromLowToHigh(String text, String low, String high) {
        List<Mention> m = PeriodMentions.in(text);
        assertThat(m).hasSize(1);
        assertThat(m.get(0).range()).isTrue();
        assertThat(m.get(0).low()).isEqualTo(PeriodMentions.Span.of(Period.parse(low)));
        assertThat(m.get(0).high()).isEqualTo(PeriodMentions.Span.of(Period.parse(high)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Wij bewaren uw gegevens niet langer dan noodzakelijk.",
            "Vanaf 1 januari na het boekjaar, of from 1 January.",
            "op grond van art. 52 AWR en artikel 2:10 BW",
            "Zolang u klant bent, en daarna tot het einde van het jaar.",
            "We review this once a year and twee keer per jaar.",
            "na een incident en een klacht",
            "Wij sturen u 3 e-mails en bellen 2 keer.",
            "the 2024 and 2026 invoices",
            "within 48 hours",
    })
    void textsWithoutAPeriodNameNone(String text) {
        assertThat(PeriodMentions.in(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Camerabeelden worden na zeven dagen verwijderd; na een incident mogen ze tot 28 dagen bewaard worden.|true",
            "Camera footage is deleted after seven days; after an incident it may be kept for up to 28 days.|true",
            "Beelden bewaren wij 7 tot 28 dagen.|true",
            "Footage is kept for one week, up to four weeks after an incident.|true",
            "Beelden bewaren wij 14 dagen.|false",
            "Beelden bewaren wij 7 tot 14 dagen.|false",
            "Beelden bewaren wij 1 tot 28 dagen.|false",
            "Beelden bewaren wij een maand.|false",
    })
    void aTextMatchesTheRulesPeriodAndItsHoldMaximum(String text, boolean matches) {
        RetentionRule footage = rule("P7D", new Hold(HoldKind.INCIDENT, RetentionPeriod.parse("P28D")));
        List<Mention> mentions = PeriodMentions.in(text);
        assertThat(mentions).isNotEmpty();
        assertThat(mentions.stream().allMatch(m -> TransparencyRules.matches(m, footage))).isEqualTo(matches);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "P6M|zes maanden|true",
            "P6M|een half jaar|true",
            "P1Y|12 maanden|true",
            "P1Y|52 weken|false",
            "P160W|160 weken|true",
            "P4W|28 dagen|true",
            "P4W|een maand|false",
            "P7Y|7 jaar|true",
            "P7Y|zes jaar|false",
    })
    void periodsAreComparedAfterNormalising(String period, String text, boolean matches) {
        assertThat(PeriodMentions.in(text)).singleElement()
                .matches(m -> TransparencyRules.matches(m, rule(period)) == matches);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"P7D|P7D", "P6M|P6M", "P7Y|P7Y", "P28D|P4W", "P18M|P18M", "P1Y6M|P18M", "P10D|P10D"})
    void aSpanIsShownInItsLargestWholeUnit(String period, String shown) {
        assertThat(PeriodMentions.Span.of(Period.parse(period)).iso()).isEqualTo(shown);
    }

    private static RetentionRule rule(String period, Hold... holds) {
        return new RetentionRule("r", Text.EMPTY, List.of(), List.of(), List.of(), RetentionPeriod.parse(period),
                new RetentionStart.AtCollection(), EndAction.DELETE, List.of(holds), List.of(), null, null);
    }
}
