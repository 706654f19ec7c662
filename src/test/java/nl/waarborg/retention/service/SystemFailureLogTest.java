package nl.waarborg.retention.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.waarborg.systems.SystemOperations.SystemSweep;
import org.junit.jupiter.api.Test;

/** A system that stays down is logged once per cause, and once more when it recovers, not at every sweep. */
class SystemFailureLogTest {

    static SystemSweep failed(String system, String cause) {
        return new SystemSweep(system, "webhook", "sweep-1", "failed", Map.of(), cause, null);
    }

    static SystemSweep done(String system) {
        return new SystemSweep(system, "jdbc", "sweep-2", "done", Map.of("delete:call_logs:call-metadata", 3L), null, null);
    }

    @Test
    void aFailingSystemIsLoggedOncePerCauseAndOnceMoreWhenItRecovers() {
        SystemFailureLog log = new SystemFailureLog();
        String noSecret = "secret-unavailable: system `mailing`: webhook secret: environment variable MAILING_WEBHOOK_SECRET is not set";

        assertThat(log.after(List.of(failed("mailing", noSecret), done("crm")))).containsExactly(new SystemFailureLog.Line(
                true, "retention sweep of system mailing: failed (" + noSecret + "); not repeated while it stays so"));
        for (int sweep = 0; sweep < 5; sweep++) {
            assertThat(log.after(List.of(failed("mailing", noSecret), done("crm")))).isEmpty();
        }
        // another cause is news; so is the recovery, once
        assertThat(log.after(List.of(failed("mailing", "http-503: system `mailing` answered 503"))))
                .extracting(SystemFailureLog.Line::warning).containsExactly(true);
        assertThat(log.after(List.of(done("mailing")))).containsExactly(
                new SystemFailureLog.Line(false, "retention sweep of system mailing: done again"));
        assertThat(log.after(List.of(done("mailing")))).isEmpty();
    }
}
