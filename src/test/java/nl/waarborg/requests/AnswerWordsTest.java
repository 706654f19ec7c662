package nl.waarborg.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import nl.waarborg.BundleAgreement;
import org.junit.jupiter.api.Test;

/** The answer's words: both languages have every key, each text the same placeholders, and every kept ground. */
class AnswerWordsTest {

    @Test
    void bothLanguagesHaveTheSameKeysAndEveryTextTheSamePlaceholders() {
        Properties nl = BundleAgreement.assertNlAndEnAgree(AnswerWords.class, "answer");
        for (String ground : KeptData.GROUNDS) {
            assertThat(nl.stringPropertyNames()).contains("kept.ground." + ground);
        }
    }
}
