package nl.waarborg.breaches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** SE = DPC × EI + CB and its four levels (ENISA 2013). */
class EnisaSeverityTest {

    @Test
    void theScoreIsDpcTimesEiPlusTheCircumstances() {
        // ENISA's own kind of example: financial data (DPC 3), easily identified (EI 1), confidentiality lost to
        // unknown recipients (0.5), malicious (0.5): 3 x 1 + 1 = 4, very high
        EnisaSeverity s = new EnisaSeverity(3, 1, 0.5, 0, 0, true);
        assertThat(s.circumstances()).isEqualTo(1.0);
        assertThat(s.score()).isEqualTo(4.0);
        assertThat(s.level()).isEqualTo(EnisaSeverity.Level.VERY_HIGH);
    }

    @Test
    void theLevelsChangeAt2And3And4() {
        assertThat(new EnisaSeverity(1, 1, 0.5, 0.25, 0, false).score()).isEqualTo(1.75);
        assertThat(new EnisaSeverity(1, 1, 0.5, 0.25, 0, false).level()).isEqualTo(EnisaSeverity.Level.LOW);
        assertThat(new EnisaSeverity(2, 1, 0, 0, 0, false).level()).isEqualTo(EnisaSeverity.Level.MEDIUM);
        assertThat(new EnisaSeverity(4, 0.75, 0, 0, 0, false).score()).isEqualTo(3.0);
        assertThat(new EnisaSeverity(4, 0.75, 0, 0, 0, false).level()).isEqualTo(EnisaSeverity.Level.HIGH);
        assertThat(new EnisaSeverity(4, 0.75, 0.5, 0.25, 0, false).level()).isEqualTo(EnisaSeverity.Level.HIGH);
        assertThat(new EnisaSeverity(4, 0.75, 0.5, 0.5, 0, false).level()).isEqualTo(EnisaSeverity.Level.VERY_HIGH);
    }

    @Test
    void inputsOutsideTheMethodAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new EnisaSeverity(5, 1, 0, 0, 0, false)).isInstanceOf(BreachInputException.class)
                .extracting(e -> ((BreachInputException) e).field()).isEqualTo("severity/dataProcessingContext");
        assertThatThrownBy(() -> new EnisaSeverity(2, 0.3, 0, 0, 0, false))
                .extracting(e -> ((BreachInputException) e).field()).isEqualTo("severity/easeOfIdentification");
        assertThatThrownBy(() -> new EnisaSeverity(2, 1, 0.75, 0, 0, false))
                .extracting(e -> ((BreachInputException) e).field()).isEqualTo("severity/confidentiality");
    }
}
