package nl.waarborg.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Properties;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.PolicyLoader;
import org.junit.jupiter.api.Test;

/** The confirmation mail's and page's words: both languages complete, placeholders alike, everything escaped. */
class IdentityWordsTest {

    @Test
    void bothLanguagesHaveTheSameKeysAndPlaceholders() throws Exception {
        Properties nl = bundle("nl");
        Properties en = bundle("en");
        assertThat(nl.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        for (String key : nl.stringPropertyNames()) {
            assertThat(new MessageFormat(nl.getProperty(key)).getFormats().length).as(key)
                    .isEqualTo(new MessageFormat(en.getProperty(key)).getFormats().length);
        }
    }

    @Test
    void theMailNamesTheReferenceTheLinkAndTheArticleAndThePageHasNoScript() throws Exception {
        Policy p = PolicyLoader.load(java.nio.file.Path.of("src/test/resources/policies/clean.yaml")).loaded().policy();
        IdentityWords words = new IdentityWords(p, Lang.parse("nl"), ZoneId.of("Europe/Amsterdam"));
        IdentityWords.MailText mail = words.confirmationMail("WB-AAAA-BBBB", "https://x.example/requests/confirm/t?a=1&b=2",
                Instant.parse("2026-03-10T10:00:00Z"));
        assertThat(mail.text()).contains("WB-AAAA-BBBB", "https://x.example/requests/confirm/t?a=1&b=2",
                "artikel 12, lid 6 AVG", "10 maart 2026, 11:00", "privacy@testopslag.example");
        assertThat(mail.html()).contains("href=\"https://x.example/requests/confirm/t?a=1&amp;b=2\"");
        String page = words.page(IdentityWords.Page.CONFIRM, "WB-AAAA-BBBB");
        assertThat(page).contains("<form method=\"post\">").doesNotContain("<script").doesNotContain("style");
    }

    private static Properties bundle(String lang) throws Exception {
        Properties p = new Properties();
        try (InputStream in = IdentityWords.class.getResourceAsStream("identity_" + lang + ".properties")) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
