package nl.waarborg.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The answer's words: both languages have every key, each text the same placeholders, and every kept ground. */
class AnswerWordsTest {

    private static Properties bundle(String lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = AnswerWords.class.getResourceAsStream("answer_" + lang + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndEveryTextTheSamePlaceholders() throws IOException {
        Properties nl = bundle("nl");
        Properties en = bundle("en");
        assertThat(nl.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        for (String key : nl.stringPropertyNames()) {
            assertThat(new MessageFormat(nl.getProperty(key)).getFormats().length).as(key)
                    .isEqualTo(new MessageFormat(en.getProperty(key)).getFormats().length);
            for (int i = 0; i < 4; i++) {
                assertThat(nl.getProperty(key).contains("{" + i + "}")).as(key + " {" + i + "}")
                        .isEqualTo(en.getProperty(key).contains("{" + i + "}"));
            }
        }
        for (String ground : KeptData.GROUNDS) {
            assertThat(nl.stringPropertyNames()).contains("kept.ground." + ground);
        }
    }
}
