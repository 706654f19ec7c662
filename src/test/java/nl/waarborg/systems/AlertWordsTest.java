package nl.waarborg.systems;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import nl.waarborg.BundleAgreement;
import org.junit.jupiter.api.Test;

/** The alert to staff when a system operation is given up: both languages complete, placeholders alike. */
class AlertWordsTest {

    @Test
    void bothLanguagesHaveTheSameKeysAndPlaceholdersAndNameTheOperationAndTheList() {
        Properties nl = BundleAgreement.assertNlAndEnAgree(GiveUpAlerts.class, "alerts");
        assertThat(nl.getProperty("given-up.text")).contains("{0}", "{2}", "{4}", "{5}");
    }
}
