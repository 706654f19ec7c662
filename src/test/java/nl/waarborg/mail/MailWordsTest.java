package nl.waarborg.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import nl.waarborg.BundleAgreement;
import org.junit.jupiter.api.Test;

/** The mail bundles agree between Dutch and English, a task notice holds both, and the outbox's waits grow. */
class MailWordsTest {

    @Test
    void theLetterAndTaskBundlesAgreeInKeysAndArguments() {
        BundleAgreement.assertNlAndEnAgreeIcu(MailWords.class, "letters");
        BundleAgreement.assertNlAndEnAgreeIcu(MailWords.class, "tasks");
    }

    @Test
    void aLettersSubjectAndAttachmentFollowItsKind() {
        MailWords nl = MailWords.of("nl/waarborg/mail/letters", "nl");
        assertThat(nl.text("subject", "kind", "refusal", "reference", "WB-AAAA-BBBB"))
                .isEqualTo("Wij voeren uw verzoek niet uit (WB-AAAA-BBBB)");
        assertThat(MailWords.of("nl/waarborg/mail/letters", "en").text("attachment", "kind", "completion",
                "reference", "WB-AAAA-BBBB")).isEqualTo("completion-WB-AAAA-BBBB.pdf");
        assertThat(nl.day(LocalDate.of(2026, 3, 3))).isEqualTo("3 maart 2026");
    }

    @Test
    void aTaskNoticeIsInDutchThenEnglishAndEscapesItsHtml() {
        Mail m = new TaskNotice("erase", Map.of("nl", "Kassa <oud>", "en", "Till <old>"), "WB-AAAA-BBBB",
                LocalDate.of(2026, 4, 1), "https://p.example/console/requests/WB-AAAA-BBBB").mail("taken@p.example");
        assertThat(m.language()).isEqualTo("nl, en");
        assertThat(m.text()).contains("Wis de gegevens van deze persoon in Kassa <oud>.", "1 april 2026",
                "Erase this person's data in Till <old>.", "1 April 2026");
        assertThat(m.text().indexOf("Wis")).isLessThan(m.text().indexOf("Erase"));
        assertThat(m.html()).contains("Kassa &lt;oud&gt;", "<div lang=\"en\">").doesNotContain("<oud>");
    }

    @Test
    void theWaitsDoubleFromAMinuteToAnHour() {
        assertThat(OutboxSender.wait(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(OutboxSender.wait(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(OutboxSender.wait(6)).isEqualTo(Duration.ofMinutes(32));
        assertThat(OutboxSender.wait(7)).isEqualTo(Duration.ofHours(1));
        assertThat(OutboxSender.wait(40)).isEqualTo(Duration.ofHours(1));
    }
}
