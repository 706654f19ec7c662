package nl.waarborg.systems.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * A jdbc system's fault as its cause: the kind of fault as a code first (what the audit log keeps), then the system,
 * what was being done and a sentence for people; never the driver's message, which may quote a value or a password.
 */
class JdbcFaultsTest {

    @Test
    void theCauseStartsWithTheCodeOfTheFaultAndNeverRepeatsTheDriversMessage() {
        String wrongPassword = JdbcFaults.cause("crm", "sweeping", new SQLException("password Geheim-1 is wrong", "28P01"));
        assertThat(wrongPassword).startsWith("credentials-refused: system `crm`: sweeping: ")
                .contains("SQLSTATE 28P01").doesNotContain("Geheim-1");

        SQLException refused = new SQLException("Connection to db:5432 refused", "08001", new ConnectException("refused"));
        assertThat(JdbcFaults.cause("crm", "exporting", refused)).startsWith("connection-refused: system `crm`:")
                .doesNotContain("db:5432");
        assertThat(JdbcFaults.cause("crm", "sweeping", new SQLException("relation \"x\"", "42P01")))
                .startsWith("table-missing: ");
        assertThat(JdbcFaults.cause("crm", "sweeping", new SQLException("no state")))
                .startsWith("unreachable: ");
    }
}
