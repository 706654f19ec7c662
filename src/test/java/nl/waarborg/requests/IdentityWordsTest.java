package nl.waarborg.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import nl.waarborg.BundleAgreement;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.PolicyLoader;
import org.junit.jupiter.api.Test;

/** The confirmation mail's and page's words: both languages complete, placeholders alike, everything escaped. */
class IdentityWordsTest {

    @Test
    void bothLanguagesHaveTheSameKeysAndPlaceholders() {
        BundleAgreement.assertNlAndEnAgree(IdentityWords.class, "identity");
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

}
